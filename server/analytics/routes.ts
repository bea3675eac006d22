/**
 * /v1/review/*: the analytics, anomaly and export API behind the review app
 * (compliance only). Like the review API in server/audit/review.ts, every read
 * is recorded in compliance_reads before the answer leaves.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { resolveLocale } from '../../lib/i18n/strings';
import { requirePermission, type AuthEnv, type TokenStore } from '../auth';
import { logComplianceRead, recordHistory } from '../audit/review';
import { recordRefSchema } from '../consent/model';
import type { Db } from '../db';
import { issuesOf, problem } from '../problem';
import { ANOMALY_RULES, findAnomalies } from './anomalies';
import type { AnalyticsConfig } from './config';
import { CONTENT_TYPES, EXPORT_FORMATS, exportAnomalies } from './export';
import { accessVolume, kindObjectMap, warningsOverTime } from './queries';
import { rangeQuerySchema, resolveRange, type Range } from './range';
import { recordReportHtml } from './report';

export interface ReviewRoutesOptions {
  db: Db;
  tokens: TokenStore;
  config: AnalyticsConfig;
  now: () => Date;
}

const kindSchema = z.string().regex(/^[a-z_]{1,64}$/, 'kind must be a kind name').optional();
const warningsQuerySchema = rangeQuerySchema.extend({ kind: kindSchema });
const anomaliesQuerySchema = rangeQuerySchema.extend({
  rule: z.enum(ANOMALY_RULES).optional(),
  format: z.enum(['json', ...EXPORT_FORMATS]).default('json'),
});
const reportQuerySchema = z.strictObject({ lang: z.string().max(35).optional() });

export function reviewRoutes(opts: ReviewRoutesOptions): Hono<AuthEnv> {
  const { db, config, now } = opts;
  const routes = new Hono<AuthEnv>();
  routes.use('*', requirePermission(opts.tokens, 'audit:read'));
  routes.use('*', async (c, next) => {
    await next();
    // Answers name people and what they did: never kept by a shared cache.
    c.header('Cache-Control', 'no-store');
  });
  const log = (c: Context<AuthEnv>, route: string, params: object, count: number) => logComplianceRead(db, c.get('token').id, route, params, count);

  /** Parses a range query with `schema`; a problem response on bad input. */
  function rangeOf<S extends typeof rangeQuerySchema>(c: Context<AuthEnv>, schema: S): { ok: true; q: z.infer<S>; range: Range } | { ok: false; response: Response } {
    const q = schema.safeParse(c.req.query());
    if (!q.success) return { ok: false, response: problem(c, 400, 'invalid-request', 'Invalid query.', { errors: issuesOf(q.error) }) };
    const range = resolveRange(q.data, now());
    if (typeof range === 'string') return { ok: false, response: problem(c, 400, 'invalid-request', range) };
    return { ok: true, q: q.data, range };
  }

  routes.get('/volume', async (c) => {
    const r = rangeOf(c, rangeQuerySchema);
    if (!r.ok) return r.response;
    const volume = await accessVolume(db, r.range, config.timeZone);
    await log(c, 'review-volume', r.range, volume.days.length);
    return c.json(volume);
  });

  routes.get('/warnings', async (c) => {
    const r = rangeOf(c, warningsQuerySchema);
    if (!r.ok) return r.response;
    const warnings = await warningsOverTime(db, r.range, config.timeZone, r.q.kind);
    await log(c, 'review-warnings', { ...r.range, kind: r.q.kind }, warnings.overrides.length);
    return c.json(warnings);
  });

  routes.get('/data-map', async (c) => {
    const r = rangeOf(c, rangeQuerySchema);
    if (!r.ok) return r.response;
    const map = await kindObjectMap(db, r.range);
    await log(c, 'review-data-map', r.range, map.cells.length);
    return c.json(map);
  });

  routes.get('/anomalies', async (c) => {
    const r = rangeOf(c, anomaliesQuerySchema);
    if (!r.ok) return r.response;
    const report = await findAnomalies(db, r.range, config, r.q.rule ? [r.q.rule] : undefined);
    await log(c, 'review-anomalies', { ...r.range, rule: r.q.rule, format: r.q.format }, report.anomalies.length);
    if (r.q.format === 'json') return c.json(report);
    c.header('Content-Disposition', `attachment; filename="anomalies.${r.q.format}"`);
    return c.body(exportAnomalies(report.anomalies, r.q.format), 200, { 'Content-Type': CONTENT_TYPES[r.q.format] });
  });

  routes.get('/records/:crm/:objectType/:recordId/report', async (c) => {
    const ref = recordRefSchema.safeParse(c.req.param());
    if (!ref.success) return problem(c, 400, 'invalid-request', 'Invalid record reference.', { errors: issuesOf(ref.error) });
    const q = reportQuerySchema.safeParse(c.req.query());
    if (!q.success) return problem(c, 400, 'invalid-request', 'Invalid query.', { errors: issuesOf(q.error) });
    const history = await recordHistory(db, ref.data);
    await log(c, 'review-record-report', ref.data, history.entries.length);
    // The report is inert HTML: no script may run in it, whoever opens it.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(recordReportHtml(history, resolveLocale(q.data.lang), now()));
  });

  return routes;
}
