/**
 * A scriptable consent backend behind a `fetch` function: answers like the
 * reference service (same paths, same shapes) unless a test tells it to misbehave.
 * Records every request so tests can count them and inspect headers.
 */
import type { ConsentRecord, SubjectRef } from '@/lib/consent/schema';
import { refKey } from '@/lib/consent/refs';

export const TOKEN = 'cpg_test_SECRET_token_value_123';
export const BASE = 'https://consent.example.test';

export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Behaviour = (req: SeenRequest, n: number, signal: AbortSignal | null) => Response | Promise<Response> | null;

const NO_FLAG = { active: false, since: null };

export function record(ref: SubjectRef, consents: Partial<ConsentRecord['consents'][number]>[] = [], flags: Partial<ConsentRecord['flags']> = {}): ConsentRecord {
  return {
    ref,
    known: consents.length > 0 || Object.keys(flags).length > 0,
    consents: consents.map((c) => ({
      purpose: 'newsletter',
      channel: 'email',
      status: 'granted',
      lawfulBasis: 'consent',
      since: '2026-01-15T09:30:00.000Z',
      source: 'web-form:newsletter',
      givenAt: '2026-01-15T09:30:00.000Z',
      expiresAt: null,
      noticeVersion: 'v1',
      ...c,
    })),
    flags: { erasureRequested: NO_FLAG, processingRestricted: NO_FLAG, objection: NO_FLAG, ...flags },
  };
}

export const sf = (recordId: string, objectType = 'Contact') => ({ crm: 'salesforce', objectType, recordId });
/** 18-character demo-like Salesforce ids, distinct per n. */
export const sfId = (n: number) => `003Dn00000A${String(n).padStart(4, '0')}IAT`;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function createFakeBackend(data: (ref: SubjectRef) => ConsentRecord = (ref) => record(ref, [{}])) {
  const requests: SeenRequest[] = [];
  let behaviour: Behaviour | null = null;
  const answer = (req: SeenRequest): Response => {
    const path = new URL(req.url).pathname;
    if (req.method === 'POST' && path === '/v1/consent/lookup') {
      const refs = (req.body as { refs: SubjectRef[] }).refs;
      return json({ results: refs.map((r) => data(r)) });
    }
    const rec = /^\/v1\/consent\/records\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && rec) {
      const body = data({ crm: decodeURIComponent(rec[1]!), objectType: decodeURIComponent(rec[2]!), recordId: decodeURIComponent(rec[3]!) });
      const etag = `"${refKey(body.ref).length}-${JSON.stringify(body).length}"`;
      if (req.headers['if-none-match'] === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
      return json(body, 200, { ETag: etag });
    }
    const em = /^\/v1\/consent\/emails\/([0-9a-f]{64})$/.exec(path);
    if (req.method === 'GET' && em) return json(data({ emailSha256: em[1]! }));
    return json({ type: 'about:blank', title: 'Not Found', status: 404 }, 404);
  };
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    // The client passes a plain object; read it as such (happy-dom's Headers drops some names).
    for (const [k, v] of Object.entries((init?.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
    const req: SeenRequest = { method: init?.method ?? 'GET', url: String(input), headers, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(req);
    const custom = behaviour?.(req, requests.length, init?.signal ?? null);
    const res = custom ? await custom : answer(req);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return res;
  }) as typeof fetch;
  return {
    fetch: fetchFn,
    requests,
    /** Replace the behaviour; return null from it to answer normally. */
    misbehave(b: Behaviour | null) {
      behaviour = b;
    },
    answer,
  };
}

/** A Response that never answers until the request's signal aborts. */
export function hang(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
}
