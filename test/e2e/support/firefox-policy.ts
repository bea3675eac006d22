/**
 * Firefox ESR with an enterprise policy for the extension: a copy of the build
 * under its own gecko id (so the policy can target this test's browser and no
 * other) and its own moz-extension UUID, with `policy` merged into
 * /etc/firefox/policies/policies.json. Firefox reads that file at start-up only,
 * so it is restored as soon as the browser is up — even when the launch fails.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './firefox';
import { FIREFOX_BUILD, requireBuild } from './paths';
import { makeDir, removeDirs } from './policy-files';

const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = join(POLICY_DIR, 'policies.json');

export interface FirefoxPolicySession {
  session: FirefoxSession;
  /** The options page, for sending extension-page messages. */
  ext: Page;
  close(): Promise<void>;
}

export async function launchFirefoxWithPolicy(opts: { geckoId: string; uuid: string; policy: unknown; label: string }): Promise<FirefoxPolicySession> {
  const copy = mkdtempSync(join(tmpdir(), `cpg-${opts.label}-fx-`));
  cpSync(requireBuild(FIREFOX_BUILD), copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  manifest.browser_specific_settings.gecko.id = opts.geckoId;
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));

  const created = makeDir(POLICY_DIR);
  const original = existsSync(POLICY_FILE) ? readFileSync(POLICY_FILE, 'utf8') : null;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (original === null) rmSync(POLICY_FILE, { force: true });
    else writeFileSync(POLICY_FILE, original);
    removeDirs(created);
  };
  process.once('exit', restore);
  const base = original ? (JSON.parse(original) as { policies?: Record<string, unknown> }) : {};
  const policies = { ...(base.policies ?? {}) };
  const thirdParty = { ...((policies['3rdparty'] as Record<string, unknown>) ?? {}) };
  thirdParty.Extensions = { ...((thirdParty.Extensions as Record<string, unknown>) ?? {}), [opts.geckoId]: opts.policy };
  policies['3rdparty'] = thirdParty;
  writeFileSync(POLICY_FILE, JSON.stringify({ ...base, policies }));

  let session: FirefoxSession;
  try {
    session = await launchFirefox({ extensionDir: copy, prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [opts.geckoId]: opts.uuid }) } });
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    throw error;
  } finally {
    restore();
  }
  const ext = await session.browser.newPage();
  // BiDi reports no load event for moz-extension:// navigations: wait for the document instead.
  void ext.goto(`moz-extension://${opts.uuid}/options.html`, { timeout: 0 }).catch(() => {});
  await ext.waitForFunction(() => document.readyState === 'complete' && location.href.endsWith('options.html'), { timeout: 15_000 });
  return {
    session,
    ext,
    async close() {
      try {
        await session.close();
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
  };
}
