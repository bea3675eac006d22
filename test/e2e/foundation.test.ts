/**
 * The foundation end to end: the built extension loads in Chromium and Firefox
 * ESR, its content script runs on the demo CRM served under real Salesforce
 * (synthetic and native shadow) and HubSpot URLs, its overlay lives in a shadow
 * root, and the popup, the options page and the diagnostics report work.
 */
import type { Page } from 'playwright-core';
import type { Page as FxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interceptDemoCrm, routeDemoCrm } from '../../demo/routes';
import { DEMO_URLS } from '../../demo/urls';
import { SF_IDS } from '../../demo/data/salesforce';
import { HS_IDS } from '../../demo/data/hubspot';
import { launchChromium, sendFromExtensionPage, tabIdOf, type ChromiumSession } from './support/chromium';
import { firefoxTabIdOf, launchFirefox, sendFromFirefoxPage, type FirefoxSession } from './support/firefox';
import { FIREFOX_MV2_BUILD } from './support/paths';

interface Report {
  url: string | null;
  crm: string | null;
  objectType: string | null;
  recordId: string | null;
  contentScript: boolean;
  context: { view: string } | null;
  fields: { label: string; kind: string; confidence: number; inShadowRoot: boolean }[];
  warnings: unknown[];
}

const CASES = [
  { name: 'Salesforce, synthetic shadow', url: DEMO_URLS.salesforce.synthetic.contactView, crm: 'salesforce', objectType: 'Contact', recordId: SF_IDS.contact, shadow: false },
  { name: 'Salesforce, native shadow', url: DEMO_URLS.salesforce.native.contactView, crm: 'salesforce', objectType: 'Contact', recordId: SF_IDS.contact, shadow: true },
  { name: 'HubSpot contact', url: DEMO_URLS.hubspot.contact, crm: 'hubspot', objectType: '0-1', recordId: HS_IDS.contact, shadow: false },
] as const;

const OVERLAY = 'crm-privacy-guard-overlay';

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch {
      // not ready yet
    }
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function expectReport(report: Report, c: (typeof CASES)[number]) {
  expect(report.contentScript).toBe(true);
  expect(report.crm).toBe(c.crm);
  expect(report.objectType).toBe(c.objectType);
  expect(report.recordId).toBe(c.recordId);
  expect(report.context?.view).toBe('record');
  const kinds = new Set(report.fields.map((f) => f.kind));
  expect(kinds).toContain('email');
  expect(kinds).toContain('phone');
  for (const f of report.fields) {
    expect(f.label.length).toBeGreaterThan(0);
    expect(f.confidence).toBeGreaterThan(0);
  }
  if (c.shadow) expect(report.fields.some((f) => f.inShadowRoot)).toBe(true);
}

describe('foundation in Chromium', () => {
  let session: ChromiumSession;
  let ext: Page;
  beforeAll(async () => {
    session = await launchChromium({ setup: routeDemoCrm });
    ext = await session.openExtensionPage('options.html');
  });
  afterAll(async () => session?.close());

  it('loads with the fixed development id', () => {
    expect(session.extensionId).toBe('indjfoacpnghahilniekfepigbmajebm');
  });

  for (const c of CASES) {
    it(`reports the record and its personal-data fields: ${c.name}`, async () => {
      const page = await session.context.newPage();
      await page.goto(c.url);
      const tabId = await tabIdOf(ext, page.url());
      const report = await until(
        () => sendFromExtensionPage<Report>(ext, { type: 'diagnostics:page-report', tabId }),
        (r) => r.contentScript && r.fields.some((f) => f.kind === 'email') && (!c.shadow || r.fields.some((f) => f.inShadowRoot)),
      );
      expectReport(report, c);
      // The overlay is one host element whose badges sit in its own shadow root, out of the CRM's CSS.
      const overlay = await until(
        () => page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.childElementCount ?? null, OVERLAY).catch(() => null),
        (count) => count !== null,
      );
      expect(overlay).toBeGreaterThan(0);
      await page.close();
    });
  }

  it('shows the tab status in the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(DEMO_URLS.salesforce.synthetic.contactView);
    const tabId = await tabIdOf(ext, page.url());
    await until(() => sendFromExtensionPage<Report>(ext, { type: 'diagnostics:page-report', tabId }), (r) => r.fields.length >= 3);
    const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="kinds"]');
    expect(await popup.textContent('[data-testid="crm"]')).toBe('salesforce');
    expect(await popup.textContent('[data-testid="record"]')).toContain(SF_IDS.contact);
    expect(await popup.textContent('[data-testid="kinds"]')).toContain('Email address');
    await popup.close();
    await page.close();
  });

  it('says so in the popup on a page that is no CRM', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="not-crm"]');
    await popup.close();
  });

  it('opens the options page with policy, audit log and version', async () => {
    const options = await session.openExtensionPage('options.html');
    const tabs = await options.locator('[role="tab"]').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['Policy', 'Audit log', 'About']));
    await options.click('[role="tab"]:has-text("About")');
    expect(await options.textContent('[data-testid="version"]')).toMatch(/\d+\.\d+\.\d+/);
    await options.close();
  });

  it('answers diagnostics only to extension pages, never to a CRM page', async () => {
    const page = await session.context.newPage();
    await page.goto(DEMO_URLS.hubspot.contact);
    // A web page cannot reach the extension at all: chrome.runtime is not exposed to it.
    const exposed = await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
    expect(exposed).toBe('undefined');
    await page.close();
  });
});

