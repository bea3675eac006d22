/**
 * Opens closed shadow roots from the content script: `chrome.dom.openOrClosedShadowRoot`
 * in Chromium, `Element.openOrClosedShadowRoot` in Firefox. Only custom
 * elements are asked (Lightning Web Security closes component roots, which are
 * always on custom elements); built-in hosts are read through `shadowRoot`, which
 * keeps the call out of the per-element hot path of a scan.
 */
import type { ScanEnv } from '@/lib/scan/composed';

type Opener = (el: Element) => ShadowRoot | null | undefined;

function chromiumOpener(): Opener | null {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } } }).chrome?.dom;
  const open = dom?.openOrClosedShadowRoot;
  return typeof open === 'function' ? (el) => open.call(dom, el as HTMLElement) : null;
}

/**
 * Firefox exposes `openOrClosedShadowRoot` on the content script's X-ray view of
 * each element, not on a prototype that can be probed up front. Firefox ESR 153
 * makes it a getter that returns the root (reading it off the prototype throws);
 * older releases made it a method. Both are handled.
 */
const firefoxOpener: Opener = (el) => {
  const value = (el as unknown as { openOrClosedShadowRoot?: ShadowRoot | (() => ShadowRoot | null) | null }).openOrClosedShadowRoot;
  if (typeof value === 'function') return value.call(el);
  return value ?? null;
};

/** Feature probes can throw in Firefox's content-script sandbox (X-ray wrappers); a throw means "not here". */
function probe(find: () => Opener | null): Opener | null {
  try {
    return find();
  } catch {
    return null;
  }
}

export function browserScanEnv(): ScanEnv {
  const open = probe(chromiumOpener) ?? firefoxOpener;
  return {
    shadowOf(el) {
      const root = el.shadowRoot;
      if (root || !el.localName.includes('-')) return root;
      try {
        return open(el) ?? null;
      } catch {
        // Not an element the API accepts (e.g. from another frame's realm).
        return null;
      }
    },
  };
}
