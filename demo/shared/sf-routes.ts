/**
 * Salesforce URL shapes the demo understands. Pure: used by the LWC app in the
 * page, by demo/routes.ts in node, and by demo/urls.ts.
 */

export type SfView = 'view' | 'edit' | 'new' | 'list' | 'home' | 'not-found';

export interface SfRoute {
  view: SfView;
  objectType: string | null;
  recordId: string | null;
}

const RECORD_PATH = /^\/lightning\/r\/([A-Za-z][A-Za-z0-9_]{0,80})\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/(view|edit)\/?$/;
const OBJECT_PATH = /^\/lightning\/o\/([A-Za-z][A-Za-z0-9_]{0,80})\/(new|list|home)\/?$/;

export function parseSalesforcePath(pathname: string): SfRoute {
  const r = RECORD_PATH.exec(pathname);
  if (r) return { view: r[3] === 'edit' ? 'edit' : 'view', objectType: r[1] ?? null, recordId: r[2] ?? null };
  const o = OBJECT_PATH.exec(pathname);
  if (o) return { view: o[2] === 'new' ? 'new' : 'list', objectType: o[1] ?? null, recordId: null };
  if (pathname === '/' || pathname === '/lightning' || pathname.startsWith('/lightning/page/home') || pathname === '/one/one.app') {
    return { view: 'home', objectType: null, recordId: null };
  }
  return { view: 'not-found', objectType: null, recordId: null };
}

export type SfShadow = 'synthetic' | 'native';

export interface SfHostVariant {
  shadow: SfShadow;
  lang: 'en' | 'de';
}

const SF_HOST = /^([a-z0-9-]{1,63})\.(lightning\.force\.com|my\.salesforce\.com)$/;

/**
 * The demo variant a Salesforce host selects, from the org's "My Domain" label:
 * `acme` synthetic shadow in English, `acme-native` native shadow, `acme-de` German.
 * Null for hosts that are not Salesforce.
 */
export function salesforceVariantOfHost(hostname: string): SfHostVariant | null {
  const m = SF_HOST.exec(hostname.toLowerCase());
  if (!m) return null;
  const parts = (m[1] ?? '').split('-');
  return {
    shadow: parts.includes('native') ? 'native' : 'synthetic',
    lang: parts.includes('de') ? 'de' : 'en',
  };
}
