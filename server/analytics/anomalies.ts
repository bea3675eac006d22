/**
 * Anomaly rules over the central log, each finding with its evidence: the ids of
 * the audit entries (or flagged entries) it rests on, so an auditor can pull
 * every one of them from /v1/audit/events and check the chain behind them.
 * SQL narrows the candidates; the sliding windows run here, on the few users a
 * rule could fire for, because "distinct records in a moving window" has no
 * plain SQL form.
 */
import type { Queryable } from '../db';
import { chainStatus, missingOf, type DeviceRow } from '../audit/ingest';
import type { AnalyticsConfig } from './config';
import { ACCESS_TYPE, stringArray } from './queries';
import type { Range } from './range';

export const ANOMALY_RULES = ['bulk_access', 'off_hours', 'repeated_overrides', 'chain_broken'] as const;
export type AnomalyRule = (typeof ANOMALY_RULES)[number];

/** Evidence ids kept per finding; `count` still says how many there were. */
export const MAX_EVIDENCE = 1000;

export interface Anomaly {
  /** Stable for the same finding over the same data: rule, subject and first evidence. */
  id: string;
  rule: AnomalyRule;
  user: string | null;
  deviceId: string | null;
  from: string;
  to: string;
  count: number;
  /** Rule-specific figures, numbers and identifiers only. */
  detail: Record<string, string | number>;
  evidence: string[];
  evidenceTruncated: boolean;
}

interface Hit {
  id: string;
  time: Date;
  key: string;
}

function finding(rule: AnomalyRule, subject: { user?: string; deviceId?: string }, hits: readonly Hit[], detail: Anomaly['detail'], count = hits.length): Anomaly {
  const first = hits[0]!;
  const last = hits[hits.length - 1]!;
  return {
    id: `${rule}:${subject.user ?? subject.deviceId ?? ''}:${first.id}`,
    rule,
    user: subject.user ?? null,
    deviceId: subject.deviceId ?? null,
    from: first.time.toISOString(),
    to: last.time.toISOString(),
    count,
    detail,
    evidence: hits.slice(0, MAX_EVIDENCE).map((h) => h.id),
    evidenceTruncated: hits.length > MAX_EVIDENCE,
  };
}

/**
 * Episodes in which the number of distinct keys inside a window of `windowMs`
 * ending at some hit exceeds `limit` (or reaches it with `atLeast`). Overlapping
 * windows merge into one episode whose evidence is every hit from the first
 * window's start to the last qualifying hit. Hits must be in time order.
 */
export function slidingEpisodes(hits: readonly Hit[], windowMs: number, limit: number, atLeast = false): { hits: Hit[]; peak: number }[] {
  const episodes: { hits: Hit[]; peak: number }[] = [];
  const inWindow = new Map<string, number>();
  let start = 0;
  let open: { startIndex: number; endIndex: number; peak: number } | null = null;
  const close = () => {
    if (open) episodes.push({ hits: hits.slice(open.startIndex, open.endIndex + 1), peak: open.peak });
    open = null;
  };
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    inWindow.set(hit.key, (inWindow.get(hit.key) ?? 0) + 1);
    while (hits[start]!.time.getTime() <= hit.time.getTime() - windowMs) {
      const key = hits[start]!.key;
      const n = inWindow.get(key)! - 1;
      if (n === 0) inWindow.delete(key);
      else inWindow.set(key, n);
      start++;
    }
    const distinct = inWindow.size;
    const fires = atLeast ? distinct >= limit : distinct > limit;
    if (fires) {
      if (open && start <= open.endIndex) {
        open.endIndex = i;
        open.peak = Math.max(open.peak, distinct);
      } else {
        close();
        open = { startIndex: start, endIndex: i, peak: distinct };
      }
    }
  }
  close();
  return episodes;
}

