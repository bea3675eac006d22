/**
 * Smoke test of the demo CRM in real browsers: every demo URL renders under its
 * real CRM URL with the fields demo/expectations.ts promises (label, shadow-root
 * placement, closed roots), synthetic and native shadow behave as PLATFORM.md
 * describes, and the page-level save, outreach, lazy-section and SPA-navigation
 * behaviour the extension's tests rely on works.
 *
 *   npm run demo:build && npx tsx test/demo/smoke.e2e.ts [--chromium] [--firefox] [--only <text>]
 *
 * Screenshots go to test-results/demo/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import puppeteer, { type Page as PPage } from 'puppeteer-core';
import { interceptDemoCrm, routeDemoCrm, resolveDemoRequest } from '../../demo/routes';
import { DEMO_URLS } from '../../demo/urls';
import { allDemoExpectations, type ExpectedField, type PageExpectation } from '../../demo/expectations';
import { BENCH_FIELD_COUNT } from '../../demo/data/bench';
import { SF_IDS } from '../../demo/data/salesforce';
import { HS_IDS } from '../../demo/data/hubspot';
import type { DemoCrmState } from '../../demo/shared/recorder';
import { deepClick, probeShadowModel, probeTexts, type ProbedText } from './support/dom-probe';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results', 'demo');
const args = process.argv.slice(2);
const runChromium = !args.includes('--firefox') || args.includes('--chromium');
const runFirefox = !args.includes('--chromium') || args.includes('--firefox');
/** `--only <text>` runs just the checks whose name contains the text. */
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : null;

// ------------------------------------------------------------------ harness
interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}
const outcomes: Outcome[] = [];

async function check(name: string, fn: () => Promise<void>): Promise<void> {
  if (only !== null && !name.includes(only)) return;
  const t = performance.now();
  try {
    await fn();
    outcomes.push({ name, ok: true, ms: Math.round(performance.now() - t) });
    console.log(`  ok   ${name} (${Math.round(performance.now() - t)} ms)`);
  } catch (err) {
    const error = err instanceof Error ? err.message.split('\n').slice(0, 6).join('\n') : String(err);
    outcomes.push({ name, ok: false, ms: Math.round(performance.now() - t), error });
    console.log(`  FAIL ${name}\n       ${error.replace(/\n/g, '\n       ')}`);
  }
}

/** A page function as an expression; tsx's keepNames helper `__name` does not exist in the page. */
function expr(fn: (...a: never[]) => unknown, ...fnArgs: unknown[]): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(...${JSON.stringify(fnArgs)}); })()`;
}

/** Labels expected but not seen (or seen only in the wrong kind of root). */
function missingFields(fields: readonly ExpectedField[], texts: readonly ProbedText[] | readonly TreeText[], closedVisible: boolean): string[] {
  const problems: string[] = [];
  for (const f of fields) {
    if (f.inClosedShadowRoot && !closedVisible) {
      // From page script (Firefox realm) a closed root is unreachable: the label must NOT be found by walking open roots.
      continue;
    }
    const hits = texts.filter((t) => t.text === f.label);
    if (!hits.length) {
      problems.push(`${f.label}: not rendered`);
      continue;
    }
    const ok = hits.some((t) => t.inShadowRoot === f.inShadowRoot && (!('closed' in t) || t.closed === f.inClosedShadowRoot));
    if (!ok) problems.push(`${f.label}: expected inShadowRoot=${f.inShadowRoot} closed=${f.inClosedShadowRoot}, saw ${JSON.stringify(hits.slice(0, 3))}`);
  }
  return problems;
}

// ------------------------------------------------------------------ Chromium helpers
interface TreeText {
  text: string;
  inShadowRoot: boolean;
  closed: boolean;
}
interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/** All text and aria-labels in the page including closed shadow roots, as DevTools sees it. */
async function treeTexts(cdp: CDPSession): Promise<{ texts: TreeText[]; rows: number; fieldLabels: { shadow: number; light: number } }> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const texts: TreeText[] = [];
  let rows = 0;
  const fieldLabels = { shadow: 0, light: 0 };
  const walk = (n: CdpNode, shadow: boolean, closed: boolean): void => {
    if (n.nodeType === 3) {
      const t = (n.nodeValue ?? '').trim();
      if (t) texts.push({ text: t, inShadowRoot: shadow, closed });
    }
    const attrs = n.attributes ?? [];
    for (let i = 0; i < attrs.length; i += 2) {
      const k = attrs[i];
      const v = attrs[i + 1] ?? '';
      if (k === 'aria-label') texts.push({ text: v.trim(), inShadowRoot: shadow, closed });
      if (k === 'data-row-key-value' || (k === 'data-test-id' && v.startsWith('row-'))) rows++;
      if (k === 'class' && v.split(' ').includes('test-id__field-label')) fieldLabels[shadow ? 'shadow' : 'light']++;
    }
    for (const sr of n.shadowRoots ?? []) {
      if (sr.shadowRootType === 'user-agent') continue;
      walk(sr, true, closed || sr.shadowRootType === 'closed');
    }
    for (const c of n.children ?? []) walk(c, shadow, closed);
  };
  walk(root, false, false);
  return { texts, rows, fieldLabels };
}

async function isolatedEval<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'demo-smoke' })) as {
    executionContextId: number;
  };
  const res = (await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true })) as {
    result: { value: T };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (res.exceptionDetails) throw new Error(`isolated world: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
  return res.result.value;
}

