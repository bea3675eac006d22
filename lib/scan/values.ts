/**
 * The displayed values of read-only fields, on their way to the detector's
 * asynchronous text search and back (batched, generation-checked and retried by
 * lib/scan/answers.ts). A text is held only until its answer arrives; it is never
 * reported or logged.
 */
import type { Detector, TextHit } from './detector';
import { createAnswerQueue, type ScopedRequest } from './answers';

export interface ValueRequest<F> extends ScopedRequest {
  /** What the answer is turned into fields with (element, label, the field's own kind). */
  field: F;
  text: string;
  lang?: string;
}

export interface ValueQueueOptions<F> {
  detector: Detector;
  current(request: ValueRequest<F>): boolean;
  record(): string;
  onAnswer(answers: { request: ValueRequest<F>; hits: readonly TextHit[] }[]): void;
  maxItems?: number;
  maxChars?: number;
}

/** Texts per scanTexts call. */
export const MAX_ITEMS = 200;
/** Characters per scanTexts call (about 256 KB). */
export const MAX_CHARS = 256 * 1024;

export function createValueQueue<F>(options: ValueQueueOptions<F>) {
  return createAnswerQueue<ValueRequest<F>, readonly TextHit[]>({
    ask: (batch) => options.detector.scanTexts(batch.map((r) => (r.lang ? { text: r.text, lang: r.lang } : { text: r.text }))),
    read: (raw) => (Array.isArray(raw) ? (raw as TextHit[]) : []),
    current: options.current,
    record: options.record,
    onAnswer: (answers) => options.onAnswer(answers.map(({ request, answer }) => ({ request, hits: answer }))),
    maxItems: options.maxItems ?? MAX_ITEMS,
    maxSize: options.maxChars ?? MAX_CHARS,
    size: (r) => r.text.length,
  });
}

export type ValueQueue<F> = ReturnType<typeof createValueQueue<F>>;
