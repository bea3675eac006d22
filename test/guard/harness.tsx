/** A page with the input guard running, for happy-dom tests: a panel mounted in an open shadow root, audit events collected. */
import { render } from 'preact';
import { createInputGuard, GUARD_HOST_TAG, type GuardAuditData, type GuardAuditEvent, type PanelHost } from '@/entrypoints/crm.content/features/input-guard/controller';
import { GuardPanel } from '@/components/guard/GuardPanel';
import { readGuardPolicy, type GuardSettings } from '@/lib/guard/policy';
import type { CrmAdapter } from '@/lib/crm/adapter';
import type { RecordContext } from '@/lib/messages/record';
import { OPEN_ONLY, type ScanEnv } from '@/lib/scan/composed';
import { salesforce } from '@/lib/crm/salesforce';
import { scanTextsForContent } from '@/entrypoints/background/text-scan';
import type { TextFinding } from '@/lib/messages/protocol';
import { classifyFieldsForContent } from '@/entrypoints/background/field-classify';

export interface Harness {
  audits: { event: GuardAuditEvent; data: GuardAuditData }[];
  guard: ReturnType<typeof createInputGuard>;
  setPolicy(raw: unknown): void;
  panel(): ShadowRoot | null;
  stop(): void;
}

export const SF_CONTEXT: RecordContext = { crm: 'salesforce', host: 'acme.lightning.force.com', objectType: 'Contact', recordId: '003000000000001AAA', view: 'edit' };

/** The background's answer to the guard's `cs:scan-text`, after a message-like hop (a macrotask). */
export function backgroundScan(text: string, lang: string | undefined): Promise<TextFinding[]> {
  return new Promise((resolve) => setTimeout(() => resolve(scanTextsForContent({ items: [{ text, ...(lang ? { lang } : {}) }], masked: true }).results[0] ?? []), 0));
}

export function startGuard(
  options: { adapter?: CrmAdapter; env?: ScanEnv; policy?: unknown; debounceMs?: number; extraSaveSelectors?: string[]; scanText?: (text: string, lang: string | undefined) => Promise<TextFinding[]> } = {},
): Harness {
  const audits: Harness['audits'] = [];
  let settings: GuardSettings = readGuardPolicy(options.policy ?? {});
  const controller = new AbortController();
  const mountPanel = (anchor: Element): PanelHost => {
    const host = document.createElement(GUARD_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    shadow.append(container);
    anchor.after(host);
    return {
      host,
      render: (props) => render(<GuardPanel {...props} />, container),
      remove: () => {
        render(null, container);
        host.remove();
      },
    };
  };
  const guard = createInputGuard({
    doc: document,
    adapter: options.adapter ?? salesforce,
    env: options.env ?? OPEN_ONLY,
    policy: () => settings,
    context: () => SF_CONTEXT,
    locale: () => 'en',
    audit: (event, data) => audits.push({ event, data }),
    mountPanel,
    scanText: options.scanText ?? backgroundScan,
    fieldKind: async (descriptor) => classifyFieldsForContent({ fields: [descriptor] }).verdicts[0]?.kind ?? null,
    debounceMs: options.debounceMs ?? 20,
    extraSaveSelectors: options.extraSaveSelectors ?? [],
    signal: controller.signal,
  });
  return {
    audits,
    guard,
    setPolicy(raw) {
      settings = readGuardPolicy(raw);
      guard.refresh();
    },
    panel: () => document.querySelector(GUARD_HOST_TAG)?.shadowRoot ?? null,
    stop: () => controller.abort(),
  };
}

/** What a browser does when the rep types: the value changes, then `input` fires. */
export function typeInto(el: HTMLTextAreaElement | HTMLInputElement, text: string, inputType = 'insertText'): void {
  el.focus();
  el.value += text;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType, data: text }));
}

export function pasteInto(el: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  el.focus();
  el.dispatchEvent(new Event('paste', { bubbles: true, composed: true }));
  el.value += text;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function button(root: ShadowRoot | null, name: string): HTMLButtonElement {
  const found = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(name));
  if (!found) throw new Error(`no button "${name}" in the panel`);
  return found as HTMLButtonElement;
}
