/**
 * The displayed values of read-only fields, on their way to the detector's
 * asynchronous text search and back. Texts gathered during one scan operation
 * go out together (one `scanTexts` call per slice or change batch, split at
 * MAX_ITEMS texts or MAX_CHARS characters); each request carries the generation
 * of its field scope and the record it was read on, so an answer for a scope
 * rescanned or removed meanwhile, or for a record the page has left, is dropped.
 *
 * A text is held only until its answer arrives; it is never reported or logged.
 * When the detector cannot be reached (the promise rejects), the requests whose
 * scope is still current are kept and sent again with the next batch.
 */
import type { Detector, TextHit } from './detector';

export interface ValueRequest<F> {
  scope: Element;
  /** What the answer is turned into fields with (element, label, the field's own kind). */
  field: F;
  text: string;
  lang?: string;
  /** Generation of `scope` when the text was read. */
  gen: number;
  /** The record the page showed when the text was read. */
  record: string;
}

export interface ValueQueueOptions<F> {
  detector: Detector;
  /** Whether the request's scope is unchanged (same generation, still on the page). */
  current(request: ValueRequest<F>): boolean;
  /** The record the page shows now (compared with each request's `record`). */
  record(): string;
  /** An answer for current requests, in request order, one call per answered batch. */
  onAnswer(answers: { request: ValueRequest<F>; hits: readonly TextHit[] }[]): void;
  maxItems?: number;
  maxChars?: number;
}

/** Texts per scanTexts call. */
export const MAX_ITEMS = 200;
/** Characters per scanTexts call (about 256 KB). */
export const MAX_CHARS = 256 * 1024;
/** Requests kept for a retry after the detector failed; the oldest go first. */
const MAX_RETRY = 2000;

export function createValueQueue<F>(options: ValueQueueOptions<F>) {
  const maxItems = options.maxItems ?? MAX_ITEMS;
  const maxChars = options.maxChars ?? MAX_CHARS;
  let queued: ValueRequest<F>[] = [];
  let retry: ValueRequest<F>[] = [];
  let inFlight = 0;
  let waiting: (() => void)[] = [];

  const settleIfIdle = () => {
    if (inFlight > 0 || queued.length > 0) return;
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };

  const send = (batch: ValueRequest<F>[]) => {
    inFlight += batch.length;
    let answer: Promise<(readonly TextHit[])[]>;
    try {
      answer = options.detector.scanTexts(batch.map((r) => (r.lang ? { text: r.text, lang: r.lang } : { text: r.text })));
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (results) => {
        inFlight -= batch.length;
        const answers: { request: ValueRequest<F>; hits: readonly TextHit[] }[] = [];
        const record = options.record();
        batch.forEach((request, i) => {
          if (request.record !== record || !options.current(request)) return;
          const hits = Array.isArray(results) ? results[i] : undefined;
          answers.push({ request, hits: Array.isArray(hits) ? hits : [] });
        });
        try {
          if (answers.length > 0) options.onAnswer(answers);
        } finally {
          settleIfIdle();
        }
      },
      () => {
        inFlight -= batch.length;
        // Unreachable detector: no value findings for now; still-current requests go out again with the next batch.
        const record = options.record();
        for (const request of batch) if (request.record === record && options.current(request)) retry.push(request);
        if (retry.length > MAX_RETRY) retry = retry.slice(retry.length - MAX_RETRY);
        settleIfIdle();
      },
    );
  };

  return {
    add(request: ValueRequest<F>): void {
      queued.push(request);
    },

    /** Send everything queued (and what failed before), in capped batches; stale requests are dropped unsent. */
    flush(): void {
      const pending = retry.length > 0 ? [...retry, ...queued] : queued;
      retry = [];
      queued = [];
      let batch: ValueRequest<F>[] = [];
      let chars = 0;
      const record = pending.length > 0 ? options.record() : '';
      for (const request of pending) {
        if (request.record !== record || !options.current(request)) continue;
        if (batch.length > 0 && (batch.length >= maxItems || chars + request.text.length > maxChars)) {
          send(batch);
          batch = [];
          chars = 0;
        }
        batch.push(request);
        chars += request.text.length;
      }
      if (batch.length > 0) send(batch);
      settleIfIdle();
    },

    /** Texts queued or awaiting an answer. */
    pending(): number {
      return queued.length + inFlight;
    },

    /** Resolves once nothing is queued or awaiting an answer (answers merged). */
    settled(): Promise<void> {
      if (inFlight === 0 && queued.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
}

export type ValueQueue<F> = ReturnType<typeof createValueQueue<F>>;
