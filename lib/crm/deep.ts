import type { ScanEnv } from '../scan/composed';

/** Every element matching `selector` in `root` (itself included) and in every shadow root below it. */
export function deepQueryAll(root: Element | Document | ShadowRoot, selector: string, env: ScanEnv): Element[] {
  const out: Element[] = [];
  const visitTree = (tree: ParentNode) => {
    for (const el of tree.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      const shadow = env.shadowOf(el);
      if (shadow) visitTree(shadow);
    }
  };
  if ((root as Node).nodeType === 1) {
    const el = root as Element;
    if (el.matches(selector)) out.push(el);
    const shadow = env.shadowOf(el);
    if (shadow) visitTree(shadow);
  }
  visitTree(root);
  return out;
}