async function waitRendered(page: Page, view: string, recordId: string | null, minCount = 1): Promise<void> {
  await page.waitForFunction(
    ([v, id, n]) => {
      const s = (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm;
      return !!s?.rendered && s.rendered.view === v && s.rendered.recordId === id && s.renderCount >= (n as number);
    },
    [view, recordId, minCount] as const,
    { timeout: 30_000 },
  );
}

/** Opens the lazy parts of a page the way a rep would: the tab, the expandable card, and waits out the delayed section. */
async function revealChromium(page: Page, exp: PageExpectation): Promise<void> {
  for (const f of exp.fields) {
    if (f.reveal.kind === 'tab') {
      await page.locator(`a[role="tab"][data-label="${f.reveal.tab}"]`).first().click();
      break;
    }
  }
  if (exp.fields.some((f) => f.reveal.kind === 'expand')) await page.locator('[data-test-id="card-toggle-personal"]').click();
  if (exp.fields.some((f) => f.reveal.kind === 'delay')) await page.waitForFunction(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.delayedSectionAt !== null, null, { timeout: 10_000 });
}

const viewOf = (exp: PageExpectation) => (exp.view === 'list' ? 'list' : exp.view);

async function chromiumSuite(): Promise<void> {
  console.log('Chromium (playwright-core, /usr/bin/chromium)');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await routeDemoCrm(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  try {
    for (const exp of allDemoExpectations()) {
      if (exp.url.includes("/Bench_Record__c/")) continue;
      await check(`chromium renders ${exp.url.replace('https://', '')}`, async () => {
        errors.length = 0;
        await page.goto(exp.url);
        await waitRendered(page, viewOf(exp), exp.recordId);
        await revealChromium(page, exp);
        const { texts, rows } = await treeTexts(cdp);
        const problems = missingFields(exp.fields, texts, true);
        assert.deepEqual(problems, [], problems.join('; '));
        if (exp.rows !== undefined) assert.equal(rows, exp.rows, 'list rows');
        for (const f of exp.fields.filter((x) => x.control === 'output' && x.kind === 'email')) {
          assert.ok(texts.some((t) => t.text.includes(f.value)), `${f.label} value shown`);
        }
        assert.deepEqual(errors, [], 'page errors');
      });
    }

    await check('chromium synthetic shadow: flat DOM for content scripts, hidden from page scripts', async () => {
      await page.goto(DEMO_URLS.salesforce.synthetic.contactEdit);
      await waitRendered(page, 'edit', SF_IDS.contact);
      const pageWorld = await page.evaluate(() => document.querySelectorAll('input').length);
      const iso = await isolatedEval<ReturnType<typeof probeShadowModel>>(cdp, expr(probeShadowModel));
      assert.equal(pageWorld, 0, 'page scripts see no inputs under synthetic shadow');
      assert.ok(iso.flatInputs >= 15, `content-script world sees inputs flat: ${iso.flatInputs}`);
      assert.ok(iso.labelsResolved >= 10, `label[for] resolves: ${iso.labelsResolved}`);
      assert.ok(iso.insideLightningInput >= 5, `closest('lightning-input') works: ${iso.insideLightningInput}`);
    });

    await check('chromium native shadow: real shadow roots to walk, and a closed one', async () => {
      await page.goto(DEMO_URLS.salesforce.native.contactEdit);
      await waitRendered(page, 'edit', SF_IDS.contact);
      const edit = await isolatedEval<ReturnType<typeof probeShadowModel>>(cdp, expr(probeShadowModel));
      assert.equal(edit.flatInputs, 0, 'no inputs without walking shadow roots');
      assert.ok(edit.deepInputs >= 15, `inputs found by walking open roots: ${edit.deepInputs}`);
      await page.goto(DEMO_URLS.salesforce.native.contactView);
      await waitRendered(page, 'view', SF_IDS.contact);
      await page.waitForFunction(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.delayedSectionAt !== null);
      const view = await isolatedEval<ReturnType<typeof probeShadowModel>>(cdp, expr(probeShadowModel));
      assert.equal(view.closedHosts, 1, 'payment section mounted in a closed shadow root');
      const open = await isolatedEval<ProbedText[]>(cdp, expr(probeTexts));
      assert.ok(!open.some((t) => t.text === 'Payment Details'), 'closed root content unreachable by open walk');
      const tree = await treeTexts(cdp);
      assert.ok(tree.texts.some((t) => t.text === 'Payment Details' && t.closed), 'DevTools sees it inside the closed root');
      assert.ok(tree.texts.some((t) => t.text === 'DE89 3704 0044 0532 0130 00' && t.closed), 'IBAN displayed in the closed root');
    });

    await check('chromium Salesforce: lazy tab and delayed section', async () => {
      const t0 = Date.now();
      await page.goto(DEMO_URLS.salesforce.synthetic.contactView);
      await waitRendered(page, 'view', SF_IDS.contact);
      const before = await treeTexts(cdp);
      assert.ok(!before.texts.some((t) => t.text === 'Home Phone'), 'tab fields not rendered before the click');
      await page.locator('a[role="tab"][data-label="Additional Information"]').click();
      await page.waitForFunction(() => document.body.innerText.includes('Home Phone') || true);
      const after = await treeTexts(cdp);
      assert.ok(after.texts.some((t) => t.text === 'Home Phone'), 'tab fields rendered after the click');
      await page.waitForFunction(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.delayedSectionAt !== null);
      const at = await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.delayedSectionAt ?? 0);
      assert.ok(at >= 500 && Date.now() - t0 >= 500, `delayed section after >= 500 ms (at ${at} ms)`);
    });

    await check('chromium Salesforce: SPA navigation between two contacts without reload', async () => {
      await page.goto(DEMO_URLS.salesforce.synthetic.contactView);
      await waitRendered(page, 'view', SF_IDS.contact);
      await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 42));
      await page.locator(`a[href$="/${SF_IDS.contact2}/view"]`).first().click();
      await waitRendered(page, 'view', SF_IDS.contact2);
      assert.equal(new URL(page.url()).pathname, `/lightning/r/Contact/${SF_IDS.contact2}/view`);
      assert.equal(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload), 42, 'same document');
      assert.ok((await treeTexts(cdp)).texts.some((t) => t.text === 'marco.rossi@nordwind-logistik.de'), 'second record shown');
      await page.goBack();
      await waitRendered(page, 'view', SF_IDS.contact);
      assert.equal(await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.navigations), 2);
    });

    await check('chromium Salesforce: outreach buttons are recorded', async () => {
      await page.goto(DEMO_URLS.salesforce.german.contactView);
      await waitRendered(page, 'view', SF_IDS.contact);
      for (const name of ['SendEmail', 'LogACall', 'NewEvent']) await page.locator(`lightning-button[data-action="${name}"] button`).click();
      const outreach = await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.outreach ?? []);
      assert.deepEqual(outreach.map((o) => [o.action, o.label, o.recordId]), [
        ['email', 'E-Mail senden', SF_IDS.contact],
        ['call', 'Anruf protokollieren', SF_IDS.contact],
        ['meeting', 'Neues Ereignis', SF_IDS.contact],
      ]);
      await page.screenshot({ path: path.join(SHOTS, 'salesforce-german-contact.png') });
    });

    for (const variant of ['synthetic', 'native'] as const) {
      await check(`chromium Salesforce ${variant}: save by button, Enter and Ctrl+S`, async () => {
        const urls = DEMO_URLS.salesforce[variant];
        await page.goto(urls.contactEdit);
        await waitRendered(page, 'edit', SF_IDS.contact);
        await page.locator('lightning-input-field[field-name="Email"] input').fill('lena.fischer@example.org');
        await page.locator('lightning-input-field[field-name="Description"] textarea').fill('Short note.');
        await page.screenshot({ path: path.join(SHOTS, `salesforce-${variant}-edit.png`) });
        await page.locator('button[name="SaveEdit"]').click();
        await waitRendered(page, 'view', SF_IDS.contact, 2);
        await page.locator('.forceToastMessage').first().waitFor();
        const toast = await page.locator('.forceToastMessage .toastMessage').first().textContent();
        assert.match(toast ?? '', /Contact "Lena Fischer" was saved\./);
        // Enter in a single-line input submits; Ctrl+S saves from anywhere on the form.
        await page.goto(urls.contactEdit);
        await waitRendered(page, 'edit', SF_IDS.contact);
        await page.locator('lightning-input-field[field-name="Phone"] input').press('Enter');
        await page.goto(urls.contactEdit);
        await waitRendered(page, 'edit', SF_IDS.contact);
        await page.locator('lightning-input-field[field-name="Description"] textarea').click();
        await page.keyboard.press('Control+s');
        await page.waitForFunction(() => ((window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.saves.length ?? 0) >= 1);
        // Each goto is a fresh page, so each page's own record holds one save.
        const saves = await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.saves ?? []);
        assert.equal(saves.length, 1);
        assert.equal(saves[0]?.trigger, 'ctrl+s');
        assert.equal(saves[0]?.fields.MailingCity, 'Bremen');
        assert.equal(saves[0]?.fields.FirstName, 'Lena');
        assert.ok(!('Payment_Details__c' in (saves[0]?.fields ?? {})), 'read-only field not posted');
      });
    }

    await check('chromium Salesforce: first save records the edited values, Enter saves', async () => {
      await page.goto(DEMO_URLS.salesforce.native.contactEdit);
      await waitRendered(page, 'edit', SF_IDS.contact);
      await page.locator('lightning-input-field[field-name="MobilePhone"] input').fill('+49 170 000 1111');
      await page.locator('lightning-input-field[field-name="MobilePhone"] input').press('Enter');
      await waitRendered(page, 'view', SF_IDS.contact, 2);
      const saves = await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.saves ?? []);
      assert.equal(saves.length, 1);
      assert.equal(saves[0]?.trigger, 'enter');
      assert.equal(saves[0]?.fields.MobilePhone, '+49 170 000 1111');
      assert.ok((await treeTexts(cdp)).texts.some((t) => t.text.includes('+49 170 000 1111')), 'view shows the saved value');
    });

    await check('chromium Salesforce: a value changed by script (as a mask would) is what gets saved', async () => {
      for (const variant of ['synthetic', 'native'] as const) {
        await page.goto(DEMO_URLS.salesforce[variant].contactEdit);
        await waitRendered(page, 'edit', SF_IDS.contact);
        const notes = page.locator('lightning-input-field[field-name="Description"] textarea');
        await notes.fill('IBAN DE89 3704 0044 0532 0130 00');
        await notes.evaluate((el) => {
          const t = el as HTMLTextAreaElement;
          t.value = 'IBAN DE89 **** **** **** **30 00';
          t.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        });
        await page.keyboard.press('Control+s');
        await waitRendered(page, 'view', SF_IDS.contact, 2);
        const saves = await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.saves ?? []);
        assert.equal(saves[0]?.fields.Description, 'IBAN DE89 **** **** **** **30 00', variant);
      }
    });

    await check('chromium Salesforce: root and home paths render the app', async () => {
      for (const url of ['https://acme.lightning.force.com/', DEMO_URLS.salesforce.native.home]) {
        await page.goto(url);
        await waitRendered(page, 'home', null);
        assert.ok((await treeTexts(cdp)).texts.some((t) => t.text === 'Lena Fischer'), url);
      }
    });

    await check('chromium HubSpot: property save, Enter, Ctrl+S, note, outreach, lazy card, SPA navigation', async () => {
      await page.goto(DEMO_URLS.hubspot.contact);
      await waitRendered(page, 'view', HS_IDS.contact);
      await page.screenshot({ path: path.join(SHOTS, 'hubspot-contact.png') });
      const email = page.locator('[data-selenium-test="property-input-email"] input');
      await email.fill('claire@example.org');
      assert.ok(await page.locator('[data-test-id="inline-edit-footer"]').isVisible(), 'save bar appears');
      await page.locator('[data-selenium-test="inline-edit-save"]').click();
      await page.locator('[data-selenium-test="property-input-city"] input').press('Enter');
      await page.locator('[data-selenium-test="property-input-notes"] textarea').click();
      await page.keyboard.press('Control+s');
      const editor = page.locator('[data-test-id="rich-text-editor"]');
      await editor.click();
      await page.keyboard.type('Called about the pilot.');
      await page.locator('[data-test-id="create-note-save"]').click();
      for (const a of ['email', 'call', 'meeting']) await page.locator(`[data-selenium-test="highlight-action-${a}"]`).click();
      const s = await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm);
      assert.deepEqual(s?.saves.map((x) => x.trigger), ['button', 'enter', 'ctrl+s', 'button']);
      assert.equal(s?.saves[0]?.fields.email, 'claire@example.org');
      assert.equal(s?.saves[3]?.fields.hs_note_body, 'Called about the pilot.');
      assert.deepEqual(s?.outreach.map((o) => o.action), ['email', 'call', 'meeting']);
      assert.ok(await page.getByText('Note created.').isVisible(), 'toast shown');
      assert.equal(await page.locator('[data-selenium-test="property-input-date_of_birth"]').count(), 0, 'lazy card not rendered');
      await page.locator('[data-test-id="card-toggle-personal"]').click();
      assert.equal(await page.locator('[data-selenium-test="property-input-date_of_birth"] input').inputValue(), '1987-06-22');
      await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 7));
      await page.locator(`[data-test-id="association-card-0-1"] a`).click();
      await waitRendered(page, 'view', HS_IDS.contact2);
      assert.equal(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload), 7, 'same document');
      assert.equal(await page.locator('[data-selenium-test="property-input-email"] input').inputValue(), 'stefan.huber@alpenblick-hotels.com');
    });

    await check('chromium benchmark page: 2,000 fields, about half in shadow roots', async () => {
      const t = Date.now();
      await page.goto(DEMO_URLS.salesforce.bench2000);
      await waitRendered(page, 'view', SF_IDS.bench);
      const ms = Date.now() - t;
      const { fieldLabels } = await treeTexts(cdp);
      assert.equal(fieldLabels.shadow + fieldLabels.light, BENCH_FIELD_COUNT);
      assert.ok(fieldLabels.shadow >= 900 && fieldLabels.light >= 900, JSON.stringify(fieldLabels));
      console.log(`       bench2000 rendered in ${ms} ms: ${JSON.stringify(fieldLabels)}`);
    });

    await check('chromium screenshots', async () => {
      for (const [name, url] of [
        ['salesforce-synthetic-contact', DEMO_URLS.salesforce.synthetic.contactView],
        ['salesforce-native-profile', DEMO_URLS.salesforce.native.customObjectView],
        ['salesforce-list', DEMO_URLS.salesforce.list],
        ['hubspot-list', DEMO_URLS.hubspot.list],
        ['hubspot-deal', DEMO_URLS.hubspot.na1.deal],
      ] as const) {
        await page.goto(url);
        await page.waitForFunction(() => !!(window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.rendered);
        await page.waitForTimeout(700);
        await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
      }
    });
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------ Firefox
interface Realm {
  evaluate<T>(expression: string): Promise<T>;
}
function isolatedRealm(page: PPage): Realm {
  // puppeteer's sandbox realm (WebDriver BiDi `script.evaluate` with a sandbox): the page's DOM without its script patches, like a content script's world.
  const frame = page.mainFrame() as unknown as { isolatedRealm(): Realm };
  return frame.isolatedRealm();
}

async function waitRenderedFx(page: PPage, view: string, recordId: string | null, minCount = 1): Promise<void> {
  await page.waitForFunction(
    (v: string, id: string | null, n: number) => {
      const s = (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm;
      return !!s?.rendered && s.rendered.view === v && s.rendered.recordId === id && s.renderCount >= n;
    },
    { timeout: 30_000 },
    view,
    recordId,
    minCount,
  );
}

async function firefoxSuite(): Promise<void> {
  console.log('Firefox ESR (puppeteer-core over WebDriver BiDi, /usr/bin/firefox-esr)');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await interceptDemoCrm(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const exp of allDemoExpectations()) {
      if (exp.url.includes("/Bench_Record__c/")) continue;
      await check(`firefox renders ${exp.url.replace('https://', '')}`, async () => {
        errors.length = 0;
        await page.goto(exp.url);
        await waitRenderedFx(page, viewOf(exp), exp.recordId);
        const realm = isolatedRealm(page);
        const tab = exp.fields.find((f) => f.reveal.kind === 'tab')?.reveal;
        if (tab?.kind === 'tab') assert.ok(await realm.evaluate<boolean>(expr(deepClick, `a[role="tab"][data-label="${tab.tab}"]`)), 'tab found');
        if (exp.fields.some((f) => f.reveal.kind === 'expand')) assert.ok(await realm.evaluate<boolean>(expr(deepClick, '[data-test-id="card-toggle-personal"]')));
        if (exp.fields.some((f) => f.reveal.kind === 'delay')) await page.waitForFunction(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.delayedSectionAt !== null, { timeout: 10_000 });
        await new Promise((r) => setTimeout(r, 50));
        const texts = await realm.evaluate<ProbedText[]>(expr(probeTexts));
        const problems = missingFields(exp.fields, texts, false);
        for (const f of exp.fields.filter((x) => x.inClosedShadowRoot)) {
          if (texts.some((t) => t.text === f.label)) problems.push(`${f.label}: closed root content reachable`);
        }
        assert.deepEqual(problems, [], problems.join('; '));
        assert.deepEqual(errors, [], 'page errors');
      });
    }

    await check('firefox synthetic vs native shadow as a content script sees them', async () => {
      await page.goto(DEMO_URLS.salesforce.synthetic.contactEdit);
      await waitRenderedFx(page, 'edit', SF_IDS.contact);
      const syn = await isolatedRealm(page).evaluate<ReturnType<typeof probeShadowModel>>(expr(probeShadowModel));
      const pageWorld = await page.evaluate(() => document.querySelectorAll('input').length);
      assert.equal(pageWorld, 0);
      assert.ok(syn.flatInputs >= 15 && syn.labelsResolved >= 10 && syn.insideLightningInput >= 5, JSON.stringify(syn));
      await page.goto(DEMO_URLS.salesforce.native.contactEdit);
      await waitRenderedFx(page, 'edit', SF_IDS.contact);
      const nat = await isolatedRealm(page).evaluate<ReturnType<typeof probeShadowModel>>(expr(probeShadowModel));
      assert.ok(nat.flatInputs === 0 && nat.deepInputs >= 15, JSON.stringify(nat));
    });

    await check('firefox saves and outreach reach the page handlers', async () => {
      await page.goto(DEMO_URLS.salesforce.native.contactEdit);
      await waitRenderedFx(page, 'edit', SF_IDS.contact);
      const input = await page.waitForSelector('>>> lightning-input-field[field-name="Email"] >>> input');
      assert.ok(input);
      await input.click({ count: 3 });
      await input.type('lena@example.org');
      const save = await page.waitForSelector('>>> button[name="SaveEdit"]');
      await save?.click();
      await waitRenderedFx(page, 'view', SF_IDS.contact, 2);
      const saves = await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm?.saves ?? []);
      assert.equal(saves.length, 1);
      assert.equal(saves[0]?.fields.Email, 'lena@example.org');
      await page.goto(DEMO_URLS.hubspot.contact);
      await waitRenderedFx(page, 'view', HS_IDS.contact);
      await page.click('[data-selenium-test="highlight-action-call"]');
      await page.click('[data-test-id="rich-text-editor"]');
      await page.keyboard.type('Firefox note');
      await page.keyboard.down('Control');
      await page.keyboard.press('s');
      await page.keyboard.up('Control');
      const s = await page.evaluate(() => (window as unknown as { __demoCrm?: DemoCrmState }).__demoCrm);
      assert.deepEqual(s?.outreach.map((o) => o.action), ['call']);
      assert.equal(s?.saves[0]?.fields.hs_note_body, 'Firefox note');
      assert.equal(s?.saves[0]?.trigger, 'ctrl+s');
      await page.screenshot({ path: path.join(SHOTS, 'firefox-hubspot-contact.png') });
    });
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------ main
mkdirSync(SHOTS, { recursive: true });
// Fail early with the fix if the demo is not built.
resolveDemoRequest(DEMO_URLS.salesforce.synthetic.contactView);
resolveDemoRequest(DEMO_URLS.hubspot.contact);
const started = performance.now();
if (runChromium) await chromiumSuite();
if (runFirefox) await firefoxSuite();
const failed = outcomes.filter((o) => !o.ok);
console.log(`\n${outcomes.length - failed.length}/${outcomes.length} passed in ${Math.round((performance.now() - started) / 1000)} s; screenshots in ${path.relative(ROOT, SHOTS)}/`);
if (failed.length) {
  for (const f of failed) console.log(`FAIL ${f.name}: ${f.error}`);
  process.exit(1);
}
