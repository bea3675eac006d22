/**
 * Real enterprise policy in Chromium: a file in /etc/chromium/policies/managed
 * reaches the extension through the generated managed schema, shows up in
 * diagnostics:policy and as locks in the options page, and a change to the file is
 * applied live, without a restart.
 *
 * The test runs a copy of the Chrome build without its manifest `key`, so the copy
 * gets its own extension id (derived from its path): the policy file written here
 * names only that id and cannot affect other tests' browsers running meanwhile.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, sendFromExtensionPage, type ChromiumSession } from './support/chromium';
import { CHROME_BUILD, requireBuild } from './support/paths';
import { makeDir, removeDirs, unpackedId } from './support/policy-files';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'cpg-test.json');

const FIRST = {
  badges: 'hover',
  modes: { criminal: 'block', ordinary: 'nope' },
  ui: { repMayPause: false },
  consent: { token: 'e2e-secret-token' },
};
const SECOND = { badges: 'off', consent: { outreachGuard: 'block' } };

interface Diagnostics {
  effective: { badges: string; modes: Record<string, string>; consent: { token: string; outreachGuard: string } };
  lockedKeys: string[];
  errors: { path: string; message: string; source: string }[];
  sources: Record<string, string>;
}


function writePolicy(id: string, policy: unknown): void {
  const created = makeDir(POLICY_DIR);
  if (createdDirs.length === 0) createdDirs = created;
  // Written whole and renamed, so Chromium's file watcher never reads half a file.
  writeFileSync(`${POLICY_FILE}.tmp`, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  renameSync(`${POLICY_FILE}.tmp`, POLICY_FILE);
}




let createdDirs: string[] = [];
const removePolicy = (): void => {
  rmSync(POLICY_FILE, { force: true });
  rmSync(`${POLICY_FILE}.tmp`, { force: true });
  removeDirs(createdDirs);
};

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  let value = await probe();
  while (!ok(value)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await probe();
  }
  return { value, ms: Date.now() - start };
}

describe('managed policy in Chromium', () => {
  let copy: string;
  let id: string;
  let session: ChromiumSession | undefined;
  let page: Page;
  process.once('exit', removePolicy);

  const managed = () => session!.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get());
  const diagnostics = () => sendFromExtensionPage<Diagnostics>(page, { type: 'diagnostics:policy' });

  beforeAll(async () => {
    const build = requireBuild(process.env.CPG_CHROME_BUILD ?? CHROME_BUILD);
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    if (!manifest.storage) throw new Error('The Chrome build has no storage.managed_schema; rebuild with `npm run build`.');
    copy = mkdtempSync(join(tmpdir(), 'cpg-policy-ext-'));
    cpSync(build, copy, { recursive: true });
    delete manifest.key;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    id = unpackedId(copy);
    writePolicy(id, FIRST);
    session = await launchChromium({ extensionDir: copy });
    page = await session.openExtensionPage('options.html');
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      removePolicy();
      if (copy) rmSync(copy, { recursive: true, force: true });
    }
  });

  it('loads the copy under the id the policy file names', () => {
    expect(session!.extensionId).toBe(id);
  });

  it('delivers the file to storage.managed through the generated schema, invalid values included', async () => {
    // Chromium would drop values the schema rejects; the schema declares types only,
    // so the extension sees the bad "nope" and can report it.
    const { value } = await until(managed, (v) => JSON.stringify(v) !== '{}', 10_000);
    expect(value).toEqual(FIRST);
  });

  it('reports the effective policy, locks and problems through diagnostics:policy', async () => {
    const { value } = await until(diagnostics, (d) => d?.effective?.badges === 'hover', 10_000);
    expect(value.effective.modes.criminal).toBe('block');
    expect(value.effective.modes.ordinary).toBe('warn');
    expect(value.lockedKeys).toEqual(expect.arrayContaining(['badges', 'modes.criminal', 'modes.ordinary', 'ui.repMayPause', 'consent.token']));
    expect(value.errors).toEqual([expect.objectContaining({ path: 'modes.ordinary', source: 'managed' })]);
    expect(value.sources.badges).toBe('managed');
    expect(JSON.stringify(value)).not.toContain('e2e-secret-token');
  });

  it('marks and disables the locked settings in the options page', async () => {
    await page.reload();
    const row = page.locator('[data-testid="policy-row-badges"]');
    if ((await row.count()) === 0) await page.getByRole('tab', { name: /policy|settings/i }).first().click();
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-locked')).toBe('true');
    expect(await page.locator('select[name="badges"]').isDisabled()).toBe(true);
    expect(await page.locator('input[name="paused"]').isDisabled()).toBe(true);
    expect(await page.locator('select[name="ui.language"]').isDisabled()).toBe(false);
    expect(await page.locator('[data-testid="policy-problems"]').textContent()).toContain('modes.ordinary');
  });

  it('applies a change to the policy file live, without a restart', async () => {
    writePolicy(id, SECOND);
    const { value, ms } = await until(managed, (v) => JSON.stringify(v) === JSON.stringify(SECOND), 40_000);
    expect(value).toEqual(SECOND);
    console.info(`[policy e2e] Chromium applied the changed policy file after ${ms} ms`);
    const after = await until(diagnostics, (d) => d?.effective?.badges === 'off', 10_000);
    expect(after.value.effective.consent.outreachGuard).toBe('block');
    expect(after.value.effective.modes.criminal).toBe('block'); // back to the default, which is block too
    expect(after.value.lockedKeys).not.toContain('modes.criminal');
    expect(after.value.errors).toEqual([]);
  });
});

/**
 * An install no organisation manages (no policy file names this copy): the user
 * connects a consent service from the options page's form and an audit endpoint
 * through `ui:policy-set-local`, and diagnostics report them with tokens redacted.
 */
