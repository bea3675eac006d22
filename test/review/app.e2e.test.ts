// @vitest-environment node
/**
 * The review app end to end in headless Chromium against the real service on a
 * loopback port, with ~25,000 chained events ingested: sign-in refusals, every
 * view with a screenshot (test-results/review/), charts checked for drawn data,
 * exports, print layout, and the whole app driven by keyboard alone.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReviewApp } from '../../server/review-app/build';
import { startServer, type RunningServer } from '../../server/index';
import { DEMO_TOKENS } from '../../server/seed';
import { seedReviewEvents, type SeedSummary } from './seed-events';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'test-results', 'review');

describe.skipIf(!existsSync(CHROMIUM))('review app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let seeded: SeedSummary;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildReviewApp();
    server = await startServer({ port: 0, dataDir: null, seedDemo: true, quiet: true });
    seeded = await seedReviewEvents(server.db, { entries: 25_000, end: new Date(), days: 14 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openApp(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-GB' });
    const p = await context.newPage();
    p.on('pageerror', (e) => {
      throw e;
    });
    await p.goto(`${server.url}/review`);
    return p;
  }

  async function signIn(p: Page, token: string) {
    await p.fill('#token', token);
    await p.click('form.signin button[type=submit]');
  }

  it('gives reader, admin and unknown tokens nothing, with a clear message', async () => {
    const p = await openApp();
    const csp = (await p.request.get(`${server.url}/review`)).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    await signIn(p, DEMO_TOKENS.reader);
    await expect.poll(() => p.textContent('[role=alert]')).toContain('403');
    expect(await p.locator('[role=tablist]').count()).toBe(0);
    await signIn(p, DEMO_TOKENS.admin);
    await expect.poll(() => p.textContent('[role=alert]')).toContain('reader and admin tokens get nothing');
    await signIn(p, 'cpg_wrong');
    await expect.poll(() => p.textContent('[role=alert]')).toContain('401');
    expect(await p.evaluate(() => sessionStorage.getItem('cpg-review-token'))).toBeNull();
    await p.screenshot({ path: join(SHOTS, '0-sign-in-refused.png') });
    await p.context().close();
  });

  it('shows every view with data; charts are drawn from the seeded log', async () => {
    page = await openApp();
    await signIn(page, DEMO_TOKENS.compliance);
    // The token is kept once the service has accepted it, a round trip after the click.
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('cpg-review-token'))).toBe('cpg_demo_compliance_LOCAL_ONLY');

    // Overview: four charts with bars, stacked segments and heat-map cells carrying values.
    await page.waitForSelector('svg.heatmap g.cell');
    const drawn = await page.evaluate(() => ({
      dayBars: [...document.querySelectorAll('figure.chart:nth-of-type(1) svg.bars g.bar')].map((g) => Number(g.getAttribute('data-value'))),
      userBars: document.querySelectorAll('svg.bars g.bar').length,
      segments: [...document.querySelectorAll('svg.stacked rect.segment')].map((r) => Number(r.getAttribute('data-value'))),
      cells: [...document.querySelectorAll('svg.heatmap g.cell')].map((g) => Number(g.getAttribute('data-value'))),
      labels: [...document.querySelectorAll('svg[role=img]')].map((s) => s.getAttribute('aria-label') ?? ''),
      heights: [...document.querySelectorAll('svg.bars rect')].map((r) => Number(r.getAttribute('height'))),
    }));
    expect(drawn.dayBars.length).toBeGreaterThanOrEqual(10);
    expect(drawn.dayBars.reduce((a, b) => a + b, 0)).toBeGreaterThan(5_000);
    expect(drawn.userBars).toBeGreaterThan(drawn.dayBars.length);
    expect(drawn.segments.filter((v) => v > 0).length).toBeGreaterThan(10);
    expect(drawn.cells.filter((v) => v > 0).length).toBeGreaterThan(20);
    expect(Math.max(...drawn.heights)).toBeGreaterThan(100);
    expect(drawn.labels).toHaveLength(4 + 1);
    expect(drawn.labels.every((l) => /\d/.test(l))).toBe(true);
    await shot('1-overview', { fullPage: true });

    // Anomalies: every planted rule, with evidence ids.
    await page.click('#tab-anomalies');
    await page.waitForSelector('li.anomaly');
    const anomalyText = await page.textContent('ul.anomalies');
    for (const who of [seeded.planted.bulkUser, seeded.planted.offHoursUser, seeded.planted.overrideUser, seeded.planted.gapDevice, seeded.planted.rewriteDevice]) expect(anomalyText).toContain(who);
    const download = page.waitForEvent('download');
    await page.click('text=Export CSV');
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('id,rule,user');
    await shot('2-anomalies');

    // "Search these events" carries the bulk-access finding into the search view.
    await page.locator('li.anomaly-bulk_access button').first().click();
    await page.waitForSelector('#tab-search[aria-selected=true]');
    expect(await page.inputValue('#search-user')).toBe(seeded.planted.bulkUser);
    await page.click('form.filters button[type=submit]');
    await page.waitForSelector('.table-wrap tbody tr');
    expect(await page.locator('.table-wrap tbody tr').count()).toBe(50);
    const firstPage = await page.textContent('.table-wrap tbody tr:first-child');
    await page.click('text=Next page');
    await expect.poll(() => page.textContent('[role=status].muted')).toContain('Page 2');
    expect(await page.textContent('.table-wrap tbody tr:first-child')).not.toBe(firstPage);
    await shot('3-search');
    // CSV export of the same search (the service's /v1/audit/export).
    const searchCsv = page.waitForEvent('download');
    await page.click('form.filters >> text=Export CSV');
    const exported = readFileSync((await (await searchCsv).path())!, 'utf8').trim().split(/\r?\n/);
    expect(exported[0]).toMatch(/^id,seq,deviceId,time/);
    expect(exported.length - 1).toBeGreaterThan(100);
    expect(exported.slice(1).every((line) => line.includes(seeded.planted.bulkUser))).toBe(true);
    await expect.poll(() => page.textContent('main')).toContain(`Exported ${exported.length - 1} events.`);

    // Record history of the record many reps saw, printable.
    await page.click('#tab-record');
    await page.fill('#record-object', seeded.planted.record.objectType);
    await page.fill('#record-id', seeded.planted.record.recordId);
    await page.click('form.filters button[type=submit]');
    await page.waitForSelector('article.report tbody tr');
    expect(await page.locator('article.report table').first().locator('tbody tr').count()).toBeGreaterThan(1);
    await shot('4-record-history');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('form.filters')).toBe(false);
    expect(await page.isVisible('[role=tablist]')).toBe(false);
    await shot('4b-record-history-print', { fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    const report = page.waitForEvent('download');
    await page.click('text=Download report (HTML)');
    const html = readFileSync((await (await report).path())!, 'utf8');
    expect(html).toContain(seeded.planted.record.recordId);

    // User activity.
    await page.click('#tab-user');
    await page.fill('#user-name', seeded.planted.bulkUser);
    await page.click('form.filters button[type=submit]');
    await page.waitForSelector('svg.bars g.bar');
    await shot('5-user-activity');

    // Warnings and overrides with reasons.
    await page.click('#tab-warnings');
    await page.waitForSelector('.table-wrap tbody tr');
    expect(await page.textContent('.table-wrap')).toMatch(/Approved by the data protection officer|Bank details|allergy|escalation/);
    await shot('6-warnings');

    // Integrity: broken and gapped devices flagged first.
    await page.click('#tab-integrity');
    await page.waitForSelector('tbody tr');
    const flagged = await page.locator('tr.flagged th').allTextContents();
    expect(flagged).toEqual(expect.arrayContaining([seeded.planted.gapDevice, seeded.planted.rewriteDevice]));
    expect(await page.textContent('tbody tr:first-child')).toMatch(/Broken|Gap/);
    await shot('7-integrity');

    // German.
    await page.selectOption('#locale', 'de');
    await expect.poll(() => page.textContent('h1')).toBe('Compliance-Prüfung');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('de');
    await shot('8-integrity-de');
    await page.context().close();
  });

  it('is usable by keyboard alone', async () => {
    const p = await openApp();
    const focused = () => p.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('role') || document.activeElement?.tagName);
    // The token field has focus on load; Enter submits.
    expect(await focused()).toBe('token');
    await p.keyboard.type(DEMO_TOKENS.compliance);
    await p.keyboard.press('Enter');
    await p.waitForSelector('[role=tablist]');
    // Signed in, focus is on the selected tab; before it come sign-out and the language.
    expect(await focused()).toBe('tab-overview');
    await p.keyboard.press('Shift+Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Sign out');
    await p.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('locale');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    expect(await focused()).toBe('tab-overview');
    // The focus ring is visible (an outline, not just a colour change).
    const outline = await p.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    const views = ['search', 'record', 'user', 'warnings', 'integrity', 'anomalies'];
    for (const v of views) {
      await p.keyboard.press('ArrowRight');
      expect(await focused()).toBe(`tab-${v}`);
      expect(await p.getAttribute(`#tab-${v}`, 'aria-selected')).toBe('true');
      expect(await p.getAttribute('#panel', 'aria-labelledby')).toBe(`tab-${v}`);
    }
    await p.keyboard.press('Home');
    expect(await focused()).toBe('tab-overview');
    await p.keyboard.press('End');
    expect(await focused()).toBe('tab-anomalies');
    // Into the search form by keyboard: Tab leaves the tab list for the first field.
    await p.keyboard.press('Home');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Tab');
    expect(await focused()).toBe('search-from');
    // Date-time inputs hold one stop per part (day, month, year, hour, minute), so count stops, within a bound.
    for (let i = 0; i < 20 && (await focused()) !== 'search-user'; i++) await p.keyboard.press('Tab');
    expect(await focused()).toBe('search-user');
    await p.keyboard.type(seeded.planted.overrideUser);
    await p.keyboard.press('Enter');
    await p.waitForSelector('.table-wrap tbody tr');
    const rows = await p.locator('.table-wrap tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(rows)).toEqual(new Set([seeded.planted.overrideUser]));
    // The results table is reachable (a scrollable region in the tab order) and so is the pager.
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await p.keyboard.press('Tab');
      reached = (await p.evaluate(() => document.activeElement?.textContent)) === 'Next page';
    }
    expect(reached).toBe(true);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.textContent('[role=status].muted')).toContain('Page 2');
    await p.screenshot({ path: join(SHOTS, '9-keyboard-search.png') });
    await p.context().close();
  });

  async function shot(name: string, opts: { fullPage?: boolean } = {}) {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: opts.fullPage ?? false });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  }
});
