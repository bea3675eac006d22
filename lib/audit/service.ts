/**
 * The audit log as the background uses it: validates events, chains and stores
 * them, answers queries, verifies, exports, prunes and forwards. Constructed once
 * in the background service worker; every method is safe to call concurrently.
 */
import { EVENT_TYPES, auditFilterSchema, maskAll, validateEvent, type AuditFilter, type EventType, type Redact } from './events';
import { ENTRY_VERSION, type AuditEntry, type ChainHead, type ChainProblemReason, type VerifyResult } from './chain';
import { createIdFactory } from './id';
import { AuditStore, matches, openAuditDb, type AuditDb, type PendingEntry, type PruneResult } from './store';
import { Outbox, type ForwardConfig, type ForwardResult } from './outbox';
import { csvHeader, csvRow, ndjsonLine } from './export';

export interface AuditLogDeps {
  /** Defaults to the extension's IndexedDB database. */
  openDb?: () => Promise<AuditDb>;
  deviceId: string;
  extVersion: string;
  now?: () => number;
  /** Masks personal data in free text (override reasons); pass `redactText` from lib/detect. Default: mask all. */
  redact?: Redact;
  /** The user recorded when the event names none: a policy-set pseudonym, else `install:<deviceId>`. */
  pseudonym?: string;
  fetch?: typeof fetch;
  random?: () => number;
  durability?: 'strict' | 'relaxed' | 'default';
}

export interface QueryPage {
  /** 1..1000 */
  limit: number;
  /** return entries with seq below this (newest first); from `nextBefore` of the previous page */
  before?: number;
}

export interface QueryResult {
  entries: AuditEntry[];
  /** pass as `before` for the next page; absent when there are no more */
  nextBefore?: number;
}

export interface LastVerification {
  at: string;
  ok: boolean;
  checked: number;
  problemCount: number;
  firstProblem?: { seq: number; reason: ChainProblemReason; detail: string };
  durationMs: number;
  /** set when the log.verified entry could not be appended (e.g. storage full) */
  logError?: string;
}

export interface AuditStats {
  total: number;
  byType: Record<EventType, number>;
  head: ChainHead;
  /** the pruned head the chain starts after (seq 0 when nothing was pruned) */
  anchor: ChainHead;
  /** forwarded-up-to marker */
  forwarded: ChainHead | null;
  /** entries waiting to be forwarded */
  outboxSize: number;
  lastVerification: LastVerification | null;
  lastForward: ForwardResult | null;
}

export interface PruneOptions {
  /**
   * Keep entries not yet forwarded even when older than the retention period
   * (default true). Pass false when policy configures no endpoint, as nothing is
   * ever forwarded then.
   */
  keepUnforwarded?: boolean;
}

export interface AuditLog {
  append(event: unknown): Promise<AuditEntry>;
  query(filter: AuditFilter, page: QueryPage): Promise<QueryResult>;
  verify(): Promise<LastVerification>;
  exportCsv(filter: AuditFilter): AsyncGenerator<string, void, undefined>;
  exportNdjson(filter: AuditFilter): AsyncGenerator<string, void, undefined>;
  prune(retentionDays: number, now?: number, opts?: PruneOptions): Promise<PruneResult>;
  stats(): Promise<AuditStats>;
  forward(config: ForwardConfig): Promise<ForwardResult>;
  head(): ChainHead;
  close(): void;
}

const DAY_MS = 86_400_000;

