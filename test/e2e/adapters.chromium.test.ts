/**
 * The adapters against the demo CRM in Chromium with the built extension: the
 * diagnostics report (record context and every personal-data field, labelled as
 * shown, with kind and shadow placement) matches demo/expectations.ts on
 * Salesforce (synthetic and native shadow, German, edit, list) and HubSpot
 * (contact, company, deal); a lazy section is picked up when it appears; an SPA
 * navigation to another record changes the context within 300 ms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, sendFromExtensionPage, tabIdOf, type ChromiumSession } from './support/chromium';
import { routeDemoCrm } from '../../demo/routes';
import { DEMO_URLS } from '../../demo/urls';
import { SF_IDS } from '../../demo/data/salesforce';
import { HS_IDS } from '../../demo/data/hubspot';
import { expectationsFor, type ExpectedField } from '../../demo/expectations';
import { reportProblems, shownOnLoad, type ReportLike } from '../crm/e2e-expect';

let session: ChromiumSession;
let ext: Page;

beforeAll(async () => {
  session = await launchChromium({ setup: routeDemoCrm });
  ext = await session.openExtensionPage('popup.html');
});
afterAll(async () => {
  await session?.close();
});

async function report(page: Page): Promise<ReportLike> {
  const tabId = await tabIdOf(ext, page.url());
  return sendFromExtensionPage<ReportLike>(ext, { type: 'diagnostics:page-report', tabId });
}

/** Polls the report until it matches (or the time is up) and returns the last problems. */
async function settle(page: Page, url: string, revealed: (f: ExpectedField) => boolean = shownOnLoad, timeoutMs = 15_000): Promise<string[]> {
  const exp = expectationsFor(url);
  const until = Date.now() + timeoutMs;
  let problems: string[] = ['no report yet'];
  while (Date.now() < until) {
    problems = reportProblems(await report(page).catch(() => ({ crm: null, objectType: null, recordId: null, contentScript: false, context: null, fields: [] })), exp, revealed);
    if (problems.length === 0) return problems;
    await page.waitForTimeout(150);
  }
  return problems;
}

async function open(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

/** A string, not a function: the test runner's transform would add helpers the page does not have. */
const NAVIGATE_CLOCK = `globalThis.__cpgNavigatedAt = null; globalThis.navigation?.addEventListener('navigate', () => { globalThis.__cpgNavigatedAt ??= performance.timeOrigin + performance.now(); }, { once: true });`;

const sf = DEMO_URLS.salesforce;
const hs = DEMO_URLS.hubspot;

describe('diagnostics report matches the demo pages (Chromium)', () => {
  it.each([
    ['Salesforce contact, synthetic shadow', sf.synthetic.contactView],
    ['Salesforce contact, native shadow with a closed section', sf.native.contactView],
    ['Salesforce contact, German labels', sf.german.contactView],
    ['Salesforce contact edit, synthetic shadow', sf.synthetic.contactEdit],
    ['Salesforce contact edit, native shadow', sf.native.contactEdit],
    ['Salesforce custom object', sf.synthetic.customObjectView],
    ['Salesforce list view', sf.synthetic.list],
    ['HubSpot contact', hs.contact],
    ['HubSpot company', hs.company],
    ['HubSpot deal', hs.deal],
  ])('%s', async (_name, url) => {
    const page = await open(url);
    try {
      expect(await settle(page, url)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('live pages (Chromium)', () => {
  it('picks up a lazy section when its tab is opened, without a reload', async () => {
    const url = sf.native.contactView;
    const page = await open(url);
    try {
      expect(await settle(page, url)).toEqual([]);
      const tabFields = expectationsFor(url).fields.filter((f) => f.reveal.kind === 'tab' && f.kind !== null);
      expect(tabFields.length).toBeGreaterThan(0);
      const tab = tabFields[0]!.reveal as { kind: 'tab'; tab: string };
      await page.getByRole('tab', { name: tab.tab }).click();
      expect(await settle(page, url, () => true, 5_000)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('picks up a HubSpot card expanded later', async () => {
    const url = hs.contact;
    const page = await open(url);
    try {
      expect(await settle(page, url)).toEqual([]);
      const card = expectationsFor(url).fields.find((f) => f.reveal.kind === 'expand');
      if (card?.reveal.kind === 'expand') {
        await page.getByRole('button', { name: card.reveal.card }).click();
        expect(await settle(page, url, () => true, 5_000)).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });

  it.each([
    ['Salesforce', sf.synthetic.contactView, sf.synthetic.contact2View, SF_IDS.contact2, 'Marco Rossi'],
    ['HubSpot', hs.contact, hs.contact2, HS_IDS.contact2, null],
  ])('%s: an SPA navigation to another record changes the context within 300 ms and reports the new record', async (_crm, from, to, toId, linkName) => {
    const page = await open(from);
    try {
      expect(await settle(page, from)).toEqual([]);
      const navigationsBefore = await page.evaluate(() => performance.getEntriesByType('navigation').length);
      const link = linkName ? page.getByRole('link', { name: linkName }).first() : page.locator(`a[href$="/${toId}"]`).first();
      await link.scrollIntoViewIfNeeded();
      // The moment the CRM routes (Navigation API `navigate`, fired by its pushState), on the same clock as Date.now().
      await page.evaluate(NAVIGATE_CLOCK);
      const started = Date.now();
      await link.evaluate((a: HTMLElement) => a.click());
      let elapsed = Infinity;
      while (Date.now() - started < 5_000) {
        const r = await report(page);
        if (r.recordId === toId) {
          const navigatedAt = (await page.evaluate('window.__cpgNavigatedAt')) as number | null;
          elapsed = Date.now() - (navigatedAt ?? started);
          break;
        }
      }
      // Upper bound: from the CRM's pushState to the diagnostics answer, including the CRM's own render and the round trip.
      expect(elapsed).toBeLessThan(300);
      expect(page.url()).toBe(to);
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(navigationsBefore);
      expect(await settle(page, to)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
