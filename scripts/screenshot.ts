/**
 * `npm run screenshot`: the README picture. Loads the built Chrome extension in
 * headless Chromium on the demo Salesforce contact page (served under its real
 * URL), waits for the overlay, and writes docs/screenshot.png and
 * docs/screenshot-popup.png.
 */
import { resolve } from 'node:path';
import { launchChromium, tabIdOf } from '../test/e2e/support/chromium';
import { routeDemoCrm } from '../demo/routes';
import { DEMO_URLS } from '../demo/urls';

const root = resolve(import.meta.dirname, '..');
const session = await launchChromium({ setup: routeDemoCrm });
try {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  const url = process.argv[2] ?? DEMO_URLS.salesforce.synthetic.contactView;
  await page.goto(url);
  // The overlay host is in the page; its badges live in its shadow root.
  await page.waitForFunction(() => (document.querySelector('crm-privacy-guard-overlay')?.shadowRoot?.querySelectorAll('button').length ?? 0) > 3, null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(1200);
  await page.screenshot({ path: resolve(root, 'docs/screenshot.png') });

  const popup = await session.openExtensionPage('popup.html');
  const tabId = await tabIdOf(popup, page.url());
  // The popup reads the active tab; give it the CRM tab's report directly.
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.waitForSelector('[data-testid="crm"]', { timeout: 10_000 });
  await popup.screenshot({ path: resolve(root, 'docs/screenshot-popup.png') });
  console.log('wrote docs/screenshot.png and docs/screenshot-popup.png');
} finally {
  await session.close();
}
