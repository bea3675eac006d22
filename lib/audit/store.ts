/**
 * Append-only IndexedDB store for one device's audit chain (through idb).
 *
 * Layout: the entries themselves live in `blocks` of BLOCK_SIZE consecutive
 * entries (block n holds seq n·B+1 … (n+1)·B), because IndexedDB's cost is per
 * record: verifying or exporting 100,000 entries reads ~3,000 records instead of
 * 100,000. `rows` holds one small lookup row per entry (seq, time, type, user,
 * CRM, object, record) carrying the indexes; rows only find seqs — what is shown,
 * exported, verified and forwarded always comes from the hashed entries in blocks,
 * and every query result is re-checked against them.
 *
 * Every write (appends, pruning) goes through one serial queue so the chain stays
 * linear. Appends arriving while a transaction is in flight are sealed into the
 * next one: under load, one transaction per batch, not per event. An append
 * resolves only after its transaction completed: an MV3 worker stopped at any
 * moment either committed the event or never acknowledged it.
 *
 * Entry times never go backwards (a clock stepped back keeps the last time), so
 * time order equals seq order and a time range maps to a seq range.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  ChainVerifier,
  GENESIS_HEAD,
  hashEntry,
  type AuditEntry,
  type ChainHead,
  type UnsignedEntry,
  type VerifyResult,
} from './chain';
import type { AuditFilter } from './events';

export const AUDIT_DB_NAME = 'crm-privacy-guard-audit';
/** 1: one record per entry (development builds of 2026-11-29 only); 2: blocks + lookup rows. */
const DB_VERSION = 2;
export const BLOCK_SIZE = 32;
/** Most events sealed into one transaction; bounds the work lost to one failed commit. */
const MAX_BATCH = 500;
/** Blocks per read while streaming (verification, export, forwarding). */
const BLOCK_CHUNK = 64;

export type MetaKey = 'head' | 'anchor' | 'outbox' | 'lastVerification' | 'lastForward' | 'backoff';

/** The lookup row of one entry: only what filters need, never `data`. */
export interface EntryRow {
  seq: number;
  time: string;
  type: string;
  user: string;
  crm: string | null;
  objectType: string | null;
  recordId: string | null;
}

export interface AuditDbSchema extends DBSchema {
  blocks: { key: number; value: AuditEntry[] };
  rows: {
    key: number;
    value: EntryRow;
    indexes: {
      time: string;
      record: [string, string, string, number];
      recordId: [string, number];
      user: [string, number];
      type: [string, number];
    };
  };
  meta: { key: MetaKey; value: unknown };
}

export type AuditDb = IDBPDatabase<AuditDbSchema>;
type WriteTx = IDBPTransaction<AuditDbSchema, ('blocks' | 'rows' | 'meta')[], 'readwrite'>;

export function openAuditDb(name = AUDIT_DB_NAME): Promise<AuditDb> {
  return openDB<AuditDbSchema>(name, DB_VERSION, {
    async upgrade(db, _oldVersion, _newVersion, tx) {
      if (!db.objectStoreNames.contains('blocks')) db.createObjectStore('blocks');
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      if (!db.objectStoreNames.contains('rows')) {
        const rows = db.createObjectStore('rows', { keyPath: 'seq' });
        rows.createIndex('time', 'time');
        rows.createIndex('record', ['crm', 'objectType', 'recordId', 'seq']);
        rows.createIndex('recordId', ['recordId', 'seq']);
        rows.createIndex('user', ['user', 'seq']);
        rows.createIndex('type', ['type', 'seq']);
      }
      // Version 1 kept one record per entry in `entries`: move them into blocks, unchanged, so nothing is lost.
      const names = db.objectStoreNames as DOMStringList;
      if (names.contains('entries')) {
        const legacy = (tx as unknown as IDBPTransaction<LegacySchema, ['entries'], 'versionchange'>).objectStore('entries');
        const blocks = new Map<number, AuditEntry[]>();
        for (let c = await legacy.openCursor(); c; c = await c.continue()) {
          const e = c.value;
          blocks.set(blockOf(e.seq), [...(blocks.get(blockOf(e.seq)) ?? []), e]);
          void tx.objectStore('rows').put(rowOf(e));
        }
        for (const [no, arr] of blocks) void tx.objectStore('blocks').put(arr, no);
        (db as unknown as IDBPDatabase<LegacySchema>).deleteObjectStore('entries');
      }
    },
  });
}