async function bulkAccess(db: Queryable, range: Range, config: AnalyticsConfig): Promise<Anomaly[]> {
  const windowMs = config.bulkMinutes * 60_000;
  // Views in a window bound distinct records from above: users below the limit cannot fire.
  const candidates = await db.query<{ user_name: string }>(
    `SELECT DISTINCT user_name FROM (
       SELECT user_name, count(*) OVER (PARTITION BY user_name ORDER BY time RANGE BETWEEN $4::interval PRECEDING AND CURRENT ROW) AS n
         FROM audit_entries WHERE type = $3 AND time >= $1::timestamptz AND time < $2::timestamptz) v
      WHERE n > $5 ORDER BY user_name`,
    [range.from, range.to, ACCESS_TYPE, `${windowMs - 1} milliseconds`, config.bulkRecords],
  );
  const out: Anomaly[] = [];
  for (const { user_name: user } of candidates) {
    const rows = await db.query<{ id: string; time: Date; key: string }>(
      `SELECT id, time, concat_ws('/', crm, object_type, record_id) AS key FROM audit_entries
        WHERE user_name = $1 AND type = $2 AND time >= $3::timestamptz AND time < $4::timestamptz ORDER BY time, id`,
      [user, ACCESS_TYPE, range.from, range.to],
    );
    for (const episode of slidingEpisodes(rows, windowMs, config.bulkRecords)) {
      const records = new Set(episode.hits.map((h) => h.key)).size;
      out.push(finding('bulk_access', { user }, episode.hits, { records, peakInWindow: episode.peak, windowMinutes: config.bulkMinutes, threshold: config.bulkRecords }));
    }
  }
  return out;
}

async function offHours(db: Queryable, range: Range, config: AnalyticsConfig): Promise<Anomaly[]> {
  const rows = await db.query<{ id: string; time: Date; user_name: string; day: string; record: string }>(
    `SELECT id, time, user_name, to_char(time AT TIME ZONE $4, 'YYYY-MM-DD') AS day, concat_ws('/', crm, object_type, record_id) AS record
       FROM audit_entries
      WHERE type = $3 AND time >= $1::timestamptz AND time < $2::timestamptz
        AND (extract(hour FROM time AT TIME ZONE $4) < $5 OR extract(hour FROM time AT TIME ZONE $4) >= $6
             OR NOT (extract(isodow FROM time AT TIME ZONE $4)::int IN (SELECT jsonb_array_elements_text($7::jsonb)::int)))
      ORDER BY user_name, day, time, id`,
    [range.from, range.to, ACCESS_TYPE, config.timeZone, config.workStartHour, config.workEndHour, JSON.stringify(config.workDays)],
  );
  // One finding per user and local day.
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.user_name}\u0000${r.day}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((g) =>
    finding('off_hours', { user: g[0]!.user_name }, g.map((r) => ({ id: r.id, time: r.time, key: r.record })), {
      day: g[0]!.day,
      records: new Set(g.map((r) => r.record)).size,
      workingHours: `${config.workStartHour}-${config.workEndHour}`,
      timeZone: config.timeZone,
    }),
  );
}

async function repeatedOverrides(db: Queryable, range: Range, config: AnalyticsConfig): Promise<Anomaly[]> {
  const rows = await db.query<{ id: string; time: Date; user_name: string; data: Record<string, unknown> }>(
    `SELECT id, time, user_name, data FROM audit_entries
      WHERE type = 'input.overridden' AND time >= $1::timestamptz AND time < $2::timestamptz
        AND user_name IN (SELECT user_name FROM audit_entries WHERE type = 'input.overridden' AND time >= $1::timestamptz AND time < $2::timestamptz
                           GROUP BY user_name HAVING count(*) >= $3)
      ORDER BY user_name, time, id`,
    [range.from, range.to, config.overrideCount],
  );
  const out: Anomaly[] = [];
  let i = 0;
  while (i < rows.length) {
    const user = rows[i]!.user_name;
    const own: Hit[] = [];
    const kinds = new Map<string, string[]>();
    for (; i < rows.length && rows[i]!.user_name === user; i++) {
      const r = rows[i]!;
      // Every override is its own key: the rule counts events, not distinct records.
      own.push({ id: r.id, time: r.time, key: r.id });
      kinds.set(r.id, stringArray(r.data.kinds));
    }
    for (const episode of slidingEpisodes(own, config.overrideHours * 3_600_000, config.overrideCount, true)) {
      const seen = new Set(episode.hits.flatMap((h) => kinds.get(h.id) ?? []));
      out.push(finding('repeated_overrides', { user }, episode.hits, { kinds: [...seen].sort().join(','), windowHours: config.overrideHours, threshold: config.overrideCount }));
    }
  }
  return out;
}

