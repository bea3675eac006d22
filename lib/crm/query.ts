import type { ScanRoot } from './adapter';
import { inShadowTree } from '../scan/composed';

/** Elements matching `selector` in `root`'s own tree, `root` itself included when it is an element. */
export function queryOwn(root: ScanRoot, selector: string): Element[] {
  const found: Element[] = [];
  if ((root as Element).nodeType === 1 && (root as Element).matches(selector)) found.push(root as Element);
  for (const el of root.querySelectorAll(selector)) found.push(el);
  return found;
}

/**
 * In a real shadow root. LWC synthetic shadow does not count: from a content
 * script's isolated world its component internals are plain light DOM, which is
 * what the report states (demo/expectations.ts: "never under synthetic shadow").
 */
export function inAnyShadow(el: Element): boolean {
  return inShadowTree(el);
}
