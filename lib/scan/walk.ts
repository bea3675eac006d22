/**
 * The scan's single pass: walks a document, shadow root or element and every
 * root below it (open and closed shadow roots through the injected opener,
 * same-origin frame documents) once, and lets the adapter's `FieldWalk`
 * recognise fields on the way. Per tree it costs what a bare enumeration costs —
 * one `querySelectorAll('*')` and one shadow-root read per element — plus one
 * native query for the adapter's selector; elements are matched against that
 * query's result by identity, in tree order, with no per-element allocation.
 *
 * A field scope (a Salesforce layout item) is walked in the same pass: its own
 * shadow root and the shadow roots below it are entered in "part" mode, and its
 * light descendants follow it in its tree's list up to the element after its
 * subtree (found once, from sibling pointers), so the walk knows where the scope
 * ends without a containment check per element.
 *
 * The walk is resumable: `next` returns after a field scope is finished or after
 * a few hundred elements, so a first scan can pause between slices. The lists it
 * holds are snapshots taken when a tree is entered, and a scope's end is an
 * element of that snapshot, so a page changing during a pause cannot derail the
 * walk; callers check `isConnected` on what comes out after a pause (the change
 * itself reaches the scanner through the mutation observer).
 */
import type { FieldCandidate, FieldWalk, ScanRoot } from '../crm/adapter';
import type { ScanEnv } from './composed';
import { frameDocument, type ScanTreeRoot } from './roots';

const FIND = 0;
const PART = 1;
type Mode = typeof FIND | typeof PART;

/** Elements visited per `next` call before it returns without a candidate, so callers can check the clock. */
const BUDGET = 512;

interface Frame {
  list: ArrayLike<Element>;
  i: number;
  /** Elements of `list` the adapter's selector matched, in the same order. */
  hits: ArrayLike<Element>;
  j: number;
  /** hits[j], cached: comparing a property is cheaper than indexing a NodeList per element. */
  nextHit: Element | null;
  mode: Mode;
  /** PART frames: the scope they belong to. FIND frames: a scope opened in this list, open while `inScope`. */
  state: unknown;
  /** FIND frames: a scope opened here is still open (its light descendants are being walked). */
  inScope: boolean;
  /** The first element of this list after the open scope's subtree; null: the scope runs to the end of the list. */
  stopAt: Element | null;
}

export interface WalkOptions {
  walk: FieldWalk<unknown>;
  env: ScanEnv;
  /** Our own UI: never entered (checked on shadow hosts, frames and selected elements only). */
  skip?: (el: Element) => boolean;
  /** Sees every element walked (rescans look for known scopes below the start). */
  visit?: (el: Element) => void;
}

export interface FieldWalker {
  /**
   * Walk on until a field scope has been finished or a few hundred elements were
   * visited; candidates found are appended to `out`. False when the walk is done.
   */
  next(out: FieldCandidate[]): boolean;
  /** Shadow roots and frame documents reached so far (the start excluded), in discovery order. */
  readonly roots: ScanTreeRoot[];
  /** Same-origin frames seen so far. */
  readonly frames: HTMLIFrameElement[];
}

const never = () => false;

