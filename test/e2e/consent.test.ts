/**
 * Consent end to end: the built extension in Chromium (playwright-core) and Firefox
 * ESR (puppeteer-core over WebDriver BiDi), the real reference service
 * (server/index.ts, PGlite in memory, demo seed) on a loopback port, and the demo
 * Salesforce org served under its real URL.
 *
 * The consent URL and reader token reach the extension the way an admin delivers
 * them: a managed policy for a copy of the build with its own id (so the file
 * reaches no other test's browser), removed afterwards. The policy lets reps
 * choose the outreach guard mode, which each test sets with `ui:policy-set-local`.
 * `cacheSeconds: 0` makes every revisit a stale-while-revalidate, so the offline
 * test sees the last known state once the service is stopped.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as FxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeDemoCrm, interceptDemoCrm } from '../../demo/routes';
import { DEMO_URLS } from '../../demo/urls';
import { startServer, type RunningServer } from '../../server/index';
import { DEMO_RECORDS, DEMO_TOKENS } from '../../server/seed';
import { launchChromium, sendFromExtensionPage, tabIdOf, type ChromiumSession } from './support/chromium';
import { sendFromFirefoxPage, firefoxTabIdOf, type FirefoxSession } from './support/firefox';
import { CHROME_BUILD, requireBuild } from './support/paths';
import { makeDir, removeDirs, unpackedId } from './support/policy-files';
import { launchFirefoxWithPolicy, type FirefoxPolicySession } from './support/firefox-policy';

const PANEL = 'crm-privacy-guard-consent-panel';
const DIALOG = 'crm-privacy-guard-consent-guard';
const CHIP = 'crm-privacy-guard-consent-chip';
const SF = DEMO_URLS.salesforce.synthetic;
const CALL = '[data-target-selection-name="sfdc:QuickAction.Contact.LogACall"] button';
const EMAIL = '[data-target-selection-name="sfdc:QuickAction.Contact.SendEmail"] button';

const policyFor = (url: string) => ({
  consent: { url, token: DEMO_TOKENS.reader, cacheSeconds: 0 },
  ui: { repMayChange: ['badges', 'ui.language', 'consent.outreachGuard'] },
});

// ---- what the tests read in the page (serialised into the page: page globals only) ----
interface PanelInfo {
  state: string | null;
  rows: [string | null, string | null, string | null][];
  flags: (string | null)[];
  source: string | null;
  sourceText: string;
  text: string;
}
function readPanel(tag: string): PanelInfo | null {
  const root = document.querySelector(tag)?.shadowRoot;
  const section = root?.querySelector('section');
  if (!root || !section) return null;
  const src = root.querySelector('[data-source]');
  return {
    state: section.getAttribute('data-state'),
    rows: [...root.querySelectorAll('tbody tr')].map((r) => [r.getAttribute('data-purpose'), r.getAttribute('data-channel'), r.getAttribute('data-status')]),
    flags: [...root.querySelectorAll('.flag')].map((f) => f.getAttribute('data-flag')),
    source: src?.getAttribute('data-source') ?? null,
    sourceText: src?.textContent ?? '',
    text: section.textContent ?? '',
  };
}
function readChips(tag: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const host of document.querySelectorAll(tag)) {
    const row = host.closest('tr');
    const id = row?.getAttribute('data-row-key-value');
    if (id) out[id] = host.shadowRoot?.querySelector('.chip')?.getAttribute('data-level') ?? null;
  }
  return out;
}
function deepChipLevels(tag: string): (string | null)[] {
  const out: (string | null)[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName.toLowerCase() === tag) out.push(el.shadowRoot?.querySelector('.chip')?.getAttribute('data-level') ?? null);
      else if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
}
function readDialog(tag: string): { guard: string | null; status: string | null; text: string } | null {
  const d = document.querySelector(tag)?.shadowRoot?.querySelector('[data-guard]');
  return d ? { guard: d.getAttribute('data-guard'), status: d.getAttribute('data-status'), text: d.textContent ?? '' } : null;
}
function outreach(): { action: string }[] {
  return (window as unknown as { __demoCrm?: { outreach: { action: string }[] } }).__demoCrm?.outreach ?? [];
}
const rendered = () => !!(window as unknown as { __demoCrm?: { rendered: unknown } }).__demoCrm?.rendered;

/** The browser-specific bits; the scenarios below are written once. */
interface Driver {
  open(url: string): Promise<unknown>;
  eval<T, A>(page: unknown, fn: (arg: A) => T, arg: A): Promise<T>;
  click(page: unknown, selector: string): Promise<void>;
  reload(page: unknown): Promise<void>;
  close(page: unknown): Promise<void>;
  send<T>(message: Record<string, unknown>): Promise<T>;
  report(page: unknown): Promise<{ consent: { source: string; ageSeconds: number | null; statuses: { purpose: string; channel: string; status: string }[]; flags: string[] } | null }>;
}

