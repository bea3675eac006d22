/**
 * Consent in the CRM page: the panel on record pages, chips on list rows and the
 * outreach guard (behaviour in controller.tsx). This file wires it to the page
 * model, the background (`cs:consent-lookup`, `cs:audit-event`) and WXT's
 * shadow-root UI; everything it starts ends with the content-script context.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '@/lib/messages/content-send';
import { resolveLocale, type Locale } from '@/lib/i18n/strings';
import type { PagePolicy } from '../../policy';
import { defineFeature, isOwnNode, type PageModel } from '../../page';
import { createConsentController } from './controller';
import type { Surface, SurfaceFactory } from './surface';
import { recordEmailSha256 } from './record-email';

/** List re-renders come in bursts; chips are placed once the burst settles. */
const LIST_SETTLE_MS = 150;

function localeOf(policy: PagePolicy): Locale {
  if (policy.language !== 'auto') return policy.language;
  try {
    return resolveLocale(browser.i18n.getUILanguage());
  } catch {
    return resolveLocale(navigator.language);
  }
}

function wxtSurface(ctx: ContentScriptContext): SurfaceFactory {
  return async (name, css) => {
    const ui = await createShadowRootUi(ctx, {
      name,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css,
      // Keys typed in our dialog must not reach the CRM's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: () => undefined,
    });
    ui.mount();
    const surface: Surface = {
      container: ui.uiContainer,
      remove() {
        render(null, ui.uiContainer);
        ui.remove();
      },
    };
    return surface;
  };
}

export function startConsentFeature(ctx: ContentScriptContext, page: PageModel): void {
  const stop = new AbortController();
  ctx.onInvalidated(() => stop.abort());
  const controller = createConsentController({
    adapter: page.adapter,
    env: page.env,
    lookup: (refs, emailSha256) =>
      sendToBackground('cs:consent-lookup', {
        refs: refs.flatMap((r) =>
          'crm' in r && (r.crm === 'salesforce' || r.crm === 'hubspot' || r.crm === 'generic')
            ? [{ crm: r.crm, objectType: r.objectType, recordId: r.recordId, ...(emailSha256 && refs.length === 1 ? { emailSha256 } : {}) }]
            : [],
        ),
      }),
    recordEmailSha256: () => recordEmailSha256(page, stop.signal),
    audit: (context, data) => {
      void sendToBackground('cs:audit-event', { event: 'outreach.decision', context, data }).catch((error: unknown) =>
        console.warn(`[privacy-guard] outreach.decision not sent: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
    surface: wxtSurface(ctx),
    locale: () => localeOf(page.policy()),
  });

  // The page state answers diagnostics; its consent part is ours (see docs/consent-client.md).
  page.provide('consent', () => controller.summary());

  ctx.addEventListener(window, 'click', (e) => controller.onClick(e), { capture: true });
  ctx.onInvalidated(() => controller.dispose());

  let listTimer: number | null = null;
  const observer = new MutationObserver((records) => {
    if (page.context()?.view !== 'list') return;
    if (records.every((r) => isOwnNode(r.target) || [...r.addedNodes].every(isOwnNode))) return;
    if (listTimer !== null) return;
    listTimer = ctx.setTimeout(() => {
      listTimer = null;
      controller.rescanList();
    }, LIST_SETTLE_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());

  page.on('context', ({ current }) => controller.setContext(current));
  page.on('policy', ({ current }) => controller.setPaused(current.paused));
  // Native-shadow lists render inside shadow roots the observer above cannot see; the scanner's field events can.
  page.on('fields', () => {
    if (page.context()?.view === 'list') controller.rescanList();
  });
  controller.setPaused(page.policy().paused);
  controller.setContext(page.context());
}

export default defineFeature({ id: 'consent', init: startConsentFeature });
