import type { Detector, TextHit } from '../../lib/scan/detector';
import type { FieldDescriptor } from '../../lib/detect/field-descriptor';
import type { Kind } from '../../lib/detect/kinds';

const LABELS: ReadonlyArray<readonly [RegExp, Kind]> = [
  [/e-?mail/i, 'email'],
  [/mobile|phone|telefon/i, 'phone'],
  [/birth|geburt/i, 'birthdate'],
  [/diagnos/i, 'health'],
];

/** A stand-in classifier with the engine's contract; counts its calls so tests can check the work done. */
export function fakeDetector() {
  const calls = { classify: 0, scan: 0 };
  const detector: Detector = {
    classifyField(desc: FieldDescriptor) {
      calls.classify++;
      const hit = LABELS.find(([re]) => re.test(desc.label ?? ''));
      return hit
        ? { kind: hit[1], confidence: 0.9, reasonCode: 'label', reason: `label “${desc.label}”` }
        : { kind: null, confidence: 0, reasonCode: 'none', reason: 'no cue' };
    },
    scanText(text: string) {
      calls.scan++;
      const hits: TextHit[] = [];
      for (const m of text.matchAll(/\bDE\d{2}(?: ?\d{4}){4} ?\d{2}\b/g)) hits.push({ kind: 'bank_account', start: m.index, end: m.index + m[0].length, confidence: 0.99, rule: 'iban' });
      for (const m of text.matchAll(/[\w.]{1,64}@[\w-]{1,63}\.[a-z]{2,10}/g)) hits.push({ kind: 'email', start: m.index, end: m.index + m[0].length, confidence: 0.95, rule: 'email' });
      return hits;
    },
  };
  return { detector, calls };
}
