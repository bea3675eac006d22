/**
 * Scans the page once, then keeps the fields current: mutation batches rescan
 * only what changed (on an idle callback, at most ~100 ms late), record changes
 * update the context the moment the URL moves. Fields found in displayed values
 * arrive later, when the detector's text search answers, and are applied like
 * any other delta (badges, popup, diagnostics and record-view events see them
 * through the page model's `fields` event). Every observer, listener and timer
 * goes through the content-script context, so all of it ends on invalidation.
 */
import { createMutationBatcher, type MutationBatch } from '@/lib/scan/live';
import type { ScanDelta } from '@/lib/scan/scanner';
import { defineFeature, isOwnNode, type PageModel } from '../../page';
import { watchLocation } from './navigation';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Idle-callback deadline: a lazy section gets its badges within this even on a busy page. */
const BATCH_TIMEOUT_MS = 100;
/** Work per slice of the first scan: far below the 50 ms long-task line, few enough slices to finish fast. */
const SLICE_MS = 12;

function merge(...deltas: ScanDelta[]): ScanDelta {
  return {
    added: deltas.flatMap((d) => d.added),
    removed: deltas.flatMap((d) => d.removed),
    roots: deltas.flatMap((d) => d.roots),
    frames: deltas.flatMap((d) => d.frames),
  };
}

function start(ctx: ContentScriptContext, page: PageModel): void {
  const { scanner, adapter } = page;
  const watchedFrames = new WeakSet<HTMLIFrameElement>();

  const apply = (delta: ScanDelta) => {
    for (const root of delta.roots) batcher.observe(root);
    for (const frame of delta.frames) watchFrame(frame);
    // Fields removed and added for the same element in one pass are a refresh, not a change of the page.
    page.applyDelta(delta);
  };

  const onBatch = (batch: MutationBatch) => {
    apply(merge(scanner.forget(batch.removed), scanner.scanChanged(batch.added), scanner.rescanScopes(batch.touched), scanner.scanChanged(batch.attributed)));
  };

  const location = watchLocation(ctx, (href) => {
    apply(scanner.prune());
    page.setContext(adapter.context(new URL(href), document));
  });

  const batcher = createMutationBatcher({
    schedule: (flush) => {
      if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(flush, { timeout: BATCH_TIMEOUT_MS });
      else ctx.setTimeout(flush, 16);
    },
    onBatch,
    onSignal: () => location.checkSoon(),
    ignore: isOwnNode,
  });
  ctx.onInvalidated(() => batcher.disconnect());

  const watchFrame = (frame: HTMLIFrameElement) => {
    if (watchedFrames.has(frame)) return;
    watchedFrames.add(frame);
    // A same-origin frame that navigates gets a new document: drop the old one's fields, scan the new one.
    ctx.addEventListener(frame, 'load', () => apply(merge(scanner.prune(), scanner.scanChanged([frame]))));
  };

  // Kinds found in displayed values arrive after the scan that read them (the text search answers asynchronously).
  ctx.onInvalidated(scanner.onValueFields(apply));
  page.settle = () => batcher.flush();
  batcher.observe(document);
  page.setContext(adapter.context(new URL(window.location.href), document));
  // The first scan judges every field on the page: in slices, so the CRM never sees a long task from us.
  void scanner.scanAllSliced(document, {
    sliceMs: SLICE_MS,
    pause: () => new Promise<void>((resolve) => ctx.setTimeout(resolve, 0)),
    onDelta: apply,
    cancelled: () => ctx.isInvalid,
  });
}

export default defineFeature({ id: 'page-scan', init: start });
