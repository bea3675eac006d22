/**
 * The page scanner: collects field candidates through the adapter in every root
 * it can reach, has the detector judge each one, and keeps the result per field
 * scope so a change rescans only the subtree it touched.
 *
 * Values never leave this module: a read-only field's displayed text is searched
 * with `scanText` and only the kinds found are kept.
 */
import type { CrmAdapter, FieldCandidate } from '../crm/adapter';
import type { RecordContext } from '../messages/record';
import type { FieldDescriptor } from '../detect/field-descriptor';
import { classOf, type Kind, type KindClass } from '../detect/kinds';
import { OPEN_ONLY, closestComposed, composedParent, isShadowRoot, type ScanEnv } from './composed';
import { walkRoots, type ScanTreeRoot } from './roots';
import type { Detector, FieldVerdict } from './detector';

export interface DetectedField {
  /** Stable for the life of the entry; UI keys. */
  id: number;
  element: Element;
  scope: Element;
  label: string;
  kind: Kind;
  kindClass: KindClass;
  confidence: number;
  reasonCode: string;
  /** The classifier's reason, or the text rule that matched the displayed value. Never the value. */
  reason: string;
  /** 'field': from label/name/type; 'value': from the displayed value. */
  source: 'field' | 'value';
  editable: boolean;
  inShadowRoot: boolean;
}

export interface ScanDelta {
  added: DetectedField[];
  removed: DetectedField[];
  /** Newly reached shadow roots and frame documents, for the mutation observer. */
  roots: ScanTreeRoot[];
  frames: HTMLIFrameElement[];
}

export interface SliceOptions {
  /** Work per slice before yielding; keeps every task well under the 50 ms long-task line. */
  sliceMs?: number;
  /** Yield to the event loop (a zero timeout). */
  pause: () => Promise<void>;
  onDelta: (delta: ScanDelta) => void;
  /** Stop between slices (the content script was invalidated). */
  cancelled?: () => boolean;
}

export interface SliceStats {
  /** Time spent working, pauses excluded. */
  workMs: number;
  longestSliceMs: number;
  slices: number;
}

export interface ScannerOptions {
  adapter: CrmAdapter;
  detector: Detector;
  env?: ScanEnv;
  /** Our own UI: never scanned. */
  skip?: (el: Element) => boolean;
  /** The record the page shows; fills `objectType` and `lang` into descriptors. */
  context?: () => RecordContext | null;
}

/** Value hits of these classes count even when the label says nothing; ordinary kinds in a value (a switchboard number) are left to the label. */
const VALUE_CLASSES: ReadonlySet<KindClass> = new Set(['sensitive_identifier', 'special_category', 'criminal']);
const MEMO_LIMIT = 5000;

/** Every descriptor field, in a fixed order: the memo key must not depend on the order an adapter set them in. */
const KEY_FIELDS: Readonly<Record<keyof FieldDescriptor, true>> = {
  label: true,
  name: true,
  id: true,
  placeholder: true,
  autocomplete: true,
  ariaLabel: true,
  type: true,
  section: true,
  apiName: true,
  lang: true,
  objectType: true,
};
const KEY_ORDER = Object.keys(KEY_FIELDS) as (keyof FieldDescriptor)[];

/**
 * Memo key of a descriptor: each field length-prefixed (so no page text can make two
 * descriptors collide), '-' for an absent one. Cheaper than JSON.stringify of a
 * spread copy, which showed up in the scan's CPU profile.
 */
function descriptorKey(desc: FieldDescriptor): string {
  let key = '';
  for (const field of KEY_ORDER) {
    const value = desc[field];
    key += value === undefined ? '-' : `${value.length}:${value}`;
  }
  return key;
}

