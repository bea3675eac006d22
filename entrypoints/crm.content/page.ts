/**
 * The page model every content feature shares: which adapter runs, the record in
 * view, the fields found, the policy. Features read it and subscribe to its
 * changes; only the page-scan feature writes fields and context.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CrmAdapter, RecordContext } from '@/lib/crm/adapter';
import type { DetectedField, ScanDelta, Scanner } from '@/lib/scan/scanner';
import type { ScanEnv } from '@/lib/scan/composed';
import type { FieldReport } from '@/lib/messages/record';
import type { PageState } from '@/lib/messages/protocol';
import type { PagePolicy } from './policy';

/** Tag prefix of every element this extension puts on a page; scans and observers skip them. */
export const OWN_TAG_PREFIX = 'CRM-PRIVACY-GUARD';

const OWN_LOCAL_PREFIX = OWN_TAG_PREFIX.toLowerCase();

/** Asked for every shadow host and field the scan meets: `localName` is read as stored, `tagName` is upper-cased on each read. */
export function isOwnNode(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith(OWN_LOCAL_PREFIX);
}

export interface PageEvents {
  context: { previous: RecordContext | null; current: RecordContext | null };
  fields: { added: readonly DetectedField[]; removed: readonly DetectedField[] };
  policy: { previous: PagePolicy; current: PagePolicy };
}

type Listener<K extends keyof PageEvents> = (event: PageEvents[K]) => void;

/** The parts of the page state other features fill in. */
export type ProvidedPart = 'warnings' | 'consent';

export interface PageModel {
  readonly adapter: CrmAdapter;
  readonly env: ScanEnv;
  readonly scanner: Scanner;
  context(): RecordContext | null;
  fields(): readonly DetectedField[];
  policy(): PagePolicy;
  setContext(context: RecordContext | null): void;
  applyDelta(delta: ScanDelta): void;
  setPolicy(policy: PagePolicy): void;
  on<K extends keyof PageEvents>(event: K, listener: Listener<K>): () => void;
  /** Bring fields up to date with pending DOM changes (set by page-scan). */
  settle: () => void;
  /** The state the background asks for: context and every detected field, never a value. */
  state(): PageState;
  /** A feature's part of the state (the input guard's warnings, the consent summary); the latest provider wins. */
  provide<K extends ProvidedPart>(part: K, provider: () => PageState[K]): void;
  /**
   * Resolves once every displayed value read so far has been searched and its
   * findings merged: `state()` is complete after it. (The text search answers
   * asynchronously; a caller that needs the full report awaits this first.)
   */
  valuesSettled(): Promise<void>;
}

export interface ContentFeature {
  /** Folder name under features/. */
  id: string;
  init(ctx: ContentScriptContext, page: PageModel): void;
}

export function defineFeature(feature: ContentFeature): ContentFeature {
  return feature;
}

const MAX_REPORTED_FIELDS = 5000;

export function toFieldReport(f: DetectedField): FieldReport {
  return {
    label: f.label.slice(0, 300),
    kind: f.kind,
    confidence: Math.min(1, Math.max(0, f.confidence)),
    inShadowRoot: f.inShadowRoot,
    reasonCode: f.reasonCode.slice(0, 40),
    editable: f.editable,
  };
}

export function createPageModel(init: { adapter: CrmAdapter; env: ScanEnv; scanner: Scanner; policy: PagePolicy; context: RecordContext | null }): PageModel {
  let context = init.context;
  let policy = init.policy;
  const listeners: { [K in keyof PageEvents]: Set<Listener<K>> } = { context: new Set(), fields: new Set(), policy: new Set() };
  const emit = <K extends keyof PageEvents>(event: K, payload: PageEvents[K]) => {
    for (const listener of listeners[event]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing feature must not stop the others; the message carries no page data.
        console.warn(`[privacy-guard] ${event} listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  const providers: { [K in ProvidedPart]?: () => PageState[K] } = {};
  const model: PageModel = {
    adapter: init.adapter,
    env: init.env,
    scanner: init.scanner,
    context: () => context,
    fields: () => init.scanner.fields(),
    policy: () => policy,
    setContext(next) {
      if (JSON.stringify(next) === JSON.stringify(context)) return;
      const previous = context;
      context = next;
      emit('context', { previous, current: next });
    },
    applyDelta(delta) {
      if (delta.added.length === 0 && delta.removed.length === 0) return;
      emit('fields', { added: delta.added, removed: delta.removed });
    },
    setPolicy(next) {
      const previous = policy;
      policy = next;
      emit('policy', { previous, current: next });
    },
    on(event, listener) {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    },
    settle: () => {},
    valuesSettled: () => init.scanner.valuesSettled(),
    state() {
      model.settle();
      return {
        context,
        fields: init.scanner.fields().slice(0, MAX_REPORTED_FIELDS).map(toFieldReport),
        warnings: providers.warnings?.() ?? [],
        consent: providers.consent?.() ?? null,
      };
    },
    provide(part, provider) {
      (providers as Record<ProvidedPart, unknown>)[part] = provider;
    },
  };
  return model;
}
