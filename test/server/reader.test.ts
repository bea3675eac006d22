// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../server/db';
import { ConsentReader } from '../../server/consent/reader';
import { parseImport } from '../../server/consent/import';
import { importEvents } from '../../server/consent/store';
import { openDb } from './helpers';

// PGlite start-up and a PostgreSQL cluster take seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

const ref = { crm: 'salesforce', objectType: 'Contact', recordId: '003CACHE' };
const row = (over: Record<string, string>) => ({ ...ref, purpose: 'newsletter', channel: 'email', lawfulBasis: 'consent', status: 'granted', ...over });

describe('ConsentReader cache', () => {
  let db: Db;
  let queries = 0;
  let counted: Db;
  beforeAll(async () => {
    db = await openDb('pglite');
    counted = { ...db, query: (sql, params) => (queries++, db.query(sql, params)) };
    await importEvents(db, parseImport(JSON.stringify([row({ occurredAt: '2026-01-01T00:00:00Z', expiresAt: '2026-06-01T00:00:00Z' })]), 'json'), 'json', null);
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  it('answers repeated lookups from memory, and re-derives at the next expiry', async () => {
    const reader = new ConsentReader(counted, { ttlMs: Infinity });
    const first = await reader.one(ref, new Date('2026-05-01T00:00:00Z'));
    const before = queries;
    const again = await reader.one(ref, new Date('2026-05-02T00:00:00Z'));
    expect(queries).toBe(before);
    expect(again).toEqual(first);
    const expired = await reader.one(ref, new Date('2026-06-01T00:00:00Z'));
    expect(queries).toBe(before);
    expect(JSON.parse(expired.body).consents[0].status).toBe('expired');
    expect(expired.etag).not.toBe(first.etag);
    // Batch lookups share the cache.
    const [batch] = await reader.many([ref], new Date('2026-05-02T00:00:00Z'));
    expect(queries).toBe(before);
    expect(batch!.consents[0]!.status).toBe('granted');
  });

  it('forgets everything on invalidate, and never keeps a result loaded across an import', async () => {
    const reader = new ConsentReader(counted, { ttlMs: Infinity });
    const at = new Date('2026-05-01T00:00:00Z');
    await reader.one(ref, at);
    await importEvents(db, parseImport(JSON.stringify([row({ status: 'withdrawn', occurredAt: '2026-04-01T00:00:00Z' })]), 'json'), 'json', null);
    reader.invalidate();
    expect(JSON.parse((await reader.one(ref, at)).body).consents[0].status).toBe('withdrawn');

    // A lookup whose query was running when an import committed is answered but not cached.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: Db = { ...db, query: async (sql, params) => (await gate, db.query(sql, params)) };
    const racing = new ConsentReader(slow, { ttlMs: Infinity });
    const pending = racing.one({ ...ref, recordId: '003OTHER' }, at);
    racing.invalidate();
    release();
    await pending;
    const before = queries;
    const counting = new ConsentReader(counted, { ttlMs: Infinity });
    await counting.one(ref, at);
    expect(queries).toBe(before + 1);
  });

  it('does not cache with a zero lifetime (PostgreSQL default)', async () => {
    const reader = new ConsentReader(counted, { ttlMs: 0 });
    const before = queries;
    await reader.one(ref, new Date());
    await reader.one(ref, new Date());
    expect(queries).toBe(before + 2);
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    const reader = new ConsentReader(counted, { ttlMs: Infinity, maxEntries: 2 });
    const at = new Date('2026-05-01T00:00:00Z');
    const a = { ...ref, recordId: 'A1' };
    const b = { ...ref, recordId: 'B1' };
    const c = { ...ref, recordId: 'C1' };
    await reader.one(a, at);
    await reader.one(b, at);
    await reader.one(a, at);
    await reader.one(c, at);
    const before = queries;
    await reader.one(a, at);
    expect(queries).toBe(before);
    await reader.one(b, at);
    expect(queries).toBe(before + 1);
  });
});
