/**
 * The input guard end to end, with the built extension in Chromium (playwright-core)
 * and Firefox ESR (puppeteer-core over WebDriver BiDi), on the demo CRM served under
 * real Salesforce (synthetic and native shadow) and HubSpot URLs: type and paste
 * into a notes field, see the warning, mask, have the save blocked, override with
 * a reason, save in warn mode — and the CRM's own save handler
 * (`window.__demoCrm.saves`) runs exactly when it should.
 *
 * Modes are switched the way a rep would: an admin policy (a managed policy file
 * for a copy of the build with its own id, removed afterwards) lets the rep change
 * the guard modes, and the test sets them with `ui:policy-set-local` from an
 * extension page.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as FxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeDemoCrm, interceptDemoCrm } from '../../demo/routes';
import { DEMO_URLS } from '../../demo/urls';
import { launchChromium, sendFromExtensionPage, tabIdOf, type ChromiumSession } from './support/chromium';
import { sendFromFirefoxPage, type FirefoxSession } from './support/firefox';
import { CHROME_BUILD, requireBuild } from './support/paths';
import { makeDir, removeDirs, unpackedId } from './support/policy-files';
import { launchFirefoxWithPolicy, type FirefoxPolicySession } from './support/firefox-policy';

const IBAN = 'DE89 3704 0044 0532 0130 00';
const MASKED = 'DE89 **** **** **** **30 00';
const NOTE = `Called about the refund. IBAN ${IBAN} for the transfer.`;
const REASON = 'Customer asked for the refund to this account';
const HOST_TAG = 'crm-privacy-guard-input-warning';

/** The admin lets reps choose the guard modes, so each test can set them like a rep would. */
const ADMIN_POLICY = {
  ui: { repMayChange: ['badges', 'ui.language', 'modes.ordinary', 'modes.sensitive_identifier', 'modes.special_category', 'modes.criminal'] },
  override: { minReasonLength: 20 },
};

interface CrmPage {
  name: string;
  url: string;
  /** Selector of the notes field (Playwright / puppeteer pierce open shadow roots). */
  field: string;
  save: string;
  /**
   * How the rep reaches Save: a click, or focus + Enter (the demo's native-shadow
   * modal renders its footer just below the window, where a pointer cannot reach it).
   */
  saveBy: 'click' | 'keyboard';
  /** The saved notes text from one `__demoCrm.saves` entry. */
  savedField: string;
}

const PAGES: CrmPage[] = [
  { name: 'Salesforce, synthetic shadow', url: DEMO_URLS.salesforce.synthetic.contactEdit, field: 'textarea[name="Description"]', save: 'button[name="SaveEdit"]', saveBy: 'click', savedField: 'Description' },
  { name: 'Salesforce, native shadow', url: DEMO_URLS.salesforce.native.contactEdit, field: 'textarea[name="Description"]', save: 'button[name="SaveEdit"]', saveBy: 'keyboard', savedField: 'Description' },
  { name: 'HubSpot, note editor', url: DEMO_URLS.hubspot.contact, field: '[data-test-id="rich-text-editor"]', save: '[data-test-id="create-note-save"]', saveBy: 'click', savedField: 'hs_note_body' },
];

type Saves = { fields: Record<string, string>; trigger: string }[];
const readSaves = () => (window as unknown as { __demoCrm?: { saves: Saves } }).__demoCrm?.saves ?? [];

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}



