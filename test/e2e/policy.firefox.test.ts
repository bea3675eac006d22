/**
 * Real enterprise policy in Firefox ESR: /etc/firefox/policies/policies.json with
 * `3rdparty.Extensions.<gecko id>` is read at start-up and reaches the extension's
 * storage.managed, diagnostics:policy and the options page.
 *
 * The test runs a copy of the Firefox build with its own gecko id, so the entry it
 * adds cannot affect other tests' browsers. An existing policies.json is kept:
 * the entry is merged in and the original file restored afterwards.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, sendFromFirefoxPage, type FirefoxSession } from './support/firefox';
import { FIREFOX_BUILD, FIREFOX_UUID, requireBuild } from './support/paths';
import { makeDir, removeDirs } from './support/policy-files';

const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = join(POLICY_DIR, 'policies.json');
const TEST_GECKO_ID = 'cpg-policy-e2e@privacy-guard.dev';

const POLICY = {
  badges: 'hover',
  modes: { special_category: 'block', ordinary: 'nope' },
  audit: { retentionDays: 30, token: 'e2e-secret-token' },
  ui: { repMayChange: ['badges', 'ui.language', 'modes.ordinary'] },
};

interface Diagnostics {
  effective: { badges: string; modes: Record<string, string>; audit: { retentionDays: number; token: string } };
  lockedKeys: string[];
  errors: { path: string; source: string }[];
}



describe('managed policy in Firefox ESR', () => {
  let copy: string;
  let original: string | null = null;
  let session: FirefoxSession | undefined;
  let page: Page;

  let createdDirs: string[] = [];
  const restore = (): void => {
    if (original === null) rmSync(POLICY_FILE, { force: true });
    else writeFileSync(POLICY_FILE, original);
    removeDirs(createdDirs);
  };

  beforeAll(async () => {
    const build = requireBuild(process.env.CPG_FIREFOX_BUILD ?? FIREFOX_BUILD);
    copy = mkdtempSync(join(tmpdir(), 'cpg-policy-xpi-'));
    cpSync(build, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
    manifest.browser_specific_settings.gecko.id = TEST_GECKO_ID;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));

    createdDirs = makeDir(POLICY_DIR);
    original = existsSync(POLICY_FILE) ? readFileSync(POLICY_FILE, 'utf8') : null;
    process.once('exit', restore);
    const base = original ? (JSON.parse(original) as { policies?: Record<string, unknown> }) : {};
    const policies = { ...(base.policies ?? {}) } as Record<string, Record<string, Record<string, unknown>>>;
    policies['3rdparty'] = { ...(policies['3rdparty'] ?? {}), Extensions: { ...(policies['3rdparty']?.Extensions ?? {}), [TEST_GECKO_ID]: POLICY } };
    writeFileSync(POLICY_FILE, JSON.stringify({ ...base, policies }, null, 2));

    session = await launchFirefox({
      extensionDir: copy,
      prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [TEST_GECKO_ID]: FIREFOX_UUID }) },
    });
    page = await session.openExtensionPage('options.html');
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      restore();
      if (copy) rmSync(copy, { recursive: true, force: true });
    }
  });

  it('reads policies.json 3rdparty.Extensions at start-up into storage.managed', async () => {
    const managed = await page.evaluate(() => (globalThis as unknown as { browser: { storage: { managed: { get(): Promise<unknown> } } } }).browser.storage.managed.get());
    expect(managed).toEqual(POLICY);
  });

  it('reports the effective policy, locks and problems through diagnostics:policy', async () => {
    const d = await sendFromFirefoxPage<Diagnostics>(page, { type: 'diagnostics:policy' });
    expect(d.effective.badges).toBe('hover');
    expect(d.effective.modes.special_category).toBe('block');
    expect(d.effective.modes.ordinary).toBe('warn');
    expect(d.effective.audit.retentionDays).toBe(30);
    expect(d.lockedKeys).toEqual(expect.arrayContaining(['badges', 'modes.special_category', 'modes.ordinary', 'audit.retentionDays', 'ui.repMayChange']));
    expect(d.errors).toEqual([expect.objectContaining({ path: 'modes.ordinary', source: 'managed' })]);
    expect(JSON.stringify(d)).not.toContain('e2e-secret-token');
  });

  it('marks and disables the locked settings in the options page', async () => {
    // A fresh page: BiDi reports no load event for moz-extension:// reloads.
    page = await session!.openExtensionPage('options.html');
    // Polled with plain evaluate calls: puppeteer's waitForSelector over BiDi
    // occasionally fails with an internal protocol error on moz-extension pages.
    const rowShown = async (): Promise<boolean> => {
      try {
        return await page.evaluate(() => {
          if (document.querySelector('[data-testid="policy-row-badges"]')) return true;
          const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => /policy|settings|richtlinie/i.test(t.textContent ?? ''));
          if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
          return false;
        });
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 15_000;
    while (!(await rowShown())) {
      if (Date.now() > deadline) throw new Error('the options page never showed the policy');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const state = await page.evaluate(() => ({
      locked: document.querySelector<HTMLElement>('[data-testid="policy-row-badges"]')?.dataset.locked,
      badgesDisabled: document.querySelector<HTMLSelectElement>('select[name="badges"]')?.disabled,
      ordinaryDisabled: document.querySelector<HTMLSelectElement>('select[name="modes.ordinary"]')?.disabled,
      languageDisabled: document.querySelector<HTMLSelectElement>('select[name="ui.language"]')?.disabled,
    }));
    expect(state).toEqual({ locked: 'true', badgesDisabled: true, ordinaryDisabled: true, languageDisabled: false });
  });
});
