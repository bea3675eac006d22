// @vitest-environment node
/**
 * The client and server/openapi.yaml agree: the vocabularies are the same, every
 * request the client sends is one the document describes (path, method, body),
 * every answer the reference service gives it parses, and answers the document
 * forbids are refused by the client too. Runs against the real service on PGlite
 * with the demo seed, over a real socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { startServer, type RunningServer } from '../../server/index';
import { DEMO_EMAILS, DEMO_RECORDS, DEMO_TOKENS } from '../../server/seed';
import { spec, assertMatchesContract } from '../server/openapi';
import { createConsentClient } from '@/lib/consent/client';
import { createMemoryConsentCache } from '@/lib/consent/cache';
import { emailSha256 } from '@/lib/consent/refs';
import { summarise } from '@/lib/consent/summary';
import { consentSummarySchema } from '@/lib/messages/protocol';
import { CONSENT_STATUSES, LAWFUL_BASES, MAX_BATCH_REFS, consentRecordSchema, batchResponseSchema, subjectRefSchema } from '@/lib/consent/schema';

type Json = Record<string, unknown>;
const schemas = (spec as unknown as { components: { schemas: Record<string, Json> } }).components.schemas;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(spec, 'contract');
const validate = (pointer: string) => ajv.compile({ $ref: `contract#${pointer}` });

let server: RunningServer;
const exchanges: { method: string; path: string; body: unknown; status: number; contentType: string | null; response: unknown; auth: string | null }[] = [];

const recordingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const res = await fetch(input, init);
  const copy = res.clone();
  const text = await copy.text();
  exchanges.push({
    method: init?.method ?? 'GET',
    path: new URL(String(input)).pathname,
    body: init?.body ? JSON.parse(String(init.body)) : null,
    status: res.status,
    contentType: res.headers.get('Content-Type'),
    response: text ? JSON.parse(text) : null,
    auth: (init?.headers as Record<string, string>)?.Authorization ?? null,
  });
  return res;
}) as typeof fetch;

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: null, seedDemo: true, quiet: true });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('consent client ↔ openapi.yaml', () => {
  it('uses the document’s vocabularies and batch limit', () => {
    expect([...CONSENT_STATUSES]).toEqual(schemas.ConsentStatus!.enum);
    expect([...LAWFUL_BASES]).toEqual(schemas.LawfulBasis!.enum);
    const batch = (spec.paths['/v1/consent/lookup']!.post as Json).requestBody as { content: { 'application/json': { schema: { properties: { refs: { maxItems: number } } } } } };
    expect(MAX_BATCH_REFS).toBe(batch.content['application/json'].schema.properties.refs.maxItems);
  });

  it.each([
    [{ crm: 'salesforce', objectType: 'Contact', recordId: '003Dn00000QX7bGIAT' }, true],
    [{ crm: 'hubspot', objectType: '0-1', recordId: '12345' }, true],
    [{ crm: 'Salesforce', objectType: 'Contact', recordId: 'x' }, false],
    [{ crm: 'salesforce', objectType: 'Contact', recordId: 'a/b' }, false],
    [{ crm: 'salesforce', objectType: 'Contact', recordId: 'x'.repeat(129) }, false],
    [{ emailSha256: 'a'.repeat(64) }, true],
    [{ emailSha256: 'A'.repeat(64) }, false],
  ])('accepts the same subject references as the document: %j', (ref, ok) => {
    expect(validate('/components/schemas/SubjectRef')(ref)).toBe(ok);
    expect(subjectRefSchema.safeParse(ref).success).toBe(ok);
  });

  it('sends only documented requests and parses every answer of the reference service', async () => {
    const client = createConsentClient({
      getConfig: () => ({ url: server.url, token: DEMO_TOKENS.reader, cacheSeconds: 0, purposes: [], channels: [], outreachGuard: 'warn' }),
      fetch: recordingFetch,
      cache: createMemoryConsentCache(),
      tuning: { batchWindowMs: 5 },
    });
    const single = await client.lookup([DEMO_RECORDS.granted]);
    // cacheSeconds 0: the next single lookup revalidates with If-None-Match and gets 304.
    await client.lookup([DEMO_RECORDS.granted]);
    await client.idle();
    const batch = await client.lookup(Object.values(DEMO_RECORDS));
    const byEmail = await client.lookup([{ emailSha256: await emailSha256(`  ${DEMO_EMAILS.withdrawn.toUpperCase()} `) }]);
    await client.idle();

    // The batch's first record was answered a moment ago: stale-while-revalidate serves it from the cache.
    for (const res of [single, batch, byEmail]) expect(res.results.every((r) => r.source !== 'unavailable' && r.record !== null)).toBe(true);
    expect(byEmail.results[0]!.record!.consents.some((c) => c.status === 'withdrawn')).toBe(true);
    expect(batch.results.find((r) => (r.ref as { recordId: string }).recordId === DEMO_RECORDS.erasureRequested.recordId)!.record!.flags.erasureRequested.active).toBe(true);

    const kinds = new Set<string>();
    for (const x of exchanges) {
      expect(x.auth).toBe(`Bearer ${DEMO_TOKENS.reader}`);
      if (x.method === 'POST') {
        kinds.add('batch');
        expect(validate('/paths/~1v1~1consent~1lookup/post/requestBody/content/application~1json/schema')(x.body)).toBe(true);
        expect(batchResponseSchema.safeParse(x.response).success).toBe(true);
      } else if (x.status === 304) {
        kinds.add('304');
      } else {
        kinds.add(x.path.split('/')[3]!);
        expect(consentRecordSchema.safeParse(x.response).success).toBe(true);
      }
      assertMatchesContract({ method: x.method, path: x.path, status: x.status, contentType: x.contentType, body: x.response });
    }
    expect([...kinds].sort()).toEqual(['304', 'batch', 'emails', 'records']);

    for (const entry of batch.results) expect(consentSummarySchema.safeParse(summarise(entry, true, batch.display, Date.now())).success).toBe(true);
  });

  it('refuses what the document forbids in an answer', async () => {
    const res = await fetch(`${server.url}/v1/consent/records/salesforce/Contact/${DEMO_RECORDS.granted.recordId}`, { headers: { Authorization: `Bearer ${DEMO_TOKENS.reader}` } });
    const good = (await res.json()) as Json & { consents: Json[] };
    const record = validate('/components/schemas/ConsentRecord');
    const bad: Json[] = [
      { ...good, consents: [{ ...good.consents[0], status: 'maybe' }] },
      { ...good, consents: [{ ...good.consents[0], lawfulBasis: 'because' }] },
      { ...good, consents: [{ ...good.consents[0], since: 'yesterday' }] },
      { ...good, consents: [{ ...good.consents[0], source: 's'.repeat(201) }] },
      { ...good, known: 'yes' },
      { ...good, flags: { ...(good.flags as Json), objection: { active: 'no', since: null } } },
      { ...good, ref: { crm: 'salesforce' } },
    ];
    expect(record(good)).toBe(true);
    expect(consentRecordSchema.safeParse(good).success).toBe(true);
    for (const b of bad) {
      expect(record(b)).toBe(false);
      expect(consentRecordSchema.safeParse(b).success).toBe(false);
    }
  });
});
