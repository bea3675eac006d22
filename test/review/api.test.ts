// @vitest-environment node
/**
 * The review analytics API (/v1/review/*) on PGlite and PostgreSQL: role
 * enforcement on every route, figures checked against the seeded log, anomaly
 * evidence that points at real entries, exports, the printable report, and
 * the compliance access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealEntry, GENESIS_HASH } from '../../lib/audit/chain';
import { parseCsv } from '../../lib/audit/export';
import { ingestBatch } from '../../server/audit/ingest';
import { ENGINES, harness, usePostgresCluster, type Harness } from '../server/helpers';
import { postgresAvailable } from '../server/pg-cluster';
import { seedReviewEvents, type SeedSummary } from './seed-events';

usePostgresCluster();

const REVIEW_GETS = [
  '/v1/review/volume',
  '/v1/review/warnings',
  '/v1/review/data-map',
  '/v1/review/anomalies',
  '/v1/review/anomalies?format=csv',
  '/v1/review/records/salesforce/Contact/003Dn00000QX7bGIAT/report',
];

const NOW = new Date('2026-11-29T12:00:00Z');

describe.each(ENGINES)('review API on %s', (engine) => {
  let h: Harness;
  let seeded: SeedSummary;
  const range = () => `from=${encodeURIComponent(seeded.from)}&to=${encodeURIComponent(seeded.to)}`;
  const get = (path: string, token: string | null = h.tokens.compliance) => h.call('GET', path, { token });
  const countOf = async (sql: string, params: unknown[] = []) => (await h.db.query<{ n: number }>(sql, params))[0]!.n;

  beforeAll(async () => {
    if (engine === 'postgres' && !postgresAvailable) return;
    h = await harness(engine);
    h.now.value = NOW;
    seeded = await seedReviewEvents(h.db, { entries: 4_000, end: new Date('2026-11-27T12:00:00Z'), days: 10, users: 12 });
  }, 120_000);
  afterAll(async () => h?.close());

  it.skipIf(engine === 'postgres' && !postgresAvailable)('refuses anonymous (401), reader and admin (403) on every route', async () => {
    for (const path of REVIEW_GETS) {
      const anon = await get(path, null);
      expect(anon.status, path).toBe(401);
      expect(anon.headers.get('WWW-Authenticate')).toContain('Bearer');
      expect((await get(path, 'cpg_not_a_token')).status, path).toBe(401);
      for (const role of ['reader', 'admin'] as const) {
        const res = await get(path, h.tokens[role]);
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(res.text).not.toContain(seeded.users[0]);
      }
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it.skipIf(engine === 'postgres' && !postgresAvailable)('counts record views per day and per user as the log holds them', async () => {
    const res = await get(`/v1/review/volume?${range()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const n = await countOf(`SELECT count(*)::int AS n FROM audit_entries WHERE type = 'record.viewed'`);
    const days = res.body.days as { day: string; count: number }[];
    expect(days.reduce((s, d) => s + d.count, 0)).toBe(n);
    expect(days.every((d, i) => i === 0 || d.day > days[i - 1]!.day)).toBe(true);
    const bulk = (res.body.users as { user: string; count: number; records: number }[]).find((u) => u.user === seeded.planted.bulkUser)!;
    const [own] = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entries WHERE type = 'record.viewed' AND user_name = $1`, [seeded.planted.bulkUser]);
    expect(bulk.count).toBe(own!.n);
    expect(bulk.records).toBeGreaterThanOrEqual(120);
  });

  it.skipIf(engine === 'postgres' && !postgresAvailable)('reports warnings by kind and object, and overrides with their reasons', async () => {
    const res = await get(`/v1/review/warnings?${range()}`);
    expect(res.status).toBe(200);
    const n = await countOf(`SELECT count(*)::int AS n FROM audit_entries WHERE type = 'input.overridden'`);
    expect(res.body.overrides).toHaveLength(n);
    expect(res.body.overrides.every((o: { reason: string }) => o.reason.length > 0)).toBe(true);
    const overridden = (res.body.byKind as { overridden: number }[]).reduce((s, k) => s + k.overridden, 0);
    expect(overridden).toBe(n);
    const byObject = (res.body.byDayObject as { count: number }[]).reduce((s, r) => s + r.count, 0);
    const w = await countOf(`SELECT count(*)::int AS n FROM audit_entries WHERE type IN ('input.warning_shown', 'input.save_blocked', 'input.overridden')`);
    expect(byObject).toBe(w);
    const health = await get(`/v1/review/warnings?${range()}&kind=health`);
    expect(health.body.byKind.every((k: { kind: string }) => k.kind === 'health' || health.body.byDayKind.length > 0)).toBe(true);
    expect(health.body.overrides.every((o: { kinds: string[] }) => o.kinds.includes('health'))).toBe(true);
  });

  it.skipIf(engine === 'postgres' && !postgresAvailable)('maps personal-data kinds to CRM objects', async () => {
    const res = await get(`/v1/review/data-map?${range()}`);
    const cells = res.body.cells as { kind: string; crm: string; objectType: string; count: number }[];
    const contactEmail = cells.find((c) => c.kind === 'email' && c.crm === 'salesforce' && c.objectType === 'Contact');
    expect(contactEmail?.count).toBeGreaterThan(0);
    // Opportunity layouts show names only; other kinds there come from what reps typed (warnings), never birthdates or addresses.
    expect(cells.filter((c) => c.objectType === 'Opportunity' && ['birthdate', 'address', 'location', 'online_id'].includes(c.kind))).toEqual([]);
    const total = cells.filter((c) => c.kind === 'birthdate').reduce((s, c) => s + c.count, 0);
    expect(total).toBe(await countOf(`SELECT count(*)::int AS n FROM audit_entries WHERE type IN ('fields.shown', 'input.warning_shown', 'input.fixed', 'input.save_blocked', 'input.overridden') AND data->'kinds' ? 'birthdate'`));
  });

  it.skipIf(engine === 'postgres' && !postgresAvailable)('finds every planted anomaly, with evidence that names real entries', async () => {
    const res = await get(`/v1/review/anomalies?${range()}`);
    expect(res.status).toBe(200);
    const anomalies = res.body.anomalies as { rule: string; user: string | null; deviceId: string | null; evidence: string[]; count: number; detail: Record<string, unknown> }[];
    const of = (rule: string, who: string) => anomalies.find((a) => a.rule === rule && (a.user === who || a.deviceId === who));
    const bulk = of('bulk_access', seeded.planted.bulkUser)!;
    expect(bulk.detail.records).toBeGreaterThan(50);
    const offHours = of('off_hours', seeded.planted.offHoursUser)!;
    expect(offHours.count).toBeGreaterThanOrEqual(12);
    const overrides = of('repeated_overrides', seeded.planted.overrideUser)!;
    expect(overrides.count).toBeGreaterThanOrEqual(5);
    expect(of('chain_broken', seeded.planted.gapDevice)?.detail.chain).toBe('gap');
    expect(of('chain_broken', seeded.planted.rewriteDevice)?.detail.chain).toBe('broken');
    for (const a of [bulk, offHours, overrides]) {
      const rows = await h.db.query<{ user_name: string }>('SELECT user_name FROM audit_entries WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify(a.evidence)]);
      expect(rows).toHaveLength(a.evidence.length);
      expect(new Set(rows.map((r) => r.user_name))).toEqual(new Set([a.user]));
    }
    // Ordinary reps trip nothing but the planted rules.
    const others = anomalies.filter((a) => a.rule !== 'chain_broken' && ![seeded.planted.bulkUser, seeded.planted.offHoursUser, seeded.planted.overrideUser].includes(a.user!));
    expect(others.filter((a) => a.rule === 'bulk_access')).toEqual([]);
  });

  it.skipIf(engine === 'postgres' && !postgresAvailable)('filters by rule and exports the same findings as CSV and NDJSON', async () => {
    const json = await get(`/v1/review/anomalies?${range()}&rule=chain_broken`);
    expect(json.body.anomalies.every((a: { rule: string }) => a.rule === 'chain_broken')).toBe(true);
    const all = (await get(`/v1/review/anomalies?${range()}`)).body.anomalies as { id: string; evidence: string[] }[];
    const csv = await get(`/v1/review/anomalies?${range()}&format=csv`);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    expect(csv.headers.get('Content-Disposition')).toContain('anomalies.csv');
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(['id', 'rule', 'user', 'deviceId', 'from', 'to', 'count', 'detail', 'evidence', 'evidenceTruncated']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(all.map((a) => a.id));
    expect(rows[1]![8]!.split(' ')).toEqual(all[0]!.evidence);
    const nd = await get(`/v1/review/anomalies?${range()}&format=ndjson`);
    expect(nd.headers.get('Content-Type')).toContain('application/x-ndjson');
    expect(nd.text.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(all.map((a) => a.id));
  });

  it.skipIf(engine === 'postgres' && !postgresAvailable)('rejects bad ranges, rules, kinds and formats with a problem document', async () => {
    for (const q of ['from=2026-11-20T00:00:00Z&to=2026-11-10T00:00:00Z', 'from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from=yesterday', 'rule=nope', 'format=xml', 'extra=1']) {
      const res = await get(`/v1/review/anomalies?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.type).toBe('urn:crm-privacy-guard:problem:invalid-request');
    }
    expect((await get('/v1/review/warnings?kind=Health%3Cx')).status).toBe(400);
    expect((await get('/v1/review/records/salesforce/Contact/x/report?lang=' + 'x'.repeat(40))).status).toBe(400);
  });

  it.skipIf(engine === 'postgres' && !postgresAvailable)('renders the record report as inert, escaped HTML', async () => {
    const ref = { crm: 'salesforce', objectType: 'Contact', recordId: '003Dn00000EVIL0001' };
    const hostile = '<img src=x onerror=alert(1)>';
    const entry = await sealEntry({
      v: 1, id: '01KB0000000000000000000000', seq: 1, deviceId: 'dev-hostile', time: '2026-11-25T09:00:00.000Z', type: 'record.viewed',
      user: hostile, ...ref, host: 'acme.lightning.force.com', extVersion: '0.1.0', data: { mode: 'view' }, prevHash: GENESIS_HASH,
    });
    await ingestBatch(h.db, 'dev-hostile', [entry]);
    const res = await get(`/v1/review/records/${ref.crm}/${ref.objectType}/${ref.recordId}/report?lang=de`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.text).not.toContain(hostile);
    expect(res.text).toContain('<html lang="de">');
    expect(res.text).toContain('Zugriffsbericht');
    expect(res.text).toContain('@media print');
    const shared = seeded.planted.record;
    const report = await get(`/v1/review/records/${shared.crm}/${shared.objectType}/${shared.recordId}/report`);
    const n = await countOf('SELECT count(*)::int AS n FROM audit_entries WHERE crm = $1 AND object_type = $2 AND record_id = $3', [shared.crm, shared.objectType, shared.recordId]);
    expect(report.text.match(/<tr><td>\d{4}-/g)?.length).toBe(n);
  });

  it.skipIf(engine === 'postgres' && !postgresAvailable)('logs every compliance read before answering, and nothing for refused calls', async () => {
    const count = async () => (await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM compliance_reads WHERE route LIKE 'review-%'`))[0]!.n;
    const before = await count();
    for (const path of REVIEW_GETS) await get(path, h.tokens.reader);
    expect(await count()).toBe(before);
    for (const path of REVIEW_GETS) await get(path);
    expect(await count()).toBe(before + REVIEW_GETS.length);
    const [last] = await h.db.query<{ route: string; params: Record<string, unknown> }>('SELECT route, params FROM compliance_reads ORDER BY id DESC LIMIT 1');
    expect(last!.route).toBe('review-record-report');
    expect(last!.params).toEqual({ crm: 'salesforce', objectType: 'Contact', recordId: '003Dn00000QX7bGIAT' });
  });
});