describe('foundation in Firefox ESR', () => {
  let session: FirefoxSession;
  let ext: FxPage;
  beforeAll(async () => {
    session = await launchFirefox();
    ext = await session.openExtensionPage('options.html');
  });
  afterAll(async () => session?.close());

  for (const c of CASES) {
    it(`reports the record and its personal-data fields: ${c.name}`, async () => {
      const page = await session.browser.newPage();
      await interceptDemoCrm(page);
      await page.goto(c.url);
      const tabId = await until(() => firefoxTabIdOf(ext, page.url()), () => true);
      const report = await until(
        () => sendFromFirefoxPage<Report>(ext, { type: 'diagnostics:page-report', tabId }),
        (r) => r.contentScript && r.fields.some((f) => f.kind === 'email') && (!c.shadow || r.fields.some((f) => f.inShadowRoot)),
      );
      expectReport(report, c);
      // Firefox hides a content script's open shadow root from the page; the host element is what the page sees.
      await until(() => page.evaluate((tag) => document.querySelector(tag) !== null, OVERLAY), (present) => present);
      await page.close();
    });
  }

  it('shows the tab status in the popup and opens the options page', async () => {
    const page = await session.browser.newPage();
    await interceptDemoCrm(page);
    await page.goto(DEMO_URLS.hubspot.contact);
    const tabId = await firefoxTabIdOf(ext, page.url());
    await until(() => sendFromFirefoxPage<Report>(ext, { type: 'diagnostics:page-report', tabId }), (r) => r.fields.length >= 3);
    // Polling with evaluate: waitForSelector on moz-extension pages trips an internal BiDi error in Firefox 153.
    const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    const crm = await until(() => popup.evaluate(() => document.querySelector('[data-testid="crm"]')?.textContent ?? null), (t) => t !== null);
    expect(crm).toBe('hubspot');
    const options = await session.openExtensionPage('options.html');
    const tabs = await until(
      () => options.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((e) => e.textContent ?? '')),
      (t) => t.length > 0,
    );
    expect(tabs).toEqual(expect.arrayContaining(['Policy', 'Audit log', 'About']));
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});

describe('foundation in Firefox ESR, Manifest V2 build', () => {
  it('loads and reports the record, closed shadow roots included', async () => {
    const session = await launchFirefox({ extensionDir: FIREFOX_MV2_BUILD });
    try {
      const ext = await session.openExtensionPage('options.html');
      const page = await session.browser.newPage();
      await interceptDemoCrm(page);
      const c = CASES[1];
      await page.goto(c.url);
      const tabId = await until(() => firefoxTabIdOf(ext, page.url()), () => true);
      const report = await until(
        () => sendFromFirefoxPage<Report>(ext, { type: 'diagnostics:page-report', tabId }),
        (r) => r.contentScript && r.fields.some((f) => f.kind === 'email') && r.fields.some((f) => f.inShadowRoot),
      );
      expectReport(report, c);
    } finally {
      await session.close();
    }
  });
});
