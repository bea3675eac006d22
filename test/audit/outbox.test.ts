// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDbName, manualClock, openLog, viewed } from './helpers';
import { FakeReferenceService } from './fake-endpoint';
import { backoffDelay, validateEndpoint, BACKOFF_BASE_MS, BACKOFF_MAX_MS } from '../../lib/audit/outbox';
import { toOtlpLogs } from '../../lib/audit/otlp';
import { GENESIS_HEAD, hashEntry, canonicalJson } from '../../lib/audit/chain';

const config = (svc: FakeReferenceService, batchSize = 25) => ({
  endpoint: 'https://audit.example.com/',
  token: svc.token,
  format: 'reference' as const,
  batchSize,
});

describe('endpoint validation', () => {
  it('accepts https and loopback http, rejects the rest with a clear error', () => {
    expect(validateEndpoint('https://audit.example.com/base/')).toBe('https://audit.example.com/base');
    expect(validateEndpoint('http://localhost:8787')).toBe('http://localhost:8787');
    expect(validateEndpoint('http://127.0.0.1:9/')).toBe('http://127.0.0.1:9');
    expect(validateEndpoint('http://[::1]:4318')).toBe('http://[::1]:4318');
    expect(() => validateEndpoint('http://audit.example.com')).toThrow(/https/);
    expect(() => validateEndpoint('http://localhost.evil.com')).toThrow(/https/);
    expect(() => validateEndpoint('https://user:pw@audit.example.com')).toThrow(/credentials/);
    expect(() => validateEndpoint('not a url')).toThrow(/not a URL/);
  });
});

describe('backoff', () => {
  it('doubles per failure up to the cap, with bounded jitter', () => {
    const mid = () => 0.5;
    expect(backoffDelay(1, mid)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(2, mid)).toBe(BACKOFF_BASE_MS * 2);
    expect(backoffDelay(30, mid)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF_BASE_MS * 0.8);
    expect(backoffDelay(1, () => 1)).toBe(BACKOFF_BASE_MS * 1.2);
  });
});

describe('forwarding to the reference service', () => {
  it('delivers everything in batches with the marker moving, then is idle', async () => {
    const svc = new FakeReferenceService();
    const log = await openLog(freshDbName(), { fetch: svc.fetch });
    for (let i = 0; i < 60; i++) await log.append(viewed(`r${i}`));
    const r = await log.forward(config(svc));
    expect(r).toMatchObject({ status: 'ok', sent: 60, duplicates: 0, batches: 3, pending: 0, headMismatch: false });
    expect(r.remoteHead).toEqual(log.head());
    expect(svc.stored.size).toBe(60);
    expect(svc.chainBreaks).toEqual([]);
    expect(await log.forward(config(svc))).toMatchObject({ status: 'idle', sent: 0, batches: 0 });
    const stats = await log.stats();
    expect(stats.outboxSize).toBe(0);
    expect(stats.forwarded).toEqual(log.head());
    expect(stats.lastForward).toMatchObject({ status: 'idle' });
    log.close();
  });

  it('backs off while the endpoint is down, loses nothing, and catches up when it is back', async () => {
    const svc = new FakeReferenceService();
    const clock = manualClock();
    const log = await openLog(freshDbName(), { fetch: svc.fetch, now: clock.now, random: () => 0.5 });
    for (let i = 0; i < 30; i++) await log.append(viewed(`r${i}`));
    svc.down = true;
    const first = await log.forward(config(svc));
    expect(first).toMatchObject({ status: 'error', sent: 0, pending: 30 });
    expect(first.error).toMatch(/Failed to fetch/);
    expect(Date.parse(first.nextAttemptAt!) - clock.now()).toBe(BACKOFF_BASE_MS);
    // Within the backoff window nothing is sent at all.
    const requests = svc.requests;
    expect(await log.forward(config(svc))).toMatchObject({ status: 'backoff' });
    expect(svc.requests).toBe(requests);
    clock.advance(BACKOFF_BASE_MS);
    const second = await log.forward(config(svc));
    expect(Date.parse(second.nextAttemptAt!) - clock.now()).toBe(BACKOFF_BASE_MS * 2);
    // More events while down.
    for (let i = 30; i < 45; i++) await log.append(viewed(`r${i}`));
    svc.down = false;
    clock.advance(BACKOFF_BASE_MS * 2);
    const back = await log.forward(config(svc));
    expect(back).toMatchObject({ status: 'ok', sent: 45, pending: 0 });
    expect(svc.stored.size).toBe(45);
    expect(svc.chainBreaks).toEqual([]);
    // Success clears the backoff: the next call sends at once.
    await log.append(viewed('late'));
    expect(await log.forward(config(svc))).toMatchObject({ status: 'ok', sent: 1 });
    log.close();
  });

  it('a worker stopped mid-batch re-sends on restart: zero loss, zero duplicates at the service', async () => {
    const svc = new FakeReferenceService();
    const name = freshDbName();
    const log = await openLog(name, { fetch: svc.fetch });
    for (let i = 0; i < 50; i++) await log.append(viewed(`r${i}`));
    // First batch goes through; the second is stored by the service but the answer never arrives.
    await log.forward({ ...config(svc, 20), maxBatches: 1 });
    svc.hangAfterStoringNext = true;
    void log.forward(config(svc, 20));
    await new Promise((r) => setTimeout(r, 20));
    log.close(); // the worker is gone; its marker still says 20
    const restarted = await openLog(name, { fetch: svc.fetch });
    expect((await restarted.stats()).outboxSize).toBe(30);
    const r = await restarted.forward(config(svc, 20));
    expect(r).toMatchObject({ status: 'ok', pending: 0, duplicates: 20, sent: 10 });
    expect(svc.stored.size).toBe(50);
    expect(svc.deliveries).toBe(70); // 20 were delivered twice …
    expect([...svc.stored.values()].map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1)); // … stored once
    expect(svc.chainBreaks).toEqual([]);
    restarted.close();
  });

  it('keeps entries and reports the status on a rejected token; halves the batch on 413', async () => {
    const svc = new FakeReferenceService();
    const log = await openLog(freshDbName(), { fetch: svc.fetch });
    await log.append(viewed('a'));
    const r = await log.forward({ ...config(svc), token: 'wrong' });
    expect(r).toMatchObject({ status: 'error', httpStatus: 401, pending: 1 });
    expect(svc.stored.size).toBe(0);

    const sizes: number[] = [];
    const tooLarge: typeof fetch = async (url, init) => {
      const n = (JSON.parse(String(init!.body)) as { entries: unknown[] }).entries.length;
      sizes.push(n);
      return n > 4 ? new Response('too large', { status: 413 }) : svc.fetch(url, init);
    };
    const log2 = await openLog(freshDbName(), { fetch: tooLarge });
    for (let i = 0; i < 10; i++) await log2.append(viewed(`b${i}`));
    const r2 = await log2.forward({ ...config(svc, 16), maxBatches: 10 });
    expect(r2).toMatchObject({ status: 'ok', pending: 0 });
    expect(sizes.slice(0, 3)).toEqual([10, 5, 2]);
    log.close();
    log2.close();
  });

  it('flags a service head that differs from ours (a rewritten log on either side)', async () => {
    const svc = new FakeReferenceService();
    const liar: typeof fetch = async (url, init) => {
      const res = await svc.fetch(url, init);
      const body = (await res.json()) as Record<string, unknown>;
      return Response.json({ ...body, head: { seq: (body['head'] as { seq: number }).seq, hash: 'f'.repeat(64) } });
    };
    const log = await openLog(freshDbName(), { fetch: liar });
    await log.append(viewed('a'));
    expect(await log.forward(config(svc))).toMatchObject({ status: 'ok', headMismatch: true });
    log.close();
  });
});

