import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter, type Handlers } from '@/lib/messages/router';
import type { MessagesFrom } from '@/lib/messages/protocol';
import { pageReport } from './page-reports';

/**
 * Wires the background's services in a visible order. Listeners are registered
 * synchronously at start-up, because an MV3 service worker is woken by the event
 * that needs them.
 */
export default defineBackground(() => {
  const handlers: Handlers<MessagesFrom<'ui'> | MessagesFrom<'cs'>> = {
    'diagnostics:page-report': ({ tabId }) => pageReport(tabId),
  } as Handlers<MessagesFrom<'ui'> | MessagesFrom<'cs'>>;

  const route = createRouter(handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('/') }, (type, error) =>
    console.warn(`[privacy-guard] ${type} failed:`, error instanceof Error ? error.message : error),
  );

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
