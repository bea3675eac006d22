/**
 * Enumerates what a scan has to look into below a node: open and closed shadow
 * roots (through the injected opener) and same-origin iframe documents. LWC
 * synthetic shadow needs nothing special: from a content script's isolated world
 * its component internals are ordinary light DOM.
 */
import type { ScanEnv } from './composed';

export type ScanTreeRoot = Document | ShadowRoot;

export interface RootWalk {
  /** Shadow roots and frame documents below the start, in discovery order (the start itself excluded). */
  roots: ScanTreeRoot[];
  /** Same-origin frames seen; their document is replaced when they navigate, so callers watch their `load`. */
  frames: HTMLIFrameElement[];
}

/** The document of a same-origin frame, or null (cross-origin, not loaded). */
export function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/**
 * Walk `start` (a document, shadow root or element) and everything below it.
 * `visit` sees every element once; `skip` keeps our own UI (a shadow host) out.
 */
export function walkRoots(start: Document | ShadowRoot | Element, env: ScanEnv, visit?: (el: Element) => void, skip?: (el: Element) => boolean): RootWalk {
  const roots: ScanTreeRoot[] = [];
  const frames: HTMLIFrameElement[] = [];
  const { shadowOf } = env;
  // The hot loop of every scan: one property read per element unless it hosts a shadow root or a frame.
  const onElement = (el: Element) => {
    visit?.(el);
    const shadow = shadowOf(el);
    if (shadow && !skip?.(el)) {
      roots.push(shadow);
      walkTree(shadow);
    }
    const tag = el.localName;
    if ((tag === 'iframe' || tag === 'frame') && !skip?.(el)) {
      frames.push(el as HTMLIFrameElement);
      const doc = frameDocument(el);
      if (doc && doc.documentElement) {
        roots.push(doc);
        walkTree(doc);
      }
    }
  };
  const walkTree = (tree: ParentNode) => {
    const all = tree.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) onElement(all[i]!);
  };
  if ((start as Node).nodeType === 1) {
    if (skip?.(start as Element)) return { roots, frames };
    onElement(start as Element);
  }
  walkTree(start);
  return { roots, frames };
}
