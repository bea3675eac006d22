/**
 * Issue 4 benchmarks, in real Chromium on the demo CRM's 2,000-field record page
 * (native shadow host: half the sections are LWC shadow-DOM components, half
 * Aura-era light DOM):
 * - the first full scan (one walk of every root with the Salesforce adapter
 *   recognising fields on the way, every field classified, every displayed value
 *   read and sent to the text search) against a same-run bare enumeration
 *   (`querySelectorAll('*')` per root plus the shadow-root walk); the text search
 *   answers asynchronously, as the background will, and is timed separately
 *   ("value findings complete");
 * - the rescan after one field is added (light DOM and inside a shadow root),
 *   against the same baseline: it must cost the changed subtree, not a page;
 * - the content script's injected bundle, gzip, against the 60 KB budget.
 * The scan code is bundled from lib/ into the page's main world (on a native-shadow
 * page that world sees the same DOM as the content script's isolated world).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { BenchResult } from './types';
import { routeDemoCrm } from '../demo/routes';
import { SF_IDS } from '../demo/data/salesforce';
import { benchObject, BENCH_FIELD_COUNT } from '../demo/data/bench';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** CPG_CHROME_BUILD points at another Chrome build (as the e2e tests accept), e.g. a private copy while .output is rebuilt. */
const CHROME_BUILD = process.env.CPG_CHROME_BUILD ?? resolve(ROOT, '.output/chrome-mv3');
const BUNDLE = resolve(CHROME_BUILD, 'content-scripts/crm.js');
const BUDGET_BYTES = 60 * 1024;
const RUNS = 15;
const WARMUP = 3;

const PAGE_SCRIPT = `
import { createScanner } from './lib/scan/scanner';
import { salesforce } from './lib/crm/salesforce';
import { classifyField, scanText } from './lib/detect';

const env = { shadowOf: (el) => el.shadowRoot };
/**
 * The detector answers asynchronously, as the extension's background does: each
 * batch of field descriptions is classified, and each batch of texts searched, in
 * a later task (a zero timeout), off the scan's own slices. Here those tasks run
 * on the page's thread; in the extension they run in the background's.
 */
const detector = {
  classifyFields: (descs) => new Promise((resolve) => setTimeout(() => resolve(descs.map((d) => classifyField(d))), 0)),
  scanTexts: (items) => new Promise((resolve) => setTimeout(() => resolve(items.map((i) => scanText(i.text, i.lang ? { lang: i.lang } : undefined))), 0)),
};

function enumerate() {
  let n = 0;
  let roots = 0;
  const visit = (root) => {
    roots++;
    const all = root.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      n++;
      const shadow = all[i].shadowRoot;
      if (shadow) visit(shadow);
    }
  };
  visit(document);
  return { elements: n, roots };
}

function timed(fn) {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

/** A light-DOM layout item like the page's own, labelled as a personal-data field. */
function newItem(i) {
  const item = document.createElement('div');
  item.className = 'slds-form__item forceRecordLayoutItem';
  item.setAttribute('data-field-label', 'Added Email ' + i);
  item.innerHTML = '<div class="slds-form-element" data-target-selection-name="sfdc:RecordField.Bench_Record__c.Added_Email_' + i + '__c">' +
    '<div class="test-id__field-label-container"><span class="test-id__field-label">Added Email ' + i + '</span></div>' +
    '<div class="slds-form-element__control"><span class="test-id__field-value"><span data-output-element-id="output-field">added' + i + '@example.org</span></span></div></div>';
  return item;
}

function shadowContainer() {
  const stack = [document];
  while (stack.length) {
    const root = stack.pop();
    const item = root.querySelector('records-record-layout-item');
    if (item && root !== document) return item.parentElement ?? root;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) stack.push(el.shadowRoot);
  }
  return null;
}

window.__scanBench = {
  enumerate: () => timed(enumerate),
  firstScan: async () => {
    const scanner = createScanner({ adapter: salesforce, detector, env });
    let roots = 0;
    let valueFields = 0;
    scanner.onValueFields((d) => { valueFields += d.added.filter((f) => f.source === 'value').length; });
    const t0 = performance.now();
    const stats = await scanner.scanAllSliced(document, {
      sliceMs: 12,
      pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      onDelta: (d) => { roots += d.roots.length; },
    });
    await scanner.valuesSettled();
    const valuesMs = performance.now() - t0;
    window.__scanner = scanner;
    return { ms: stats.workMs, result: { added: scanner.fields().length, valueFields, valuesMs, roots, longest: stats.longestSliceMs, slices: stats.slices } };
  },
  collectOnly: () => {
    const quiet = { classifyField: () => ({ kind: null, confidence: 0, reasonCode: 'none', reason: '' }), scanTexts: async (items) => items.map(() => []) };
    const scanner = createScanner({ adapter: salesforce, detector: quiet, env });
    return timed(() => scanner.scanAll(document).roots.length);
  },
  addOne: async (where, i) => {
    const scanner = window.__scanner;
    const target = where === 'shadow' ? shadowContainer() : document.querySelector('.forceRecordLayoutItem')?.parentElement;
    if (!target) throw new Error('no ' + where + ' section on the bench page');
    const item = newItem(i);
    target.append(item);
    // The content-side work of the change; the new field's verdict then comes back asynchronously.
    const { ms } = timed(() => scanner.scanChanged([item]));
    await scanner.valuesSettled();
    const labels = scanner.fields().filter((f) => item.contains(f.element)).map((f) => f.label);
    item.remove();
    scanner.forget([item]);
    return { ms, result: { added: labels.length, labels } };
  },
};
`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function pageBundle(): Promise<string> {
  const out = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    minify: true,
    alias: { '@': ROOT },
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

function contentScriptBytes(): { gzip: number; note: string } {
  if (!existsSync(BUNDLE) && !process.env.CPG_CHROME_BUILD) execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: ROOT, stdio: 'ignore' });
  const built = statSync(BUNDLE).mtime.toISOString();
  return { gzip: gzipSync(readFileSync(BUNDLE), { level: 9 }).length, note: `${relative(ROOT, BUNDLE)} built ${built}` };
}

