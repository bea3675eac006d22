/**
 * Time from record navigation to the consent panel shown, in Chromium with the
 * built extension, the demo Salesforce org under its real URL and the reference
 * service on loopback. Each navigation is a Lightning-style SPA navigation
 * (pushState + popstate, as the demo's own links do); the clock starts just
 * before it, in the page.
 *
 * - uncached: the first visit to a record (the background asks the service);
 * - cached: a revisit within the cache lifetime (answered from IndexedDB);
 * - baseline, same run and same navigations: until the demo CRM itself has
 *   rendered the new record.
 * Target (issue 7): panel ≤ 50 ms after navigation from cache.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchResult } from './types';
import { routeDemoCrm } from '../demo/routes';
import { DEMO_URLS } from '../demo/urls';
import { generatedListRecords, SF_LIST_SIZE } from '../demo/data/salesforce';
import { startServer } from '../server/index';
import { DEMO_TOKENS } from '../server/seed';
import { launchChromium, sendFromExtensionPage } from '../test/e2e/support/chromium';
import { CHROME_BUILD, requireBuild } from '../test/e2e/support/paths';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'cpg-consent-bench.json');
const PANEL = 'crm-privacy-guard-consent-panel';
const RUNS = 20;

function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

interface Timing {
  crm: number;
  panel: number;
  state: string;
}

/**
 * Runs in the page: navigates like Lightning and times the CRM's render and our panel.
 * Kept as source text: tsx would wrap a compiled function in helpers the page lacks.
 */
const NAVIGATE_AND_TIME = `async (args) => {
  const old = document.querySelector(args.tag);
  const channel = new MessageChannel();
  const tick = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(null); });
  const t0 = performance.now();
  history.pushState({}, '', args.url);
  dispatchEvent(new PopStateEvent('popstate'));
  let crm = -1;
  for (;;) {
    const now = performance.now();
    if (crm < 0 && window.__demoCrm.rendered && window.__demoCrm.rendered.recordId === args.recordId) crm = now - t0;
    const host = document.querySelector(args.tag);
    const section = host && host !== old && host.shadowRoot ? host.shadowRoot.querySelector('section') : null;
    const state = section ? section.getAttribute('data-state') : null;
    if (state && state !== 'checking' && crm >= 0) return { crm, panel: now - t0, state };
    if (now - t0 > 10000) throw new Error('panel not shown within 10 s (crm ' + crm + ' ms, state ' + state + ')');
    await tick();
  }
}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

export default async function consentUiBench(): Promise<BenchResult[]> {
  const build = requireBuild(process.env.CPG_CHROME_BUILD ?? CHROME_BUILD);
  const copy = mkdtempSync(join(tmpdir(), 'cpg-consent-bench-'));
  cpSync(build, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.key;
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  const id = unpackedId(copy);
  const server = await startServer({ port: 0, dataDir: null, seedDemo: true, quiet: true, corsOrigins: [`chrome-extension://${id}`] });
  const missing: string[] = [];
  for (let d = POLICY_DIR; !existsSync(d); d = dirname(d)) missing.push(d);
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(`${POLICY_FILE}.tmp`, JSON.stringify({ '3rdparty': { extensions: { [id]: { consent: { url: server.url, token: DEMO_TOKENS.reader, cacheSeconds: 3600 } } } } }));
  renameSync(`${POLICY_FILE}.tmp`, POLICY_FILE);
  const session = await launchChromium({ extensionDir: copy, setup: routeDemoCrm });
  try {
    const ext = await session.openExtensionPage('options.html');
    for (let i = 0; ; i++) {
      const d = await sendFromExtensionPage<{ effective?: { consent?: { url?: string } } }>(ext, { type: 'diagnostics:policy' });
      if (d.effective?.consent?.url === server.url) break;
      if (i > 80) throw new Error('the consent policy did not reach the extension');
      await new Promise((r) => setTimeout(r, 250));
    }
    const page: Page = await session.context.newPage();
    const sf = DEMO_URLS.salesforce.synthetic;
    await page.goto(sf.contactView);
    await page.waitForFunction((tag) => !!document.querySelector(tag)?.shadowRoot?.querySelector('section[data-state="known"]'), PANEL, { timeout: 30_000 });
    const origin = new URL(sf.contactView).origin;
    const records = generatedListRecords('Contact', SF_LIST_SIZE).slice(4, 4 + RUNS);
    const visit = (recordId: string): Promise<Timing> =>
      page.evaluate(`(${NAVIGATE_AND_TIME})(${JSON.stringify({ url: `${origin}/lightning/r/Contact/${recordId}/view`, recordId, tag: PANEL })})`) as Promise<Timing>;
    const uncached: Timing[] = [];
    const cached: Timing[] = [];
    for (const r of records) uncached.push(await visit(r.id));
    for (const r of records) cached.push(await visit(r.id));
    const states = new Set([...uncached, ...cached].map((t) => t.state));
    // Each figure's baseline is the CRM's render of the same navigations (the machine's load drifts between groups).
    const figure = (name: string, ts: Timing[]): BenchResult => {
      const crm = median(ts.map((t) => t.crm));
      const panel = median(ts.map((t) => t.panel));
      return {
        name: `${name}: record navigation → consent panel shown (median of ${ts.length})`,
        value: panel,
        unit: 'ms',
        baseline: 'the demo CRM rendering the same record (median)',
        baselineValue: crm,
        ratio: panel / crm,
        note: `p95 ${p95(ts.map((t) => t.panel)).toFixed(1)} ms; panel states ${[...states].join('/')}`,
      };
    };
    // The content script learns of a navigation when the CRM's render mutates the DOM, so what the extension adds is the gap after that render.
    const after = (name: string, ts: Timing[]): BenchResult => {
      const crm = median(ts.map((t) => t.crm));
      const gap = median(ts.map((t) => t.panel - t.crm));
      return {
        name: `${name}: consent panel shown after the CRM rendered the record (median of ${ts.length})`,
        value: gap,
        unit: 'ms',
        baseline: 'the demo CRM rendering the same record (median)',
        baselineValue: crm,
        ratio: gap / crm,
        note: `p95 ${p95(ts.map((t) => t.panel - t.crm)).toFixed(1)} ms`,
      };
    };
    return [figure('uncached (service lookup)', uncached), figure('cached (IndexedDB, fresh)', cached), after('uncached', uncached), after('cached', cached)];
  } finally {
    await session.close();
    await server.close();
    rmSync(POLICY_FILE, { force: true });
    // Only the directories this run created, and only while nothing else was put in them.
    for (const d of missing) if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
    rmSync(copy, { recursive: true, force: true });
  }
}