export async function createAuditLog(deps: AuditLogDeps): Promise<AuditLog> {
  // Every entry carries these; a bad one would make the whole chain fail verification later.
  const textOk = (v: unknown, max: number) => typeof v === 'string' && v.length >= 1 && v.length <= max;
  if (!textOk(deps.deviceId, 256)) throw new TypeError('audit log: deviceId must be 1–256 characters');
  if (!textOk(deps.extVersion, 64)) throw new TypeError('audit log: extVersion must be 1–64 characters');
  if (deps.pseudonym !== undefined && !textOk(deps.pseudonym, 256)) throw new TypeError('audit log: pseudonym must be 1–256 characters');
  const now = deps.now ?? Date.now;
  const redact = deps.redact ?? maskAll;
  const user = deps.pseudonym ?? `install:${deps.deviceId}`;
  const nextId = createIdFactory();
  const db = await (deps.openDb ?? (() => openAuditDb()))();
  const store = await AuditStore.open(db, { durability: deps.durability });
  const outbox = new Outbox({
    store,
    deviceId: deps.deviceId,
    extVersion: deps.extVersion,
    fetch: deps.fetch ?? ((...args) => fetch(...args)),
    now,
    random: deps.random,
  });

  const pending = (type: EventType, data: Record<string, unknown>, ctx: { user?: string; crm?: string; objectType?: string; recordId?: string; host?: string }): PendingEntry => {
    const t = now();
    return {
      v: ENTRY_VERSION,
      id: nextId(t),
      deviceId: deps.deviceId,
      time: new Date(t).toISOString(),
      type,
      user: ctx.user ?? user,
      crm: ctx.crm ?? null,
      objectType: ctx.objectType ?? null,
      recordId: ctx.recordId ?? null,
      host: ctx.host ?? null,
      extVersion: deps.extVersion,
      data,
    };
  };

  const checkpoint = (data: Record<string, unknown>) => pending('log.checkpoint', data, {});

  // Quota pressure: prune the oldest forwarded entries (a quarter of them, at least 500), never unforwarded ones.
  store.onQuota = async () => {
    const forwardedSeq = await store.forwardedSeq();
    const anchor = await store.anchor();
    const forwarded = Math.max(0, forwardedSeq - anchor.seq);
    if (forwarded === 0) return 0;
    const r = await store.pruneInQueue({
      maxSeq: forwardedSeq,
      maxCount: Math.max(500, Math.floor(forwarded / 4)),
      reason: 'quota',
      checkpoint,
    });
    return r.pruned;
  };

  const appendValidated = (type: EventType, data: Record<string, unknown>, ctx: Parameters<typeof pending>[2]) =>
    store.append(pending(type, data, ctx));

  const resolveRange = async (filter: AuditFilter) => store.seqRangeForTime(filter.from, filter.to);

  async function* exportAll(filter: AuditFilter, format: 'csv' | 'ndjson'): AsyncGenerator<string, void, undefined> {
    const f = auditFilterSchema.parse(filter);
    let count = 0;
    let completed = false;
    try {
      if (format === 'csv') yield csvHeader();
      const head = store.getHead();
      const range = await resolveRange(f);
      // Entries appended during the export (including its own log.exported) are not part of it.
      // Blocks are read in order and filtered in memory: a full pass is cheaper than index lookups per entry.
      if (range) {
        for await (const chunk of store.scan(range.lo, Math.min(range.hi, head.seq))) {
          const matching = chunk.filter((e) => matches(e, f));
          if (matching.length === 0) continue;
          count += matching.length;
          yield matching.map(format === 'csv' ? csvRow : ndjsonLine).join('');
        }
      }
      completed = true;
    } finally {
      await appendValidated('log.exported', { format, count, completed, filter: f }, {});
    }
  }

  return {
    async append(event) {
      const v = validateEvent(event, redact);
      return appendValidated(v.type, v.data, v.context);
    },

    async query(filter, page) {
      const f = auditFilterSchema.parse(filter);
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > 1000) throw new RangeError('query limit must be 1..1000');
      let range = await resolveRange(f);
      if (range && page.before !== undefined) range = { lo: range.lo, hi: Math.min(range.hi, page.before - 1) };
      const entries: AuditEntry[] = [];
      while (range && entries.length < page.limit) {
        const chunk = await store.readMatching(f, range, page.limit - entries.length);
        entries.push(...chunk.entries);
        range = chunk.rest;
      }
      const last = entries[entries.length - 1];
      return range && last ? { entries, nextBefore: last.seq } : { entries };
    },

    async verify() {
      const started = performance.now();
      const forwarded = await store.getMeta<ChainHead>('outbox');
      const result: VerifyResult = await store.verify({ deviceId: deps.deviceId, witnesses: forwarded ? [forwarded] : [] });
      const durationMs = Math.round(performance.now() - started);
      const first = result.problems[0];
      const summary: LastVerification = {
        at: new Date(now()).toISOString(),
        ok: result.ok,
        checked: result.checked,
        problemCount: result.problemCount,
        durationMs,
        ...(first ? { firstProblem: { seq: first.seq, reason: first.reason, detail: first.detail } } : {}),
      };
      await store.setMeta('lastVerification', summary);
      // A full store must not hide the verdict: the result is returned and kept in meta even if it cannot be logged.
      await appendValidated(
        'log.verified',
        {
          ok: result.ok,
          checked: result.checked,
          problemCount: result.problemCount,
          durationMs,
          ...(first ? { firstProblem: { seq: first.seq, reason: first.reason } } : {}),
        },
        {},
      ).catch((error: unknown) => {
        summary.logError = error instanceof Error ? error.message : String(error);
      });
      return summary;
    },

    exportCsv: (filter) => exportAll(filter, 'csv'),
    exportNdjson: (filter) => exportAll(filter, 'ndjson'),

    async prune(retentionDays, at = now(), opts = {}) {
      if (!Number.isFinite(retentionDays) || retentionDays < 1) throw new RangeError('retention must be at least 1 day');
      const before = new Date(at - retentionDays * DAY_MS).toISOString();
      const keep = opts.keepUnforwarded ?? true;
      return store.prune({
        before,
        maxSeq: keep ? await store.forwardedSeq() : Number.MAX_SAFE_INTEGER,
        reason: 'retention',
        checkpoint,
      });
    },

    async stats() {
      const [total, anchor, forwarded, lastVerification, lastForward] = await Promise.all([
        store.count(),
        store.anchor(),
        store.getMeta<ChainHead>('outbox'),
        store.getMeta<LastVerification>('lastVerification'),
        store.getMeta<ForwardResult>('lastForward'),
      ]);
      const counts = await Promise.all(EVENT_TYPES.map((t) => store.countByType(t)));
      const byType = Object.fromEntries(EVENT_TYPES.map((t, i) => [t, counts[i] ?? 0])) as Record<EventType, number>;
      return {
        total,
        byType,
        head: store.getHead(),
        anchor,
        forwarded: forwarded ?? null,
        outboxSize: await store.countAfter(forwarded?.seq ?? 0),
        lastVerification: lastVerification ?? null,
        lastForward: lastForward ?? null,
      };
    },

    forward: (config) => outbox.forward(config),
    head: () => store.getHead(),
    close: () => db.close(),
  };
}
