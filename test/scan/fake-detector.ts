import type { Detector, TextHit, TextItem } from '../../lib/scan/detector';
import type { FieldDescriptor } from '../../lib/detect/field-descriptor';
import type { Kind } from '../../lib/detect/kinds';

const LABELS: ReadonlyArray<readonly [RegExp, Kind]> = [
  [/e-?mail/i, 'email'],
  [/mobile|phone|telefon/i, 'phone'],
  [/birth|geburt/i, 'birthdate'],
  [/diagnos/i, 'health'],
];

export function fakeScanText(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (const m of text.matchAll(/\bDE\d{2}(?: ?\d{4}){4} ?\d{2}\b/g)) hits.push({ kind: 'bank_account', start: m.index, end: m.index + m[0].length, confidence: 0.99, rule: 'iban' });
  for (const m of text.matchAll(/[\w.]{1,64}@[\w-]{1,63}\.[a-z]{2,10}/g)) hits.push({ kind: 'email', start: m.index, end: m.index + m[0].length, confidence: 0.95, rule: 'email' });
  return hits;
}

/**
 * A stand-in classifier with the engine's contract; counts its calls so tests can
 * check the work done, and records every batch of texts it was asked to search.
 * Text answers resolve on a microtask, as an in-process engine would.
 */
export function fakeDetector() {
  const calls = { classify: 0, scan: 0, batches: [] as TextItem[][] };
  const detector: Detector = {
    classifyField(desc: FieldDescriptor) {
      calls.classify++;
      const hit = LABELS.find(([re]) => re.test(desc.label ?? ''));
      return hit
        ? { kind: hit[1], confidence: 0.9, reasonCode: 'label', reason: `label “${desc.label}”` }
        : { kind: null, confidence: 0, reasonCode: 'none', reason: 'no cue' };
    },
    async scanTexts(items) {
      calls.batches.push([...items]);
      calls.scan += items.length;
      return items.map((i) => fakeScanText(i.text));
    },
  };
  return { detector, calls };
}

/** A detector whose text answers wait until the test releases (or fails) them, one batch at a time. */
export function heldDetector() {
  const { detector: base, calls } = fakeDetector();
  const held: { items: readonly TextItem[]; resolve: () => void; reject: (e: Error) => void }[] = [];
  const detector: Detector = {
    classifyField: base.classifyField,
    scanTexts(items) {
      calls.batches.push([...items]);
      return new Promise((resolve, reject) => {
        held.push({ items, resolve: () => resolve(items.map((i) => fakeScanText(i.text))), reject });
      });
    },
  };
  return { detector, calls, held };
}

/** Let queued microtasks and settled promises run. */
export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
