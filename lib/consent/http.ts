/**
 * One HTTP exchange with the consent service, defensively: a deadline, a cap on
 * the body read (a 10 MB answer is cancelled after the first megabyte, not read
 * whole), JSON parsing and zod validation. Errors carry a code and at most the
 * HTTP status: never the token, the response body or the request headers.
 */
import type { z } from 'zod';

export const MAX_RESPONSE_BYTES = 1024 * 1024;

export const PROBLEM_CODES = [
  'timeout',
  'network',
  'http-4xx',
  'unauthorized',
  'forbidden',
  'rate-limited',
  'http-5xx',
  'too-large',
  'not-json',
  'bad-shape',
  'backoff',
  'not-configured',
  'bad-ref',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Whether another attempt may succeed: transient failures yes, answers about the request no. */
export const RETRYABLE: Readonly<Record<ProblemCode, boolean>> = {
  timeout: true,
  network: true,
  'http-4xx': false,
  unauthorized: false,
  forbidden: false,
  'rate-limited': true,
  'http-5xx': true,
  'too-large': false,
  'not-json': false,
  'bad-shape': false,
  backoff: false,
  'not-configured': false,
  'bad-ref': false,
};

export class ConsentFetchError extends Error {
  override name = 'ConsentFetchError';
  constructor(
    readonly code: ProblemCode,
    readonly status: number | null = null,
    /** Seconds the service asked us to wait (Retry-After), when it said. */
    readonly retryAfter: number | null = null,
  ) {
    super(status === null ? `consent service: ${code}` : `consent service: ${code} (HTTP ${status})`);
  }
}

export interface Exchange {
  url: string;
  method: 'GET' | 'POST';
  token: string;
  body?: unknown;
  etag?: string | null;
  timeoutMs: number;
  fetch: typeof fetch;
}

export type ExchangeResult<T> = { kind: 'ok'; value: T; etag: string | null } | { kind: 'not-modified'; etag: string | null };

function codeOfStatus(status: number): ProblemCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'http-5xx';
  return 'http-4xx';
}

function retryAfterSeconds(value: string | null): number | null {
  if (!value || !/^\d{1,6}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** Reads at most `max` bytes; cancels the stream (and so the download) beyond that. */
async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('Content-Length') ?? '');
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => {});
    throw new ConsentFetchError('too-large', res.status);
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new ConsentFetchError('too-large', res.status);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** One attempt; throws ConsentFetchError for every failure. */
export async function exchange<S extends z.ZodType>(req: Exchange, schema: S): Promise<ExchangeResult<z.infer<S>>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  try {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${req.token}` };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    if (req.etag) headers['If-None-Match'] = req.etag;
    let res: Response;
    try {
      res = await req.fetch(req.url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch {
      // The cause may quote the URL or headers: only the class of failure leaves here.
      throw new ConsentFetchError(timedOut ? 'timeout' : 'network');
    }
    const etag = res.headers.get('ETag');
    if (res.status === 304) {
      await res.body?.cancel().catch(() => {});
      return { kind: 'not-modified', etag };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new ConsentFetchError(codeOfStatus(res.status), res.status, retryAfterSeconds(res.headers.get('Retry-After')));
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(res, MAX_RESPONSE_BYTES);
    } catch (error) {
      if (error instanceof ConsentFetchError) throw error;
      throw new ConsentFetchError(timedOut ? 'timeout' : 'network', res.status);
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new ConsentFetchError('not-json', res.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ConsentFetchError('bad-shape', res.status);
    return { kind: 'ok', value: parsed.data, etag };
  } finally {
    clearTimeout(timer);
  }
}
