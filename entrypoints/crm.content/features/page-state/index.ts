/**
 * Answers the background: `bg:page-state-request` with the record context and
 * every detected field (for `diagnostics:page-report`), `bg:policy-changed` with
 * the new content-safe policy. A state request waits (briefly) for the field
 * verdicts and value answers still on their way from the background. Accepts
 * only messages from this extension's own background (our runtime id, no tab)
 * and of a known bg:* type; readPolicy reads the policy key by key, so a
 * malformed one falls back to defaults.
 */
import { browser } from 'wxt/browser';
import { acceptFromBackground, type ContentSender } from '@/lib/messages/content-receive';
import { defineFeature, type PageModel } from '../../page';
import { readPolicy } from '../../policy';

/** How long a state request waits for outstanding verdicts and value answers before answering with what is known. */
const SETTLE_CAP_MS = 1500;

/** The scan's answers from the background merged, or the cap reached (a background that does not answer). */
function settled(page: PageModel): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, SETTLE_CAP_MS);
    void page.valuesSettled().then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export default defineFeature({
  id: 'page-state',
  init(ctx, page) {
    const listener = (raw: unknown, sender: ContentSender): Promise<unknown> | undefined => {
      const message = acceptFromBackground(raw, sender, browser.runtime.id);
      if (!message) return undefined;
      if (message.type === 'bg:page-state-request') return settled(page).then(() => page.state());
      if (message.type === 'bg:policy-changed') {
        page.setPolicy(readPolicy((message as { policy?: unknown }).policy));
        return Promise.resolve({ ok: true });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
