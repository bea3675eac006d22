/**
 * Answers the background: `bg:page-state-request` with the record context and
 * every detected field (for `diagnostics:page-report`), `bg:policy-changed` with
 * the new content-safe policy. Accepts only messages from this extension's own
 * background (our runtime id, no tab), validated against the protocol.
 */
import { browser } from 'wxt/browser';
import { parseMessage, type Message } from '@/lib/messages/protocol';
import { defineFeature } from '../../page';
import { readPolicy } from '../../policy';

interface Sender {
  id?: string;
  tab?: unknown;
}

export default defineFeature({
  id: 'page-state',
  init(ctx, page) {
    const listener = (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      const message = parseMessage(raw);
      if (!message) return undefined;
      if (message.type === 'bg:page-state-request') return Promise.resolve(page.state());
      if (message.type === 'bg:policy-changed') {
        page.setPolicy(readPolicy((message as Message<'bg:policy-changed'>).policy));
        return Promise.resolve({ ok: true });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