describe('self-managed install in Chromium (no managed policy)', () => {
  const DEMO_TOKEN = 'cpg_demo_reader_LOCAL_ONLY';
  const INGEST_TOKEN = 'e2e-ingest-token-self-managed';
  let copy: string;
  let session: ChromiumSession | undefined;
  let page: Page;

  interface SelfDiagnostics {
    effective: { consent: { url: string; token: string }; audit: { endpoint: string; token: string; format: string }; ui: { repMayChange: string[] } };
    lockedKeys: string[];
    errors: unknown[];
    sources: Record<string, string>;
  }
  const diagnostics = () => sendFromExtensionPage<SelfDiagnostics>(page, { type: 'diagnostics:policy' });

  beforeAll(async () => {
    const build = requireBuild(process.env.CPG_CHROME_BUILD ?? CHROME_BUILD);
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    copy = mkdtempSync(join(tmpdir(), 'cpg-selfmanaged-ext-'));
    cpSync(build, copy, { recursive: true });
    // Its own id, so a policy file another test writes for its copy cannot reach this one.
    delete manifest.key;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    session = await launchChromium({ extensionDir: copy });
    page = await session.openExtensionPage('options.html');
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      if (copy) rmSync(copy, { recursive: true, force: true });
    }
  });

  it('has no managed policy and lets the user change the connection settings', async () => {
    expect(session!.extensionId).toBe(unpackedId(copy));
    const managed = await session!.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get());
    expect(managed).toEqual({});
    const { value } = await until(diagnostics, (d) => Array.isArray(d?.effective?.ui?.repMayChange), 10_000);
    expect(value.lockedKeys).toEqual([]);
    expect(value.effective.ui.repMayChange).toEqual(expect.arrayContaining(['consent.url', 'consent.token', 'audit.endpoint', 'audit.token', 'audit.format']));
  });

  it('saves consent.url and consent.token from the options page form; diagnostics show the URL and a redacted token', async () => {
    const section = page.locator('[data-testid="connections"]');
    if ((await section.count()) === 0) await page.getByRole('tab', { name: /policy|settings/i }).first().click();
    await section.waitFor({ timeout: 10_000 });
    const url = page.locator('input[name="consent.url"]');
    await url.fill('http://consent.example.com');
    expect(await page.locator('[data-testid="issue-consent.url"]').textContent()).toContain('https://');
    expect(await page.locator('form[data-testid="local-settings"] button[type="submit"]').isDisabled()).toBe(true);
    await url.fill('http://127.0.0.1:8787');
    expect(await page.locator('[data-testid="issue-consent.url"]').count()).toBe(0);
    await page.locator('input[name="consent.token"]').fill(DEMO_TOKEN);
    await page.locator('form[data-testid="local-settings"] button[type="submit"]').click();
    await page.locator('[data-testid="settings-status"]', { hasText: /Saved|Gespeichert/ }).waitFor({ timeout: 10_000 });

    const { value } = await until(diagnostics, (d) => d?.effective?.consent?.url === 'http://127.0.0.1:8787', 10_000);
    expect(value.effective.consent.token).toBe('[set]');
    expect(value.sources['consent.url']).toBe('local');
    expect(value.sources['consent.token']).toBe('local');
    expect(value.lockedKeys).toEqual([]);
    expect(value.errors).toEqual([]);
    expect(JSON.stringify(value)).not.toContain(DEMO_TOKEN);

    // The page shows only that a token is set, never the token.
    await page.locator('[data-testid="token-status-consent.token"]', { hasText: /token is set|Token ist hinterlegt/ }).waitFor({ timeout: 10_000 });
    expect(await page.locator('input[name="consent.token"]').inputValue()).toBe('');
    expect(await page.content()).not.toContain(DEMO_TOKEN);
  });

  it('sets the audit connection through ui:policy-set-local and keeps the token out of every answer', async () => {
    const answer = await sendFromExtensionPage<unknown>(page, {
      type: 'ui:policy-set-local',
      patch: { 'audit.endpoint': 'http://127.0.0.1:8787/v1/audit/events', 'audit.token': INGEST_TOKEN, 'audit.format': 'otlp' },
    });
    expect(JSON.stringify(answer)).not.toContain(INGEST_TOKEN);
    const { value } = await until(diagnostics, (d) => d?.effective?.audit?.endpoint === 'http://127.0.0.1:8787/v1/audit/events', 10_000);
    expect(value.effective.audit).toMatchObject({ token: '[set]', format: 'otlp' });
    expect(value.effective.consent.url).toBe('http://127.0.0.1:8787');
    expect(JSON.stringify(value)).not.toContain(INGEST_TOKEN);
    expect(JSON.stringify(value)).not.toContain(DEMO_TOKEN);
  });
});
