import { describe, expect, it, vi } from 'vitest';
import { createConsentClient, type ClientTuning } from '@/lib/consent/client';
import { createMemoryConsentCache, type ConsentCache } from '@/lib/consent/cache';
import type { ConsentConfig } from '@/lib/consent/config';
import { MAX_RESPONSE_BYTES, type ProblemCode } from '@/lib/consent/http';
import { BASE, TOKEN, createFakeBackend, hang, json, record, sf, sfId } from './fake-backend';

const CONFIG: ConsentConfig = { url: BASE, token: TOKEN, cacheSeconds: 900, purposes: [], channels: [], outreachGuard: 'warn' };

function setup(opts: { config?: Partial<ConsentConfig> | null; tuning?: Partial<ClientTuning>; cache?: ConsentCache; backend?: ReturnType<typeof createFakeBackend> } = {}) {
  const backend = opts.backend ?? createFakeBackend();
  let t = Date.parse('2026-11-29T12:00:00Z');
  const sleeps: number[] = [];
  const problems: [ProblemCode, number | null][] = [];
  const cache = opts.cache ?? createMemoryConsentCache();
  const config = opts.config === null ? null : { ...CONFIG, ...opts.config };
  const client = createConsentClient({
    getConfig: () => config,
    fetch: backend.fetch,
    now: () => t,
    cache,
    tuning: { batchWindowMs: 2, timeoutMs: 200, ...opts.tuning },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onProblem: (code, status) => problems.push([code, status]),
  });
  return { client, backend, cache, sleeps, problems, advance: (ms: number) => (t += ms), now: () => t };
}

