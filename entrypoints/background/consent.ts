import type { PolicyService } from '@/lib/policy/service';
import type { RequestOf, ResponseOf } from '@/lib/messages/protocol';

type Refs = RequestOf<'cs:consent-lookup'>['refs'];

export interface ConsentService {
  lookup(refs: Refs): Promise<ResponseOf<'cs:consent-lookup'>>;
}

/** Consent lookups for content scripts; without a backend in policy every answer says so. */
export function createConsentService({ policy }: { policy: PolicyService }): ConsentService {
  return {
    async lookup(refs) {
      if (!policy.get().effective.consent.url) return { source: 'not-configured', records: refs.map((ref) => ({ ref, state: null })) };
      return { source: 'unavailable', records: refs.map((ref) => ({ ref, state: null })) };
    },
  };
}
