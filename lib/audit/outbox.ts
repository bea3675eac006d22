/**
 * Forwarding: sends the entries after the persisted forwarded-up-to marker, batch
 * by batch, and moves the marker only after the endpoint accepted a batch. A
 * worker stopped between send and marker update re-sends that batch on the next
 * run; the reference service is idempotent by id, so it ends with each event
 * exactly once (at-least-once delivery + idempotent ingest). While the endpoint
 * fails, attempts back off exponentially; the backoff state is persisted too.
 */
import type { AuditEntry, ChainHead } from './chain';
import { auditBatchResponseSchema, MAX_BATCH_ENTRIES, type AuditBatchResponse } from './wire';
import { toOtlpLogs } from './otlp';
import type { AuditStore } from './store';

export const FORWARD_FORMATS = ['reference', 'otlp'] as const;
export type ForwardFormat = (typeof FORWARD_FORMATS)[number];

export interface ForwardConfig {
  /** base URL; https, or http on a loopback host for development */
  endpoint: string;
  /** bearer token; omitted for collectors that authenticate otherwise */
  token?: string;
  format: ForwardFormat;
  /** entries per request (1..1000) */
  batchSize: number;
  /** stop after this many batches in one call (the next alarm continues). Default 20. */
  maxBatches?: number;
  /** send even while backing off (e.g. "forward now" from diagnostics) */
  force?: boolean;
}

export type ForwardStatus = 'ok' | 'idle' | 'backoff' | 'error';

export interface ForwardResult {
  at: string;
  status: ForwardStatus;
  /** entries the endpoint acknowledged in this call */
  sent: number;
  /** entries the reference service already had */
  duplicates: number;
  batches: number;
  /** entries still waiting */
  pending: number;
  error?: string;
  httpStatus?: number;
  nextAttemptAt?: string;
  /** the service's head for this device after the last batch (reference format) */
  remoteHead?: ChainHead;
  /** the service's chain verdict (reference format) */
  remoteChain?: AuditBatchResponse['chain'];
  /** true when the service's head differs from ours at the same seq: one of the two logs was rewritten */
  headMismatch?: boolean;
  /** OTLP partial success: records the collector rejected */
  rejected?: number;
}

interface Backoff {
  failures: number;
  nextAttemptAt: number;
}

export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_MAX_MS = 15 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;

export class EndpointError extends Error {
  override name = 'EndpointError';
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Parse and check an endpoint: https anywhere, http only on loopback. Returns it without a trailing slash. */
export function validateEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointError(`audit endpoint is not a URL: ${endpoint.slice(0, 200)}`);
  }
  if (url.username || url.password) throw new EndpointError('audit endpoint must not carry credentials in the URL');
  if (url.search || url.hash) throw new EndpointError('audit endpoint must not have a query or fragment');
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new EndpointError(`audit endpoint must use https (http only for localhost): ${url.origin}`);
  }
  return url.href.replace(/\/+$/, '');
}

export function backoffDelay(failures: number, random: () => number): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  // ±20 % jitter so a fleet that lost the endpoint together does not return in lockstep.
  return Math.round(exp * (0.8 + 0.4 * random()));
}

export interface OutboxDeps {
  store: AuditStore;
  deviceId: string;
  extVersion: string;
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
}

export class Outbox {
  private running: Promise<ForwardResult> | null = null;

  constructor(private readonly deps: OutboxDeps) {}

