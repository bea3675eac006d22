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
 * LWC synthetic shadow keeps component internals in the light DOM (what the
 * isolated world sees) but scopes their styles with `lwc-<hash>` attributes; a
 * component host carries `lwc-<hash>-host`. An element that has the former sits
 * inside a component's (synthetic) shadow tree, as the rep's page treats it.
 */
export function inSyntheticShadow(el: Element): boolean {
  for (const name of el.getAttributeNames()) {
    if (name.startsWith('lwc-') && !name.endsWith('-host')) return true;
  }
  return false;
}

/** In a real shadow root, or in LWC's synthetic one. */
export function inAnyShadow(el: Element): boolean {
  return inShadowTree(el) || inSyntheticShadow(el);
}