interface LegacySchema extends DBSchema {
  entries: { key: number; value: AuditEntry };
}

export const blockOf = (seq: number) => Math.floor((seq - 1) / BLOCK_SIZE);

const rowOf = (e: AuditEntry): EntryRow => ({
  seq: e.seq,
  time: e.time,
  type: e.type,
  user: e.user,
  crm: e.crm,
  objectType: e.objectType,
  recordId: e.recordId,
});

/** An event ready to be chained: everything but seq and the hashes. */
export type PendingEntry = Omit<UnsignedEntry, 'seq' | 'prevHash'>;

export class AuditStoreFullError extends Error {
  constructor(
    message: string,
    readonly unforwarded: number,
  ) {
    super(message);
    this.name = 'AuditStoreFullError';
  }
}

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_ERR';
}

export interface PruneRequest {
  /** prune entries with time strictly before this ISO time */
  before?: string;
  /** never prune past this seq (the forwarded marker, when unforwarded entries must stay) */
  maxSeq: number;
  /** prune at most this many */
  maxCount?: number;
  reason: 'retention' | 'quota';
  /** builds the checkpoint event (id, user, …) for the given data */
  checkpoint: (data: Record<string, unknown>) => PendingEntry;
}

export interface PruneResult {
  pruned: number;
  anchor: ChainHead;
  checkpoint?: AuditEntry;
}

interface AppendItem {
  kind: 'append';
  entry: PendingEntry;
  resolve: (entry: AuditEntry) => void;
  reject: (error: unknown) => void;
}
interface JobItem {
  kind: 'job';
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface StoreOptions {
  /** IndexedDB durability hint; 'strict' flushes to disk before `append` resolves. Default 'strict'. */
  durability?: 'strict' | 'relaxed' | 'default';
  /**
   * Called on a quota error before retrying once; prunes forwarded entries.
   * Returns how many were pruned (0: nothing could be freed).
   */
  onQuota?: () => Promise<number>;
}

export interface SeqRange {
  lo: number;
  hi: number;
}

/** What a commit removes before adding: entries up to `through` (pruning). */
interface Drop {
  through: ChainHead;
  /** the surviving part of the block holding `through` */
  partial: AuditEntry[];
}

export class AuditStore {
  private head: ChainHead = GENESIS_HEAD;
  private lastTime = '';
  /** the newest block as committed; appends extend a copy of it */
  private tail: { no: number; entries: AuditEntry[] } | null = null;
  private queue: Array<AppendItem | JobItem> = [];
  private draining = false;
  private maintenance: Promise<unknown> = Promise.resolve();
  onQuota: (() => Promise<number>) | undefined;

  private constructor(
    readonly db: AuditDb,
    private readonly durability: 'strict' | 'relaxed' | 'default',
  ) {}

  static async open(db: AuditDb, opts: StoreOptions = {}): Promise<AuditStore> {
    const store = new AuditStore(db, opts.durability ?? 'strict');
    store.onQuota = opts.onQuota;
    await store.loadHead();
    return store;
  }

  /** The head is the last stored entry (it commits in the same transaction), else the pruning anchor, else genesis. */
  private async loadHead(): Promise<void> {
    const tx = this.db.transaction(['blocks', 'meta'], 'readonly');
    const last = await tx.objectStore('blocks').openCursor(null, 'prev');
    const anchor = (await tx.objectStore('meta').get('anchor')) as ChainHead | undefined;
    await tx.done;
    const entry = last?.value[last.value.length - 1];
    if (last && entry) {
      this.tail = { no: last.key, entries: last.value };
      this.head = { seq: entry.seq, hash: entry.hash };
      this.lastTime = entry.time;
    } else {
      this.tail = null;
      this.head = anchor ?? GENESIS_HEAD;
    }
  }

  getHead(): ChainHead {
    return { ...this.head };
  }