describe('input guard in Chromium', () => {
  const POLICY_DIR = '/etc/chromium/policies/managed';
  const POLICY_FILE = join(POLICY_DIR, 'cpg-input-guard-e2e.json');
  let created: string[] = [];
  let copy = '';
  let session: ChromiumSession | undefined;
  let ext: Page;
  const removePolicy = () => {
    rmSync(POLICY_FILE, { force: true });
    removeDirs(created);
  };
  process.once('exit', removePolicy);

  beforeAll(async () => {
    const build = requireBuild(process.env.CPG_CHROME_BUILD ?? CHROME_BUILD);
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    // A copy without the manifest key gets its own id, so this policy file reaches no other test's browser.
    copy = mkdtempSync(join(tmpdir(), 'cpg-guard-ext-'));
    cpSync(build, copy, { recursive: true });
    delete manifest.key;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    created = makeDir(POLICY_DIR);
    writeFileSync(`${POLICY_FILE}.tmp`, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(copy)]: ADMIN_POLICY } } }));
    renameSync(`${POLICY_FILE}.tmp`, POLICY_FILE);
    session = await launchChromium({ extensionDir: copy, setup: routeDemoCrm });
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    ext = await session.openExtensionPage('options.html');
    await waitFor(async () => ((await sendFromExtensionPage<{ lockedKeys?: string[] }>(ext, { type: 'diagnostics:policy' })).lockedKeys ?? []).includes('ui.repMayChange'), 15_000, 'the admin policy to arrive');
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      removePolicy();
      if (copy) rmSync(copy, { recursive: true, force: true });
    }
  });

  async function setModes(modes: Record<string, string>): Promise<void> {
    const patch = Object.fromEntries(Object.entries(modes).map(([k, v]) => [`modes.${k}`, v]));
    await sendFromExtensionPage(ext, { type: 'ui:policy-set-local', patch });
  }

  async function open(crm: CrmPage): Promise<Page> {
    const page = await session!.context.newPage();
    // The demo's edit modal keeps its footer (Save) just below a 900 px window.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.goto(crm.url);
    await page.waitForFunction(() => !!(window as unknown as { __demoCrm?: { rendered: unknown } }).__demoCrm?.rendered, null, { timeout: 30_000 });
    await page.locator(crm.field).first().click();
    // The record's own description is there already: the rep replaces it.
    await page.keyboard.press('ControlOrMeta+A');
    return page;
  }

  const chip = (page: Page) => page.locator(`${HOST_TAG} .pg-chip`);
  const clickSave = async (page: Page, crm: CrmPage) => {
    const save = page.locator(crm.save).first();
    if (crm.saveBy === 'click') return save.click();
    await save.focus();
    await page.keyboard.press('Enter');
  };
  const saves = (page: Page) => page.evaluate(readSaves);
  /** The notes text as the CRM sees it, read in the page's own world. */
  const fieldText = (page: Page, crm: CrmPage) =>
    page.locator(crm.field).first().evaluate((el) => ('value' in el ? (el as HTMLTextAreaElement).value : (el as HTMLElement).innerText).trim());

  for (const crm of PAGES) {
    describe(crm.name, () => {
      it('override (the default for bank details): typing warns, the save waits for a reason, then runs exactly once', async () => {
        await setModes({ sensitive_identifier: 'override' });
        const page = await open(crm);
        try {
          await page.keyboard.type(NOTE, { delay: 5 });
          await expect.poll(() => chip(page).textContent(), { timeout: 5_000 }).toContain('Bank account found');
          // Nothing typed was lost or changed.
          expect(await fieldText(page, crm)).toBe(NOTE);
          await clickSave(page, crm);
          const reason = page.locator(`${HOST_TAG} textarea`);
          await reason.waitFor({ timeout: 5_000 });
          expect(await saves(page)).toEqual([]);
          await reason.fill('too short');
          await page.locator(HOST_TAG).getByRole('button', { name: 'Save with reason' }).click();
          await expect.poll(() => page.locator(`${HOST_TAG} .pg-error`).textContent()).toContain('at least 20 characters');
          expect(await saves(page)).toEqual([]);
          await reason.fill(REASON);
          await page.locator(HOST_TAG).getByRole('button', { name: 'Save with reason' }).click();
          await expect.poll(async () => (await saves(page)).length, { timeout: 5_000 }).toBe(1);
          await page.waitForTimeout(300);
          const done = await saves(page);
          expect(done).toHaveLength(1);
          expect(done[0]!.fields[crm.savedField]).toContain(IBAN);
          // The audit log has the override with its reason, and never the IBAN.
          const audit = JSON.stringify(await sendFromExtensionPage(ext, { type: 'ui:audit-query', filter: { type: 'input.overridden' }, page: { limit: 50 } }));
          expect(audit).toContain('Customer asked for the refund');
          expect(audit).not.toContain('3704');
        } finally {
          await page.close();
        }
      });

      it('block: pasted text warns at once, Save and Ctrl+S are stopped, masking lets the save through once', async () => {
        await setModes({ sensitive_identifier: 'block' });
        const page = await open(crm);
        try {
          await page.evaluate((text) => navigator.clipboard.writeText(text), NOTE);
          await page.keyboard.press('ControlOrMeta+V');
          await expect.poll(() => chip(page).textContent(), { timeout: 2_000 }).toContain('Bank account found');
          expect(await fieldText(page, crm)).toBe(NOTE);

          const report = await sendFromExtensionPage<{ warnings: unknown[] }>(ext, { type: 'diagnostics:page-report', tabId: await tabIdOf(ext, page.url()) });
          expect(report.warnings).toContainEqual({ fieldLabel: expect.any(String), kind: 'bank_account', problem: 'sensitive', severity: 'block' });
          expect(JSON.stringify(report)).not.toContain('3704');

          await clickSave(page, crm);
          await expect.poll(() => page.locator(`${HOST_TAG} [role="alert"]`).first().textContent()).toContain('Not saved');
          await page.locator(crm.field).first().click();
          await page.keyboard.press('ControlOrMeta+S');
          await page.waitForTimeout(300);
          expect(await saves(page)).toEqual([]);
          expect(await fieldText(page, crm)).toBe(NOTE);

          await page.locator(HOST_TAG).getByRole('button', { name: 'Mask' }).click();
          await expect.poll(() => fieldText(page, crm)).toBe(NOTE.replace(IBAN, MASKED));
          await clickSave(page, crm);
          await expect.poll(async () => (await saves(page)).length, { timeout: 5_000 }).toBe(1);
          await page.waitForTimeout(300);
          const done = await saves(page);
          expect(done).toHaveLength(1);
          expect(done[0]!.fields[crm.savedField]).toBe(NOTE.replace(IBAN, MASKED));
        } finally {
          await page.close();
        }
      });

      it('a save right after typing waits for the background’s answer: blocked with an IBAN, once without', async () => {
        await setModes({ sensitive_identifier: 'block' });
        const page = await open(crm);
        try {
          // No pause: the save comes before the typing debounce has even fired.
          await page.keyboard.type(NOTE, { delay: 0 });
          await clickSave(page, crm);
          await expect.poll(() => page.locator(`${HOST_TAG} [role="alert"]`).first().textContent(), { timeout: 5_000 }).toContain('Not saved');
          await page.waitForTimeout(300);
          expect(await saves(page)).toEqual([]);
          expect(await fieldText(page, crm)).toBe(NOTE);
          await page.locator(crm.field).first().click();
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type('Renewal agreed, call back in May.', { delay: 0 });
          await clickSave(page, crm);
          await expect.poll(async () => (await saves(page)).length, { timeout: 5_000 }).toBe(1);
          await page.waitForTimeout(300);
          const done = await saves(page);
          expect(done).toHaveLength(1);
          expect(done[0]!.fields[crm.savedField]).toBe('Renewal agreed, call back in May.');
        } finally {
          await page.close();
        }
      });

      it('warn: the save goes through exactly once, with the text as typed', async () => {
        await setModes({ sensitive_identifier: 'warn' });
        const page = await open(crm);
        try {
          await page.keyboard.type(NOTE, { delay: 5 });
          await expect.poll(() => chip(page).textContent(), { timeout: 5_000 }).toContain('Bank account found');
          await clickSave(page, crm);
          await expect.poll(async () => (await saves(page)).length, { timeout: 5_000 }).toBe(1);
          await page.waitForTimeout(300);
          const done = await saves(page);
          expect(done).toHaveLength(1);
          expect(done[0]!.fields[crm.savedField]).toBe(NOTE);
        } finally {
          await page.close();
        }
      });
    });
  }

  it('text without findings shows no warning and saves normally', async () => {
    await setModes({ sensitive_identifier: 'block' });
    const crm = PAGES[2]!;
    const page = await open(crm);
    try {
      await page.keyboard.type('Discussed the renewal; follow up next week.', { delay: 5 });
      await page.waitForTimeout(800);
      expect(await page.locator(`${HOST_TAG} .pg-chip`).count()).toBe(0);
      await clickSave(page, crm);
      await expect.poll(async () => (await saves(page)).length).toBe(1);
    } finally {
      await page.close();
    }
  });
});

