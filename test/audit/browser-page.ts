/**
 * The audit store bundled for a real browser page (vite, IIFE exposing
 * `window.AuditBench`), served under an https origin because IndexedDB and
 * WebCrypto need a proper, secure origin. Used by the Chromium fault tests and by
 * bench/audit.bench.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import type { BrowserContext, Page } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_BIN = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const PAGE_ORIGIN = 'https://audit-page.invalid';

let cached: Promise<string> | undefined;
const routed = new WeakSet<BrowserContext>();

export function bundleAuditPage(): Promise<string> {
  cached ??= (async () => {
    const lib = (f: string) => JSON.stringify(resolve(root, 'lib/audit', f));
    const dir = mkdtempSync(join(tmpdir(), 'audit-page-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `export { createAuditLog } from ${lib('service.ts')};\nexport { openAuditDb } from ${lib('store.ts')};\n`);
    try {
      const out = (await build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'AuditBench', fileName: 'audit-page' } },
      })) as Rollup.RollupOutput | Rollup.RollupOutput[];
      const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
      if (!chunk) throw new Error('vite produced no bundle');
      return chunk.code;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return cached;
}

/** Route the page origin in `context` (once) and open a page with the bundle loaded. */
export async function openAuditPage(context: BrowserContext): Promise<Page> {
  const code = await bundleAuditPage();
  if (!routed.has(context)) {
    routed.add(context);
    await context.route(`${PAGE_ORIGIN}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>audit</title><body></body>' }),
    );
  }
  const page = await context.newPage();
  await page.goto(`${PAGE_ORIGIN}/`);
  await page.addScriptTag({ content: code });
  // tsx and vitest compile callers with keepNames, so serialised functions call esbuild's __name helper.
  await page.addScriptTag({ content: 'globalThis.__name = (fn) => fn;' });
  return page;
}

/** What `window.AuditBench` offers inside the page. */
export interface AuditPageApi {
  createAuditLog: typeof import('../../lib/audit/service').createAuditLog;
  openAuditDb: typeof import('../../lib/audit/store').openAuditDb;
}
