/**
 * Reading the central audit log (compliance role only). Every read is itself
 * recorded in compliance_reads before the answer leaves, so an answer that was not
 * logged is never sent.
 */
import { z } from 'zod';
import type { AuditEntry } from '../../lib/audit/chain';
import type { Queryable } from '../db';
import type { RecordRef } from '../consent/model';
import { chainStatus, missingOf, type DeviceRow, type FlagReason } from './ingest';

export type StoredAuditEntry = AuditEntry & { receivedAt: string };

interface EntryRow {
  id: string;
  device_id: string;
  seq: number;
  time: Date;
  type: string;
  user_name: string;
  crm: string | null;
  object_type: string | null;
  record_id: string | null;
  host: string | null;
  ext_version: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  received_at: Date;
}

function toEntry(r: EntryRow): StoredAuditEntry {
  return {
    v: 1,
    id: r.id,
    seq: r.seq,
    deviceId: r.device_id,
    time: r.time.toISOString(),
    type: r.type,
    user: r.user_name,
    crm: r.crm,
    objectType: r.object_type,
    recordId: r.record_id,
    host: r.host,
    extVersion: r.ext_version,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
    receivedAt: r.received_at.toISOString(),
  };
}

const text = (max: number) => z.string().min(1).max(max).optional();
const dateTime = z.iso.datetime({ offset: true }).optional();

export const searchQuerySchema = z.strictObject({
  from: dateTime,
  to: dateTime,
  user: text(256),
  crm: text(32),
  objectType: text(256),
  recordId: text(256),
  type: text(64),
  deviceId: text(256),
  kind: text(64),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: text(200),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

interface Cursor {
  t: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(s: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Partial<Cursor>;
    return typeof c.t === 'string' && typeof c.id === 'string' && !Number.isNaN(Date.parse(c.t)) ? { t: c.t, id: c.id } : null;
  } catch {
    return null;
  }
}

const FILTER_COLUMNS = { user: 'user_name', crm: 'crm', objectType: 'object_type', recordId: 'record_id', type: 'type', deviceId: 'device_id' } as const;

/** Newest first, keyset-paged on (time, id) so deep pages cost what the first does. */
export async function searchEntries(db: Queryable, q: SearchQuery, cursor: Cursor | null): Promise<{ entries: StoredAuditEntry[]; nextCursor: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.from) add((p) => `time >= ${p}`, q.from);
  if (q.to) add((p) => `time < ${p}`, q.to);
  for (const [key, column] of Object.entries(FILTER_COLUMNS) as [keyof typeof FILTER_COLUMNS, string][]) {
    const value = q[key];
    if (value !== undefined) add((p) => `${column} = ${p}`, value);
  }
  if (q.kind) add((p) => `(data->>'kind' = ${p} OR data->'kinds' @> to_jsonb(${p}::text))`, q.kind);
  if (cursor) {
    params.push(cursor.t, cursor.id);
    where.push(`(time, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(q.limit + 1);
  const rows = await db.query<EntryRow>(
    `SELECT * FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, q.limit).map(toEntry);
  const last = page[page.length - 1];
  return { entries: page, nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.time, id: last.id }) : null };
}

export const EXPORT_LIMIT = 50_000;
export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuerySchema = searchQuerySchema.omit({ limit: true, cursor: true }).extend({ format: z.enum(EXPORT_FORMATS) });

const CSV_COLUMNS = ['id', 'seq', 'deviceId', 'time', 'type', 'user', 'crm', 'objectType', 'recordId', 'host', 'extVersion', 'data', 'prevHash', 'hash', 'receivedAt'] as const;

/**
 * A CSV cell, quoted as RFC 4180 asks, and defused for spreadsheets: a cell that
 * starts like a formula gets a leading apostrophe, so opening an export in a
 * spreadsheet never runs what a device put into the log.
 */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every entry a search matches (newest first), up to EXPORT_LIMIT, as CSV or NDJSON. */
export async function exportEntries(db: Queryable, q: z.infer<typeof exportQuerySchema>): Promise<{ body: string; count: number; truncated: boolean }> {
  const lines: string[] = q.format === 'csv' ? [CSV_COLUMNS.join(',')] : [];
  let cursor: Cursor | null = null;
  let count = 0;
  let truncated = false;
  for (;;) {
    const page = await searchEntries(db, { ...q, limit: 500, cursor: undefined }, cursor);
    for (const entry of page.entries) {
      if (count === EXPORT_LIMIT) {
        truncated = true;
        break;
      }
      count++;
      lines.push(q.format === 'csv' ? CSV_COLUMNS.map((c) => csvCell(entry[c])).join(',') : JSON.stringify(entry));
    }
    if (truncated || page.nextCursor === null) break;
    cursor = decodeCursor(page.nextCursor);
  }
  return { body: lines.length ? `${lines.join('\n')}\n` : '', count, truncated };
}

