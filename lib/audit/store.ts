/**
 * Append-only IndexedDB store for one device's audit chain (through idb).
 *
 * Every write (appends, pruning) goes through one serial queue so the chain stays
 * linear. Appends that arrive while a transaction is in flight are sealed into the
 * next one, so under load there is one transaction per batch, not per event. An
 * append resolves only after its transaction completed: an MV3 worker stopped at
 * any moment either committed the event or never acknowledged it.
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
const DB_VERSION = 1;
/** Most events sealed into one transaction; bounds the work lost to one failed commit. */
const MAX_BATCH = 500;
const READ_CHUNK = 1000;

export type MetaKey = 'head' | 'anchor' | 'outbox' | 'lastVerification' | 'lastForward' | 'backoff';

export interface AuditDbSchema extends DBSchema {
  entries: {
    key: number;
    value: AuditEntry;
    indexes: {
      id: string;
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

export function openAuditDb(name = AUDIT_DB_NAME): Promise<AuditDb> {
  return openDB<AuditDbSchema>(name, DB_VERSION, {
    upgrade(db) {
      const entries = db.createObjectStore('entries', { keyPath: 'seq' });
      entries.createIndex('id', 'id', { unique: true });
      entries.createIndex('time', 'time');
      entries.createIndex('record', ['crm', 'objectType', 'recordId', 'seq']);
      entries.createIndex('recordId', ['recordId', 'seq']);
      entries.createIndex('user', ['user', 'seq']);
      entries.createIndex('type', ['type', 'seq']);
      db.createObjectStore('meta');
    },
  });
}

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

export class AuditStore {
  private head: ChainHead = GENESIS_HEAD;
  private lastTime = '';
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

  /** The head is the last entry itself (it commits in the same transaction), else the pruning anchor, else genesis. */
  private async loadHead(): Promise<void> {
    const tx = this.db.transaction(['entries', 'meta'], 'readonly');
    const last = await tx.objectStore('entries').openCursor(null, 'prev');
    const anchor = (await tx.objectStore('meta').get('anchor')) as ChainHead | undefined;
    await tx.done;
    if (last) {
      this.head = { seq: last.value.seq, hash: last.value.hash };
      this.lastTime = last.value.time;
    } else {
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

  /** Seal entries onto the current head and write them in one transaction; the head advances only after commit. */
  private async commit(pending: readonly PendingEntry[], extra?: (tx: WriteTx) => void): Promise<AuditEntry[]> {
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
    const tx = this.db.transaction(['entries', 'meta'], 'readwrite', { durability: this.durability });
    // Handled through tx.done; without this an abort would also surface as an unhandled rejection.
    const writes: Promise<unknown>[] = [];
    try {
      extra?.(tx);
      const entries = tx.objectStore('entries');
      for (const e of sealed) writes.push(entries.add(e));
      writes.push(tx.objectStore('meta').put(head, 'head'));
    } catch (error) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw error;
    }
    await Promise.all([tx.done, ...writes.map((w) => w.catch(() => undefined))]);
    this.head = head;
    this.lastTime = lastTime;
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
    return this.db.count('entries', IDBKeyRange.lowerBound(seq, true));
  }

  async count(): Promise<number> {
    return this.db.count('entries');
  }

  async countByType(type: string): Promise<number> {
    return this.db.countFromIndex('entries', 'type', IDBKeyRange.bound([type, -Infinity], [type, Infinity]));
  }

  /** Entries with seq > after, ascending, at most `limit`. */
  async readAfter(after: number, limit: number): Promise<AuditEntry[]> {
    return this.db.getAll('entries', IDBKeyRange.lowerBound(after, true), limit);
  }

  async get(seq: number): Promise<AuditEntry | undefined> {
    return this.db.get('entries', seq);
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
    let after = 0;
    scan: for (;;) {
      const chunk = await this.readAfter(after, READ_CHUNK);
      if (chunk.length === 0) break;
      for (const e of chunk) {
        if (e.seq > req.maxSeq || count >= maxCount || (req.before !== undefined && e.time >= req.before)) break scan;
        // The newest entry stays, so the chain keeps a head to append the checkpoint to.
        if (e.seq >= this.head.seq) break scan;
        last = e;
        count++;
      }
      after = chunk[chunk.length - 1]!.seq;
    }
    if (!last) return { pruned: 0, anchor: await this.anchor() };
    const anchor: ChainHead = { seq: last.seq, hash: last.hash };
    const data: Record<string, unknown> = { prunedThrough: anchor, prunedCount: count, reason: req.reason };
    if (req.before !== undefined) data['cutoff'] = req.before;
    const [checkpoint] = await this.commit([req.checkpoint(data)], (tx) => {
      void tx.objectStore('entries').delete(IDBKeyRange.upperBound(anchor.seq));
      void tx.objectStore('meta').put(anchor, 'anchor');
    });
    return { pruned: count, anchor, checkpoint: checkpoint! };
  }

  /**
   * Verify the whole stored chain, streaming it in chunks (the next chunk is read
   * while the current one is hashed). Witnesses: the head acknowledged by the
   * service, so a locally rewritten chain shows up.
   */
  verify(opts: { deviceId?: string; witnesses?: ChainHead[] } = {}): Promise<VerifyResult> {
    return this.withMaintenance(async () => {
      const tx = this.db.transaction(['entries', 'meta'], 'readonly');
      const anchor = ((await tx.objectStore('meta').get('anchor')) as ChainHead | undefined) ?? GENESIS_HEAD;
      const storedHead = (await tx.objectStore('meta').get('head')) as ChainHead | undefined;
      const lastCursor = await tx.objectStore('entries').openCursor(null, 'prev');
      const lastSeq = lastCursor?.value.seq ?? anchor.seq;
      await tx.done;
      const verifier = new ChainVerifier({
        anchor,
        deviceId: opts.deviceId,
        witnesses: opts.witnesses,
        // The head copy in meta is written with every append, so truncating the entries alone shows.
        expectedHead: storedHead && storedHead.seq >= lastSeq ? storedHead : undefined,
      });
      const range = (after: number) => IDBKeyRange.bound(after, lastSeq, true, false);
      let next = lastSeq > anchor.seq ? this.db.getAll('entries', range(anchor.seq), READ_CHUNK * 2) : Promise.resolve([]);
      for (;;) {
        const chunk = await next;
        if (chunk.length === 0) break;
        const tail = chunk[chunk.length - 1]!.seq;
        next = tail < lastSeq ? this.db.getAll('entries', range(tail), READ_CHUNK * 2) : Promise.resolve([]);
        await verifier.push(chunk);
      }
      return verifier.finish();
    });
  }

  /** The seq range whose times fall in [from, to] (time is monotonic in seq). */
  async seqRangeForTime(from?: string, to?: string): Promise<SeqRange | null> {
    let lo = 1;
    let hi = Number.MAX_SAFE_INTEGER;
    if (from !== undefined) {
      const c = await this.db.transaction('entries').store.index('time').openKeyCursor(IDBKeyRange.lowerBound(from));
      if (!c) return null;
      lo = c.primaryKey;
    }
    if (to !== undefined) {
      const c = await this.db.transaction('entries').store.index('time').openKeyCursor(IDBKeyRange.upperBound(to), 'prev');
      if (!c) return null;
      hi = c.primaryKey;
    }
    return lo <= hi ? { lo, hi } : null;
  }

  /**
   * One chunk of entries matching `filter` within seq [lo, hi], in the given
   * direction, through the most selective index. Reads at most `scanLimit`
   * records so a rare match cannot stall the caller; `nextLo`/`nextHi` continue.
   */
  async readMatching(
    filter: AuditFilter,
    range: SeqRange,
    direction: 'next' | 'prev',
    limit: number,
    scanLimit = 5000,
  ): Promise<{ entries: AuditEntry[]; rest: SeqRange | null }> {
    if (range.lo > range.hi) return { entries: [], rest: null };
    const plan = planIndex(filter, range);
    const residual = (e: AuditEntry) => matches(e, filter);
    const tx = this.db.transaction('entries');
    const source = plan.index ? tx.store.index(plan.index) : tx.store;
    const entries: AuditEntry[] = [];
    let scanned = 0;
    let lastSeq: number | null = null;
    if (direction === 'next' && plan.exact) {
      const got = (await source.getAll(plan.keyRange as IDBKeyRange, limit)) as AuditEntry[];
      await tx.done;
      const last = got[got.length - 1];
      if (got.length < limit || !last) return { entries: got, rest: null };
      return { entries: got, rest: last.seq < range.hi ? { lo: last.seq + 1, hi: range.hi } : null };
    }
    let cursor = await source.openCursor(plan.keyRange as IDBKeyRange, direction);
    while (cursor && entries.length < limit && scanned < scanLimit) {
      const e = cursor.value as AuditEntry;
      scanned++;
      lastSeq = e.seq;
      if (residual(e)) entries.push(e);
      cursor = await cursor.continue();
    }
    const exhausted = cursor === null;
    await tx.done;
    if (exhausted || lastSeq === null) return { entries, rest: null };
    const rest = direction === 'next' ? { lo: lastSeq + 1, hi: range.hi } : { lo: range.lo, hi: lastSeq - 1 };
    return { entries, rest: rest.lo <= rest.hi ? rest : null };
  }
}

type WriteTx = IDBPTransaction<AuditDbSchema, ('entries' | 'meta')[], 'readwrite'>;

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

export function matches(e: AuditEntry, f: AuditFilter): boolean {
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