export function createScanner(options: ScannerOptions) {
  const { adapter, detector } = options;
  const env = options.env ?? OPEN_ONLY;
  const skip = options.skip ?? (() => false);
  const scopeSelector = `${adapter.fieldScope}, table`;
  const byScope = new Map<Element, DetectedField[]>();
  const verdicts = new Map<string, FieldVerdict>();
  let nextId = 1;
  /** While a sliced full scan runs: scopes the change path already handled, which the job must not overwrite. */
  let handledDuringJob: Set<Element> | null = null;

  function classify(desc: FieldDescriptor): FieldVerdict {
    const key = descriptorKey(desc);
    let verdict = verdicts.get(key);
    if (!verdict) {
      if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
      verdict = detector.classifyField(desc);
      verdicts.set(key, verdict);
    }
    return verdict;
  }

  function judge(candidate: FieldCandidate, lang: string | undefined): DetectedField[] {
    const context = options.context?.() ?? null;
    const desc: FieldDescriptor = { ...candidate.descriptor };
    if (!desc.objectType && context?.objectType) desc.objectType = context.objectType;
    if (!desc.lang && lang) desc.lang = lang;
    const verdict = classify(desc);
    const base = { element: candidate.element, scope: candidate.scope, label: candidate.label, editable: candidate.editable, inShadowRoot: candidate.inShadowRoot };
    const out: DetectedField[] = [];
    if (verdict.kind) {
      out.push({ ...base, id: nextId++, kind: verdict.kind, kindClass: classOf(verdict.kind), confidence: verdict.confidence, reasonCode: verdict.reasonCode, reason: verdict.reason, source: 'field' });
    }
    if (!verdict.kind && candidate.personLink) {
      out.push({ ...base, id: nextId++, kind: 'name', kindClass: classOf('name'), confidence: 0.9, reasonCode: 'value:person-link', reason: 'person-link', source: 'value' });
    }
    const text = candidate.displayedText;
    if (text && text.trim()) {
      const best = new Map<Kind, { confidence: number; rule: string }>();
      for (const hit of detector.scanText(text, desc.lang ? { lang: desc.lang } : undefined)) {
        if (hit.kind === verdict.kind || !VALUE_CLASSES.has(classOf(hit.kind))) continue;
        const prev = best.get(hit.kind);
        if (!prev || hit.confidence > prev.confidence) best.set(hit.kind, { confidence: hit.confidence, rule: hit.rule });
      }
      for (const [kind, hit] of best) {
        out.push({ ...base, id: nextId++, kind, kindClass: classOf(kind), confidence: hit.confidence, reasonCode: `value:${hit.rule}`, reason: hit.rule, source: 'value' });
      }
    }
    return out;
  }

  /** A shadow root the adapter says holds no fields. */
  function inert(root: Document | ShadowRoot): boolean {
    return isShadowRoot(root) && adapter.inertHost !== undefined && adapter.inertHost(root.host);
  }

  function docLang(node: Node): string | undefined {
    const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
    return doc?.documentElement?.getAttribute('lang') || undefined;
  }

  /** Scan `start` and everything below it; `stale` scopes found there are replaced. */
  function scanFrom(start: Document | ShadowRoot | Element, delta: ScanDelta): void {
    const stale: Element[] = [];
    // Scopes already known below `start` are replaced by this scan; a first scan has none to look for.
    const visit = byScope.size > 0 ? (el: Element) => void (byScope.has(el) && stale.push(el)) : undefined;
    const walk = walkRoots(start, env, visit, skip);
    const lang = docLang(start);
    const found = new Map<Element, DetectedField[]>();
    const collectIn = (root: Document | ShadowRoot | Element) => {
      for (const candidate of adapter.collectFields(root, env)) {
        if (skip(candidate.element)) continue;
        const fields = judge(candidate, lang);
        const list = found.get(candidate.scope);
        if (list) list.push(...fields);
        else found.set(candidate.scope, fields);
      }
    };
    collectIn(start);
    for (const root of walk.roots) if (!inert(root)) collectIn(root);
    for (const scope of stale) {
      if (found.has(scope)) continue;
      handledDuringJob?.add(scope);
      delta.removed.push(...(byScope.get(scope) ?? []));
      byScope.delete(scope);
    }
    for (const [scope, fields] of found) {
      handledDuringJob?.add(scope);
      const previous = byScope.get(scope);
      if (previous) delta.removed.push(...previous);
      if (fields.length > 0) byScope.set(scope, fields);
      else byScope.delete(scope);
      delta.added.push(...fields);
    }
    delta.roots.push(...walk.roots);
    delta.frames.push(...walk.frames);
  }

  const emptyDelta = (): ScanDelta => ({ added: [], removed: [], roots: [], frames: [] });

  return {
    /**
     * The first scan of a page without a long task: walk the roots (the cost of a
     * bare enumeration), then collect and judge root by root in slices of about
     * `sliceMs`, handing each slice's fields to `onDelta` and yielding through
     * `pause` in between. Changes handled meanwhile by `scanChanged` / `forget`
     * win over the job's older view of the same fields.
     */
    async scanAllSliced(doc: Document, opts: SliceOptions): Promise<SliceStats> {
      const sliceMs = opts.sliceMs ?? 12;
      const stats: SliceStats = { workMs: 0, longestSliceMs: 0, slices: 1 };
      let sliceStart = performance.now();
      const endSlice = () => {
        const spent = performance.now() - sliceStart;
        stats.workMs += spent;
        stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
      };
      const reset = emptyDelta();
      for (const fields of byScope.values()) reset.removed.push(...fields);
      byScope.clear();
      const handled = new Set<Element>();
      handledDuringJob = handled;
      try {
        const walk = walkRoots(doc, env, undefined, skip);
        reset.roots.push(...walk.roots);
        reset.frames.push(...walk.frames);
        opts.onDelta(reset);
        const lang = docLang(doc);
        let delta = emptyDelta();
        // The walk alone costs about one bare enumeration: end the slice there.
        endSlice();
        await opts.pause();
        if (opts.cancelled?.()) return stats;
        stats.slices++;
        sliceStart = performance.now();
        const yieldIfDue = async (): Promise<boolean> => {
          if (performance.now() - sliceStart < sliceMs) return true;
          endSlice();
          if (delta.added.length > 0) opts.onDelta(delta);
          delta = emptyDelta();
          await opts.pause();
          if (opts.cancelled?.()) return false;
          stats.slices++;
          sliceStart = performance.now();
          return true;
        };
        for (const root of [doc, ...walk.roots]) {
          if ((!root.isConnected && root !== doc) || inert(root)) continue;
          for (const candidate of adapter.iterateFields(root, env)) {
            const { scope } = candidate;
            if (skip(candidate.element) || handled.has(scope) || !scope.isConnected) continue;
            const fields = judge(candidate, lang);
            if (fields.length === 0) {
              if (!(await yieldIfDue())) return stats;
              continue;
            }
            const list = byScope.get(scope);
            if (list) list.push(...fields);
            else byScope.set(scope, fields);
            delta.added.push(...fields);
            if (!(await yieldIfDue())) return stats;
          }
          if (!(await yieldIfDue())) return stats;
        }
        endSlice();
        if (delta.added.length > 0) opts.onDelta(delta);
        return stats;
      } finally {
        handledDuringJob = null;
      }
    },

    /** Forget everything and scan the whole document. */
    scanAll(doc: Document): ScanDelta {
      const delta = emptyDelta();
      for (const fields of byScope.values()) delta.removed.push(...fields);
      byScope.clear();
      scanFrom(doc, delta);
      return delta;
    },

    /**
     * Rescan what changed. Each node is widened to the field scope around it (a
     * change inside a Salesforce layout item rescans the item), and nodes already
     * inside another changed node are dropped, so the work is the changed subtrees.
     */
    scanChanged(nodes: Iterable<Node>): ScanDelta {
      const delta = emptyDelta();
      const starts = new Set<Element | ShadowRoot | Document>();
      for (const node of nodes) {
        if (!node.isConnected) continue;
        const el = node.nodeType === 1 ? (node as Element) : isShadowRoot(node) ? node : composedParent(node);
        if (!el) continue;
        if (isShadowRoot(el)) starts.add(el);
        else if (!skip(el)) starts.add(closestComposed(el, scopeSelector) ?? el);
      }
      for (const start of outermost(starts)) scanFrom(start, delta);
      return delta;
    },

    /**
     * Refresh the fields around nodes that changed in place (text edited, a child
     * removed, a watched attribute set): the enclosing field scope is rescanned;
     * a node outside every scope costs nothing.
     */
    rescanScopes(nodes: Iterable<Node>): ScanDelta {
      const scopes = new Set<Element>();
      for (const node of nodes) {
        if (!node.isConnected) continue;
        const el = node.nodeType === 1 ? (node as Element) : composedParent(node);
        if (!el || skip(el)) continue;
        const scope = closestComposed(el, scopeSelector) ?? (byScope.has(el) ? el : null);
        if (scope) scopes.add(scope);
      }
      const delta = emptyDelta();
      for (const scope of outermost(scopes)) scanFrom(scope, delta);
      return delta;
    },

    /** Drop fields under removed nodes (those no longer connected). */
    forget(nodes: Iterable<Node>): ScanDelta {
      const delta = emptyDelta();
      for (const node of nodes) {
        if (node.nodeType !== 1 || node.isConnected) continue;
        walkRoots(node as Element, env, (el) => {
          const fields = byScope.get(el);
          handledDuringJob?.add(el);
          if (fields) {
            delta.removed.push(...fields);
            byScope.delete(el);
          }
        });
      }
      return delta;
    },

    /** Drop fields whose elements left the page by a route `forget` did not see (e.g. a frame navigated). */
    prune(): ScanDelta {
      const delta = emptyDelta();
      for (const [scope, fields] of byScope) {
        if (scope.isConnected) continue;
        delta.removed.push(...fields);
        byScope.delete(scope);
      }
      return delta;
    },

    fields(): DetectedField[] {
      return [...byScope.values()].flat();
    },
  };
}

export type Scanner = ReturnType<typeof createScanner>;

/** Keep only nodes not contained (across shadow boundaries) in another node of the set. */
function outermost<T extends Node>(nodes: Set<T>): T[] {
  const out: T[] = [];
  for (const node of nodes) {
    let cur: Node | null = node;
    let covered = false;
    while (cur) {
      const parent: Node | null = cur.parentNode ?? (isShadowRoot(cur) ? cur.host : null);
      if (parent && nodes.has(parent as T)) {
        covered = true;
        break;
      }
      cur = parent;
    }
    if (!covered) out.push(node);
  }
  return out;
}