describe('consent client: answers', () => {
  it('looks one record up with the token and returns it as live', async () => {
    const { client, backend } = setup();
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.configured).toBe(true);
    expect(res.display).toEqual({ purposes: [], channels: [], outreachGuard: 'warn' });
    expect(res.results[0]).toMatchObject({ source: 'live', stale: false, problem: null });
    expect(res.results[0]!.record?.consents[0]?.status).toBe('granted');
    expect(backend.requests).toHaveLength(1);
    expect(backend.requests[0]!.url).toBe(`${BASE}/v1/consent/records/salesforce/Contact/${sfId(1)}`);
    expect(backend.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('says not-configured without asking anyone when no URL is set', async () => {
    const { client, backend } = setup({ config: null });
    const res = await client.lookup([sf(sfId(1))]);
    expect(res).toMatchObject({ configured: false, display: null });
    expect(res.results[0]).toMatchObject({ source: 'unavailable', problem: 'not-configured', record: null });
    expect(backend.requests).toHaveLength(0);
  });

  it('answers references without an id as bad-ref, not as a request', async () => {
    const { client, backend } = setup();
    const res = await client.lookup([{ crm: 'salesforce', objectType: 'Contact', recordId: null }, sf('bad id/../x')]);
    expect(res.results.map((r) => r.problem)).toEqual(['bad-ref', 'bad-ref']);
    expect(backend.requests).toHaveLength(0);
  });

  it('matches 15- and 18-character Salesforce ids as one record', async () => {
    const { client, backend } = setup();
    const res = await client.lookup([sf('003Dn00000QX7bG'), sf('003Dn00000QX7bGIAT')]);
    expect(res.results.every((r) => r.source === 'live')).toBe(true);
    expect(backend.requests).toHaveLength(1);
    expect(backend.requests[0]!.url).toContain('003Dn00000QX7bGIAT');
  });

  it('looks up by email hash on the emails route', async () => {
    const { client, backend } = setup();
    const hash = 'a'.repeat(64);
    const res = await client.lookup([{ emailSha256: hash }]);
    expect(res.results[0]!.source).toBe('live');
    expect(backend.requests[0]!.url).toBe(`${BASE}/v1/consent/emails/${hash}`);
  });
});

describe('consent client: request volume', () => {
  it('batches a list of 500 records into three requests of at most 200', async () => {
    const { client, backend } = setup();
    const refs = Array.from({ length: 500 }, (_, i) => sf(sfId(i)));
    const res = await client.lookup(refs);
    expect(res.results.filter((r) => r.source === 'live')).toHaveLength(500);
    expect(backend.requests.map((r) => (r.body as { refs: unknown[] }).refs.length)).toEqual([200, 200, 100]);
    expect(backend.requests.every((r) => r.method === 'POST')).toBe(true);
  });

  it('does not storm when a rep scrolls: overlapping lookups share requests, later ones come from the cache', async () => {
    const { client, backend } = setup();
    const refs = Array.from({ length: 500 }, (_, i) => sf(sfId(i)));
    // Scrolling asks for overlapping windows of 50 rows many times in quick succession.
    const windows = Array.from({ length: 40 }, (_, i) => refs.slice(i * 10, i * 10 + 50));
    await Promise.all(windows.map((w) => client.lookup(w)));
    const first = backend.requests.length;
    expect(first).toBeLessThanOrEqual(3);
    await Promise.all(windows.map((w) => client.lookup(w)));
    expect(backend.requests).toHaveLength(first);
    const asked = backend.requests.flatMap((r) => (r.body as { refs: { recordId: string }[] }).refs.map((x) => x.recordId));
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('never has more than two requests in flight', async () => {
    const backend = createFakeBackend();
    let inFlight = 0;
    let peak = 0;
    backend.misbehave(async (req) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      return backend.answer(req);
    });
    const { client } = setup({ backend });
    await client.lookup(Array.from({ length: 500 }, (_, i) => sf(sfId(i))));
    expect(peak).toBe(2);
  });
});

describe('consent client: hostile backend', () => {
  it('times out a slow service, retries with growing backoff, then says unavailable', async () => {
    const backend = createFakeBackend();
    backend.misbehave((_req, _n, signal) => hang(signal));
    const { client, sleeps } = setup({ backend, tuning: { timeoutMs: 30, retries: 2, backoffMs: 100 } });
    const started = Date.now();
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]).toMatchObject({ source: 'unavailable', problem: 'timeout', record: null });
    expect(backend.requests).toHaveLength(3);
    expect(sleeps).toEqual([75, 150]); // exponential, with jitter 0.5 + random/2
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('retries 500s and succeeds when the service recovers', async () => {
    const backend = createFakeBackend();
    backend.misbehave((_req, n) => (n <= 2 ? json({ type: 'about:blank', title: 'boom', status: 500 }, 500) : null));
    const { client, sleeps } = setup({ backend });
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]!.source).toBe('live');
    expect(backend.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it('gives up after the bounded retries and pauses instead of hammering a failing service', async () => {
    const backend = createFakeBackend();
    backend.misbehave(() => json({ status: 503 }, 503));
    const { client, advance } = setup({ backend, tuning: { retries: 2, breakerBaseMs: 2000 } });
    const a = await client.lookup([sf(sfId(1))]);
    expect(a.results[0]!.problem).toBe('http-5xx');
    expect(backend.requests).toHaveLength(3);
    const b = await client.lookup([sf(sfId(2)), sf(sfId(3))]);
    expect(b.results.map((r) => r.problem)).toEqual(['backoff', 'backoff']);
    expect(backend.requests).toHaveLength(3);
    advance(2001);
    await client.lookup([sf(sfId(2))]);
    expect(backend.requests).toHaveLength(6);
    // A second failure doubles the pause.
    advance(2001);
    await client.lookup([sf(sfId(4))]);
    expect(backend.requests).toHaveLength(6);
  });

  it('does not retry 401/403 and reports them by code', async () => {
    const backend = createFakeBackend();
    backend.misbehave(() => json({ title: 'Unauthorized', status: 401 }, 401));
    const { client, problems } = setup({ backend });
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]!.problem).toBe('unauthorized');
    expect(backend.requests).toHaveLength(1);
    expect(problems).toEqual([['unauthorized', 401]]);
  });

  it('treats a service that is down (connection refused) as unavailable', async () => {
    const backend = createFakeBackend();
    backend.misbehave(() => {
      throw new TypeError('fetch failed');
    });
    const { client } = setup({ backend, tuning: { retries: 1 } });
    const res = await client.lookup([sf(sfId(1)), sf(sfId(2))]);
    expect(res.results.map((r) => [r.source, r.problem, r.record])).toEqual([
      ['unavailable', 'network', null],
      ['unavailable', 'network', null],
    ]);
  });

  it.each([
    ['a status outside the vocabulary', (r: ReturnType<typeof record>) => ({ ...r, consents: [{ ...r.consents[0], status: 'GRANTED' }] })],
    ['missing flags', (r: ReturnType<typeof record>) => ({ ...r, flags: undefined })],
    ['a string for consents', (r: ReturnType<typeof record>) => ({ ...r, consents: 'granted' })],
    ['markup in a purpose id', (r: ReturnType<typeof record>) => ({ ...r, consents: [{ ...r.consents[0], purpose: '<img src=x onerror=alert(1)>' }] })],
    ['another person’s record', (r: ReturnType<typeof record>) => ({ ...r, ref: sf(sfId(999)) })],
    ['a bare array', () => [{ status: 'granted' }]],
  ])('rejects %s as bad-shape without crashing and without a grant', async (_name, mutate) => {
    const backend = createFakeBackend((ref) => record(ref, [{}]));
    backend.misbehave(() => json(mutate(record(sf(sfId(1)), [{}]) as never)));
    const { client } = setup({ backend });
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]).toMatchObject({ source: 'unavailable', problem: 'bad-shape', record: null });
    expect(backend.requests).toHaveLength(1);
  });

  it('rejects a batch answer with the wrong number of results', async () => {
    const backend = createFakeBackend();
    backend.misbehave((req) => {
      const refs = (req.body as { refs: never[] }).refs;
      return json({ results: refs.slice(1).map((r) => record(r)) });
    });
    const { client } = setup({ backend });
    const res = await client.lookup([sf(sfId(1)), sf(sfId(2))]);
    expect(res.results.map((r) => r.problem)).toEqual(['bad-shape', 'bad-shape']);
  });

  it('rejects non-JSON (an HTML error page) as not-json', async () => {
    const backend = createFakeBackend();
    backend.misbehave(() => new Response('<html><script>alert(1)</script></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const { client } = setup({ backend });
    expect((await client.lookup([sf(sfId(1))])).results[0]!.problem).toBe('not-json');
  });

  it('stops reading a 10 MB body after 1 MB', async () => {
    const backend = createFakeBackend();
    let pulled = 0;
    const chunk = new TextEncoder().encode(`{"results":[${'"x",'.repeat(16383)}`); // ~64 KB
    backend.misbehave(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              if (pulled >= 10 * 1024 * 1024) return controller.close();
              pulled += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const { client } = setup({ backend });
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]!.problem).toBe('too-large');
    expect(pulled).toBeLessThan(MAX_RESPONSE_BYTES + 4 * chunk.byteLength);
  });

  it('refuses a body that declares more than 1 MB before reading it', async () => {
    const backend = createFakeBackend();
    const body = vi.fn();
    backend.misbehave(
      () =>
        new Response(new ReadableStream({ pull: body }), {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) },
        }),
    );
    const { client } = setup({ backend });
    expect((await client.lookup([sf(sfId(1))])).results[0]!.problem).toBe('too-large');
    expect(body.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('passes markup in free text through as data (the UI renders it as text) and clips nothing here', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const backend = createFakeBackend((ref) => record(ref, [{ source: evil, noticeVersion: '<b>v1</b>' }]));
    const { client } = setup({ backend });
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]!.record!.consents[0]!.source).toBe(evil);
  });

  it('never puts the token into results, problems or errors, even when fetch errors quote it', async () => {
    const backend = createFakeBackend();
    backend.misbehave((req) => {
      throw new TypeError(`request to ${req.url} with ${req.headers.authorization} failed`);
    });
    const { client, problems } = setup({ backend, tuning: { retries: 0 } });
    const res = await client.lookup([sf(sfId(1))]);
    const everything = JSON.stringify({ res, problems });
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('Bearer');
  });
});