export function createFieldWalker(start: ScanRoot, options: WalkOptions): FieldWalker {
  const { walk, env } = options;
  const skip = options.skip ?? never;
  const visit = options.visit ?? null;
  const shadowOf = env.shadowOf;
  const inertHost = walk.inertHost ?? never;
  const selector = `${walk.selector}, iframe, frame`;
  const partSelector = walk.partSelector ? `${walk.partSelector}, iframe, frame` : selector;
  const roots: ScanTreeRoot[] = [];
  const frames: HTMLIFrameElement[] = [];
  const stack: Frame[] = [];

  const frame = (list: ArrayLike<Element>, hits: ArrayLike<Element>, mode: Mode, state: unknown): Frame => ({
    list,
    i: 0,
    hits,
    j: 0,
    nextHit: hits.length > 0 ? hits[0]! : null,
    mode,
    state,
    inScope: false,
    stopAt: null,
  });
  const pushTree = (tree: Document | ShadowRoot, mode: Mode, state: unknown) => {
    stack.push(frame(tree.querySelectorAll('*'), tree.querySelectorAll(mode === PART ? partSelector : selector), mode, state));
  };

  if ((start as Node).nodeType === 1) {
    const el = start as Element;
    if (!skip(el)) {
      const list: Element[] = [el];
      for (const d of el.querySelectorAll('*')) list.push(d);
      const hits: Element[] = el.matches(selector) ? [el] : [];
      for (const h of el.querySelectorAll(selector)) hits.push(h);
      stack.push(frame(list, hits, FIND, null));
    }
  } else {
    pushTree(start as Document | ShadowRoot, FIND, null);
  }

  const close = (f: Frame, out: FieldCandidate[]) => {
    const state = f.state;
    f.state = null;
    f.inScope = false;
    f.stopAt = null;
    walk.finish(state, out, env);
  };

  /** The element that follows `el`'s subtree in tree order, within `el`'s tree; null when none does. */
  const after = (el: Element): Element | null => {
    for (let cur: Element | null = el; cur !== null; cur = cur.parentElement) {
      const next = cur.nextElementSibling;
      if (next !== null) return next;
    }
    return null;
  };

  function next(out: FieldCandidate[]): boolean {
    let budget = BUDGET;
    while (stack.length > 0) {
      const f = stack[stack.length - 1]!;
      const list = f.list;
      const n = list.length;
      let i = f.i;
      let descended = false;
      while (i < n) {
        const el = list[i++]!;
        // The open scope's light descendants follow it in the list: the first element after them closes it.
        if (el === f.stopAt) close(f, out);
        if (visit !== null) visit(el);
        const mode = f.mode;
        let inScope = mode === PART || f.inScope;
        if (el === f.nextHit) {
          const hits = f.hits;
          f.nextHit = ++f.j < hits.length ? hits[f.j]! : null;
          const tag = el.localName;
          if (tag === 'iframe' || tag === 'frame') {
            if (!skip(el)) {
              frames.push(el as HTMLIFrameElement);
              const doc = frameDocument(el);
              if (doc && doc.documentElement) {
                roots.push(doc);
                // A frame is a page of its own: its fields are not parts of a scope around the frame.
                f.i = i;
                pushTree(doc, FIND, null);
                descended = true;
              }
            }
          } else if (inScope) {
            walk.part(f.state, el, out, env);
          } else if (!skip(el)) {
            const state = walk.enter(el, out, env);
            if (state !== null) {
              f.state = state;
              f.inScope = true;
              f.stopAt = after(el);
              inScope = true;
            }
          }
        }
        const shadow = shadowOf(el);
        if (shadow !== null && !skip(el)) {
          roots.push(shadow);
          // An inert host's root is reported (its text may be a displayed value worth watching) but not walked.
          if (!inertHost(el)) {
            f.i = i;
            pushTree(shadow, inScope ? PART : FIND, inScope ? f.state : null);
            descended = true;
          }
        }
        if (descended) break;
        if (--budget <= 0 || out.length > 0) {
          f.i = i;
          return true;
        }
      }
      if (descended) {
        if (out.length > 0) return true;
        continue;
      }
      f.i = i;
      if (f.inScope) close(f, out);
      stack.pop();
      if (out.length > 0) return stack.length > 0;
    }
    return false;
  }

  return { next, roots, frames };
}

export interface FieldWalkResult {
  candidates: FieldCandidate[];
  roots: ScanTreeRoot[];
  frames: HTMLIFrameElement[];
}

/** The whole walk at once. */
export function walkFields(start: ScanRoot, options: WalkOptions): FieldWalkResult {
  const walker = createFieldWalker(start, options);
  const candidates: FieldCandidate[] = [];
  while (walker.next(candidates));
  return { candidates, roots: walker.roots, frames: walker.frames };
}
