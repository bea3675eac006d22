/**
 * Turns DOM mutations into scan work: one MutationObserver watches the document
 * and every shadow root and frame document the scanner reached (mutations do not
 * cross shadow boundaries, so each root is observed on its own). Records are
 * folded into sets and handed over in one batch on the injected scheduler (idle
 * callback or animation frame), so a burst of rendering costs one pass over the
 * nodes that changed.
 */

/** Attributes that change what a field is or how it is labelled. */
export const WATCHED_ATTRIBUTES = [
  'field-label',
  'field-name',
  'data-target-selection-name',
  'data-selenium-test',
  'data-test-id',
  'aria-label',
  'aria-labelledby',
  'name',
  'type',
  'placeholder',
  'autocomplete',
  'readonly',
  'disabled',
  'contenteditable',
] as const;

export interface MutationBatch {
  /** Nodes inserted: scan their subtrees. */
  added: Node[];
  /** Nodes removed: forget their fields. */
  removed: Node[];
  /** Nodes changed in place (text, removed children, attributes): refresh the field around them. */
  touched: Node[];
  /** Elements whose watched attribute changed: their subtree is rescanned. */
  attributed: Element[];
}

export interface BatcherOptions {
  /** Run `flush` soon, once: requestIdleCallback with a timeout, or requestAnimationFrame. */
  schedule(flush: () => void): void;
  onBatch(batch: MutationBatch): void;
  /** Called synchronously for every observer callback; keep it cheap (a URL comparison). */
  onSignal?(): void;
  /** Our own UI and anything else never to scan. */
  ignore(node: Node): boolean;
}

export function createMutationBatcher(options: BatcherOptions) {
  const added = new Set<Node>();
  const removed = new Set<Node>();
  const touched = new Set<Node>();
  const attributed = new Set<Element>();
  const observed = new WeakSet<Node>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (added.size + removed.size + touched.size + attributed.size === 0) return;
    const batch: MutationBatch = { added: [...added], removed: [...removed], touched: [...touched], attributed: [...attributed] };
    added.clear();
    removed.clear();
    touched.clear();
    attributed.clear();
    options.onBatch(batch);
  };

  /** Fold records into the pending sets; true when there is work. */
  const take = (records: readonly MutationRecord[]): boolean => {
    let any = false;
    for (const record of records) {
      if (options.ignore(record.target)) continue;
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (options.ignore(node)) continue;
          added.add(node);
          any = true;
        }
        for (const node of record.removedNodes) {
          if (options.ignore(node)) continue;
          // Inserted and removed in one batch: nothing to scan.
          if (!added.delete(node)) removed.add(node);
          any = true;
        }
        if (record.removedNodes.length > 0) touched.add(record.target);
      } else if (record.type === 'characterData') {
        touched.add(record.target);
        any = true;
      } else if (record.type === 'attributes') {
        attributed.add(record.target as Element);
        any = true;
      }
    }
    return any;
  };

  const observer = new MutationObserver((records) => {
    options.onSignal?.();
    if (take(records) && !scheduled) {
      scheduled = true;
      options.schedule(flush);
    }
  });

  return {
    /** Start watching a document, shadow root or frame document (once per root). */
    observe(root: Node): void {
      if (observed.has(root)) return;
      observed.add(root);
      observer.observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: [...WATCHED_ATTRIBUTES],
      });
    },
    /** Deliver queued records now (tests, and before answering a state request). */
    flush(): void {
      take(observer.takeRecords());
      flush();
    },
    disconnect(): void {
      observer.disconnect();
      added.clear();
      removed.clear();
      touched.clear();
      attributed.clear();
    },
  };
}

export type MutationBatcher = ReturnType<typeof createMutationBatcher>;
