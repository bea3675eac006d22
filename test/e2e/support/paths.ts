import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** `CPG_CHROME_BUILD` / `CPG_FIREFOX_BUILD` point tests at another build (e.g. a copy while .output is rebuilt). */
export const CHROME_BUILD = process.env.CPG_CHROME_BUILD ?? resolve(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = process.env.CPG_FIREFOX_BUILD ?? resolve(ROOT, '.output/firefox-mv3');
export const FIREFOX_MV2_BUILD = process.env.CPG_FIREFOX_MV2_BUILD ?? resolve(ROOT, '.output/firefox-mv2');
/** Fixed by the manifest `key` (wxt.config.ts). */
export const CHROME_EXTENSION_ID = 'indjfoacpnghahilniekfepigbmajebm';
export const GECKO_ID = 'crm-privacy-guard@privacy-guard.dev';
/** Fixed per test profile through the `extensions.webextensions.uuids` pref, so pages have a known origin. */
export const FIREFOX_UUID = '6f1d7c52-3c0b-4c39-9d0e-5b2a7a1c9e01';

export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run \`npm run build\` first.`);
  }
  return dir;
}

export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
