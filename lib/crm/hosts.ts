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
