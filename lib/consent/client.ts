/**
 * The consent client the background runs. It answers from the cache when it can,
 * fetches what it must, and protects the service and the rep from each other:
 *
 * - lookups arriving within a few milliseconds are merged into one batch (≤ 200
 *   references per request, the API's limit) and a reference already being fetched
 *   is not fetched again, so scrolling a list of 500 records costs three requests;
 * - at most two requests are in flight; each has a deadline and a bounded number
 *   of retries with exponential backoff and jitter;
 * - after a failure the client stops asking for a while (doubling up to a minute),
 *   so a service that is down is not hammered by every page;
 * - stale answers are returned at once and refreshed behind the rep's back
 *   (stale-while-revalidate); with no answer at all the state is "unavailable".
 *
 * Nothing is ever made up: a record is whatever the service last said about it.
 */
import { baseUrlOf, displayOf, type ConsentConfig } from './config';
import { cacheKey, type CachedConsent, type ConsentCache } from './cache';
import { ConsentFetchError, exchange, RETRYABLE, type ProblemCode } from './http';
import { canonicalRef, refKey } from './refs';
import type { ConsentEntry, ConsentLookupResult, LookupRef } from './result';
import { batchResponseSchema, consentRecordSchema, MAX_BATCH_REFS, subjectRefSchema, type ConsentRecord, type SubjectRef } from './schema';

export interface ClientTuning {
  /** Deadline of one HTTP attempt. */
  timeoutMs: number;
  /** Further attempts after the first, for transient failures only. */
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  /** How long lookups are collected into one batch. */
  batchWindowMs: number;
  maxConcurrent: number;
  /** First pause after a failed request; doubles per consecutive failure. */
  breakerBaseMs: number;
  breakerMaxMs: number;
  /** Most references one lookup call may name (the message protocol's limit). */
  maxRefs: number;
}

export const DEFAULT_TUNING: ClientTuning = {
  timeoutMs: 5000,
  retries: 2,
  backoffMs: 300,
  maxBackoffMs: 4000,
  batchWindowMs: 15,
  maxConcurrent: 2,
  breakerBaseMs: 2000,
  breakerMaxMs: 60_000,
  maxRefs: 500,
};

export interface ConsentClientDeps {
  getConfig: () => ConsentConfig | null;
  fetch: typeof fetch;
  now?: () => number;
  cache: ConsentCache;
  tuning?: Partial<ClientTuning>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Failure reports for the background's log: a code and a status, nothing else. */
  onProblem?: (code: ProblemCode, status: number | null) => void;
}

export interface ConsentClient {
  lookup(refs: readonly LookupRef[]): Promise<ConsentLookupResult>;
  /** Requests sent to the service so far (for diagnostics and tests). */
  readonly requestCount: number;
  /** Resolves when no fetch or cache write is pending (tests, benchmarks). */
  idle(): Promise<void>;
}

interface Fetched {
  record: ConsentRecord;
  fetchedAt: number;
  etag: string | null;
}