/** The first element matching any of the comma-separated selectors, looking into open shadow roots. */
async function firstOf(page: FxPage, selectors: string) {
  for (const selector of selectors.split(', ')) {
    const handle = await page.$(`pierce/${selector}`);
    if (handle) return handle;
  }
  throw new Error(`nothing matches ${selectors}`);
}

describe('input guard in Firefox ESR', () => {
  let fx: FirefoxPolicySession | undefined;
  let session: FirefoxSession | undefined;
  let ext: FxPage;

  beforeAll(async () => {
    fx = await launchFirefoxWithPolicy({ geckoId: 'cpg-guard-e2e@privacy-guard.dev', uuid: '0b6f3f8e-6a51-4c1e-9a7e-3c2f1d5e8a11', policy: ADMIN_POLICY, label: 'guard' });
    session = fx.session;
    ext = fx.ext;
  });

  afterAll(async () => {
    await fx?.close();
  });

  async function setModes(modes: Record<string, string>): Promise<void> {
    const patch = Object.fromEntries(Object.entries(modes).map(([k, v]) => [`modes.${k}`, v]));
    await sendFromFirefoxPage(ext, { type: 'ui:policy-set-local', patch });
  }

  async function open(crm: CrmPage): Promise<FxPage> {
    const page = await session!.browser.newPage();
    await page.setViewport({ width: 1280, height: 1200 });
    await interceptDemoCrm(page);
    await page.goto(crm.url);
    await page.waitForFunction(() => !!(window as unknown as { __demoCrm?: { rendered: unknown } }).__demoCrm?.rendered, { timeout: 30_000 });
    const field = await firstOf(page, crm.field);
    await field.click();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    return page;
  }

  const chipText = (page: FxPage) => page.$eval(`pierce/${HOST_TAG}`, (host) => host.shadowRoot?.querySelector('.pg-chip')?.textContent ?? '').catch(() => '');
  const panelButton = async (page: FxPage, name: string) => {
    const handle = await page.$(`pierce/${HOST_TAG}`);
    const button = await handle?.evaluateHandle((host, n) => [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(n)) ?? null, name);
    const el = button?.asElement();
    if (!el) throw new Error(`no panel button "${name}"`);
    return el as unknown as { click(): Promise<void> };
  };
  const saves = (page: FxPage) => page.evaluate(readSaves);
  const clickSave = async (page: FxPage, crm: CrmPage) => {
    const save = await firstOf(page, crm.save);
    if (crm.saveBy === 'click') return save.click();
    await save.focus();
    await page.keyboard.press('Enter');
  };

  for (const crm of PAGES) {
    describe(crm.name, () => {
      it('block, then mask: the save is stopped and then goes through exactly once', async () => {
        await setModes({ sensitive_identifier: 'block' });
        const page = await open(crm);
        try {
          await page.keyboard.type(NOTE, { delay: 5 });
          await expect.poll(() => chipText(page), { timeout: 5_000 }).toContain('Bank account found');
          await clickSave(page, crm);
          await new Promise((r) => setTimeout(r, 300));
          expect(await saves(page)).toEqual([]);
          await (await panelButton(page, 'Mask')).click();
          await new Promise((r) => setTimeout(r, 300));
          await clickSave(page, crm);
          await expect.poll(async () => (await saves(page)).length, { timeout: 5_000 }).toBe(1);
          const done = await saves(page);
          expect(done[0]!.fields[crm.savedField]).toBe(NOTE.replace(IBAN, MASKED));
        } finally {
          await page.close();
        }
      });

      it('a save right after typing waits for the background’s answer: blocked with an IBAN, once without', async () => {
        await setModes({ sensitive_identifier: 'block' });
        const page = await open(crm);
        try {
          await page.keyboard.type(NOTE, { delay: 0 });
          await clickSave(page, crm);
          await new Promise((r) => setTimeout(r, 800));
          expect(await saves(page)).toEqual([]);
          await expect.poll(() => chipText(page), { timeout: 5_000 }).toContain('Bank account found');
          const field = await firstOf(page, crm.field);
          await field.click();
          await page.keyboard.down('Control');
          await page.keyboard.press('a');
          await page.keyboard.up('Control');
          await page.keyboard.type('Renewal agreed, call back in May.', { delay: 0 });
          await clickSave(page, crm);
          await expect.poll(async () => (await saves(page)).length, { timeout: 5_000 }).toBe(1);
          await new Promise((r) => setTimeout(r, 300));
          const done = await saves(page);
          expect(done).toHaveLength(1);
          expect(done[0]!.fields[crm.savedField]).toBe('Renewal agreed, call back in May.');
        } finally {
          await page.close();
        }
      });

      it('override with a reason saves exactly once; warn saves at once', async () => {
        await setModes({ sensitive_identifier: 'override' });
        const page = await open(crm);
        try {
          await page.keyboard.type(NOTE, { delay: 5 });
          await expect.poll(() => chipText(page), { timeout: 5_000 }).toContain('Bank account found');
          await clickSave(page, crm);
          await new Promise((r) => setTimeout(r, 300));
          expect(await saves(page)).toEqual([]);
          // The reason field has focus: the rep types straight into it.
          await page.keyboard.type(REASON);
          await (await panelButton(page, 'Save with reason')).click();
          await expect.poll(async () => (await saves(page)).length, { timeout: 5_000 }).toBe(1);
          expect((await saves(page))[0]!.fields[crm.savedField]).toBe(NOTE);
        } finally {
          await page.close();
        }
        await setModes({ sensitive_identifier: 'warn' });
        const again = await open(crm);
        try {
          await again.keyboard.type(NOTE, { delay: 5 });
          await expect.poll(() => chipText(again), { timeout: 5_000 }).toContain('Bank account found');
          await clickSave(again, crm);
          await expect.poll(async () => (await saves(again)).length, { timeout: 5_000 }).toBe(1);
          await new Promise((r) => setTimeout(r, 300));
          expect(await saves(again)).toHaveLength(1);
        } finally {
          await again.close();
        }
      });
    });
  }
});
