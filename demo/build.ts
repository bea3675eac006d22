/**
 * `npm run demo:build`: builds the demo CRM into demo/dist.
 *   salesforce/  Lightning app (synthetic- and native-shadow bundles) + SLDS assets
 *   hubspot/     HubSpot app
 * The two Lightning bundles are the slow part: the native one reuses every
 * transform of the synthetic one that does not depend on the shadow mode (same
 * bytes as two separate builds, 40 % less CPU), and both are skipped when none of
 * their inputs changed (`--force` rebuilds).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildHubSpotBundle } from './build/hubspot';
import { buildSalesforceBundle, prepareIconLibraries } from './build/salesforce';

const DEMO = import.meta.dirname;
const ROOT = path.resolve(DEMO, '..');
const DIST = path.join(DEMO, 'dist');
const SLDS = path.join(ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const force = process.argv.includes('--force');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out);
    else out.push(p);
  }
  return out;
}

/** Packages whose code or output ends up in the Lightning bundles. */
const BUNDLE_PACKAGES = [
  'lwc',
  '@lwc/rollup-plugin',
  '@lwc/synthetic-shadow',
  '@lwc/engine-dom',
  'lightning-base-components',
  '@salesforce-ux/design-system',
  'rollup',
  '@rollup/plugin-node-resolve',
  '@rollup/plugin-replace',
  'typescript',
];

/** Everything a Lightning bundle is made from: demo sources and the installed versions of its packages. */
function salesforceFingerprint(): string {
  const h = createHash('sha256');
  // The shell and page CSS are copied as they are, so editing them needs no rebundle.
  const copiedOnly = new Set(['index.html', 'app.css'].map((f) => path.join(DEMO, 'salesforce', f)));
  const inputs = [
    ...['salesforce', 'data', 'shared', 'build'].flatMap((d) => filesUnder(path.join(DEMO, d))),
    ...BUNDLE_PACKAGES.map((p) => path.join(ROOT, 'node_modules', p, 'package.json')),
  ]
    .filter((f) => !copiedOnly.has(f))
    .sort();
  for (const f of inputs) h.update(path.relative(ROOT, f)).update('\0').update(readFileSync(f));
  return h.digest('hex');
}

function copy(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}

async function main(): Promise<void> {
  const started = performance.now();
  const sfDir = path.join(DIST, 'salesforce');
  const hsDir = path.join(DIST, 'hubspot');
  const genDir = path.join(DIST, '.gen');
  mkdirSync(path.join(sfDir, '_demo', 'sf'), { recursive: true });
  mkdirSync(path.join(hsDir, '_demo', 'hs'), { recursive: true });

  const fingerprint = salesforceFingerprint();
  const stampFile = path.join(DIST, '.salesforce-stamp');
  const bundles = (['synthetic', 'native'] as const).map((shadow) => path.join(sfDir, '_demo', 'sf', `app-${shadow}.js`));
  const upToDate =
    !force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint && bundles.every((b) => existsSync(b));

  const timings: Record<string, number> = {};
  const sfWork = (async () => {
    if (upToDate) return;
    const t = performance.now();
    const icons = prepareIconLibraries(genDir);
    const [synthetic, native] = bundles;
    if (!synthetic || !native) throw new Error('bundle paths');
    const shared = await buildSalesforceBundle('synthetic', synthetic, genDir);
    await buildSalesforceBundle('native', native, genDir, shared);
    writeFileSync(stampFile, fingerprint);
    timings.salesforceMs = Math.round(performance.now() - t);
    console.log(`demo: Lightning bundles built in ${timings.salesforceMs} ms (icons: ${JSON.stringify(icons)})`);
  })();
  const hsWork = (async () => {
    const t = performance.now();
    await buildHubSpotBundle(path.join(hsDir, '_demo', 'hs', 'app.js'));
    timings.hubspotMs = Math.round(performance.now() - t);
  })();

  // Static files: app shells, app CSS, and only the design-system files the pages use.
  copy(path.join(DEMO, 'salesforce', 'index.html'), path.join(sfDir, 'index.html'));
  copy(path.join(DEMO, 'salesforce', 'app.css'), path.join(sfDir, '_demo', 'sf', 'app.css'));
  for (const rel of [
    'styles/salesforce-lightning-design-system.min.css',
    'images/logo-noname.svg',
    'images/themes/oneSalesforce/banner-brand-default.png',
  ]) {
    copy(path.join(SLDS, rel), path.join(sfDir, '_slds', rel));
  }
  copy(path.join(DEMO, 'hubspot', 'index.html'), path.join(hsDir, 'index.html'));
  copy(path.join(DEMO, 'hubspot', 'app.css'), path.join(hsDir, '_demo', 'hs', 'app.css'));

  await Promise.all([sfWork, hsWork]);
  const totalMs = Math.round(performance.now() - started);
  const sizes = Object.fromEntries(
    [...bundles, path.join(hsDir, '_demo', 'hs', 'app.js')].map((f) => [path.relative(DIST, f), statSync(f).size]),
  );
  writeFileSync(path.join(DIST, 'build-info.json'), JSON.stringify({ builtAt: new Date().toISOString(), totalMs, ...timings, lightningCached: upToDate, sizes }, null, 2));
  console.log(`demo: built into ${path.relative(ROOT, DIST)} in ${totalMs} ms${upToDate ? ' (Lightning bundles unchanged, reused)' : ''}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