  /** Resolves with the sealed entry once its transaction has committed. */
  append(entry: PendingEntry): Promise<AuditEntry> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'append', entry, resolve, reject });
      this.kick();
    });
  }

  /** Run `run` alone in the write queue (no appends interleave). */
  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind: 'job', run, resolve: resolve as (v: unknown) => void, reject });
      this.kick();
    });
  }

  /** Verification and pruning exclude each other (a prune under a running verification would look like removal). */
  private withMaintenance<T>(run: () => Promise<T>): Promise<T> {
    const next = this.maintenance.then(run, run);
    this.maintenance = next.catch(() => undefined);
    return next;
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = true;
    queueMicrotask(() => void this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const first = this.queue[0]!;
        if (first.kind === 'job') {
          this.queue.shift();
          try {
            first.resolve(await first.run());
          } catch (error) {
            first.reject(error);
          }
          continue;
        }
        let n = 0;
        while (n < this.queue.length && n < MAX_BATCH && this.queue[n]!.kind === 'append') n++;
        const batch = this.queue.splice(0, n) as AppendItem[];
        await this.writeBatch(batch);
      }
    } finally {
      this.draining = false;
      if (this.queue.length > 0) this.kick();
    }
  }

  private async writeBatch(batch: AppendItem[]): Promise<void> {
    try {
      const sealed = await this.commit(batch.map((b) => b.entry));
      batch.forEach((b, i) => b.resolve(sealed[i]!));
      return;
    } catch (error) {
      if (isQuotaError(error)) {
        await this.retryAfterQuota(batch, error);
        return;
      }
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    // One bad entry must not take the rest of its batch down: retry one by one.
    for (const item of batch) await this.writeBatch([item]);
  }

  private async retryAfterQuota(batch: AppendItem[], error: unknown): Promise<void> {
    let freed = 0;
    try {
      freed = this.onQuota ? await this.onQuota() : 0;
    } catch (pruneError) {
      batch.forEach((b) => b.reject(pruneError));
      return;
    }
    if (freed > 0) {
      try {
        const sealed = await this.commit(batch.map((b) => b.entry));
        batch.forEach((b, i) => b.resolve(sealed[i]!));
        return;
      } catch (retryError) {
        error = retryError;
      }
    }
    const unforwarded = await this.countAfter(await this.forwardedSeq()).catch(() => -1);
    const full = new AuditStoreFullError(
      `Audit log storage is full: ${unforwarded} entries are not forwarded yet and are kept; ` +
        `${freed} forwarded entries could be pruned. Forward the log or free browser storage. (${String((error as Error)?.message ?? error)})`,
      unforwarded,
    );
    batch.forEach((b) => b.reject(full));
  }

  /**
   * Seal entries onto the current head and write them (blocks, rows, head) in one
   * transaction, after an optional prefix drop. In-memory state advances only after commit.
   */
  private async commit(pending: readonly PendingEntry[], drop?: Drop): Promise<AuditEntry[]> {
    let head = this.head;
    let lastTime = this.lastTime;
    const sealed: AuditEntry[] = [];
    for (const p of pending) {
      const time = p.time < lastTime ? lastTime : p.time;
      const unsigned: UnsignedEntry = { ...p, time, seq: head.seq + 1, prevHash: head.hash };
      const hash = await hashEntry(unsigned);
      sealed.push({ ...unsigned, hash });
      head = { seq: unsigned.seq, hash };
      lastTime = time;
    }
    // Copy-on-write of every block this commit touches.
    const blocks = new Map<number, AuditEntry[]>();
    if (drop) blocks.set(blockOf(drop.through.seq), drop.partial);
    for (const e of sealed) {
      const no = blockOf(e.seq);
      let arr = blocks.get(no);
      if (!arr) {
        arr = this.tail && this.tail.no === no ? [...this.tail.entries] : [];
        blocks.set(no, arr);
      }
      arr.push(e);
    }
    const tx: WriteTx = this.db.transaction(['blocks', 'rows', 'meta'], 'readwrite', { durability: this.durability });
    const writes: Promise<unknown>[] = [];
    try {
      const blockStore = tx.objectStore('blocks');
      const rowStore = tx.objectStore('rows');
      if (drop) {
        const partialNo = blockOf(drop.through.seq);
        if (partialNo > 0) writes.push(blockStore.delete(IDBKeyRange.upperBound(partialNo - 1)));
        writes.push(rowStore.delete(IDBKeyRange.upperBound(drop.through.seq)));
        writes.push(tx.objectStore('meta').put(drop.through, 'anchor'));
      }
      for (const [no, arr] of blocks) writes.push(arr.length > 0 ? blockStore.put(arr, no) : blockStore.delete(no));
      for (const e of sealed) writes.push(rowStore.add(rowOf(e)));
      writes.push(tx.objectStore('meta').put(head, 'head'));
    } catch (error) {
      // A synchronous failure (e.g. quota on some engines) must abort everything queued so far.
      tx.abort();
      await Promise.all([tx.done, ...writes].map((p) => p.catch(() => undefined)));
      throw error;
    }
    // Request rejections are reported through tx.done; without the catch they would also surface as unhandled.
    await Promise.all([tx.done, ...writes.map((w) => w.catch(() => undefined))]);
    this.head = head;
    this.lastTime = lastTime;
    const lastNo = Math.max(...blocks.keys(), this.tail?.no ?? -1);
    const tailEntries = blocks.get(lastNo) ?? (this.tail?.no === lastNo ? this.tail.entries : undefined);
    this.tail = tailEntries && tailEntries.length > 0 ? { no: lastNo, entries: tailEntries } : null;
    return sealed;
  }

  async getMeta<T>(key: MetaKey): Promise<T | undefined> {
    return (await this.db.get('meta', key)) as T | undefined;
  }

  async setMeta(key: MetaKey, value: unknown): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite', { durability: this.durability });
    await Promise.all([tx.store.put(value, key), tx.done]);
  }

  async anchor(): Promise<ChainHead> {
    return (await this.getMeta<ChainHead>('anchor')) ?? GENESIS_HEAD;
  }

  async forwardedSeq(): Promise<number> {
    return (await this.getMeta<ChainHead>('outbox'))?.seq ?? 0;
  }

  async countAfter(seq: number): Promise<number> {
    return this.db.count('rows', IDBKeyRange.lowerBound(seq, true));
  }

  async count(): Promise<number> {
    return this.db.count('rows');
  }

  async countByType(type: string): Promise<number> {
    return this.db.countFromIndex('rows', 'type', IDBKeyRange.bound([type, -Infinity], [type, Infinity]));
  }

  /** Stream entries with seq in [lo, hi] in order, a chunk of blocks at a time (the next chunk is read ahead). */
  async *scan(lo: number, hi: number): AsyncGenerator<AuditEntry[], void, undefined> {
    if (lo > hi) return;
    const lastBlock = blockOf(hi);
    const read = (from: number) => {
      const p = from > lastBlock ? Promise.resolve([] as AuditEntry[][]) : this.db.getAll('blocks', IDBKeyRange.bound(from, lastBlock), BLOCK_CHUNK);
      // A consumer that stops early leaves the read-ahead behind; its failure must not go unhandled.
      p.catch(() => undefined);
      return p;
    };
    let from = blockOf(Math.max(1, lo));
    let next = read(from);
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) return;
      const lastSeq = chunk[chunk.length - 1]![chunk[chunk.length - 1]!.length - 1]?.seq ?? hi;
      from = blockOf(lastSeq) + 1;
      next = read(from);
      const out: AuditEntry[] = [];
      for (const block of chunk) for (const e of block) if (e.seq >= lo && e.seq <= hi) out.push(e);
      if (out.length > 0) yield out;
      if (lastSeq >= hi) return;
    }
  }

  /** Entries with seq > after, ascending, at most `limit`. */
  async readAfter(after: number, limit: number): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for await (const chunk of this.scan(after + 1, Number.MAX_SAFE_INTEGER)) {
      out.push(...chunk.slice(0, limit - out.length));
      if (out.length >= limit) break;
    }
    return out;
  }

  async get(seq: number): Promise<AuditEntry | undefined> {
    return (await this.db.get('blocks', blockOf(seq)))?.find((e) => e.seq === seq);
  }

  /** Entries for the given seqs (any order), read block by block. */
  private async getMany(seqs: readonly number[]): Promise<Map<number, AuditEntry>> {
    const wanted = new Set(seqs);
    const nos = [...new Set(seqs.map(blockOf))];
    const tx = this.db.transaction('blocks');
    const blocks = await Promise.all(nos.map((no) => tx.store.get(no)));
    await tx.done;
    const out = new Map<number, AuditEntry>();
    for (const block of blocks) for (const e of block ?? []) if (wanted.has(e.seq)) out.set(e.seq, e);
    return out;
  }

  /**
   * Delete the oldest entries (a prefix of the chain) and append a log.checkpoint
   * committing to the last deleted one, all in one transaction: the chain is never
   * seen pruned without its checkpoint.
   */
  prune(req: PruneRequest): Promise<PruneResult> {
    return this.withMaintenance(() => this.exclusive(() => this.pruneNow(req)));
  }

  /** For the quota path, which already runs inside the write queue. */
  pruneInQueue(req: PruneRequest): Promise<PruneResult> {
    return this.pruneNow(req);
  }

  private async pruneNow(req: PruneRequest): Promise<PruneResult> {
    const maxCount = req.maxCount ?? Infinity;
    let last: AuditEntry | undefined;
    let count = 0;
    // The newest entry stays, so the chain keeps a head to append the checkpoint to.
    const limit = Math.min(req.maxSeq, this.head.seq - 1);
    scan: for await (const chunk of this.scan(1, limit)) {
      for (const e of chunk) {
        if (count >= maxCount || (req.before !== undefined && e.time >= req.before)) break scan;
        last = e;
        count++;
      }
    }
    if (!last) return { pruned: 0, anchor: await this.anchor() };
    const through: ChainHead = { seq: last.seq, hash: last.hash };
    const partialNo = blockOf(through.seq);
    const block = this.tail?.no === partialNo ? this.tail.entries : ((await this.db.get('blocks', partialNo)) ?? []);
    const data: Record<string, unknown> = { prunedThrough: through, prunedCount: count, reason: req.reason };
    if (req.before !== undefined) data['cutoff'] = req.before;
    const [checkpoint] = await this.commit([req.checkpoint(data)], {
      through,
      partial: block.filter((e) => e.seq > through.seq),
    });
    return { pruned: count, anchor: through, checkpoint: checkpoint! };
  }

  /**
   * Verify the whole stored chain, streaming it block chunk by block chunk.
   * Witnesses: heads recorded elsewhere (the one the service acknowledged), so a
   * locally rewritten chain shows up.
   */
  verify(opts: { deviceId?: string; witnesses?: ChainHead[] } = {}): Promise<VerifyResult> {
    return this.withMaintenance(async () => {
      const tx = this.db.transaction(['blocks', 'meta'], 'readonly');
      const anchor = ((await tx.objectStore('meta').get('anchor')) as ChainHead | undefined) ?? GENESIS_HEAD;
      const storedHead = (await tx.objectStore('meta').get('head')) as ChainHead | undefined;
      const lastBlock = await tx.objectStore('blocks').openCursor(null, 'prev');
      const lastSeq = lastBlock?.value[lastBlock.value.length - 1]?.seq ?? anchor.seq;
      await tx.done;
      const verifier = new ChainVerifier({
        anchor,
        deviceId: opts.deviceId,
        witnesses: opts.witnesses,
        // The head copy in meta is written with every append, so cutting entries off the end shows.
        expectedHead: storedHead && storedHead.seq >= lastSeq ? storedHead : undefined,
      });
      // From seq 1, not anchor + 1: entries left at or before the anchor are reported too.
      for await (const chunk of this.scan(1, lastSeq)) await verifier.push(chunk);
      return verifier.finish();
    });
  }

  /** The seq range whose times fall in [from, to] (time is monotonic in seq). */
  async seqRangeForTime(from?: string, to?: string): Promise<SeqRange | null> {
    let lo = 1;
    let hi = Number.MAX_SAFE_INTEGER;
    if (from !== undefined) {
      const c = await this.db.transaction('rows').store.index('time').openKeyCursor(IDBKeyRange.lowerBound(from));
      if (!c) return null;
      lo = c.primaryKey;
    }
    if (to !== undefined) {
      const c = await this.db.transaction('rows').store.index('time').openKeyCursor(IDBKeyRange.upperBound(to), 'prev');
      if (!c) return null;
      hi = c.primaryKey;
    }
    return lo <= hi ? { lo, hi } : null;
  }

  /**
   * Up to `limit` entries matching `filter` within seq [lo, hi], newest first,
   * found through the most selective index of the lookup rows and then read from
   * the blocks. Reads at most `scanLimit` rows per call, so a rare match cannot
   * stall the caller; `rest` continues.
   */
  async readMatching(filter: AuditFilter, range: SeqRange, limit: number, scanLimit = 5000): Promise<{ entries: AuditEntry[]; rest: SeqRange | null }> {
    if (range.lo > range.hi) return { entries: [], rest: null };
    const plan = planIndex(filter, range);
    const tx = this.db.transaction('rows');
    const source = plan.index ? tx.store.index(plan.index) : tx.store;
    const seqs: number[] = [];
    let scanned = 0;
    let lastSeq: number | null = null;
    let exhausted: boolean;
    if (plan.exact) {
      // Index keys end in seq and the primary key is seq: keys alone answer, no row is read.
      let cursor = await source.openKeyCursor(plan.keyRange, 'prev');
      while (cursor && seqs.length < limit) {
        seqs.push(cursor.primaryKey);
        lastSeq = cursor.primaryKey;
        cursor = await cursor.continue();
      }
      exhausted = cursor === null;
    } else {
      let cursor = await source.openCursor(plan.keyRange, 'prev');
      while (cursor && seqs.length < limit && scanned < scanLimit) {
        const row = cursor.value;
        scanned++;
        lastSeq = row.seq;
        if (matches(row, filter)) seqs.push(row.seq);
        cursor = await cursor.continue();
      }
      exhausted = cursor === null;
    }
    await tx.done;
    const bySeq = await this.getMany(seqs);
    // Rows only point; the hashed entry decides. A row edited to point elsewhere finds nothing.
    const entries = seqs.map((s) => bySeq.get(s)).filter((e): e is AuditEntry => e !== undefined && matches(e, filter));
    if (exhausted || lastSeq === null) return { entries, rest: null };
    const rest = { lo: range.lo, hi: lastSeq - 1 };
    return { entries, rest: rest.lo <= rest.hi ? rest : null };
  }
}