async function poll<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch {
      // page navigating
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function scenarios(name: string, get: () => { driver: Driver; server: () => RunningServer }) {
  describe(`consent in ${name}`, () => {
    const setMode = (mode: string) => get().driver.send({ type: 'ui:policy-set-local', patch: { 'consent.outreachGuard': mode } });
    const panel = (page: unknown, ok: (p: PanelInfo | null) => boolean, what: string) => poll(() => get().driver.eval(page, readPanel, PANEL), ok, what);

    it('shows the record’s consent per purpose and channel, live, and reports it to diagnostics', async () => {
      const { driver } = get();
      const page = await driver.open(SF.contactView);
      try {
        const p = await panel(page, (x) => x?.state === 'known', 'the consent panel');
        expect(p!.rows).toEqual([
          ['marketing_email', 'email', 'granted'],
          ['meetings', 'meeting', 'granted'],
          ['newsletter', 'email', 'granted'],
          ['phone', 'phone', 'denied'],
        ]);
        expect(p!.source).toBe('live');
        expect(p!.text).toContain('Legitimate interests (Art. 6(1)(f))');
        const report = await driver.report(page);
        expect(report.consent).toMatchObject({ source: 'live', flags: [] });
        expect(report.consent!.statuses).toContainEqual({ purpose: 'phone', channel: 'phone', status: 'denied', lawfulBasis: 'consent' });
        expect(JSON.stringify(report)).not.toContain(DEMO_TOKENS.reader);
      } finally {
        await driver.close(page);
      }
    });

    it('shows erasure and restriction prominently on the lead who asked for them', async () => {
      const { driver } = get();
      const page = await driver.open(SF.leadView);
      try {
        const p = await panel(page, (x) => x?.state === 'known', 'the consent panel');
        expect(p!.flags).toEqual(['erasureRequested', 'processingRestricted']);
        expect(p!.text).toContain('Erasure requested (Art. 17 GDPR)');
      } finally {
        await driver.close(page);
      }
    });

    it('finds consent held under the record’s email address when the record id has none', async () => {
      const { driver } = get();
      const page = await driver.open(SF.contactView.replace(DEMO_RECORDS.granted.recordId, DEMO_RECORDS.emailOnly.recordId));
      try {
        const p = await panel(page, (x) => x?.state === 'known' && x.rows.length > 0, 'the consent panel, matched by email');
        expect(p!.rows).toEqual([['newsletter', 'email', 'granted']]);
        expect(p!.text).toContain('Found by the record’s email address');
        const report = await driver.report(page);
        expect(report.consent!.statuses).toContainEqual({ purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent' });
      } finally {
        await driver.close(page);
      }
    });

    it('puts a consent chip on every row of the contact list', async () => {
      const { driver } = get();
      const page = await driver.open(SF.list);
      try {
        const chips = await poll(
          () => driver.eval(page, readChips, CHIP),
          (c) => Object.keys(c).length >= 60 && Object.values(c).every((l) => l !== 'checking' && l !== null),
          'chips on every row',
        );
        expect(chips[DEMO_RECORDS.granted.recordId]).toBe('ok');
        expect(chips[DEMO_RECORDS.withdrawn.recordId]).toBe('flag');
        expect(chips[DEMO_RECORDS.expired.recordId]).toBe('none');
        expect(chips[DEMO_RECORDS.noData.recordId]).toBe('unknown');
        expect(chips[DEMO_RECORDS.pending.recordId]).toBe('none');
        expect(chips[DEMO_RECORDS.contract.recordId]).toBe('ok');
      } finally {
        await driver.close(page);
      }
    });

    it('finds list rows in native shadow DOM and on HubSpot too', async () => {
      const { driver } = get();
      for (const url of [DEMO_URLS.salesforce.native.list, DEMO_URLS.hubspot.list]) {
        const page = await driver.open(url);
        try {
          // Chips on native-shadow rows sit inside shadow roots: count them with a deep walk.
          const levels = await poll(
            () => driver.eval(page, deepChipLevels, CHIP),
            (l) => l.length >= 10 && l.every((x) => x !== 'checking' && x !== null),
            `chips on ${url}`,
          );
          expect(levels.every((l) => ['ok', 'none', 'flag', 'unknown'].includes(l!))).toBe(true);
        } finally {
          await driver.close(page);
        }
      }
    });

    it('guards outreach: block stops a refused call, lets a granted email through; warn goes on after confirming', async () => {
      const { driver } = get();
      await setMode('block');
      let page = await driver.open(SF.contactView);
      try {
        await panel(page, (x) => x?.state === 'known', 'the consent panel');
        await driver.click(page, CALL);
        const d = await poll(() => driver.eval(page, readDialog, DIALOG), (x) => x?.guard === 'block', 'the block dialog');
        expect(d!.status).toBe('denied');
        expect(d!.text).toContain('refused contact by call');
        expect(await driver.eval(page, outreach, null)).toEqual([]);
        await driver.click(page, '[data-action="close"]');
        await poll(() => driver.eval(page, readDialog, DIALOG), (x) => x === null, 'the dialog to close');
        await driver.click(page, EMAIL);
        await poll(() => driver.eval(page, outreach, null), (o) => o.length === 1, 'the email action to run');
        expect((await driver.eval(page, outreach, null))[0]!.action).toBe('email');
      } finally {
        await driver.close(page);
      }
      await setMode('warn');
      page = await driver.open(SF.contactView);
      try {
        await panel(page, (x) => x?.state === 'known', 'the consent panel');
        await driver.click(page, CALL);
        await poll(() => driver.eval(page, readDialog, DIALOG), (x) => x?.guard === 'confirm', 'the confirm dialog');
        expect(await driver.eval(page, outreach, null)).toEqual([]);
        await driver.click(page, '[data-action="proceed"]');
        await poll(() => driver.eval(page, outreach, null), (o) => o.length === 1, 'the call action to run once');
        await new Promise((r) => setTimeout(r, 300));
        expect((await driver.eval(page, outreach, null)).map((o) => o.action)).toEqual(['call']);
      } finally {
        await driver.close(page);
      }
      const audit = await driver.send<{ entries?: { type: string; data: { channel: string; decision: string } }[] }>({
        type: 'ui:audit-query',
        filter: { type: 'outreach.decision' },
        page: { limit: 50 },
      });
      const decisions = (audit.entries ?? []).map((e) => `${e.data.channel}:${e.data.decision}`);
      expect(decisions).toEqual(expect.arrayContaining(['phone:blocked', 'email:allowed', 'phone:overridden']));
    });

    it('shows the last known state with its age when the service is down', async () => {
      const { driver, server } = get();
      const page = await driver.open(SF.contactView);
      try {
        await panel(page, (x) => x?.state === 'known', 'the consent panel');
        await server().close();
        await driver.reload(page);
        // Up to 3 attempts of 5 s each when the browser does not get a refusal at once (Firefox).
        const p = await poll(() => get().driver.eval(page, readPanel, PANEL), (x) => x?.source === 'cache' && /not reachable/.test(x.sourceText), 'the offline panel', 45_000);
        expect(p!.sourceText).toMatch(/^Last known state, \d+ s old — consent service not reachable$/);
        expect(p!.rows).toContainEqual(['phone', 'phone', 'denied']);
        const report = await driver.report(page);
        expect(report.consent).toMatchObject({ source: 'cache' });
        expect(report.consent!.ageSeconds).toBeGreaterThanOrEqual(0);
        // A record never looked up before (a generated lead) has no last known state: unavailable, never granted.
        await driver.close(page);
        const other = await driver.open(SF.leadView.replace(/\/Lead\/[^/]+\//, '/Lead/00QDn00000Lp500IAT/'));
        try {
          const q = await panel(other, (x) => x?.state === 'unavailable', 'the unavailable panel');
          expect(q!.text).not.toMatch(/granted/i);
        } finally {
          await driver.close(other);
        }
      } catch (error) {
        await driver.close(page).catch(() => {});
        throw error;
      }
    });
  });
}

// ---------------------------------------------------------------- helpers for policy files

// ---------------------------------------------------------------- Chromium
{
  const POLICY_DIR = '/etc/chromium/policies/managed';
  const POLICY_FILE = join(POLICY_DIR, 'cpg-consent-e2e.json');
  let created: string[] = [];
  let copy = '';
  let session: ChromiumSession | undefined;
  let ext: Page;
  let server: RunningServer;
  const removePolicy = () => {
    rmSync(POLICY_FILE, { force: true });
    removeDirs(created);
  };
  process.once('exit', removePolicy);

  const driver: Driver = {
    async open(url) {
      const page = await session!.context.newPage();
      await page.goto(url);
      await page.waitForFunction(rendered, null, { timeout: 30_000 });
      return page;
    },
    eval: (page, fn, arg) => (page as Page).evaluate(fn as (a: unknown) => unknown, arg) as never,
    click: (page, selector) => (page as Page).locator(selector).first().click(),
    async reload(page) {
      await (page as Page).reload();
      await (page as Page).waitForFunction(rendered, null, { timeout: 30_000 });
    },
    close: (page) => (page as Page).close(),
    send: (message) => sendFromExtensionPage(ext, message),
    async report(page) {
      return sendFromExtensionPage(ext, { type: 'diagnostics:page-report', tabId: await tabIdOf(ext, (page as Page).url()) });
    },
  };

  describe('Chromium', () => {
    beforeAll(async () => {
      const build = requireBuild(process.env.CPG_CHROME_BUILD ?? CHROME_BUILD);
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      copy = mkdtempSync(join(tmpdir(), 'cpg-consent-ext-'));
      cpSync(build, copy, { recursive: true });
      delete manifest.key;
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
      const id = unpackedId(copy);
      server = await startServer({ port: 0, dataDir: null, seedDemo: true, quiet: true, corsOrigins: [`chrome-extension://${id}`] });
      created = makeDir(POLICY_DIR);
      writeFileSync(`${POLICY_FILE}.tmp`, JSON.stringify({ '3rdparty': { extensions: { [id]: policyFor(server.url) } } }));
      renameSync(`${POLICY_FILE}.tmp`, POLICY_FILE);
      session = await launchChromium({ extensionDir: copy, setup: routeDemoCrm });
      ext = await session.openExtensionPage('options.html');
      await poll(
        () => sendFromExtensionPage<{ effective?: { consent?: { url?: string } } }>(ext, { type: 'diagnostics:policy' }),
        (d) => d.effective?.consent?.url === server.url,
        'the consent policy to arrive',
      );
    });
    afterAll(async () => {
      try {
        await session?.close();
        await server?.close();
      } finally {
        removePolicy();
        if (copy) rmSync(copy, { recursive: true, force: true });
      }
    });
    scenarios('Chromium', () => ({ driver, server: () => server }));
  });
}

// ---------------------------------------------------------------- Firefox ESR
{
  const TEST_GECKO_ID = 'cpg-consent-e2e@privacy-guard.dev';
  const TEST_UUID = '3d2a9c41-7b6e-4f0a-8c1d-5e4f3a2b1c0d';
  let fx: FirefoxPolicySession | undefined;
  let session: FirefoxSession | undefined;
  let ext: FxPage;
  let server: RunningServer;

  const driver: Driver = {
    async open(url) {
      const page = await session!.browser.newPage();
      // Same window size as the Chromium runs (puppeteer's default 800×600 puts the panel over the activity buttons).
      await page.setViewport({ width: 1280, height: 900 });
      await interceptDemoCrm(page);
      await page.goto(url);
      await page.waitForFunction(rendered, { timeout: 30_000 });
      return page;
    },
    eval: (page, fn, arg) => (page as FxPage).evaluate(fn as (a: unknown) => unknown, arg) as never,
    async click(page, selector) {
      const el = await (page as FxPage).$(`pierce/${selector}`);
      if (!el) throw new Error(`nothing matches ${selector}`);
      await el.click();
    },
    async reload(page) {
      await (page as FxPage).reload();
      await (page as FxPage).waitForFunction(rendered, { timeout: 30_000 });
    },
    close: (page) => (page as FxPage).close(),
    send: (message) => sendFromFirefoxPage(ext, message),
    async report(page) {
      return sendFromFirefoxPage(ext, { type: 'diagnostics:page-report', tabId: await firefoxTabIdOf(ext, (page as FxPage).url()) });
    },
  };

  describe('Firefox ESR', () => {
    beforeAll(async () => {
      server = await startServer({ port: 0, dataDir: null, seedDemo: true, quiet: true, corsOrigins: [`moz-extension://${TEST_UUID}`] });
      fx = await launchFirefoxWithPolicy({ geckoId: TEST_GECKO_ID, uuid: TEST_UUID, policy: policyFor(server.url), label: 'consent' });
      session = fx.session;
      ext = fx.ext;
      await poll(
        () => sendFromFirefoxPage<{ effective?: { consent?: { url?: string } } }>(ext, { type: 'diagnostics:policy' }),
        (d) => d.effective?.consent?.url === server.url,
        'the consent policy to arrive',
      );
    });
    afterAll(async () => {
      try {
        await fx?.close();
      } finally {
        await server?.close();
      }
    });
    scenarios('Firefox ESR', () => ({ driver, server: () => server }));
  });
}
