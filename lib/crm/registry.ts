/**
 * Every adapter, and the one place that picks the adapter for a URL: a policy
 * host (`crm.extraHosts`, pattern + adapter id) wins, so an admin can point a
 * Salesforce-built portal on its own domain at the Salesforce adapter; otherwise
 * the adapter that recognises the URL; otherwise none (the page is not a CRM).
 */
import type { CrmAdapter, CrmId } from './adapter';
import { salesforce } from './salesforce';
import { hubspot } from './hubspot';
import { generic } from './generic';
import { matchesPattern } from './match-pattern';

/** Exhaustive: a CRM id without an adapter is a compile error. */
export const ADAPTERS: Readonly<Record<CrmId, CrmAdapter>> = { salesforce, hubspot, generic };

export interface ExtraHost {
  pattern: string;
  adapter: CrmId;
}

export function adapterForUrl(url: string | URL, extraHosts: readonly ExtraHost[] = []): CrmAdapter | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const extra of extraHosts) {
    if (matchesPattern(extra.pattern, parsed)) return ADAPTERS[extra.adapter] ?? null;
  }
  return Object.values(ADAPTERS).find((a) => a.matches(parsed)) ?? null;
}
