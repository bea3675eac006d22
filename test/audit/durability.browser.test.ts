// @vitest-environment node
/**
 * Fault tests in real Chromium: the renderer (standing in for the MV3 service
 * worker, which is stopped the same abrupt way) and then the whole browser are
 * crashed while appends stream in. Every append that was acknowledged must be
 * there afterwards, the chain must verify, and the log must continue.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_BIN, openAuditPage, type AuditPageApi } from './browser-page';

declare const AuditBench: AuditPageApi;
const hasChromium = existsSync(CHROMIUM_BIN);

/**
 * Append without end (at most 2,000 in flight) until the page dies; acknowledged
 * seqs are reported to the test in small batches as they resolve.
 */
async function startAppending(page: Page, acked: number[]): Promise<void> {
  await page.exposeFunction('auditAck', (seqs: number[]) => void acked.push(...seqs));
  await page.evaluate(() => {
    void (async () => {
      const log = await AuditBench.createAuditLog({ deviceId: 'crash-device', extVersion: '0.1.0', openDb: () => AuditBench.openAuditDb('crash-test') });
      const report = (window as unknown as { auditAck: (seqs: number[]) => void }).auditAck;
      const pending: number[] = [];
      setInterval(() => {
        if (pending.length > 0) report(pending.splice(0));
      }, 20);
      let inFlight = 0;
      for (let i = 0; i < 1_000_000; i++) {
        inFlight++;
        void log
          .append({ type: 'record.viewed', data: { mode: 'view' }, crm: 'salesforce', objectType: 'Contact', recordId: `003R${i % 100}` })
          .then((e) => {
            inFlight--;
            pending.push(e.seq);
          });
        while (inFlight >= 2000) await new Promise((r) => setTimeout(r, 5));
        if (i % 200 === 0) await new Promise((r) => setTimeout(r, 0));
      }
    })();
  });
}

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** After the crash: what is stored, whether it verifies, and where the next append lands. */
async function inspect(context: BrowserContext) {
  const page = await openAuditPage(context);
  return page.evaluate(async () => {
    const log = await AuditBench.createAuditLog({ deviceId: 'crash-device', extVersion: '0.1.0', openDb: () => AuditBench.openAuditDb('crash-test') });
    const v = await log.verify();
    const db = await AuditBench.openAuditDb('crash-test');
    const seqs = (await db.getAll('blocks')).flat().map((e) => e.seq);
    db.close();
    const next = await log.append({ type: 'extension.started', data: { reason: 'wake' } });
    log.close();
    return { ok: v.ok, checked: v.checked, problems: v.problemCount, seqs, next: next.seq };
  });
}

function expectIntact(after: Awaited<ReturnType<typeof inspect>>, acked: number[]) {
  expect(after.ok).toBe(true);
  expect(after.problems).toBe(0);
  const stored = new Set(after.seqs);
  expect(acked.filter((s) => !stored.has(s))).toEqual([]); // zero acknowledged events lost
  expect(after.seqs).toEqual(Array.from({ length: after.seqs.length }, (_, i) => i + 1)); // no gap, no half batch
  expect(after.next).toBe(after.seqs.length + 1); // the chain continues right after (seqs include log.verified)
}

describe.skipIf(!hasChromium)('durability in Chromium', () => {
  it('a renderer killed mid-batch loses no acknowledged event and leaves a verifiable chain', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      const page = await openAuditPage(context);
      const acked: number[] = [];
      await startAppending(page, acked);
      await until(() => acked.length >= 2000, 60_000);
      const crashed = new Promise((r) => page.once('crash', r));
      const cdp = await context.newCDPSession(page);
      void cdp.send('Page.crash').catch(() => undefined);
      await crashed;
      const after = await inspect(context);
      expect(after.seqs.length).toBeGreaterThanOrEqual(2000);
      expectIntact(after, acked);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('a browser crash mid-batch (strict durability) loses no acknowledged event', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'audit-crash-'));
    const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_BIN, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await launch();
      const page = await openAuditPage(context);
      const acked: number[] = [];
      await startAppending(page, acked);
      await until(() => acked.length >= 2000, 60_000);
      const closed = new Promise((r) => context.once('close', r));
      const cdp = await context.newCDPSession(page);
      void cdp.send('Browser.crash').catch(() => undefined);
      await closed;
      const ackedAtCrash = [...acked];
      const again = await launch();
      try {
        expectIntact(await inspect(again), ackedAtCrash);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});
