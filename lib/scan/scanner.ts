/**
 * The page scanner: walks every root it can reach once, with the adapter
 * recognising fields on the way (lib/scan/walk.ts), has the detector judge each
 * one, and keeps the result per field scope so a change rescans only the
 * subtree it touched.
 *
 * An in-process detector classifies during the walk, so fields known by their
 * label are returned at once. An out-of-process one (the content script's: the
 * classifier runs in the background) gets the descriptions in batches, and the
 * fields arrive later as a further delta to `onValueFields` listeners; its
 * verdicts are remembered per descriptor, so a rescan of known fields is
 * immediate again. A read-only field's displayed text goes to the detector's
 * asynchronous `scanTexts` (lib/scan/values.ts); sensitive kinds found there
 * arrive the same way. Values never leave this module except through
 * `scanTexts`, and only the kinds found are kept.
 */
import type { CrmAdapter, FieldCandidate } from '../crm/adapter';
import type { RecordContext } from '../messages/record';
import { descriptorKey, type FieldDescriptor } from '../detect/field-descriptor';
import { KIND_CLASS, classOf, type Kind, type KindClass } from '../detect/kinds';
import { OPEN_ONLY, closestComposed, composedParent, isShadowRoot, type ScanEnv } from './composed';
import { walkRoots, type ScanTreeRoot } from './roots';
import { createFieldWalker, walkFields } from './walk';
import { createValueQueue, type ValueRequest } from './values';
import { createAnswerQueue, type ScopedRequest } from './answers';
import type { Detector, FieldVerdict, TextHit } from './detector';

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

/** What a value answer is turned into fields with. */
interface ValueField {
  base: FieldBase;
  /** The field's own kind: a value hit of the same kind adds nothing. */
  kind: Kind | null;
}

type FieldBase = Pick<DetectedField, 'element' | 'scope' | 'label' | 'editable' | 'inShadowRoot'>;

/** A field waiting for an out-of-process verdict, with what judging it needs later. */
interface FieldRequest extends ScopedRequest {
  desc: FieldDescriptor;
  base: FieldBase;
  personLink: boolean;
  text: string | undefined;
}

/** Field descriptions per classifyFields call (the message protocol's limit). */
const MAX_FIELDS = 2000;

/** A verdict from the detector, checked: it may have crossed a message boundary. */
function validVerdict(raw: unknown): FieldVerdict | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const v = raw as FieldVerdict;
  if (v.kind !== null && !Object.hasOwn(KIND_CLASS, v.kind)) return null;
  return typeof v.confidence === 'number' && typeof v.reasonCode === 'string' && typeof v.reason === 'string' ? v : null;
}

const NON_SPACE = /\S/;

function recordKey(context: RecordContext | null | undefined): string {
  return context ? `${context.crm}|${context.host}|${context.objectType ?? ''}|${context.recordId ?? ''}` : '';
}