export const HISTORY_LIMIT = 10_000;

export async function recordHistory(db: Queryable, ref: RecordRef) {
  const params = [ref.crm, ref.objectType, ref.recordId];
  const rows = await db.query<EntryRow>(
    `SELECT * FROM audit_entries WHERE crm = $1 AND object_type = $2 AND record_id = $3 ORDER BY time, id LIMIT ${HISTORY_LIMIT + 1}`,
    params,
  );
  const users = await db.query<{ user: string; count: number; first: Date; last: Date }>(
    `SELECT user_name AS "user", count(*)::int AS count, min(time) AS first, max(time) AS last
       FROM audit_entries WHERE crm = $1 AND object_type = $2 AND record_id = $3 GROUP BY user_name ORDER BY min(time), user_name`,
    params,
  );
  return {
    record: ref,
    users: users.map((u) => ({ user: u.user, count: u.count, first: u.first.toISOString(), last: u.last.toISOString() })),
    entries: rows.slice(0, HISTORY_LIMIT).map(toEntry),
    truncated: rows.length > HISTORY_LIMIT,
  };
}

export const rangeSchema = z.strictObject({ from: dateTime, to: dateTime });

export async function userActivity(db: Queryable, user: string, range: z.infer<typeof rangeSchema>) {
  const params = [user, range.from ?? '-infinity', range.to ?? 'infinity'];
  const scope = 'user_name = $1 AND time >= $2::timestamptz AND time < $3::timestamptz';
  const records = await db.query<{ crm: string | null; object_type: string | null; record_id: string | null; count: number; last: Date }>(
    `SELECT crm, object_type, record_id, count(*)::int AS count, max(time) AS last FROM audit_entries
      WHERE ${scope} AND record_id IS NOT NULL GROUP BY crm, object_type, record_id ORDER BY max(time) DESC LIMIT 1000`,
    params,
  );
  const types = await db.query<{ type: string; count: number }>(
    `SELECT type, count(*)::int AS count FROM audit_entries WHERE ${scope} GROUP BY type ORDER BY count DESC, type`,
    params,
  );
  const days = await db.query<{ day: string; count: number }>(
    `SELECT to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count FROM audit_entries
      WHERE ${scope} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return {
    user,
    records: records.map((r) => ({ crm: r.crm, objectType: r.object_type, recordId: r.record_id, count: r.count, last: r.last.toISOString() })),
    types,
    days,
  };
}

export async function deviceIntegrity(db: Queryable) {
  const devices = await db.query<DeviceRow>('SELECT * FROM audit_devices ORDER BY device_id');
  const problems = await db.query<{ device_id: string; seq: number; entry_id: string; reason: FlagReason; received_at: Date }>(
    `SELECT device_id, seq, entry_id, reason, received_at FROM (
       SELECT *, row_number() OVER (PARTITION BY device_id ORDER BY id DESC) AS n FROM audit_flagged) f
      WHERE n <= 50 ORDER BY device_id, id DESC`,
  );
  return {
    devices: devices.map((d) => ({
      deviceId: d.device_id,
      chain: chainStatus(d),
      head: { seq: d.head_seq, hash: d.head_hash },
      entries: d.entries,
      firstSeq: d.first_seq,
      missing: missingOf(d),
      rewrites: d.rewrites,
      badHashes: d.bad_hashes,
      brokenLinks: d.broken_links,
      lastReceivedAt: d.last_received_at?.toISOString() ?? null,
      problems: problems
        .filter((p) => p.device_id === d.device_id)
        .map((p) => ({ seq: p.seq, id: p.entry_id, reason: p.reason, receivedAt: p.received_at.toISOString() })),
    })),
  };
}

export async function logComplianceRead(db: Queryable, tokenId: string, route: string, params: object, resultCount: number): Promise<void> {
  await db.query('INSERT INTO compliance_reads (token_id, route, params, result_count) VALUES ($1, $2, $3::jsonb, $4)', [
    tokenId,
    route,
    JSON.stringify(params),
    resultCount,
  ]);
}
