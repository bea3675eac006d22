/**
 * Answers consent lookups, from memory when it can. With PGlite this process is
 * the only writer (the data directory is locked), so cached answers are exact:
 * every import clears the cache. With PostgreSQL other instances may import, so
 * the cache is off unless a lifetime is configured, which then bounds staleness.
 * Expiry stays a read-time decision: a cached answer is only reused until the
 * next expiresAt of its events.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db';
import { deriveConsent } from './derive';
import type { ConsentRecord, StoredEvent, SubjectRef } from './model';
import { eventsForRef, eventsForRefs } from './store';

export interface ReaderOptions {
  /** How long an answer may be reused; 0 turns the cache off, Infinity keeps it until the next import. */
  ttlMs: number;
  maxEntries?: number;
}

export interface RenderedAnswer {
  body: string;
  etag: string;
}

interface Entry {
  events: StoredEvent[];
  loadedAt: number;
  rendered: (RenderedAnswer & { until: number }) | null;
}

const keyOf = (ref: SubjectRef) => ('crm' in ref ? `r\u0000${ref.crm}\u0000${ref.objectType}\u0000${ref.recordId}` : `e\u0000${ref.emailSha256}`);

export class ConsentReader {
  private readonly cache = new Map<string, Entry>();
  private generation = 0;
  private readonly maxEntries: number;

  constructor(
    private readonly db: Queryable,
    private readonly opts: ReaderOptions,
  ) {
    this.maxEntries = opts.maxEntries ?? 100_000;
  }

  /** Call after every write to consent data. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  /** One answer as the body and ETag of the response. */
  async one(ref: SubjectRef, now: Date): Promise<RenderedAnswer> {
    const key = keyOf(ref);
    const t = now.getTime();
    const hit = this.fresh(key);
    if (hit?.rendered && hit.rendered.until > t) return hit.rendered;
    const entry = hit ?? this.store(key, await this.load(() => eventsForRef(this.db, ref)));
    const body = JSON.stringify(answer(ref, entry.events, now));
    const rendered = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, until: nextChange(entry.events, t) };
    entry.rendered = rendered;
    return rendered;
  }

  async many(refs: readonly SubjectRef[], now: Date): Promise<ConsentRecord[]> {
    const found = refs.map((ref) => this.fresh(keyOf(ref)));
    const missing = refs.filter((_, i) => !found[i]);
    if (missing.length) {
      const loaded = await this.load(() => eventsForRefs(this.db, missing));
      let j = 0;
      refs.forEach((ref, i) => {
        if (!found[i]) found[i] = this.store(keyOf(ref), { events: loaded.events[j++]!, generation: loaded.generation });
      });
    }
    return refs.map((ref, i) => answer(ref, found[i]!.events, now));
  }

  private async load<T>(query: () => Promise<T>): Promise<{ events: T; generation: number }> {
    const generation = this.generation;
    return { events: await query(), generation };
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.cache.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.loadedAt >= this.opts.ttlMs) {
      this.cache.delete(key);
      return undefined;
    }
    // Least recently used goes first: re-inserting moves the key to the end.
    this.cache.delete(key);
    this.cache.set(key, entry);
    return entry;
  }

  private store(key: string, loaded: { events: StoredEvent[]; generation: number }): Entry {
    const entry: Entry = { events: loaded.events, loadedAt: Date.now(), rendered: null };
    // An import that committed while this query ran may not be in its result: do not keep it.
    if (this.opts.ttlMs > 0 && loaded.generation === this.generation) {
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, entry);
    }
    return entry;
  }
}

function answer(ref: SubjectRef, events: StoredEvent[], now: Date): ConsentRecord {
  return { ref, known: events.length > 0, ...deriveConsent(events, now) };
}

/** The first expiry after t: until then the derived answer cannot change. */
function nextChange(events: readonly StoredEvent[], t: number): number {
  let next = Infinity;
  for (const e of events) {
    const at = e.expiresAt?.getTime();
    if (at !== undefined && at > t && at < next) next = at;
  }
  return next;
}
