/**
 * Compliance review over a central log of 1,000,000 entries, on PGlite and (when
 * the PostgreSQL 15 binaries are installed) on a throwaway PostgreSQL cluster:
 * p50/p99 of a record history (the API's two queries, server/audit/review.ts)
 * and of one user's day (the search the review app runs), each beside a bare
 * primary-key SELECT of one entry measured in the same run. The rows are made
 * by one generate_series INSERT per chunk, not through the API (their hashes
 * are not a chain; nothing here verifies them). Target (issue 9): record
 * history <= 100 ms p99 on PostgreSQL.
 */
import { loadavg } from 'node:os';
import type { BenchResult } from './types';
import { openPglite, openPostgres, type Db } from '../server/db';
import { migrate } from '../server/migrate';
import { recordHistory, searchEntries } from '../server/audit/review';
import { postgresAvailable, startPgCluster } from '../test/server/pg-cluster';

const ROWS = 1_000_000;
const CHUNK = 250_000;
const DEVICES = 500;
const USERS = 200;
/** Prime, so one record's entries spread over devices and users (a multiple of DEVICES would pin each record to one rep). */
const RECORDS = 99_991;
const DAYS = 90;
const START = Date.parse('2026-08-01T00:00:00Z');
const SAMPLES = 200;
const WARMUP = 30;

/** Deterministic spread: device i % 500, user per device, record by a multiplicative hash of i. */
async function fill(db: Db): Promise<number> {
  const started = performance.now();
  // Secondary indexes are dropped for the bulk insert and rebuilt from their own definitions: same indexes, a fraction of the time.
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'audit_entries'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const i of indexes) await db.query(`DROP INDEX ${i.indexname}`);
  const stepMs = (DAYS * 86_400_000) / ROWS;
  for (let lo = 0; lo < ROWS; lo += CHUNK) {
    await db.query(
      `INSERT INTO audit_entries (id, device_id, seq, time, type, user_name, crm, object_type, record_id, host, ext_version, data, prev_hash, hash)
       SELECT lpad(upper(to_hex(i)), 26, '0'), 'dev-' || (i % ${DEVICES}), i / ${DEVICES} + 1,
              to_timestamp((${START} + i::bigint * ${stepMs}) / 1000.0),
              (ARRAY['record.viewed', 'fields.shown', 'consent.checked', 'input.warning_shown', 'record.viewed'])[1 + (i / ${DEVICES}) % 5],
              'rep' || ((i % ${DEVICES}) % ${USERS}) || '@example.com',
              CASE WHEN r % 3 = 0 THEN 'hubspot' ELSE 'salesforce' END,
              CASE WHEN r % 3 = 0 THEN '0-1' WHEN r % 3 = 1 THEN 'Contact' ELSE 'Lead' END,
              'R' || r, 'acme.lightning.force.com', '0.1.0',
              jsonb_build_object('kinds', jsonb_build_array('name', 'email')), repeat('0', 64), md5(i::text) || md5(r::text)
         FROM (SELECT i, (i::bigint * 7919) % ${RECORDS} AS r FROM generate_series($1::int, $2::int) AS i) s`,
      [lo, Math.min(ROWS, lo + CHUNK) - 1],
    );
  }
  for (const i of indexes) await db.query(i.indexdef);
  await db.query('ANALYZE audit_entries');
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARMUP; i++) await fn(i + 10_000);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function measure(engine: string, db: Db): Promise<BenchResult[]> {
  await migrate(db);
  const fillMs = await fill(db);
  // Spread samples over records and users, so caches do not answer every call.
  const record = (i: number) => {
    const r = (i * 104_729) % RECORDS;
    return { crm: r % 3 === 0 ? 'hubspot' : 'salesforce', objectType: r % 3 === 0 ? '0-1' : r % 3 === 1 ? 'Contact' : 'Lead', recordId: `R${r}` };
  };
  const userDay = (i: number) => {
    const day = START + ((i * 37) % DAYS) * 86_400_000;
    return { user: `rep${(i * 13) % USERS}@example.com`, from: new Date(day).toISOString(), to: new Date(day + 86_400_000).toISOString() };
  };
  const ids = (i: number) => ((i * 7_919) % ROWS).toString(16).toUpperCase().padStart(26, '0');
  const bare = await timeIt(SAMPLES, (i) => db.query('SELECT * FROM audit_entries WHERE id = $1', [ids(i)]));
  const history = await timeIt(SAMPLES, (i) => recordHistory(db, record(i)));
  const day = await timeIt(SAMPLES, (i) => searchEntries(db, { ...userDay(i), limit: 500 }, null));
  const sample = await recordHistory(db, record(1));
  const daySample = await searchEntries(db, { ...userDay(1), limit: 500 }, null);
  const load = `load ${loadavg()[0]!.toFixed(1)}; ${ROWS.toLocaleString('en')} rows filled in ${(fillMs / 1000).toFixed(1)} s`;
  const baseline = `bare SELECT of one entry by primary key, ${engine}`;
  const target = engine === 'PostgreSQL' ? `; target <= 100 ms p99: ${history.p99 <= 100 ? 'met' : 'MISSED'}` : '';
  return [
    { name: `record history p50, ${engine} (${sample.entries.length} entries, ${sample.users.length} users)`, value: history.p50, unit: 'ms', baseline: `${baseline} p50`, baselineValue: bare.p50, ratio: history.p50 / bare.p50, note: `lower is better; ${load}` },
    { name: `record history p99, ${engine}`, value: history.p99, unit: 'ms', baseline: `${baseline} p99`, baselineValue: bare.p99, ratio: history.p99 / bare.p99, note: `lower is better${target}` },
    { name: `one user's day p50, ${engine} (search, ${daySample.entries.length} entries)`, value: day.p50, unit: 'ms', baseline: `${baseline} p50`, baselineValue: bare.p50, ratio: day.p50 / bare.p50, note: 'lower is better' },
    { name: `one user's day p99, ${engine}`, value: day.p99, unit: 'ms', baseline: `${baseline} p99`, baselineValue: bare.p99, ratio: day.p99 / bare.p99, note: 'lower is better' },
  ];
}

export default async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const lite = await openPglite(null);
  try {
    results.push(...(await measure('PGlite', lite)));
  } finally {
    await lite.close();
  }
  if (postgresAvailable) {
    const cluster = await startPgCluster();
    try {
      const pg = await openPostgres(await cluster.createDatabase('review_bench'), 4);
      try {
        results.push(...(await measure('PostgreSQL', pg)));
      } finally {
        await pg.close();
      }
    } finally {
      cluster.stop();
    }
  }
  return results;
}
