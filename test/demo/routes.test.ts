// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDemoRequest } from '../../demo/routes';
import { DEMO_URLS } from '../../demo/urls';

let dist: string;

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'demo-dist-'));
  const put = (rel: string, body: string) => {
    mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
    writeFileSync(path.join(dist, rel), body);
  };
  put('salesforce/index.html', '<!doctype html><title>sf shell</title>');
  put('salesforce/_demo/sf/app-synthetic.js', 'console.log("sf")');
  put('salesforce/_slds/styles/salesforce-lightning-design-system.min.css', '.slds-card{}');
  put('hubspot/index.html', '<!doctype html><title>hs shell</title>');
  put('hubspot/_demo/hs/app.js', 'console.log("hs")');
  put('secret.txt', 'outside any app');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const body = (url: string) => resolveDemoRequest(url, dist)?.body.toString('utf8');

describe('resolveDemoRequest', () => {
  it('serves the Salesforce shell for every Lightning SPA path on every Salesforce host shape', () => {
    for (const url of [
      DEMO_URLS.salesforce.synthetic.contactView,
      DEMO_URLS.salesforce.native.contactEdit,
      DEMO_URLS.salesforce.german.list,
      DEMO_URLS.salesforce.mySalesforce.contactNew,
      DEMO_URLS.salesforce.bench2000,
      'https://acme.lightning.force.com/',
      'https://acme.lightning.force.com/lightning/page/home',
    ]) {
      const res = resolveDemoRequest(url, dist);
      expect(res, url).not.toBeNull();
      expect(res?.status).toBe(200);
      expect(res?.contentType).toMatch(/^text\/html/);
      expect(res?.body.toString()).toContain('sf shell');
    }
  });

  it('serves the HubSpot shell on app. and regional hosts, ignoring query strings', () => {
    for (const url of [DEMO_URLS.hubspot.contact, DEMO_URLS.hubspot.na1.deal, `${DEMO_URLS.hubspot.list}?query=anna`]) {
      expect(body(url), url).toContain('hs shell');
    }
  });

  it('serves built assets with their content type', () => {
    const js = resolveDemoRequest('https://acme-native.lightning.force.com/_demo/sf/app-synthetic.js', dist);
    expect(js?.status).toBe(200);
    expect(js?.contentType).toMatch(/^text\/javascript/);
    const css = resolveDemoRequest('https://acme.my.salesforce.com/_slds/styles/salesforce-lightning-design-system.min.css', dist);
    expect(css?.contentType).toMatch(/^text\/css/);
    expect(body('https://app-eu1.hubspot.com/_demo/hs/app.js')).toBe('console.log("hs")');
  });

  it('answers 404 for unknown assets and non-app paths instead of the shell', () => {
    expect(resolveDemoRequest('https://acme.lightning.force.com/_demo/sf/missing.js', dist)?.status).toBe(404);
    expect(resolveDemoRequest('https://acme.lightning.force.com/favicon.ico', dist)?.status).toBe(404);
    expect(resolveDemoRequest('https://acme.lightning.force.com/services/data/v61.0/sobjects', dist)?.status).toBe(404);
    expect(resolveDemoRequest('https://app.hubspot.com/settings/123', dist)?.status).toBe(404);
    // the Salesforce asset prefix is not a HubSpot one
    expect(resolveDemoRequest('https://app.hubspot.com/_slds/styles/salesforce-lightning-design-system.min.css', dist)?.status).toBe(404);
  });

  it('never serves files outside the app folder', () => {
    for (const p of ['/_demo/../../secret.txt', '/_demo/%2e%2e/%2e%2e/secret.txt', '/_slds/..%2f..%2fsecret.txt']) {
      const res = resolveDemoRequest(`https://acme.lightning.force.com${p}`, dist);
      expect(res?.status, p).toBe(404);
      expect(res?.body.toString()).not.toContain('outside any app');
    }
  });

  it('returns null for URLs that are not guarded CRM URLs', () => {
    for (const url of [
      'https://example.com/lightning/r/Contact/003Dn00000QX7bGIAT/view',
      'http://acme.lightning.force.com/lightning/page/home',
      'https://lightning.force.com.evil.example/lightning/page/home',
      'https://acme.salesforce.com/lightning/page/home',
      'https://www.hubspot.com/contacts/1/record/0-1/2',
      'https://app-eu1.hubspot.com.evil.example/contacts/1',
      'not a url',
    ]) {
      expect(resolveDemoRequest(url, dist), url).toBeNull();
    }
  });

  it('says how to fix a missing build', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'demo-empty-'));
    try {
      expect(() => resolveDemoRequest(DEMO_URLS.salesforce.synthetic.contactView, empty)).toThrow(/npm run demo:build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
