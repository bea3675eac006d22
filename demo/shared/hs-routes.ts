/**
 * HubSpot URL shapes the demo understands. Pure: used by the HubSpot app in the
 * page and by demo/routes.ts in node.
 */

export type HsView = 'record' | 'list' | 'home' | 'not-found';

export interface HsRoute {
  view: HsView;
  portalId: string | null;
  /** 0-1 contact, 0-2 company, 0-3 deal */
  objectTypeId: string | null;
  recordId: string | null;
}

const HS_HOST = /^app(-[a-z]{2,3}[0-9]{1,2})?\.hubspot\.com$/;

export function isHubSpotHost(hostname: string): boolean {
  return HS_HOST.test(hostname.toLowerCase());
}

const RECORD = /^\/contacts\/([0-9]{1,12})\/record\/([0-9]{1,2}-[0-9]{1,6})\/([0-9]{1,20})\/?$/;
const LIST = /^\/contacts\/([0-9]{1,12})\/objects\/([0-9]{1,2}-[0-9]{1,6})\/views\/([A-Za-z0-9]{1,20})\/list\/?$/;
const HOME = /^\/contacts\/([0-9]{1,12})\/?$/;

export function parseHubSpotPath(pathname: string): HsRoute {
  const r = RECORD.exec(pathname);
  if (r) return { view: 'record', portalId: r[1] ?? null, objectTypeId: r[2] ?? null, recordId: r[3] ?? null };
  const l = LIST.exec(pathname);
  if (l) return { view: 'list', portalId: l[1] ?? null, objectTypeId: l[2] ?? null, recordId: null };
  const h = HOME.exec(pathname);
  if (h) return { view: 'home', portalId: h[1] ?? null, objectTypeId: null, recordId: null };
  return { view: 'not-found', portalId: null, objectTypeId: null, recordId: null };
}