async function brokenChains(db: Queryable): Promise<Anomaly[]> {
  const devices = (await db.query<DeviceRow>('SELECT * FROM audit_devices ORDER BY device_id')).filter((d) => chainStatus(d) !== 'ok');
  const out: Anomaly[] = [];
  for (const d of devices) {
    const flagged = await db.query<{ entry_id: string; received_at: Date; reason: string }>(
      `SELECT entry_id, received_at, reason FROM audit_flagged WHERE device_id = $1 ORDER BY id LIMIT ${MAX_EVIDENCE + 1}`,
      [d.device_id],
    );
    // Entries on both sides of each hole in the stored seqs.
    const gaps = await db.query<{ before_id: string; after_id: string; before_time: Date; after_time: Date; missing: number }>(
      `SELECT prev_id AS before_id, id AS after_id, prev_time AS before_time, time AS after_time, (seq - prev_seq - 1)::int AS missing FROM (
         SELECT id, seq, time, lag(seq) OVER w AS prev_seq, lag(id) OVER w AS prev_id, lag(time) OVER w AS prev_time
           FROM audit_entries WHERE device_id = $1 WINDOW w AS (ORDER BY seq)) s
        WHERE seq - prev_seq > 1 ORDER BY seq LIMIT ${MAX_EVIDENCE}`,
      [d.device_id],
    );
    const hits: Hit[] = [
      ...flagged.map((f) => ({ id: f.entry_id, time: f.received_at, key: f.reason })),
      ...gaps.flatMap((g) => [
        { id: g.before_id, time: g.before_time, key: 'gap' },
        { id: g.after_id, time: g.after_time, key: 'gap' },
      ]),
    ].sort((a, b) => a.time.getTime() - b.time.getTime());
    const detail = { chain: chainStatus(d), headSeq: d.head_seq, missing: missingOf(d), rewrites: d.rewrites, badHashes: d.bad_hashes, brokenLinks: d.broken_links };
    if (hits.length === 0) {
      // Unanchored start: the first stored entry is the evidence.
      const [first] = await db.query<{ id: string; time: Date }>('SELECT id, time FROM audit_entries WHERE device_id = $1 ORDER BY seq LIMIT 1', [d.device_id]);
      if (first) hits.push({ id: first.id, time: first.time, key: 'unanchored' });
    }
    if (hits.length) out.push(finding('chain_broken', { deviceId: d.device_id }, hits, detail, d.rewrites + d.bad_hashes + d.broken_links + missingOf(d)));
  }
  return out;
}

export interface AnomalyReport {
  range: Range;
  config: AnalyticsConfig;
  anomalies: Anomaly[];
}

/** Every rule over the window (chain breaks over the device's whole life); newest first. */
export async function findAnomalies(db: Queryable, range: Range, config: AnalyticsConfig, rules: readonly AnomalyRule[] = ANOMALY_RULES): Promise<AnomalyReport> {
  const run: Record<AnomalyRule, () => Promise<Anomaly[]>> = {
    bulk_access: () => bulkAccess(db, range, config),
    off_hours: () => offHours(db, range, config),
    repeated_overrides: () => repeatedOverrides(db, range, config),
    chain_broken: () => brokenChains(db),
  };
  const anomalies: Anomaly[] = [];
  for (const rule of rules) anomalies.push(...(await run[rule]()));
  anomalies.sort((a, b) => (a.to < b.to ? 1 : a.to > b.to ? -1 : a.id < b.id ? -1 : 1));
  return { range, config, anomalies };
}
