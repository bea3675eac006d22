/**
 * DOM helpers that see through shadow boundaries. Browser-free: the way closed
 * shadow roots are opened (`browser.dom.openOrClosedShadowRoot` in Chromium,
 * `el.openOrClosedShadowRoot()` in Firefox) is injected as `ScanEnv.shadowOf`, so
 * this module runs under happy-dom and in a plain page.
 */

/** Returns an element's shadow root, open or closed, or null. */
export type ShadowOpener = (el: Element) => ShadowRoot | null;

export interface ScanEnv {
  shadowOf: ShadowOpener;
}

/** Sees open shadow roots only: what a page script (or a test) can see. */
export const OPEN_ONLY: ScanEnv = { shadowOf: (el) => el.shadowRoot };

const DOCUMENT_FRAGMENT_NODE = 11;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === DOCUMENT_FRAGMENT_NODE && 'host' in node;
}

/** True when the element lives inside a (real) shadow tree. */
export function inShadowTree(el: Element): boolean {
  return isShadowRoot(el.getRootNode());
}

/** The parent in the composed tree: the shadow host for a shadow root's top-level children. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === ELEMENT_NODE) return parent as Element;
  return isShadowRoot(parent) ? parent.host : null;
}

/** `Element.closest` that continues from a shadow root to its host. */
export function closestComposed(el: Element, selector: string): Element | null {
  let cur: Element | null = el;
  while (cur) {
    const hit = cur.closest(selector);
    if (hit) return hit;
    const root = cur.getRootNode();
    cur = isShadowRoot(root) ? root.host : null;
  }
  return null;
}

/** `Node.contains` across shadow boundaries (not across frames). */
export function containsComposed(ancestor: Node, node: Node): boolean {
  let cur: Node | null = node;
  while (cur) {
    if (ancestor.contains(cur)) return true;
    const root: Node = cur.getRootNode();
    cur = isShadowRoot(root) ? root.host : null;
  }
  return false;
}

/** First element matching `selector` below `root` (its own shadow root and every nested one included). */
export function deepQuery(root: Element | Document | ShadowRoot, selector: string, env: ScanEnv): Element | null {
  if ((root as Node).nodeType === ELEMENT_NODE) {
    const shadow = env.shadowOf(root as Element);
    const inShadow = shadow ? deepQuery(shadow, selector, env) : null;
    if (inShadow) return inShadow;
  }
  const own = root.querySelector(selector);
  if (own) return own;
  for (const el of root.querySelectorAll('*')) {
    const shadow = env.shadowOf(el);
    if (shadow) {
      const hit = deepQuery(shadow, selector, env);
      if (hit) return hit;
    }
  }
  return null;
}

/** By localName: `tagName` builds an upper-case string on every read, measurably slower in a hot loop. */
const SKIP_TEXT = new Set(['script', 'style', 'template', 'noscript']);
/** Elements that break a line: their text is kept apart from what precedes it. */
const BLOCK = new Set(['br', 'div', 'p', 'li']);

/** What one composedText call accumulates; module-level recursion, no closure per call. */
interface TextWalk {
  text: string;
  max: number;
  env: ScanEnv;
  root: Element;
  skip: ((el: Element) => boolean) | undefined;
}

function appendText(node: Node, w: TextWalk): void {
  if (w.text.length >= w.max) return;
  const type = node.nodeType;
  if (type === TEXT_NODE) {
    w.text += node.nodeValue ?? '';
    return;
  }
  if (type === ELEMENT_NODE) {
    const element = node as Element;
    const tag = element.localName;
    if (SKIP_TEXT.has(tag) || (w.skip !== undefined && element !== w.root && w.skip(element))) return;
    if (tag === 'slot') {
      const assigned = (element as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      // Synthetic shadow and unassigned slots keep their content as children.
      if (assigned.length > 0) {
        for (const child of assigned) appendText(child, w);
        return;
      }
    }
    const shadow = w.env.shadowOf(element);
    if (shadow !== null) {
      appendText(shadow, w);
      return;
    }
    // Block-level breaks keep adjacent values apart ("Berlin" + "10115" ≠ "Berlin10115").
    if (BLOCK.has(tag)) w.text += ' ';
  } else if (!isShadowRoot(node)) {
    return;
  }
  // Only text below: one read, and no wrapper made for each text node.
  if ((node as ParentNode).firstElementChild === null) {
    w.text += node.textContent ?? '';
    return;
  }
  for (let child = node.firstChild; child !== null; child = child.nextSibling) appendText(child, w);
}

/**
 * The text a reader sees inside `el`, following its shadow tree (and the nodes
 * slotted into it) instead of its light children, as the page renders them.
 * Reads `textContent`-style data only: no layout is forced. Stops at `max` characters.
 */
export function composedText(el: Element, env: ScanEnv, max = 4000, skip?: (el: Element) => boolean): string {
  const w: TextWalk = { text: '', max, env, root: el, skip };
  appendText(el, w);
  return w.text.length > max ? w.text.slice(0, max) : w.text;
}

/** Collapse whitespace runs; labels are compared and reported in this form. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