interface Timed<T> {
  ms: number;
  result: T;
}

export default async function scanBench(): Promise<BenchResult[]> {
  const script = await pageBundle();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await routeDemoCrm(context);
    const page = await context.newPage();
    const url = `https://acme-native.lightning.force.com/lightning/r/${benchObject.api}/${SF_IDS.bench}/view`;
    await page.goto(url);
    // A string predicate: tsx would wrap a function's inner closures in helpers the page does not have.
    await page.waitForFunction(
      `(() => { let c = 0; const v = (r) => { c += r.querySelectorAll('records-record-layout-item, .forceRecordLayoutItem').length; for (const e of r.querySelectorAll('*')) if (e.shadowRoot) v(e.shadowRoot); }; v(document); return c >= ${BENCH_FIELD_COUNT}; })()`,
      undefined,
      { timeout: 60_000, polling: 500 },
    );
    await page.addScriptTag({ content: script });
    type Api = {
      enumerate(): Timed<{ elements: number; roots: number }>;
      firstScan(): Timed<{ added: number; valueFields: number; valuesMs: number; roots: number; longest: number; slices: number }>;
      collectOnly(): Timed<number>;
      addOne(where: string, i: number): Timed<{ added: number; labels: string[] }>;
    };
    const call = <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(([f, a]) => (window as unknown as { __scanBench: Record<string, (...x: unknown[]) => unknown> }).__scanBench[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;

    const base: number[] = [];
    const scan: number[] = [];
    const addLight: number[] = [];
    const addShadow: number[] = [];
    const collect: number[] = [];
    const longest: number[] = [];
    const valuesDone: number[] = [];
    let elements = 0;
    let found = 0;
    let valueFound = 0;
    let slices = 0;
    let roots = 0;
    let cold = NaN;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      // Alternate so drift (GC, thermal) hits both sides alike.
      const b = await call<Awaited<ReturnType<Api['enumerate']>>>('enumerate');
      const s = await call<Awaited<ReturnType<Api['firstScan']>>>('firstScan');
      const c = await call<Timed<number>>('collectOnly');
      const l = await call<Awaited<ReturnType<Api['addOne']>>>('addOne', 'light', run);
      const sh = await call<Awaited<ReturnType<Api['addOne']>>>('addOne', 'shadow', run);
      if (run === 0) cold = s.ms;
      if (l.result.added !== 1 || sh.result.added !== 1) throw new Error(`added field not detected: ${JSON.stringify([l.result, sh.result])}`);
      if (run < WARMUP) continue;
      base.push(b.ms);
      scan.push(s.ms);
      collect.push(c.ms);
      longest.push(s.result.longest);
      valuesDone.push(s.result.valuesMs);
      valueFound = s.result.valueFields;
      slices = s.result.slices;
      addLight.push(l.ms);
      addShadow.push(sh.ms);
      elements = b.result.elements;
      roots = b.result.roots;
      found = s.result.added;
    }
    const baseMs = median(base);
    const scanMs = median(scan);
    // Each run measures the baseline right before the scan: the median of per-run ratios cancels load that drifts between runs.
    const pairedRatio = (xs: number[]) => median(xs.map((x, i) => x / base[i]!));
    const bundle = contentScriptBytes();
    const baseline = `bare enumeration of ${elements} elements in ${roots} roots (querySelectorAll('*') + shadow-root walk)`;
    return [
      {
        name: `first full scan, ${BENCH_FIELD_COUNT}-field record page (median of ${RUNS})`,
        value: scanMs,
        unit: 'ms',
        baseline,
        baselineValue: baseMs,
        ratio: pairedRatio(scan),
        note: `ratio: median of per-run ratios; ${found} personal-data fields, all answered after the scan (classification and text search run in the background in the extension, here in later page tasks); content-side main-thread work of the sliced scan in ${slices} slices: walk, collect descriptions, read displayed texts, hand over batches (pauses and the answers excluded); target ≤ 3× and ≤ 30 ms; cold first run ${cold.toFixed(1)} ms`,
      },
      {
        name: 'all findings in (verdicts and displayed-value answers merged)',
        value: median(valuesDone),
        unit: 'ms',
        baseline,
        baselineValue: baseMs,
        ratio: pairedRatio(valuesDone),
        note: `wall time from scan start until every verdict and displayed-value answer is merged (${valueFound} fields from displayed values): the sliced scan with its pauses, plus classifyField and scanText in zero-timeout tasks of the page (standing in for the background round trip)`,
      },
      {
        name: 'longest single task of that scan',
        value: median(longest),
        unit: 'ms',
        baseline,
        baselineValue: baseMs,
        ratio: median(longest) / baseMs,
        note: 'target < 50 ms (no long task)',
      },
      {
        name: 'walk + adapter collection alone (classifier and value scan stubbed)',
        value: median(collect),
        unit: 'ms',
        baseline,
        baselineValue: baseMs,
        ratio: pairedRatio(collect),
        note: 'the DOM side of the scan; the rest of the first scan is lib/detect',
      },
      {
        name: 'rescan after one light-DOM field is added',
        value: median(addLight),
        unit: 'ms',
        baseline,
        baselineValue: baseMs,
        ratio: median(addLight) / baseMs,
        note: 'ratio ≪ 1: cost of the changed subtree, not a page rescan',
      },
      {
        name: 'rescan after one field is added inside a shadow root',
        value: median(addShadow),
        unit: 'ms',
        baseline,
        baselineValue: baseMs,
        ratio: median(addShadow) / baseMs,
        note: 'ratio ≪ 1',
      },
      {
        name: 'content script bundle (gzip)',
        value: bundle.gzip / 1024,
        unit: 'KB',
        baseline: 'budget',
        baselineValue: BUDGET_BYTES / 1024,
        ratio: bundle.gzip / BUDGET_BYTES,
        note: `${bundle.note}; ratio ≤ 1 meets the budget`,
      },
    ];
  } finally {
    await browser.close();
  }
}