  /** One forwarding run; concurrent calls share the run in progress. */
  forward(config: ForwardConfig): Promise<ForwardResult> {
    if (!this.running) {
      this.running = this.run(config).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  async pending(): Promise<number> {
    return this.deps.store.countAfter(await this.deps.store.forwardedSeq());
  }

  private async run(config: ForwardConfig): Promise<ForwardResult> {
    const { store, now } = this.deps;
    const base = validateEndpoint(config.endpoint);
    if (!Number.isInteger(config.batchSize) || config.batchSize < 1 || config.batchSize > MAX_BATCH_ENTRIES) {
      throw new EndpointError(`batch size must be 1..${MAX_BATCH_ENTRIES}, got ${config.batchSize}`);
    }
    const result: ForwardResult = { at: new Date(now()).toISOString(), status: 'idle', sent: 0, duplicates: 0, batches: 0, pending: 0 };
    const backoff = await store.getMeta<Backoff>('backoff');
    if (backoff && backoff.nextAttemptAt > now() && !config.force) {
      result.status = 'backoff';
      result.nextAttemptAt = new Date(backoff.nextAttemptAt).toISOString();
      result.pending = await this.pending();
      return result;
    }
    let batchSize = config.batchSize;
    const maxBatches = config.maxBatches ?? 20;
    while (result.batches < maxBatches) {
      const marker = await store.forwardedSeq();
      const batch = await store.readAfter(marker, batchSize);
      if (batch.length === 0) break;
      let outcome: SendOutcome;
      try {
        outcome = await this.send(base, config, batch);
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      }
      if (!outcome.ok) {
        if (outcome.httpStatus === 413 && batch.length > 1) {
          batchSize = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        const failures = (backoff?.failures ?? 0) + 1;
        const next = now() + backoffDelay(failures, this.deps.random ?? Math.random);
        await store.setMeta('backoff', { failures, nextAttemptAt: next } satisfies Backoff);
        Object.assign(result, { status: 'error', error: outcome.error, httpStatus: outcome.httpStatus, nextAttemptAt: new Date(next).toISOString() });
        break;
      }
      const last = batch[batch.length - 1]!;
      await store.setMeta('outbox', { seq: last.seq, hash: last.hash } satisfies ChainHead);
      result.batches++;
      result.sent += outcome.accepted;
      result.duplicates += outcome.duplicates;
      result.status = 'ok';
      if (outcome.rejected) result.rejected = (result.rejected ?? 0) + outcome.rejected;
      if (outcome.response) {
        result.remoteHead = outcome.response.head;
        result.remoteChain = outcome.response.chain;
        const remote = outcome.response.head;
        const ours = remote.seq === last.seq ? last : batch.find((e) => e.seq === remote.seq);
        result.headMismatch = ours !== undefined && ours.hash !== remote.hash;
      }
    }
    if (result.status !== 'error' && backoff) await store.setMeta('backoff', null);
    result.pending = await this.pending();
    await store.setMeta('lastForward', result);
    return result;
  }

  private async send(base: string, config: ForwardConfig, batch: AuditEntry[]): Promise<SendOutcome> {
    const { deviceId, extVersion } = this.deps;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (config.token) headers['authorization'] = `Bearer ${config.token}`;
    const reference = config.format === 'reference';
    const body = reference
      ? { deviceId, entries: batch }
      : toOtlpLogs(batch, { deviceId, extVersion, head: this.deps.store.getHead(), observedMs: this.deps.now() });
    const response = await this.deps.fetch(`${base}${reference ? '/v1/audit/batches' : '/v1/logs'}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) {
      return { ok: false, httpStatus: response.status, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    }
    if (reference) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { ok: false, httpStatus: response.status, error: 'reference service answered with non-JSON' };
      }
      const r = auditBatchResponseSchema.safeParse(parsed);
      if (!r.success) return { ok: false, httpStatus: response.status, error: `unexpected response: ${r.error.issues[0]?.message ?? ''}` };
      return { ok: true, accepted: r.data.accepted, duplicates: r.data.duplicates, response: r.data };
    }
    let rejected = 0;
    try {
      const partial = (JSON.parse(text || '{}') as { partialSuccess?: { rejectedLogRecords?: string | number } }).partialSuccess;
      rejected = Number(partial?.rejectedLogRecords ?? 0) || 0;
    } catch {
      // An empty or non-JSON 2xx is a full success for OTLP/HTTP.
    }
    return { ok: true, accepted: batch.length - rejected, duplicates: 0, rejected };
  }
}

type SendOutcome =
  | { ok: true; accepted: number; duplicates: number; response?: AuditBatchResponse; rejected?: number }
  | { ok: false; error: string; httpStatus?: number };
