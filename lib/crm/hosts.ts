/**
 * The CRM hosts guarded out of the box. Match patterns cannot put a wildcard
 * inside a host label, so HubSpot's regional hosts (app-eu1.hubspot.com, …) are
 * matched as *.hubspot.com and narrowed by include globs to app.hubspot.com and
 * app-*.hubspot.com: the marketing site and API hosts are never touched. Any other
 * CRM host comes from policy and is granted through optional host permissions.
 */
export const CRM_MATCH_PATTERNS = [
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://app.hubspot.com/*',
  'https://*.hubspot.com/*',
];

export const CRM_INCLUDE_GLOBS = [
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://app.hubspot.com/*',
  'https://app-*.hubspot.com/*',
];

/** The built-in CRM a URL belongs to, from its host alone (adapters refine it). */
export function crmOfUrl(url: string): 'salesforce' | 'hubspot' | null {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return null;
    host = parsed.hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host.endsWith('.lightning.force.com') || host.endsWith('.my.salesforce.com')) return 'salesforce';
  if (host === 'app.hubspot.com' || /^app-[a-z0-9]+\.hubspot\.com$/.test(host)) return 'hubspot';
  return null;
}