describe('consent client: cache lifetime and stale-while-revalidate', () => {
  it('serves a fresh answer from the cache without a request', async () => {
    const { client, backend, advance } = setup({ config: { cacheSeconds: 60 } });
    await client.lookup([sf(sfId(1))]);
    advance(59_000);
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]).toMatchObject({ source: 'cache', stale: false });
    expect(backend.requests).toHaveLength(1);
  });

  it('returns a stale answer at once and refreshes it in the background', async () => {
    let status: 'granted' | 'withdrawn' = 'granted';
    const backend = createFakeBackend((ref) => record(ref, [{ status }]));
    const { client, advance, now } = setup({ backend, config: { cacheSeconds: 60 } });
    await client.lookup([sf(sfId(1)), sf(sfId(2))]);
    status = 'withdrawn';
    advance(61_000);
    const stale = await client.lookup([sf(sfId(1)), sf(sfId(2))]);
    expect(stale.results.map((r) => [r.source, r.stale, r.record!.consents[0]!.status])).toEqual([
      ['cache', true, 'granted'],
      ['cache', true, 'granted'],
    ]);
    await client.idle();
    const fresh = await client.lookup([sf(sfId(1)), sf(sfId(2))]);
    expect(fresh.results.map((r) => [r.source, r.stale, r.record!.consents[0]!.status, r.fetchedAt])).toEqual([
      ['cache', false, 'withdrawn', now()],
      ['cache', false, 'withdrawn', now()],
    ]);
  });

  it('revalidates a single record with its ETag and keeps the answer on 304', async () => {
    const { client, backend, advance, now } = setup({ config: { cacheSeconds: 1 } });
    await client.lookup([sf(sfId(1))]);
    advance(5_000);
    await client.lookup([sf(sfId(1))]);
    await client.idle();
    expect(backend.requests[1]!.headers['if-none-match']).toBeTruthy();
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]).toMatchObject({ source: 'cache', stale: false, fetchedAt: now() });
  });

  it('shows the last known state with its age while the service is down', async () => {
    const backend = createFakeBackend((ref) => record(ref, [{}]));
    const { client, advance, now } = setup({ backend, config: { cacheSeconds: 60 } });
    await client.lookup([sf(sfId(1))]);
    const fetchedAt = now();
    backend.misbehave(() => {
      throw new TypeError('connection refused');
    });
    advance(3_600_000);
    await client.lookup([sf(sfId(1))]);
    await client.idle();
    const res = await client.lookup([sf(sfId(1)), sf(sfId(2))]);
    expect(res.results[0]).toMatchObject({ source: 'cache', stale: true, fetchedAt, problem: 'network' });
    expect(res.results[0]!.record!.consents[0]!.status).toBe('granted');
    expect(res.results[1]).toMatchObject({ source: 'unavailable', record: null });
  });

  it('keeps answers of one service apart from another’s', async () => {
    const cache = createMemoryConsentCache();
    const a = setup({ cache });
    await a.client.lookup([sf(sfId(1))]);
    const b = setup({ cache, config: { url: 'https://other.example.test' } });
    const res = await b.client.lookup([sf(sfId(1))]);
    expect(res.results[0]!.source).toBe('live');
    expect(b.backend.requests[0]!.url.startsWith('https://other.example.test/')).toBe(true);
  });

  it('still answers when the cache itself fails', async () => {
    const broken: ConsentCache = {
      getMany: async () => {
        throw new Error('quota');
      },
      putMany: async () => {
        throw new Error('quota');
      },
      clear: async () => {},
    };
    const { client } = setup({ cache: broken });
    const res = await client.lookup([sf(sfId(1))]);
    expect(res.results[0]!.source).toBe('live');
  });
});