type IndexName = 'record' | 'recordId' | 'user' | 'type';

/** Pick the most selective index for the filter; `exact` means the index range alone is the answer. */
function planIndex(filter: AuditFilter, r: SeqRange): { index?: IndexName; keyRange: IDBKeyRange; exact: boolean } {
  const extra = (used: (keyof AuditFilter)[]) =>
    (['type', 'crm', 'objectType', 'recordId', 'user'] as const).some((k) => filter[k] !== undefined && !used.includes(k));
  if (filter.crm !== undefined && filter.objectType !== undefined && filter.recordId !== undefined) {
    const p = [filter.crm, filter.objectType, filter.recordId];
    return { index: 'record', keyRange: IDBKeyRange.bound([...p, r.lo], [...p, r.hi]), exact: !extra(['crm', 'objectType', 'recordId']) };
  }
  if (filter.recordId !== undefined) {
    return { index: 'recordId', keyRange: IDBKeyRange.bound([filter.recordId, r.lo], [filter.recordId, r.hi]), exact: !extra(['recordId']) };
  }
  if (filter.user !== undefined) {
    return { index: 'user', keyRange: IDBKeyRange.bound([filter.user, r.lo], [filter.user, r.hi]), exact: !extra(['user']) };
  }
  if (filter.type !== undefined) {
    return { index: 'type', keyRange: IDBKeyRange.bound([filter.type, r.lo], [filter.type, r.hi]), exact: !extra(['type']) };
  }
  return { keyRange: IDBKeyRange.bound(r.lo, r.hi), exact: !extra([]) };
}

/** Time bounds are applied as a seq range by the caller; this checks the equality filters (and time, as a guard). */
export function matches(e: EntryRow, f: AuditFilter): boolean {
  return (
    (f.type === undefined || e.type === f.type) &&
    (f.crm === undefined || e.crm === f.crm) &&
    (f.objectType === undefined || e.objectType === f.objectType) &&
    (f.recordId === undefined || e.recordId === f.recordId) &&
    (f.user === undefined || e.user === f.user) &&
    (f.from === undefined || e.time >= f.from) &&
    (f.to === undefined || e.time <= f.to)
  );
}
