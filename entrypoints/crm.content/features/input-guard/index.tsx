/**
 * The input-guard feature: wires the DOM controller (controller.ts) to the
 * browser — the policy from the background, audit events, the panel in a WXT
 * shadow-root UI — and feeds active warnings into the page state that
 * `diagnostics:page-report` returns.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { readGuardPolicy, type GuardSettings } from '@/lib/guard/policy';
import { resolveLocale, type Locale } from '@/lib/i18n/strings';
import { sendToBackground } from '@/lib/messages/content-send';
import { GuardPanel, type GuardPanelProps } from '@/components/guard/GuardPanel';
import { GUARD_CSS } from '@/components/guard/styles';
import { defineFeature, type PageModel } from '../../page';
import { createTextScanner, type TextScanner } from '../../text-scan';
import { createFieldClassifier, type FieldClassifier } from '../../field-classify';
import { GUARD_HOST_TAG, createInputGuard, type GuardAuditData, type GuardAuditEvent, type InputGuard, type PanelHost } from './controller';

/** HubSpot's note composer saves with "Save note", which the adapter's save names do not cover. */
const EXTRA_SAVE_SELECTORS = ['[data-test-id="create-note-save"]', '[data-selenium-test="note-save-button"]'] as const;

function shadowPanel(ctx: ContentScriptContext, anchor: Element): PanelHost {
  let latest: GuardPanelProps | null = null;
  let container: HTMLElement | null = null;
  let host: Element | null = null;
  let removed = false;
  let ui: Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>> | null = null;
  void createShadowRootUi<HTMLElement>(ctx, {
    name: GUARD_HOST_TAG,
    css: GUARD_CSS,
    // Overlay: a zero-size host after the field, the panel floats below it, nothing in the CRM moves.
    position: 'overlay',
    alignment: 'top-left',
    anchor,
    append: 'after',
    isolateEvents: true,
    onMount(uiContainer) {
      container = uiContainer;
      if (latest) render(<GuardPanel {...latest} />, uiContainer);
      return uiContainer;
    },
    onRemove(mounted) {
      if (mounted) render(null, mounted);
    },
  }).then((created) => {
    if (removed || ctx.isInvalid) return;
    ui = created;
    host = created.shadowHost;
    created.mount();
  });
  return {
    get host() {
      return host;
    },
    render(props) {
      latest = props;
      if (container) render(<GuardPanel {...props} />, container);
    },
    remove() {
      removed = true;
      ui?.remove();
    },
  };
}

function localeOf(language: string): Locale {
  return resolveLocale(language === 'auto' ? navigator.language : language);
}

export function startInputGuard(ctx: ContentScriptContext, page: PageModel, texts: TextScanner, fields: FieldClassifier): InputGuard {
  let settings: GuardSettings = readGuardPolicy({ paused: page.policy().paused });
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());

  const guard = createInputGuard({
    doc: document,
    adapter: page.adapter,
    env: page.env,
    policy: () => settings,
    context: () => page.context(),
    locale: () => localeOf(page.policy().language),
    audit(event: GuardAuditEvent, data: GuardAuditData) {
      void sendToBackground('cs:audit-event', { event, context: page.context(), data: { ...data } }).catch(() => {
        // Background asleep or updating: the warning itself still works; nothing typed is in the event.
      });
    },
    mountPanel: (anchor) => shadowPanel(ctx, anchor),
    fieldKind: async (descriptor) => (await fields.classify([descriptor]))[0]?.kind ?? null,
    scanText: async (text, lang) => (await texts.scan([{ text, ...(lang ? { lang } : {}) }], { masked: true }))[0] ?? [],
    extraSaveSelectors: EXTRA_SAVE_SELECTORS,
    signal: controller.signal,
  });

  // The page model builds the state diagnostics read; add this feature's warnings to it.
  page.provide('warnings', () => guard.warnings());

  const loadPolicy = async () => {
    try {
      const { policy } = await sendToBackground('cs:hello', {});
      if (ctx.isInvalid) return;
      settings = readGuardPolicy(policy);
      guard.refresh();
    } catch {
      // Keep the defaults (the safe values); a policy push retries.
    }
  };
  void loadPolicy();
  page.on('policy', () => void loadPolicy());
  return guard;
}

export default defineFeature({ id: 'input-guard', init: (ctx, page) => void startInputGuard(ctx, page, createTextScanner(), createFieldClassifier()) });
