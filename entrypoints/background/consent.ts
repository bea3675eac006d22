import type { PolicyService } from '@/lib/policy/service';
import type { RequestOf, ResponseOf } from '@/lib/messages/protocol';
import { createConsentClient, type ConsentClient } from '@/lib/consent/client';
import { consentConfigFromPolicy } from '@/lib/consent/config';
import type { ConsentCache } from '@/lib/consent/cache';

type Refs = RequestOf<'cs:consent-lookup'>['refs'];

export interface ConsentService {
  lookup(refs: Refs): Promise<ResponseOf<'cs:consent-lookup'>>;
}

/**
 * Consent lookups for content scripts. URL and token come from the effective
 * policy at each call, so a policy change applies to the next lookup; the token
 * never leaves the background.
 */
export function createConsentService({ policy, cache, fetchImpl }: { policy: PolicyService; cache: ConsentCache; fetchImpl?: typeof fetch }): ConsentService {
  const client: ConsentClient = createConsentClient({
    getConfig: () => consentConfigFromPolicy(policy.get().effective.consent),
    fetch: fetchImpl ?? ((...args) => fetch(...args)),
    cache,
    onProblem: (code, status) => console.warn(`[privacy-guard] consent service: ${code}${status ? ` (HTTP ${status})` : ''}`),
  });
  return { lookup: (refs) => client.lookup(refs) };
}
