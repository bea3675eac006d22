/**
 * Serves the built demo CRM (demo/dist) under the real CRM URLs, so the
 * extension's production match patterns fire in tests and in `npm start`.
 * `resolveDemoRequest` is pure node; the two adapters wire it into
 * Playwright (Chromium) and puppeteer-core (Firefox ESR over WebDriver BiDi).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { salesforceVariantOfHost } from './shared/sf-routes';
import { isHubSpotHost } from './shared/hs-routes';

export const DEMO_DIST = path.resolve(import.meta.dirname, 'dist');

export interface DemoResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** URL patterns the demo answers: exactly the extension's guarded CRM hosts. */
export const DEMO_URL_GLOBS = [
  'https://*.lightning.force.com/**',
  'https://*.my.salesforce.com/**',
  'https://app.hubspot.com/**',
  'https://app-*.hubspot.com/**',
] as const;

type App = 'salesforce' | 'hubspot';

function appOfHost(hostname: string): App | null {
  if (salesforceVariantOfHost(hostname)) return 'salesforce';
  if (isHubSpotHost(hostname)) return 'hubspot';
  return null;
}

/** Asset prefixes of each app; everything else under an app path is the SPA shell. */
const ASSET_PREFIXES: Readonly<Record<App, readonly string[]>> = {
  salesforce: ['/_slds/', '/_demo/'],
  hubspot: ['/_demo/'],
};

function isShellPath(app: App, pathname: string): boolean {
  if (app === 'salesforce') {
    return pathname === '/' || pathname === '/lightning' || pathname.startsWith('/lightning/') || pathname === '/one/one.app';
  }
  return pathname === '/' || pathname.startsWith('/contacts/');
}

/** Files keyed by path; a rebuilt file (new mtime) is read again. */
const cache = new Map<string, { mtimeMs: number; body: Buffer }>();

function readDist(appDir: string, rel: string): Buffer | null {
  const file = path.resolve(appDir, rel);
  // Paths resolve inside the app's own folder: "/_slds/..%2f..%2fx" is not served.
  if (!file.startsWith(path.resolve(appDir) + path.sep)) return null;
  if (!existsSync(file)) return null;
  const stat = statSync(file);
  if (!stat.isFile()) return null;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.body;
  const body = readFileSync(file);
  cache.set(file, { mtimeMs: stat.mtimeMs, body });
  return body;
}

function notFound(message: string): DemoResponse {
  return { status: 404, contentType: 'text/plain; charset=utf-8', body: Buffer.from(message) };
}

/**
 * The response for one request, or null when the URL is not a guarded CRM URL
 * (the caller lets it through). Throws when demo/dist has not been built, so a
 * test fails with the fix in the message rather than with a blank page.
 */
export function resolveDemoRequest(url: string, dist: string = DEMO_DIST): DemoResponse | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const app = appOfHost(u.hostname);
  if (!app) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return notFound('bad path encoding');
  }
  if (ASSET_PREFIXES[app].some((p) => pathname.startsWith(p))) {
    const body = readDist(path.join(dist, app), pathname.slice(1));
    if (!body) return notFound(`no such demo asset: ${pathname}`);
    return { status: 200, contentType: CONTENT_TYPES[path.extname(pathname)] ?? 'application/octet-stream', body };
  }
  if (pathname === '/favicon.ico') return notFound('no favicon');
  if (!isShellPath(app, pathname)) return notFound(`not a ${app} demo page: ${pathname}`);
  const shell = readDist(path.join(dist, app), 'index.html');
  if (!shell) throw new Error(`demo CRM is not built (${path.join(dist, app, 'index.html')} missing): run \`npm run demo:build\``);
  return { status: 200, contentType: CONTENT_TYPES['.html'] ?? 'text/html', body: shell };
}

/** Playwright: answer every guarded CRM URL in this context from demo/dist. */
export async function routeDemoCrm(context: BrowserContext): Promise<void> {
  const handler = async (route: Route): Promise<void> => {
    const res = resolveDemoRequest(route.request().url());
    if (!res) {
      await route.abort('blockedbyclient');
      return;
    }
    await route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
  };
  for (const glob of DEMO_URL_GLOBS) await context.route(glob, handler);
}

/**
 * puppeteer-core (Firefox ESR over WebDriver BiDi): answer guarded CRM URLs from
 * demo/dist and let every other request continue. Call before the first goto.
 */
export async function interceptDemoCrm(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    let res: DemoResponse | null;
    try {
      res = resolveDemoRequest(request.url());
    } catch (err) {
      res = { status: 500, contentType: 'text/plain; charset=utf-8', body: Buffer.from(String(err)) };
    }
    if (!res) {
      void request.continue();
      return;
    }
    void request.respond({ status: res.status, contentType: res.contentType, body: res.body });
  });
}
