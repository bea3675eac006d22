/**
 * The last known consent answers, kept so a record shows its state instantly and
 * still shows it (with its age) while the service is down. IndexedDB in the
 * extension (idb), a Map in tests. Entries are scoped by service URL: answers of
 * one backend are never shown as another's. What is read back is validated:
 * storage can be corrupted or left by an older version.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { consentRecordSchema, type ConsentRecord } from './schema';

export interface CachedConsent {
  /** `<service url> <ref key>` */
  key: string;
  record: ConsentRecord;
  /** Epoch ms the service gave this answer (or confirmed it with 304). */
  fetchedAt: number;
  etag: string | null;
}

export interface ConsentCache {
  getMany(keys: readonly string[]): Promise<Map<string, CachedConsent>>;
  putMany(entries: readonly CachedConsent[]): Promise<void>;
  clear(): Promise<void>;
}

const cachedSchema = z.object({
  key: z.string().max(600),
  record: consentRecordSchema,
  fetchedAt: z.number().finite().nonnegative(),
  etag: z.string().max(200).nullable(),
});

/** How many answers are kept; the oldest go first. Enough for a rep's working set, bounded for quota. */
export const MAX_CACHED = 5000;
/** Answers older than this are not "last known state" any more but noise. */
export const MAX_KEEP_MS = 30 * 24 * 3600 * 1000;

export function cacheKey(serviceUrl: string, refKey: string): string {
  return `${serviceUrl} ${refKey}`;
}

function valid(raw: unknown): CachedConsent | null {
  const parsed = cachedSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function createMemoryConsentCache(limit = MAX_CACHED): ConsentCache & { size(): number } {
  const map = new Map<string, CachedConsent>();
  return {
    async getMany(keys) {
      const out = new Map<string, CachedConsent>();
      for (const k of keys) {
        const hit = valid(map.get(k));
        if (hit) out.set(k, hit);
      }
      return out;
    },
    async putMany(entries) {
      for (const e of entries) {
        map.delete(e.key);
        map.set(e.key, structuredClone(e));
      }
      // Map keeps insertion order: the first keys are the least recently written.
      while (map.size > limit) map.delete(map.keys().next().value as string);
    },
    async clear() {
      map.clear();
    },
    size: () => map.size,
  };
}

interface ConsentDb extends DBSchema {
  answers: { key: string; value: CachedConsent; indexes: { fetchedAt: number } };
}

const DB_NAME = 'consent-cache';
const STORE = 'answers';

export interface IdbCacheOptions {
  name?: string;
  limit?: number;
  now?: () => number;
}

export function createIdbConsentCache(options: IdbCacheOptions = {}): ConsentCache {
  const limit = options.limit ?? MAX_CACHED;
  const now = options.now ?? Date.now;
  let db: Promise<IDBPDatabase<ConsentDb>> | null = null;
  let writesSincePrune = 0;
  const open = () =>
    (db ??= openDB<ConsentDb>(options.name ?? DB_NAME, 1, {
      upgrade(database) {
        const store = database.createObjectStore(STORE, { keyPath: 'key' });
        store.createIndex('fetchedAt', 'fetchedAt');
      },
    }));

  async function prune(database: IDBPDatabase<ConsentDb>): Promise<void> {
    const tx = database.transaction(STORE, 'readwrite');
    const index = tx.store.index('fetchedAt');
    let excess = (await tx.store.count()) - limit;
    const tooOld = now() - MAX_KEEP_MS;
    // Oldest first: delete what is too old, then whatever exceeds the limit.
    for (let cursor = await index.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.fetchedAt >= tooOld && excess <= 0) break;
      await cursor.delete();
      excess--;
    }
    await tx.done;
  }

  return {
    async getMany(keys) {
      const database = await open();
      const tx = database.transaction(STORE, 'readonly');
      const rows = await Promise.all(keys.map((k) => tx.store.get(k)));
      await tx.done;
      const out = new Map<string, CachedConsent>();
      rows.forEach((row, i) => {
        const hit = valid(row);
        if (hit && hit.key === keys[i]) out.set(hit.key, hit);
      });
      return out;
    },
    async putMany(entries) {
      if (entries.length === 0) return;
      const database = await open();
      const tx = database.transaction(STORE, 'readwrite');
      await Promise.all(entries.map((e) => tx.store.put(e)));
      await tx.done;
      writesSincePrune += entries.length;
      if (writesSincePrune >= 200) {
        writesSincePrune = 0;
        await prune(database);
      }
    },
    async clear() {
      const database = await open();
      await database.clear(STORE);
    },
  };
}