describe('OTLP/HTTP JSON', () => {
  it('posts resourceLogs with string-encoded 64-bit values and the chain head', async () => {
    const bodies: unknown[] = [];
    const urls: string[] = [];
    const collector: typeof fetch = async (url, init) => {
      urls.push(String(url));
      bodies.push(JSON.parse(String(init!.body)));
      return Response.json({});
    };
    const log = await openLog(freshDbName(), { fetch: collector });
    const e = await log.append(viewed('003XYZ'));
    const r = await log.forward({ endpoint: 'http://localhost:4318', format: 'otlp', batchSize: 100 });
    expect(r).toMatchObject({ status: 'ok', sent: 1 });
    expect(urls).toEqual(['http://localhost:4318/v1/logs']);
    const body = bodies[0] as ReturnType<typeof toOtlpLogs>;
    const res = body.resourceLogs[0]!;
    expect(res.resource.attributes).toContainEqual({ key: 'audit.chain.head_seq', value: { intValue: '1' } });
    expect(res.resource.attributes).toContainEqual({ key: 'audit.chain.head_hash', value: { stringValue: e.hash } });
    const rec = res.scopeLogs[0]!.logRecords[0]!;
    expect(rec.timeUnixNano).toBe(`${Date.parse(e.time)}000000`);
    expect(typeof rec.observedTimeUnixNano).toBe('string');
    expect(rec.severityNumber).toBe(9);
    expect(rec.attributes).toContainEqual({ key: 'audit.seq', value: { intValue: '1' } });
    expect(rec.attributes).toContainEqual({ key: 'crm.record_id', value: { stringValue: '003XYZ' } });
    // A receiver can recompute the hash from the attributes.
    const attr = (k: string) => (rec.attributes.find((a) => a.key === k)!.value as { stringValue: string }).stringValue;
    expect(JSON.parse(attr('audit.data'))).toEqual(e.data);
    expect(attr('audit.data')).toBe(canonicalJson(e.data));
    expect(await hashEntry(e)).toBe(attr('audit.hash'));
    log.close();
  });

  it('reports partially rejected records', async () => {
    const collector: typeof fetch = async () => Response.json({ partialSuccess: { rejectedLogRecords: '1', errorMessage: 'bad' } });
    const log = await openLog(freshDbName(), { fetch: collector });
    await log.append(viewed('a'));
    await log.append(viewed('b'));
    expect(await log.forward({ endpoint: 'https://otel.example.com', format: 'otlp', batchSize: 10 })).toMatchObject({ sent: 1, rejected: 1, pending: 0 });
    log.close();
  });

  it('encodes an empty head as seq 0', () => {
    const body = toOtlpLogs([], { deviceId: 'd', extVersion: '1', head: GENESIS_HEAD, observedMs: 0 });
    expect(body.resourceLogs[0]!.scopeLogs[0]!.logRecords).toEqual([]);
  });
});
