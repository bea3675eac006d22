/**
 * The built Firefox MV3 extension in Debian's Firefox ESR, driven by puppeteer-core
 * over WebDriver BiDi and installed as a temporary add-on. The moz-extension UUID
 * is pinned by a pref so extension pages have a known URL.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BIN, FIREFOX_BUILD, FIREFOX_UUID, GECKO_ID, requireBuild } from './paths';

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  origin: string;
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const ext = requireBuild(options.extensionDir ?? FIREFOX_BUILD);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: options.headless ?? true,
    // Firefox 153 lets WebDriver navigate to moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // MV3 host permissions are optional in Firefox until granted; tests run as an admin-installed add-on would.
      'extensions.originControls.grantByDefault': true,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      ...options.prefs,
    },
  });
  try {
    const addonId = await browser.installExtension(ext);
    const origin = `moz-extension://${FIREFOX_UUID}`;
    return {
      browser,
      addonId,
      origin,
      async openExtensionPage(path) {
        const page = await browser.newPage();
        // BiDi reports no load event for moz-extension:// navigations: wait for the document instead.
        void page.goto(`${origin}/${path}`, { timeout: 0 }).catch(() => {});
        // Polled with evaluate: waitForFunction can trip an internal BiDi error while the page is swapped in.
        const end = Date.now() + 15_000;
        for (;;) {
          const ready = await page.evaluate((p) => location.href.endsWith(p) && document.readyState === 'complete', path).catch(() => false);
          if (ready) return page;
          if (Date.now() > end) throw new Error(`extension page ${path} did not load within 15 s`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      async close() {
        await browser.close().catch(() => {});
      },
    };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

interface BrowserApi {
  browser: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  };
}

export async function sendFromFirefoxPage<T = unknown>(page: Page, message: Record<string, unknown>): Promise<T> {
  return page.evaluate((m) => (globalThis as unknown as BrowserApi).browser.runtime.sendMessage(m), message) as Promise<T>;
}

export async function firefoxTabIdOf(extPage: Page, url: string): Promise<number> {
  const id = await extPage.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as BrowserApi).browser.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab with url ${url}`);
  return id;
}
