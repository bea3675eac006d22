// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_BATCH_ENTRIES } from '../../lib/audit/wire';
import { createApp } from '../../server/app';
import { GRANTS, ROLES, TokenStore } from '../../server/auth';
import { openPglite } from '../../server/db';
import { CONSENT_STATUSES, EVENT_TYPES, LAWFUL_BASES, MAX_BATCH_REFS, STORED_STATUSES } from '../../server/consent/model';
import { FIELDS } from '../../server/consent/import';
import { harness, type Harness } from './helpers';
import { routes, spec } from './openapi';

// PGlite start-up and a PostgreSQL cluster take seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a parsed YAML document
type Json = Record<string, any>;
const schemas = (spec.components as Json).schemas as Json;

describe('openapi.yaml', () => {
  it('is OpenAPI 3.1 and every $ref in it resolves', () => {
    expect(spec.openapi).toBe('3.1.0');
    const refs = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') refs.add(v);
          else walk(v);
        }
      }
    };
    walk(spec);
    for (const ref of refs) {
      const target = ref.replace(/^#\//, '').split('/').reduce<Json | undefined>((o, key) => o?.[key] as Json | undefined, spec);
      expect(target, ref).toBeDefined();
    }
  });

  it('documents exactly the routes the service implements', async () => {
    const db = await openPglite(null);
    const app = createApp({ db, tokens: new TokenStore(db), corsOrigins: [] });
    const implemented = new Set(
      app.routes
        // The review web app's pages (issue 9) are HTML for people, not API.
        .filter((r) => r.method !== 'ALL' && !r.path.startsWith('/review'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9]+)/g, (_, name: string) => `{${name === 'id' ? 'tokenId' : name}}`)}`),
    );
    const documented = new Set(routes.map((r) => `${r.method} ${r.template}`));
    expect([...implemented].sort()).toEqual([...documented].sort());
    await db.close();
  });

  it('states the limits and vocabularies the code enforces', () => {
    const batch = (spec.paths['/v1/consent/lookup']!.post as Json).requestBody.content['application/json'].schema;
    expect(batch.properties.refs.maxItems).toBe(MAX_BATCH_REFS);
    expect(schemas.AuditBatch.properties.entries.maxItems).toBe(MAX_BATCH_ENTRIES);
    expect(schemas.ConsentStatus.enum).toEqual([...CONSENT_STATUSES]);
    expect(schemas.LawfulBasis.enum).toEqual([...LAWFUL_BASES]);
    expect(schemas.Role.enum).toEqual([...ROLES]);
    expect(schemas.ConsentEventInput.properties.type.enum).toEqual([...EVENT_TYPES]);
    expect(schemas.ConsentEventInput.properties.status.enum).toEqual([...STORED_STATUSES]);
    expect(Object.keys(schemas.ConsentEventInput.properties).sort()).toEqual([...FIELDS].sort());
  });

  it('documents 401 and 403 for every route that needs a token, and none for those that do not', () => {
    for (const route of routes) {
      const open = Array.isArray(route.operation.security) && (route.operation.security as unknown[]).length === 0;
      const responses = Object.keys(route.operation.responses as Json);
      expect(responses.includes('401'), `${route.method} ${route.template}`).toBe(!open);
      expect(responses.includes('403'), `${route.method} ${route.template}`).toBe(!open);
    }
    // Every role can do something, and the reader's grants are exactly lookups and ingest.
    expect(Object.entries(GRANTS).filter(([, roles]) => roles.includes('reader')).map(([p]) => p).sort()).toEqual(['audit:write', 'consent:read']);
  });
});

describe('served document and meta routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('pglite');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('serves the document and health without a token', async () => {
    const doc = await h.call('GET', '/openapi.yaml', { token: null });
    expect(doc.status).toBe(200);
    expect(doc.headers.get('Content-Type')).toContain('application/yaml');
    expect(doc.text).toContain('openapi: 3.1.0');
    const health = await h.call('GET', '/health', { token: null });
    expect(health.body).toEqual({ status: 'ok', storage: 'pglite' });
  });

  it('answers unknown routes with a 404 problem', async () => {
    const app = createApp({ db: h.db, tokens: h.tokenStore, corsOrigins: [] });
    const res = await app.request('/v2/nothing');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, type: 'urn:crm-privacy-guard:problem:not-found' });
  });

  it('hides internal errors behind a 500 problem', async () => {
    const broken = { ...h.db, query: () => Promise.reject(new Error('relation "secret_table" does not exist')) };
    const app = createApp({ db: broken, tokens: new TokenStore(h.db), corsOrigins: [] });
    const res = await app.request(`/v1/consent/records/salesforce/Contact/003A`, { headers: { Authorization: `Bearer ${h.tokens.reader}` } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret_table');
    expect(JSON.parse(text)).toMatchObject({ status: 500, type: 'urn:crm-privacy-guard:problem:internal' });
    const health = await app.request('/health');
    expect(health.status).toBe(503);
  });
});
