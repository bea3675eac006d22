/**
 * The built Chrome extension in Debian's Chromium, driven by playwright-core.
 * Each call gets a fresh profile; `close()` removes it.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, CHROMIUM_BIN, requireBuild } from './paths';

interface ChromeApi {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  };
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page (e.g. 'popup.html') in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Installs request routes (e.g. the demo CRM) before any page opens. */
  setup?: (context: BrowserContext) => Promise<void>;
  headless?: boolean;
  args?: string[];
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const ext = requireBuild(options.extensionDir ?? CHROME_BUILD);
  const profile = mkdtempSync(join(tmpdir(), 'cpg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BIN,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });
  try {
    await options.setup?.(context);
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      worker,
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        return page;
      },
      async close() {
        await context.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Sends a message from an extension page, as the popup or an admin's console would. */
export async function sendFromExtensionPage<T = unknown>(page: Page, message: Record<string, unknown>): Promise<T> {
  // Serialised into the page: it can only use the page's own globals.
  return page.evaluate((m) => (globalThis as unknown as ChromeApi).chrome.runtime.sendMessage(m), message) as Promise<T>;
}

/** The tab id of a page, looked up from an extension page by URL. */
export async function tabIdOf(extPage: Page, url: string): Promise<number> {
  const id = await extPage.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as ChromeApi).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab with url ${url}`);
  return id;
}
