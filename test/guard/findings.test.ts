import { describe, expect, it } from 'vitest';
import { diffText, rescan } from '@/lib/guard/findings';
import { scanText } from '@/lib/detect/index';

describe('diffText', () => {
  it('finds an insertion, a deletion and a replacement', () => {
    expect(diffText('abc', 'abXc')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
    expect(diffText('abXc', 'abc')).toEqual({ start: 2, oldEnd: 3, newEnd: 2 });
    expect(diffText('hello world', 'hello there')).toEqual({ start: 6, oldEnd: 11, newEnd: 11 });
    expect(diffText('same', 'same')).toBeNull();
    expect(diffText('aaa', 'aaaa')).toEqual({ start: 3, oldEnd: 3, newEnd: 4 });
  });
});

const FILLER = 'We discussed the renewal and the delivery schedule for next quarter. ';
const PIECES = [
  'Customer IBAN DE89 3704 0044 0532 0130 00 for refunds. ',
  'He was treated in hospital for diabetes last year. ',
  'Card 4111 1111 1111 1111 was charged. ',
  'Mail max.mustermann@example.com please. ',
];

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('rescan', () => {
  it('equals a whole scan after random edits in a long note', () => {
    const rand = rng(7);
    let text = FILLER.repeat(40);
    let findings = scanText(text);
    for (let step = 0; step < 120; step++) {
      const at = Math.floor(rand() * text.length);
      const op = rand();
      let next: string;
      if (op < 0.4) next = text.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)]! + text.slice(at);
      else if (op < 0.7) next = text.slice(0, at) + text.slice(Math.min(text.length, at + Math.floor(rand() * 30)));
      else next = text.slice(0, at) + 'x' + text.slice(at);
      findings = rescan(text, findings, next);
      text = next;
      expect(findings).toEqual(scanText(text));
    }
  });

  it('typing an IBAN character by character at the end of a long note finds it', () => {
    let text = FILLER.repeat(20);
    let findings = scanText(text);
    for (const ch of 'Bitte auf DE89 3704 0044 0532 0130 00 überweisen.') {
      const next = text + ch;
      findings = rescan(text, findings, next);
      text = next;
    }
    expect(findings.map((f) => f.kind)).toEqual(['bank_account']);
  });
});
