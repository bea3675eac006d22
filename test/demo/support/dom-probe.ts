/**
 * Functions evaluated inside a page's isolated world (Chromium) or sandbox realm
 * (Firefox), where the DOM looks as it does to a content script: no synthetic
 * shadow patches. Self-contained: they are serialised into the page.
 */

export interface ProbedText {
  text: string;
  inShadowRoot: boolean;
}

/** Every text node and aria-label reachable through light DOM and open shadow roots. */
export function probeTexts(): ProbedText[] {
  const out: ProbedText[] = [];
  const walk = (root: Node, inShadow: boolean): void => {
    const stack: Node[] = [root];
    while (stack.length) {
      const node = stack.pop() as Node;
      if (node.nodeType === 3) {
        const t = (node.nodeValue ?? '').trim();
        if (t) out.push({ text: t, inShadowRoot: inShadow });
        continue;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        const aria = el.getAttribute('aria-label');
        if (aria) out.push({ text: aria.trim(), inShadowRoot: inShadow });
        if (el.shadowRoot) walk(el.shadowRoot, true);
        if (el.tagName === 'TEMPLATE') continue;
      }
      for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c);
    }
  };
  walk(document, false);
  return out;
}

/** Elements matching `selector` in light DOM and every open shadow root. */
export function deepQueryAll(selector: string): Element[] {
  const found: Element[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    found.push(...Array.from(root.querySelectorAll(selector)));
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return found;
}

/** Clicks the first element matching `selector` anywhere in open DOM; returns whether one was found. */
export function deepClick(selector: string): boolean {
  const found: Element[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    found.push(...Array.from(root.querySelectorAll(selector)));
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  const el = found[0];
  if (!(el instanceof HTMLElement)) return false;
  el.click();
  return true;
}

/** What PLATFORM.md says a content script sees of LWC shadow DOM on an edit page. */
export function probeShadowModel(): {
  flatInputs: number;
  deepInputs: number;
  labelsResolved: number;
  insideLightningInput: number;
  closedHosts: number;
} {
  const flat = Array.from(document.querySelectorAll('input'));
  const deep: Element[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    deep.push(...Array.from(root.querySelectorAll('input')));
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  const labels = Array.from(document.querySelectorAll('label[for]'));
  const closed: Element[] = [];
  const findClosed = (root: Document | ShadowRoot): void => {
    for (const el of Array.from(root.querySelectorAll('records-record-layout-section'))) {
      if (el.parentElement?.classList.contains('closed-mount') && el.shadowRoot === null) closed.push(el);
    }
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) findClosed(el.shadowRoot);
  };
  findClosed(document);
  return {
    flatInputs: flat.length,
    deepInputs: deep.length,
    labelsResolved: labels.filter((l) => {
      const id = l.getAttribute('for');
      return !!id && document.getElementById(id) !== null;
    }).length,
    insideLightningInput: flat.filter((i) => i.closest('lightning-input') !== null).length,
    closedHosts: closed.length,
  };
}
