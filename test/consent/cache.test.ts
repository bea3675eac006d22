import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { createIdbConsentCache, createMemoryConsentCache, MAX_KEEP_MS, type CachedConsent } from '@/lib/consent/cache';
import { record, sf, sfId } from './fake-backend';

let dbCount = 0;
const freshName = () => `consent-cache-test-${++dbCount}`;
const entry = (n: number, fetchedAt: number): CachedConsent => ({ key: `https://c.test r/salesforce/Contact/${sfId(n)}`, record: record(sf(sfId(n)), [{}]), fetchedAt, etag: null });

describe('IndexedDB consent cache', () => {
  it('stores and returns answers by key, across instances (survives a service-worker restart)', async () => {
    const name = freshName();
    await createIdbConsentCache({ name }).putMany([entry(1, 1000), entry(2, 2000)]);
    const again = createIdbConsentCache({ name });
    const got = await again.getMany([entry(1, 0).key, entry(3, 0).key, entry(2, 0).key]);
    expect([...got.keys()]).toEqual([entry(1, 0).key, entry(2, 0).key]);
    expect(got.get(entry(2, 0).key)).toEqual(entry(2, 2000));
  });

  it('ignores entries that do not have the expected shape (corrupt or from an older version)', async () => {
    const name = freshName();
    const cache = createIdbConsentCache({ name });
    await cache.putMany([entry(1, 1000)]);
    const db = await openDB(name, 1);
    await db.put('answers', { key: 'bad', record: { consents: 'granted' }, fetchedAt: 1, etag: null });
    await db.put('answers', { ...entry(2, 5), record: { ...entry(2, 5).record, consents: [{ status: 'granted' }] } });
    db.close();
    const got = await cache.getMany(['bad', entry(1, 0).key, entry(2, 0).key]);
    expect([...got.keys()]).toEqual([entry(1, 0).key]);
  });

  it('prunes the oldest answers beyond its limit and answers older than 30 days', async () => {
    const name = freshName();
    const now = 100 * MAX_KEEP_MS;
    const cache = createIdbConsentCache({ name, limit: 150, now: () => now });
    const old = entry(9999, now - MAX_KEEP_MS - 1);
    await cache.putMany([old]);
    await cache.putMany(Array.from({ length: 199 }, (_, i) => entry(i, now - 1000 + i)));
    const got = await cache.getMany([old.key, entry(0, 0).key, entry(49, 0).key, entry(50, 0).key, entry(198, 0).key]);
    expect([...got.keys()]).toEqual([entry(49, 0).key, entry(50, 0).key, entry(198, 0).key].slice(0, 3));
    const db = await openDB(name, 1);
    expect(await db.count('answers')).toBe(150);
    db.close();
  });

  it('clears', async () => {
    const cache = createIdbConsentCache({ name: freshName() });
    await cache.putMany([entry(1, 1)]);
    await cache.clear();
    expect((await cache.getMany([entry(1, 0).key])).size).toBe(0);
  });
});

describe('memory consent cache', () => {
  it('evicts the least recently written beyond its limit', async () => {
    const cache = createMemoryConsentCache(2);
    await cache.putMany([entry(1, 1), entry(2, 2)]);
    await cache.putMany([entry(1, 3)]);
    await cache.putMany([entry(3, 4)]);
    expect([...(await cache.getMany([entry(1, 0).key, entry(2, 0).key, entry(3, 0).key])).keys()]).toEqual([entry(1, 0).key, entry(3, 0).key]);
    expect(cache.size()).toBe(2);
  });
});
