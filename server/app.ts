/**
 * The HTTP surface: routes, CORS, body limits and error mapping. Storage and
 * tokens are passed in, so tests and the benchmark build the same app.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { auditBatchRequestSchema } from '../lib/audit/wire';
import { ROLES, requirePermission, type AuthEnv, type TokenStore } from './auth';
import { ingestBatch } from './audit/ingest';
import { extensionCors } from './cors';
import {
  decodeCursor,
  deviceIntegrity,
  exportEntries,
  exportQuerySchema,
  logComplianceRead,
  rangeSchema,
  recordHistory,
  searchEntries,
  searchQuerySchema,
  userActivity,
} from './audit/review';
import { ImportRejected, ImportUnreadable, MAX_IMPORT_BYTES, parseImport, type ImportFormat } from './consent/import';
import { batchLookupSchema, emailSha256Schema, recordRefSchema } from './consent/model';
import { ConsentReader, type RenderedAnswer } from './consent/reader';
import { importEvents } from './consent/store';
import type { Db } from './db';
import { issuesOf, problem } from './problem';
// Compliance review app and its analytics API (issue 9), kept in their own folders.
import { analyticsConfigFromEnv } from './analytics/config';
import { reviewRoutes } from './analytics/routes';
import { reviewAppRoutes } from './review-app/serve';

/** The Chrome/Edge id of the unpacked development build (fixed by the manifest key). */
export const DEFAULT_EXTENSION_ORIGINS = ['chrome-extension://indjfoacpnghahilniekfepigbmajebm'];

export interface AppOptions {
  db: Db;
  tokens: TokenStore;
  /** Exactly the origins CORS allows (startServer adds DEFAULT_EXTENSION_ORIGINS). */
  corsOrigins: readonly string[];
  now?: () => Date;
  /**
   * How long a consent answer may be served from memory. Default: until the next
   * import with PGlite (this process is the only writer), off with PostgreSQL.
   */
  consentCacheMs?: number;
}

const OPENAPI_PATH = join(dirname(fileURLToPath(import.meta.url)), 'openapi.yaml');
const KB = 1024;

const tooLarge = (limit: number) =>
  bodyLimit({ maxSize: limit, onError: (c) => problem(c, 413, 'too-large', `At most ${Math.round(limit / KB)} KB per request.`) });

function isJson(c: Context): boolean {
  return /^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '');
}

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!isJson(c)) return { ok: false, response: problem(c, 415, 'unsupported-media-type', 'Send Content-Type: application/json.') };
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, response: problem(c, 400, 'invalid-request', 'The body is not valid JSON.') };
  }
}

/** A single lookup: the ETag covers the exact body, so 304 means "nothing changed, expiry included". */
function consentAnswer(c: Context, answer: RenderedAnswer): Response {
  c.header('ETag', answer.etag);
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'Origin, Authorization');
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === answer.etag || t.trim() === `W/${answer.etag}`)) return c.body(null, 304);
  return c.body(answer.body, 200, { 'Content-Type': 'application/json' });
}

