/**
 * The background's message handlers for policy, ready to spread into the router's
 * handler map. Everything that leaves the background goes through redactState or
 * contentPolicy, so tokens never reach a page, a content script or diagnostics.
 */
import type { Handlers } from '../messages/router';
import type { LocalPatch } from './local';
import { contentPolicy, redactState, type ContentPolicy, type PolicyState } from './resolve';
import type { PolicyService } from './service';

export type PolicyMessageType = 'diagnostics:policy' | 'ui:policy-get' | 'ui:policy-set-local';

/** `{ effective, lockedKeys, errors, sources }` with credentials redacted: the diagnostics:policy answer. */
export function policyDiagnostics(state: PolicyState): Record<string, unknown> {
  const { effective, lockedKeys, errors, sources } = redactState(state);
  return { effective, lockedKeys, errors, sources };
}

export function policyHandlers(service: PolicyService): Handlers<PolicyMessageType> {
  return {
    'diagnostics:policy': () => policyDiagnostics(service.get()),
    'ui:policy-get': () => policyDiagnostics(service.get()),
    'ui:policy-set-local': async ({ patch }) => policyDiagnostics(await service.setLocal(patch as LocalPatch)),
  };
}

/** What a content script gets in `cs:hello` and `bg:policy-changed`. */
export function policyForContent(service: PolicyService): ContentPolicy & Record<string, unknown> {
  return contentPolicy(service.get().effective) as ContentPolicy & Record<string, unknown>;
}
