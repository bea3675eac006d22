import type { ScanRoot } from './adapter';
import { inShadowTree, type ScanEnv } from '../scan/composed';

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

/** Every element below `root` in the composed tree: its light descendants and everything in the shadow roots under it (its own included). */
export function composedDescendants(root: Element, env: ScanEnv): Element[] {
  const out: Element[] = [];
  const visit = (tree: ParentNode) => {
    const all = tree.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      out.push(el);
      const shadow = env.shadowOf(el);
      if (shadow) visit(shadow);
    }
  };
  const own = env.shadowOf(root);
  if (own) visit(own);
  visit(root);
  return out;
}