export function createApp(opts: AppOptions): Hono<AuthEnv> {
  const { db, tokens } = opts;
  const now = opts.now ?? (() => new Date());
  const app = new Hono<AuthEnv>();
  const can = (permission: Parameters<typeof requirePermission>[1]) => requirePermission(tokens, permission);
  const openapi = readFileSync(OPENAPI_PATH, 'utf8');
  const consent = new ConsentReader(db, { ttlMs: opts.consentCacheMs ?? (db.kind === 'pglite' ? Infinity : 0) });

  app.use('*', extensionCors(opts.corsOrigins));
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
  });

  app.get('/health', async (c) => {
    try {
      await db.query('SELECT 1');
    } catch {
      return problem(c, 503, 'unavailable');
    }
    return c.json({ status: 'ok' as const, storage: db.kind });
  });
  app.get('/openapi.yaml', (c) => c.body(openapi, 200, { 'Content-Type': 'application/yaml; charset=utf-8' }));

  // --- consent lookups (reader, admin) ---
  app.get('/v1/consent/records/:crm/:objectType/:recordId', can('consent:read'), async (c) => {
    const ref = recordRefSchema.safeParse(c.req.param());
    if (!ref.success) return problem(c, 400, 'invalid-request', 'Invalid record reference.', { errors: issuesOf(ref.error) });
    return consentAnswer(c, await consent.one(ref.data, now()));
  });
  app.get('/v1/consent/emails/:emailSha256', can('consent:read'), async (c) => {
    const hash = emailSha256Schema.safeParse(c.req.param('emailSha256'));
    if (!hash.success) return problem(c, 400, 'invalid-request', 'emailSha256 must be 64 lowercase hex digits (SHA-256 of the trimmed, lowercased address).');
    return consentAnswer(c, await consent.one({ emailSha256: hash.data }, now()));
  });
  app.post('/v1/consent/lookup', can('consent:read'), tooLarge(64 * KB), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = batchLookupSchema.safeParse(body.value);
    if (!parsed.success) return problem(c, 400, 'invalid-request', 'Invalid batch lookup.', { errors: issuesOf(parsed.error) });
    c.header('Cache-Control', 'no-store');
    return c.json({ results: await consent.many(parsed.data.refs, now()) });
  });

  // --- admin ---
  app.post('/v1/admin/consent-events', can('consent:import'), tooLarge(MAX_IMPORT_BYTES), async (c) => {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    const formats: Record<string, ImportFormat> = { 'application/json': 'json', 'application/x-ndjson': 'ndjson', 'text/csv': 'csv' };
    const format = formats[type];
    if (!format) return problem(c, 415, 'unsupported-media-type', 'Send application/json, application/x-ndjson or text/csv.');
    const text = await c.req.text();
    try {
      const rows = parseImport(text, format);
      try {
        return c.json(await importEvents(db, rows, format, c.get('token').id));
      } finally {
        consent.invalidate();
      }
    } catch (error) {
      if (error instanceof ImportRejected) {
        return problem(c, 422, 'invalid-import', `${error.rowErrorCount} invalid row(s); nothing was imported.`, { rows: error.rows, rowErrorCount: error.rowErrorCount });
      }
      if (error instanceof ImportUnreadable) return problem(c, 400, 'invalid-request', error.message);
      throw error;
    }
  });
  app.get('/v1/admin/tokens', can('tokens:manage'), async (c) => c.json({ tokens: await tokens.list() }));
  app.post('/v1/admin/tokens', can('tokens:manage'), tooLarge(4 * KB), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = z.strictObject({ role: z.enum(ROLES), label: z.string().max(200).default('') }).safeParse(body.value);
    if (!parsed.success) return problem(c, 400, 'invalid-request', 'Invalid token request.', { errors: issuesOf(parsed.error) });
    return c.json(await tokens.create(parsed.data.role, parsed.data.label), 201);
  });
  app.delete('/v1/admin/tokens/:id', can('tokens:manage'), async (c) => {
    const id = c.req.param('id');
    if (!/^tok_[a-z0-9]{16}$/.test(id)) return problem(c, 400, 'invalid-request', 'Not a token id.');
    if (!(await tokens.revoke(id))) return problem(c, 404, 'not-found', 'No such token.');
    return c.body(null, 204);
  });

  // --- audit ingest (reader) ---
  app.post('/v1/audit/batches', can('audit:write'), tooLarge(4 * 1024 * KB), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = auditBatchRequestSchema.safeParse(body.value);
    if (!parsed.success) return problem(c, 400, 'invalid-request', 'Invalid audit batch.', { errors: issuesOf(parsed.error) });
    const { deviceId, entries } = parsed.data;
    const foreign = entries.findIndex((e) => e.deviceId !== deviceId);
    if (foreign >= 0) {
      return problem(c, 422, 'inconsistent-batch', 'Every entry must belong to the batch deviceId.', {
        errors: [{ path: `/entries/${foreign}/deviceId`, message: 'differs from the batch deviceId' }],
      });
    }
    return c.json(await ingestBatch(db, deviceId, entries));
  });

  // --- audit review (compliance); every read is logged before it is answered ---
  app.get('/v1/audit/events', can('audit:read'), async (c) => {
    const q = searchQuerySchema.safeParse(c.req.query());
    if (!q.success) return problem(c, 400, 'invalid-request', 'Invalid search.', { errors: issuesOf(q.error) });
    const cursor = q.data.cursor === undefined ? null : decodeCursor(q.data.cursor);
    if (q.data.cursor !== undefined && cursor === null) return problem(c, 400, 'invalid-request', 'Invalid cursor.');
    const page = await searchEntries(db, q.data, cursor);
    await logComplianceRead(db, c.get('token').id, 'search', q.data, page.entries.length);
    return c.json(page);
  });
  app.get('/v1/audit/export', can('audit:read'), async (c) => {
    const q = exportQuerySchema.safeParse(c.req.query());
    if (!q.success) return problem(c, 400, 'invalid-request', 'Invalid export.', { errors: issuesOf(q.error) });
    const result = await exportEntries(db, q.data);
    await logComplianceRead(db, c.get('token').id, 'export', q.data, result.count);
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.${q.data.format}"`);
    c.header('X-Truncated', String(result.truncated));
    return c.body(result.body, 200, { 'Content-Type': q.data.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson' });
  });
  app.get('/v1/audit/records/:crm/:objectType/:recordId', can('audit:read'), async (c) => {
    const ref = recordRefSchema.safeParse(c.req.param());
    if (!ref.success) return problem(c, 400, 'invalid-request', 'Invalid record reference.', { errors: issuesOf(ref.error) });
    const history = await recordHistory(db, ref.data);
    await logComplianceRead(db, c.get('token').id, 'record-history', ref.data, history.entries.length);
    return c.json(history);
  });
  app.get('/v1/audit/users/:user', can('audit:read'), async (c) => {
    const user = c.req.param('user');
    const range = rangeSchema.safeParse(c.req.query());
    if (!range.success || user.length > 256) {
      return problem(c, 400, 'invalid-request', 'Invalid user or range.', range.success ? {} : { errors: issuesOf(range.error) });
    }
    const activity = await userActivity(db, user, range.data);
    await logComplianceRead(db, c.get('token').id, 'user-activity', { user, ...range.data }, activity.records.length);
    return c.json(activity);
  });
  app.get('/v1/audit/devices', can('audit:read'), async (c) => {
    const integrity = await deviceIntegrity(db);
    await logComplianceRead(db, c.get('token').id, 'device-integrity', {}, integrity.devices.length);
    return c.json(integrity);
  });

  // --- compliance review: analytics API and the web app (server/analytics, server/review-app) ---
  app.route('/v1/review', reviewRoutes({ db, tokens, now, config: analyticsConfigFromEnv() }));
  app.route('/review', reviewAppRoutes());

  app.notFound((c) => problem(c, 404, 'not-found', `No route ${c.req.method} ${new URL(c.req.url).pathname}.`));
  app.onError((error, c) => {
    // The message may quote a query; only its class goes to the log, never request data.
    const code = (error as { code?: unknown }).code;
    console.error(`[server] ${c.req.method} ${c.req.routePath}: ${error.name}${typeof code === 'string' ? ` (${code})` : ''}`);
    return problem(c, 500, 'internal');
  });
  return app;
}