interface Pending {
  key: string;
  /** refKey(ref): what the service's answer must echo. */
  rk: string;
  ref: SubjectRef;
  etag: string | null;
  resolve(value: Fetched): void;
  reject(error: unknown): void;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function toSubjectRef(ref: LookupRef): SubjectRef | null {
  if ('emailSha256' in ref) return ref;
  if (ref.objectType === null || ref.recordId === null) return null;
  const parsed = subjectRefSchema.safeParse({ crm: ref.crm, objectType: ref.objectType, recordId: ref.recordId });
  return parsed.success ? canonicalRef(parsed.data) : null;
}

export function createConsentClient(deps: ConsentClientDeps): ConsentClient {
  const tuning: ClientTuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const inflight = new Map<string, Promise<Fetched>>();
  const background = new Set<Promise<unknown>>();
  let queue: Pending[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let running = 0;
  const waiting: (() => void)[] = [];
  let failures = 0;
  /** What the latest failed request failed with; reported on stale answers until a request succeeds. */
  let lastProblem: ProblemCode = 'network';
  let pausedUntil = 0;
  let requestCount = 0;

  const track = <T>(p: Promise<T>): Promise<T> => {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    background.add(settled);
    void settled.then(() => background.delete(settled));
    return p;
  };

  async function slot<T>(work: () => Promise<T>): Promise<T> {
    while (running >= tuning.maxConcurrent) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  function noteFailure(error: ConsentFetchError): void {
    failures++;
    lastProblem = error.code;
    const asked = error.retryAfter === null ? 0 : error.retryAfter * 1000;
    const pause = Math.max(asked, tuning.breakerBaseMs * 2 ** (failures - 1));
    pausedUntil = now() + Math.min(tuning.breakerMaxMs, pause);
    deps.onProblem?.(error.code, error.status);
  }

  /** One request with retries; throws the last ConsentFetchError. */
  async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let n = 0; ; n++) {
      try {
        requestCount++;
        return await attempt();
      } catch (error) {
        const e = error instanceof ConsentFetchError ? error : new ConsentFetchError('network');
        if (!RETRYABLE[e.code] || n >= tuning.retries) throw e;
        const exp = Math.min(tuning.maxBackoffMs, tuning.backoffMs * 2 ** n);
        const asked = e.retryAfter === null ? 0 : e.retryAfter * 1000;
        // A service asking for more patience than we would wait anyway gets it from the breaker instead.
        if (asked > tuning.maxBackoffMs) throw e;
        await sleep(Math.max(asked, exp * (0.5 + random() / 2)));
      }
    }
  }

  async function send(config: ConsentConfig, batch: Pending[]): Promise<void> {
    const base = baseUrlOf(config);
    const common = { token: config.token, timeoutMs: tuning.timeoutMs, fetch: deps.fetch };
    try {
      let fetched: (Fetched | null)[];
      const [only] = batch;
      if (batch.length === 1 && only && !('emailSha256' in only.ref)) {
        const r = only.ref;
        const url = `${base}/v1/consent/records/${encodeURIComponent(r.crm)}/${encodeURIComponent(r.objectType)}/${encodeURIComponent(r.recordId)}`;
        fetched = [await oneRecord(url, only, common)];
      } else if (batch.length === 1 && only && 'emailSha256' in only.ref) {
        fetched = [await oneRecord(`${base}/v1/consent/emails/${only.ref.emailSha256}`, only, common)];
      } else {
        const res = await withRetries(() =>
          exchange({ ...common, url: `${base}/v1/consent/lookup`, method: 'POST', body: { refs: batch.map((p) => p.ref) } }, batchResponseSchema),
        );
        if (res.kind !== 'ok' || res.value.results.length !== batch.length) throw new ConsentFetchError('bad-shape', 200);
        const at = now();
        fetched = res.value.results.map((record, i) => (refKey(record.ref) === batch[i]!.rk ? { record, fetchedAt: at, etag: null } : null));
        if (fetched.some((f) => f === null)) throw new ConsentFetchError('bad-shape', 200);
      }
      failures = 0;
      const entries: CachedConsent[] = batch.map((p, i) => ({ key: p.key, ...fetched[i]! }));
      batch.forEach((p, i) => p.resolve(fetched[i]!));
      await track(deps.cache.putMany(entries)).catch(() => deps.onProblem?.('network', null));
    } catch (error) {
      const e = error instanceof ConsentFetchError ? error : new ConsentFetchError('network');
      noteFailure(e);
      for (const p of batch) p.reject(e);
    }
  }

  async function oneRecord(url: string, pending: Pending, common: { token: string; timeoutMs: number; fetch: typeof fetch }): Promise<Fetched> {
    const res = await withRetries(() => exchange({ ...common, url, method: 'GET', etag: pending.etag }, consentRecordSchema));
    if (res.kind === 'not-modified') {
      // The cached record is still the answer; the caller holds it and only needs the new time.
      const cached = await deps.cache.getMany([pending.key]);
      const hit = cached.get(pending.key);
      if (!hit) throw new ConsentFetchError('bad-shape', 304);
      return { record: hit.record, fetchedAt: now(), etag: res.etag ?? hit.etag };
    }
    if (refKey(res.value.ref) !== refKey(pending.ref)) throw new ConsentFetchError('bad-shape', 200);
    return { record: res.value, fetchedAt: now(), etag: res.etag };
  }

  function flush(): void {
    flushTimer = null;
    const config = deps.getConfig();
    const all = queue;
    queue = [];
    if (!config) {
      for (const p of all) p.reject(new ConsentFetchError('not-configured'));
      return;
    }
    for (let i = 0; i < all.length; i += MAX_BATCH_REFS) {
      const chunk = all.slice(i, i + MAX_BATCH_REFS);
      void track(slot(() => send(config, chunk)));
    }
  }

  function request(key: string, ref: SubjectRef, etag: string | null): Promise<Fetched> {
    const existing = inflight.get(key);
    if (existing) return existing;
    if (now() < pausedUntil) return Promise.reject(new ConsentFetchError('backoff'));
    const promise = new Promise<Fetched>((resolve, reject) => queue.push({ key, rk: refKey(ref), ref, etag, resolve, reject }));
    inflight.set(key, promise);
    const done = () => inflight.delete(key);
    promise.then(done, done);
    flushTimer ??= setTimeout(flush, tuning.batchWindowMs);
    return promise;
  }

  async function lookup(refs: readonly LookupRef[]): Promise<ConsentLookupResult> {
    const config = deps.getConfig();
    const asked = refs.slice(0, tuning.maxRefs);
    if (!config) {
      return {
        configured: false,
        display: null,
        results: asked.map((ref) => ({ ref, source: 'unavailable', fetchedAt: null, stale: false, problem: 'not-configured', record: null })),
      };
    }
    const base = baseUrlOf(config);
    const subjects = asked.map(toSubjectRef);
    const keys = subjects.map((s) => (s ? cacheKey(base, refKey(s)) : null));
    const unique = [...new Set(keys.filter((k): k is string => k !== null))];
    let cached = new Map<string, CachedConsent>();
    try {
      cached = await deps.cache.getMany(unique);
    } catch {
      deps.onProblem?.('network', null);
    }
    const freshMs = config.cacheSeconds * 1000;
    const t = now();
    const outcome = new Map<string, Promise<Fetched>>();
    unique.forEach((key) => {
      const subject = subjects[keys.indexOf(key)]!;
      const hit = cached.get(key);
      if (hit && t - hit.fetchedAt < freshMs && hit.fetchedAt <= t) return;
      const p = request(key, subject, hit?.etag ?? null);
      if (hit) void p.catch(() => {}); // refreshed behind the rep's back; the cached answer goes out now
      else outcome.set(key, p);
    });
    const settled = new Map<string, { ok: true; value: Fetched } | { ok: false; code: ProblemCode }>();
    await Promise.all(
      [...outcome].map(async ([key, p]) => {
        try {
          settled.set(key, { ok: true, value: await p });
        } catch (error) {
          settled.set(key, { ok: false, code: error instanceof ConsentFetchError ? error.code : 'network' });
        }
      }),
    );
    const results: ConsentEntry[] = asked.map((ref, i) => {
      const key = keys[i];
      if (!key) return { ref, source: 'unavailable', fetchedAt: null, stale: false, problem: 'bad-ref', record: null };
      const got = settled.get(key);
      if (got?.ok) return { ref, source: 'live', fetchedAt: got.value.fetchedAt, stale: false, problem: null, record: got.value.record };
      if (got) return { ref, source: 'unavailable', fetchedAt: null, stale: false, problem: got.code, record: null };
      const hit = cached.get(key)!;
      const stale = !(t - hit.fetchedAt < freshMs && hit.fetchedAt <= t);
      // A stale answer while the service keeps failing says why; while a refresh may still succeed, it says nothing.
      return { ref, source: 'cache', fetchedAt: hit.fetchedAt, stale, problem: stale && failures > 0 ? lastProblem : null, record: hit.record };
    });
    return { configured: true, display: displayOf(config), results };
  }

  return {
    lookup,
    get requestCount() {
      return requestCount;
    },
    async idle() {
      while (flushTimer !== null || background.size > 0 || inflight.size > 0) {
        if (flushTimer !== null) await new Promise((r) => setTimeout(r, tuning.batchWindowMs + 1));
        await Promise.all([...background, ...[...inflight.values()].map((p) => p.catch(() => {}))]);
      }
    },
  };
}