/** A hit from the detector, checked: the answer crosses a message boundary in the extension. */
function validHit(hit: TextHit): boolean {
  return typeof hit === 'object' && hit !== null && Object.hasOwn(KIND_CLASS, hit.kind) && typeof hit.confidence === 'number' && typeof hit.rule === 'string';
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
  /**
   * Generation of each scope with a value request out: bumped when the scope is
   * rescanned, deleted when it is removed or the page is scanned afresh. An answer
   * carrying another generation is stale.
   */
  const scopeGen = new Map<Element, number>();
  let lastGen = 0;
  const valueListeners = new Set<(delta: ScanDelta) => void>();
  let flushQueued = false;

  const emptyDelta = (): ScanDelta => ({ added: [], removed: [], roots: [], frames: [] });

  const values = createValueQueue<ValueField>({
    detector,
    current: (r) => scopeGen.get(r.scope) === r.gen && r.scope.isConnected,
    record: () => recordKey(options.context?.()),
    onAnswer(answers) {
      const delta = emptyDelta();
      for (const { request, hits } of answers) {
        const fields = valueFields(request.field, hits);
        if (fields.length === 0) continue;
        const list = byScope.get(request.scope);
        if (list) list.push(...fields);
        else byScope.set(request.scope, fields);
        delta.added.push(...fields);
      }
      if (delta.added.length === 0) return;
      for (const listener of valueListeners) listener(delta);
    },
  });

  const classifyFields = detector.classifyFields;
  const pendingFields = classifyFields
    ? createAnswerQueue<FieldRequest, FieldVerdict>({
        ask: (batch) => classifyFields(batch.map((r) => r.desc)),
        read: validVerdict,
        current: (r) => scopeGen.get(r.scope) === r.gen && r.scope.isConnected,
        record: () => recordKey(options.context?.()),
        // A verdict depends on the description alone: remember it even when its field has gone.
        onAnyAnswer: (request, verdict) => remember(descriptorKey(request.desc), verdict),
        onAnswer(answers) {
          const delta = emptyDelta();
          for (const { request, answer } of answers) {
            const texts: ValueRequest<ValueField>[] = [];
            const fields = fieldsFor(request.base, answer, request.personLink, request.text, request.desc.lang, request, texts);
            for (const text of texts) values.add(text);
            if (fields.length === 0) continue;
            const list = byScope.get(request.scope);
            if (list) list.push(...fields);
            else byScope.set(request.scope, fields);
            delta.added.push(...fields);
          }
          values.flush();
          if (delta.added.length === 0) return;
          for (const listener of valueListeners) listener(delta);
        },
        maxItems: MAX_FIELDS,
        maxSize: Number.POSITIVE_INFINITY,
        size: () => 1,
      })
    : null;

  const outstanding = (): number => (pendingFields?.pending() ?? 0) + values.pending();

  const flushAll = () => {
    pendingFields?.flush();
    values.flush();
  };

  /** Send the texts gathered by this task's scan work once, after it (a change batch calls several scanner methods). */
  const scheduleFlush = () => {
    if (flushQueued) return;
    flushQueued = true;
    queueMicrotask(() => {
      flushQueued = false;
      flushAll();
    });
  };

  function remember(key: string, verdict: FieldVerdict): void {
    if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
    verdicts.set(key, verdict);
  }

  /** The verdict now: computed in process, or remembered from an earlier answer; undefined when it must be asked for. */
  function verdictFor(desc: FieldDescriptor, memo: boolean): FieldVerdict | undefined {
    const local = detector.classifyField;
    if (!local) return verdicts.size > 0 ? verdicts.get(descriptorKey(desc)) : undefined;
    if (!memo) return local(desc);
    const key = descriptorKey(desc);
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = local(desc);
      remember(key, verdict);
    }
    return verdict;
  }

  function valueFields(field: ValueField, hits: readonly TextHit[]): DetectedField[] {
    const best = new Map<Kind, { confidence: number; rule: string }>();
    for (const hit of hits) {
      if (!validHit(hit) || hit.kind === field.kind || !VALUE_CLASSES.has(classOf(hit.kind))) continue;
      const prev = best.get(hit.kind);
      if (!prev || hit.confidence > prev.confidence) best.set(hit.kind, { confidence: hit.confidence, rule: hit.rule });
    }
    const out: DetectedField[] = [];
    for (const [kind, hit] of best) {
      out.push({ ...field.base, id: nextId++, kind, kindClass: classOf(kind), confidence: hit.confidence, reasonCode: `value:${hit.rule}`, reason: hit.rule, source: 'value' });
    }
    return out;
  }

  /** What one scan operation shares: the record, the page language, its generation, and the texts it gathered. */
  interface Pass {
    context: RecordContext | null;
    record: string;
    lang: string | undefined;
    gen: number;
    texts: ValueRequest<ValueField>[];
    /** Fields waiting for an out-of-process verdict. */
    unknown: FieldRequest[];
    /**
     * Look verdicts up in the memo. A first scan meets each field once (2,000
     * distinct descriptors on a large record page): building memo keys there only
     * costs. Rescans meet the same fields again and use it.
     */
    memo: boolean;
  }

  function newPass(start: Node, memo = true): Pass {
    const context = options.context?.() ?? null;
    return { context, record: recordKey(context), lang: docLang(start), gen: ++lastGen, texts: [], unknown: [], memo };
  }

  /** The fields a verdict gives; the displayed text (to search for what the label does not say) is pushed to `texts`. */
  function fieldsFor(base: FieldBase, verdict: FieldVerdict, personLink: boolean, text: string | undefined, lang: string | undefined, at: { gen: number; record: string }, texts: ValueRequest<ValueField>[]): DetectedField[] {
    const out: DetectedField[] = [];
    if (verdict.kind) {
      out.push({ ...base, id: nextId++, kind: verdict.kind, kindClass: classOf(verdict.kind), confidence: verdict.confidence, reasonCode: verdict.reasonCode, reason: verdict.reason, source: 'field' });
    } else if (personLink) {
      out.push({ ...base, id: nextId++, kind: 'name', kindClass: classOf('name'), confidence: 0.9, reasonCode: 'value:person-link', reason: 'person-link', source: 'value' });
    }
    if (text && NON_SPACE.test(text)) {
      const request: ValueRequest<ValueField> = { scope: base.scope, field: { base, kind: verdict.kind }, text, gen: at.gen, record: at.record };
      if (lang) request.lang = lang;
      texts.push(request);
    }
    return out;
  }

  /** The fields a candidate gives now (its displayed text queued on the pass), or none yet when its verdict must be asked for. */
  function judge(candidate: FieldCandidate, pass: Pass): DetectedField[] {
    const desc: FieldDescriptor = { ...candidate.descriptor };
    if (!desc.objectType && pass.context?.objectType) desc.objectType = pass.context.objectType;
    if (!desc.lang && pass.lang) desc.lang = pass.lang;
    const base: FieldBase = { element: candidate.element, scope: candidate.scope, label: candidate.label, editable: candidate.editable, inShadowRoot: candidate.inShadowRoot };
    const verdict = verdictFor(desc, pass.memo);
    if (!verdict) {
      pass.unknown.push({ scope: candidate.scope, gen: pass.gen, record: pass.record, desc, base, personLink: candidate.personLink === true, text: candidate.displayedText ?? undefined });
      return [];
    }
    return fieldsFor(base, verdict, candidate.personLink === true, candidate.displayedText ?? undefined, desc.lang, pass, pass.texts);
  }

  /** Queue a pass's texts and verdict requests whose scope it committed (the generation set there is the pass's). */
  function queueTexts(pass: Pass): void {
    for (const request of pass.texts) {
      if (scopeGen.get(request.scope) !== pass.gen) continue;
      values.add(request);
    }
    pass.texts.length = 0;
    for (const request of pass.unknown) {
      if (scopeGen.get(request.scope) !== pass.gen) continue;
      pendingFields?.add(request);
    }
    pass.unknown.length = 0;
  }

  /** Record that a pass (re)scanned `scope`: earlier value requests for it become stale. */
  function committed(scope: Element, pass: Pass, hasText: boolean): void {
    if (hasText) scopeGen.set(scope, pass.gen);
    else scopeGen.delete(scope);
  }

  function docLang(node: Node): string | undefined {
    const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
    return doc?.documentElement?.getAttribute('lang') || undefined;
  }

  /** Scan `start` and everything below it; scopes known there are replaced. */
  function scanFrom(start: Document | ShadowRoot | Element, delta: ScanDelta): void {
    const stale: Element[] = [];
    // Scopes already known below `start` are replaced by this scan; a first scan has none to look for.
    const visit = byScope.size > 0 || scopeGen.size > 0 ? (el: Element) => void ((byScope.has(el) || scopeGen.has(el)) && stale.push(el)) : undefined;
    const walk = walkFields(start, { walk: adapter.walk, env, skip, visit });
    const pass = newPass(start);
    const found = new Map<Element, DetectedField[]>();
    for (const candidate of walk.candidates) {
      if (skip(candidate.element)) continue;
      const fields = judge(candidate, pass);
      const list = found.get(candidate.scope);
      if (list) list.push(...fields);
      else found.set(candidate.scope, fields);
    }
    for (const scope of stale) {
      if (found.has(scope)) continue;
      handledDuringJob?.add(scope);
      scopeGen.delete(scope);
      delta.removed.push(...(byScope.get(scope) ?? []));
      byScope.delete(scope);
    }
    const withText = new Set([...pass.texts.map((t) => t.scope), ...pass.unknown.map((u) => u.scope)]);
    for (const [scope, fields] of found) {
      handledDuringJob?.add(scope);
      committed(scope, pass, withText.has(scope));
      const previous = byScope.get(scope);
      if (previous) delta.removed.push(...previous);
      if (fields.length > 0) byScope.set(scope, fields);
      else byScope.delete(scope);
      delta.added.push(...fields);
    }
    queueTexts(pass);
    delta.roots.push(...walk.roots);
    delta.frames.push(...walk.frames);
  }

  /** Forget every field and value request (a fresh scan of the page follows). */
  function reset(delta: ScanDelta): void {
    for (const fields of byScope.values()) delta.removed.push(...fields);
    byScope.clear();
    scopeGen.clear();
  }

  return {
    /**
     * The first scan of a page without a long task: one walk of every root with
     * the adapter recognising fields on the way, each field judged as it is found,
     * in slices of about `sliceMs` of work; each slice's fields (and the roots it
     * reached) go to `onDelta`, its displayed texts to the detector, and the job
     * yields through `pause` in between. Changes handled meanwhile by
     * `scanChanged` / `forget` win over the job's older view of the same fields.
     * Value findings arrive later through `onValueFields`.
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
      let delta = emptyDelta();
      reset(delta);
      const handled = new Set<Element>();
      handledDuringJob = handled;
      const walker = createFieldWalker(doc, { walk: adapter.walk, env, skip });
      let rootsSent = 0;
      let framesSent = 0;
      let pass = newPass(doc, false);
      const out: FieldCandidate[] = [];
      /** Hand over what this slice found: texts to search (sent within the slice's work), then fields and newly reached roots (to watch). */
      const deliver = () => {
        queueTexts(pass);
        flushAll();
        endSlice();
        for (; rootsSent < walker.roots.length; rootsSent++) delta.roots.push(walker.roots[rootsSent]!);
        for (; framesSent < walker.frames.length; framesSent++) delta.frames.push(walker.frames[framesSent]!);
        if (delta.added.length + delta.removed.length + delta.roots.length + delta.frames.length > 0) opts.onDelta(delta);
        delta = emptyDelta();
      };
      try {
        for (;;) {
          const more = walker.next(out);
          for (const candidate of out) {
            const { scope } = candidate;
            if (skip(candidate.element) || handled.has(scope) || !scope.isConnected) continue;
            const waiting = pass.texts.length + pass.unknown.length;
            const fields = judge(candidate, pass);
            if (pass.texts.length + pass.unknown.length > waiting) scopeGen.set(scope, pass.gen);
            if (fields.length === 0) continue;
            const list = byScope.get(scope);
            if (list) list.push(...fields);
            else byScope.set(scope, fields);
            delta.added.push(...fields);
          }
          out.length = 0;
          if (!more) break;
          if (performance.now() - sliceStart < sliceMs) continue;
          deliver();
          await opts.pause();
          if (opts.cancelled?.()) return stats;
          stats.slices++;
          sliceStart = performance.now();
          // The record may have changed during the pause: texts read from now on belong to the current one.
          pass = newPass(doc, false);
        }
        deliver();
        return stats;
      } finally {
        handledDuringJob = null;
      }
    },

    /** Forget everything and scan the whole document at once. */
    scanAll(doc: Document): ScanDelta {
      const delta = emptyDelta();
      reset(delta);
      scanFrom(doc, delta);
      scheduleFlush();
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
        // A shadow root inside a field scope (the item's own) is part of that scope: rescan the scope.
        if (isShadowRoot(el)) {
          if (!skip(el.host)) starts.add(closestComposed(el.host, scopeSelector) ?? el);
        } else if (!skip(el)) starts.add(closestComposed(el, scopeSelector) ?? el);
      }
      for (const start of outermost(starts)) scanFrom(start, delta);
      scheduleFlush();
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
        // A shadow root changed directly (a child of the root itself): look from its host.
        const el = node.nodeType === 1 ? (node as Element) : isShadowRoot(node) ? node.host : composedParent(node);
        if (!el || skip(el)) continue;
        const scope = closestComposed(el, scopeSelector) ?? (byScope.has(el) || scopeGen.has(el) ? el : null);
        if (scope) scopes.add(scope);
      }
      const delta = emptyDelta();
      for (const scope of outermost(scopes)) scanFrom(scope, delta);
      scheduleFlush();
      return delta;
    },

    /** Drop fields (and value requests) under removed nodes (those no longer connected). */
    forget(nodes: Iterable<Node>): ScanDelta {
      const delta = emptyDelta();
      for (const node of nodes) {
        if (node.nodeType !== 1 || node.isConnected) continue;
        walkRoots(node as Element, env, (el) => {
          const fields = byScope.get(el);
          handledDuringJob?.add(el);
          scopeGen.delete(el);
          if (fields) {
            delta.removed.push(...fields);
            byScope.delete(el);
          }
        });
      }
      scheduleFlush();
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
      for (const scope of scopeGen.keys()) if (!scope.isConnected) scopeGen.delete(scope);
      scheduleFlush();
      return delta;
    },

    fields(): DetectedField[] {
      return [...byScope.values()].flat();
    },

    /** Listen for fields found in displayed values, which arrive after the scan that read them. */
    onValueFields(listener: (delta: ScanDelta) => void): () => void {
      valueListeners.add(listener);
      return () => {
        valueListeners.delete(listener);
      };
    },

    /** Field descriptions and displayed texts queued or awaiting the detector's answer. */
    pendingValues: outstanding,

    /** Resolves once every field and displayed text read so far has been answered and merged (or dropped as stale). */
    async valuesSettled(): Promise<void> {
      // A verdict can queue a text search: wait for the fields first, then the texts they asked for.
      while (outstanding() > 0) {
        await pendingFields?.settled();
        await values.settled();
      }
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
