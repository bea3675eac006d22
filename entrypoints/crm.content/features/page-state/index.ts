/**
 * Answers the background: `bg:page-state-request` with the record context and
 * every detected field (for `diagnostics:page-report`), `bg:policy-changed` with
 * the new content-safe policy. Accepts only messages from this extension's own
 * background (our runtime id, no tab) and of a known bg:* type; readPolicy reads
 * the policy key by key, so a malformed one falls back to defaults.
 */
import { browser } from 'wxt/browser';
import { acceptFromBackground, type ContentSender } from '@/lib/messages/content-receive';
import { defineFeature } from '../../page';
import { readPolicy } from '../../policy';

export default defineFeature({
  id: 'page-state',
  init(ctx, page) {
    const listener = (raw: unknown, sender: ContentSender): Promise<unknown> | undefined => {
      const message = acceptFromBackground(raw, sender, browser.runtime.id);
      if (!message) return undefined;
      if (message.type === 'bg:page-state-request') return Promise.resolve(page.state());
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
