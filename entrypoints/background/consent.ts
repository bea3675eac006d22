import type { PolicyService } from '@/lib/policy/service';
import type { RequestOf, ResponseOf } from '@/lib/messages/protocol';
import type { AuditEventInput } from '@/lib/audit/events';
import { createConsentClient, type ConsentClient } from '@/lib/consent/client';
import { consentConfigFromPolicy } from '@/lib/consent/config';
import type { ConsentCache } from '@/lib/consent/cache';
import type { ConsentEntry } from '@/lib/consent/result';
import { effectiveStatus } from '@/lib/consent/status';

type Refs = RequestOf<'cs:consent-lookup'>['refs'];
type Lookup = ResponseOf<'cs:consent-lookup'>;

export interface ConsentService {
  lookup(refs: Refs, host?: string | null): Promise<Lookup>;
}

export interface ConsentServiceDeps {
  policy: PolicyService;
  cache: ConsentCache;
  fetchImpl?: typeof fetch;
  /** Records a consent check; a record page's lookup (one reference) is one check. */
  report?: (event: AuditEventInput) => void;
  now?: () => number;
}

/**
 * Consent lookups for content scripts. URL and token come from the effective
 * policy at each call, so a policy change applies to the next lookup; the token
 * never leaves the background.
 */
export function createConsentService({ policy, cache, fetchImpl, report, now = Date.now }: ConsentServiceDeps): ConsentService {
  const client: ConsentClient = createConsentClient({
    getConfig: () => consentConfigFromPolicy(policy.get().effective.consent),
    fetch: fetchImpl ?? ((...args) => fetch(...args)),
    cache,
    onProblem: (code, status) => console.warn(`[privacy-guard] consent service: ${code}${status ? ` (HTTP ${status})` : ''}`),
  });
  /**
   * Where the service knows nothing under a record's id but the page gave the
   * record's email digest, the answer for that digest stands in (consent captured
   * by a marketing tool before the CRM record existed is often keyed by address).
   */
  async function withEmailFallback(refs: Refs, result: Lookup): Promise<Lookup> {
    const misses = refs.flatMap((ref, i) => {
      const entry = result.results[i];
      return ref.emailSha256 && entry && entry.source !== 'unavailable' && entry.record && !entry.record.known ? [{ i, emailSha256: ref.emailSha256 }] : [];
    });
    if (misses.length === 0) return result;
    const byEmail = await client.lookup(misses.map(({ emailSha256 }) => ({ emailSha256 })));
    const results = [...result.results];
    misses.forEach(({ i }, j) => {
      const entry = byEmail.results[j];
      if (entry?.record?.known) results[i] = entry;
    });
    return { ...result, results };
  }

  return {
    async lookup(refs, host = null) {
      const asked = refs.map(({ crm, objectType, recordId }) => ({ crm, objectType, recordId }));
      const result = await withEmailFallback(refs, await client.lookup(asked));
      const [entry] = result.results;
      const [ref] = refs;
      // List views ask for many rows at once: those are not checks of one person's consent.
      if (report && result.configured && refs.length === 1 && entry && ref) {
        report({
          type: 'consent.checked',
          data: { status: overallStatus(entry, now()), source: entry.source === 'live' ? 'backend' : entry.source === 'cache' ? 'cache' : 'none' },
          crm: ref.crm,
          ...(ref.objectType ? { objectType: ref.objectType } : {}),
          ...(ref.recordId ? { recordId: ref.recordId } : {}),
          ...(host ? { host } : {}),
        });
      }
      return result;
    },
  };
}

/** One word for the audit log: granted if any purpose is, else the most telling refusal. */
function overallStatus(entry: ConsentEntry, now: number): 'granted' | 'denied' | 'withdrawn' | 'unknown' | 'error' {
  if (!entry.record) return entry.source === 'unavailable' ? 'error' : 'unknown';
  const statuses = new Set(entry.record.consents.map((c) => effectiveStatus(c, now)));
  if (statuses.has('granted')) return 'granted';
  if (statuses.has('withdrawn')) return 'withdrawn';
  if (statuses.has('denied')) return 'denied';
  return 'unknown';
}
