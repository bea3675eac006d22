/**
 * `npm start`: builds the Chrome extension and the demo CRM, starts the reference
 * consent service with demo data, and opens Chromium with the extension loaded on
 * the demo Salesforce and HubSpot pages, served under their real URLs.
 * Without a display it says so and explains how to load the build by hand.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { routeDemoCrm } from '../demo/routes';
import { DEMO_URLS } from '../demo/urls';
import { startServer } from '../server/index';
import { DEMO_TOKENS } from '../server/seed';

const root = resolve(import.meta.dirname, '..');
const ext = join(root, '.output/chrome-mv3');
const run = (cmd: string) => execSync(cmd, { cwd: root, stdio: 'inherit' });

run('npx wxt build -b chrome');
run('npm run -s demo:build');
run('npm run -s review:build');

const server = await startServer({ port: Number(process.env.PORT ?? 8787), seedDemo: true });
console.log(`Consent and audit service: ${server.url} (demo data, demo tokens; see docs/server.md)`);
console.log(`Compliance review app: ${server.url}/review (sign in with ${DEMO_TOKENS.compliance})`);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
No display found, so no browser window can open here.
The extension is built in ${ext}. To try it on a desktop:
  1. Chrome or Edge: open chrome://extensions (edge://extensions), switch on Developer mode,
     click "Load unpacked" and choose ${ext}.
  2. Firefox: run \`npm run build\`, open about:debugging#/runtime/this-firefox, click
     "Load Temporary Add-on…" and choose ${join(root, '.output/firefox-mv3/manifest.json')}.
  3. Connect it to this service: Options → My settings → Connections, consent service
     ${server.url} with token ${DEMO_TOKENS.reader} (the audit endpoint likewise).
  4. Open your Salesforce Lightning or HubSpot org. To see the demo CRM instead, run
     \`npm start\` on a machine with a display (it serves the demo under real CRM URLs).
The consent service keeps running at ${server.url}; press Ctrl+C to stop it.`);
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
  await server.close();
  process.exit(0);
}

const profile = mkdtempSync(join(tmpdir(), 'cpg-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  headless: false,
  viewport: null,
  args: [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
await routeDemoCrm(context);

// Connect the extension to the local service the way a user of an unmanaged install would
// (Options → My settings → Connections): consent lookups and audit forwarding, demo reader token.
let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker');
const options = await context.newPage();
await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
await options.evaluate(
  (patch) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'ui:policy-set-local', patch }),
  { 'consent.url': server.url, 'consent.token': DEMO_TOKENS.reader, 'audit.endpoint': server.url, 'audit.token': DEMO_TOKENS.reader },
);
await options.close();

const [first] = context.pages();
await (first ?? (await context.newPage())).goto(DEMO_URLS.salesforce.synthetic.contactView);
await (await context.newPage()).goto(DEMO_URLS.hubspot.contact);
console.log('Chromium is open on the demo CRM. Close the window or press Ctrl+C to stop.');

const stop = async () => {
  await context.close().catch(() => {});
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(0);
};
context.on('close', () => void stop());
process.once('SIGINT', () => void stop());
