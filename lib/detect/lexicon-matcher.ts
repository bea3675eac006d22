/**
 * Token-level phrase matching in linear time: words are found with one pattern,
 * folded (lower case, no diacritics), and looked up in maps keyed by the first
 * word of each phrase; '*'-terminated words match by prefix.
 */
import { rx } from './regex-registry';

const MARKS = rx('lexicon-combining-marks', /\p{M}/gu);

export interface Token {
  word: string;
  start: number;
  end: number;
}

export function fold(word: string): string {
  const lower = word.toLowerCase();
  let ascii = true;
  for (let i = 0; i < lower.length && ascii; i++) ascii = lower.charCodeAt(i) < 128;
  if (ascii) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace('ß', 'ss');
}

const WORD_CHAR = rx('lexicon-word-char', /[\p{L}\p{N}\p{M}]/u);

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text[i]!);
}

/** Words (letters, digits, combining marks) between `from` and `to`, folded. A hand-written loop: faster than a Unicode regex per word. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let start = -1;
  // Whether the current word is all lower-case ASCII (already folded: most words), or ASCII (lower-casing is all fold would do).
  let plain = true;
  let ascii = true;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    // Surrogate pairs (astral letters) count as word characters when the pair is a letter.
    const word = i < to && (c >= 0xd800 && c <= 0xdbff ? WORD_CHAR.test(text.slice(i, i + 2)) : c >= 0xdc00 && c <= 0xdfff ? start >= 0 : isWordChar(c, text, i));
    if (word) {
      if (start < 0) {
        start = i;
        plain = true;
        ascii = true;
      }
      if (c >= 128) plain = ascii = false;
      else if (c >= 65 && c <= 90) plain = false;
    } else if (start >= 0) {
      const raw = text.slice(start, i);
      out.push({ word: plain ? raw : ascii ? raw.toLowerCase() : fold(raw), start, end: i });
      start = -1;
    }
  }
  return out;
}

interface Head<T> {
  /** some exact first word has this head */
  exact: boolean;
  stems: { stem: string; entries: Entry<T>[] }[];
}

interface Entry<T> {
  words: readonly string[];
  tag: T;
}

/** A phrase set compiled for lookup by first word or first-word prefix. */
export class Lexicon<T> {
  private readonly exact = new Map<string, Entry<T>[]>();
  /** stems grouped by their first three letters: a word looks up its own head and tests the few stems there */
  /**
   * Words of three letters or more are first looked up by their head (an integer key, no string hashing):
   * most words of a note have no entry there, and stop after that one lookup.
   */
  private readonly heads = new Map<number | string, Head<T>>();

  private head(key: number | string): Head<T> {
    let h = this.heads.get(key);
    if (h === undefined) this.heads.set(key, (h = { exact: false, stems: [] }));
    return h;
  }

  add(phrases: string, tag: T): this {
    for (const phrase of phrases.split('|')) {
      const words = phrase
        .split(' ')
        .filter((w) => w !== '')
        .map((w) => (w.endsWith('*') ? `${fold(w.slice(0, -1))}*` : fold(w)));
      const first = words[0];
      if (first === undefined) continue;
      const entry = { words, tag };
      if (first.endsWith('*')) {
        const stem = first.slice(0, -1);
        if (stem.length < 3) throw new Error(`stem too short: ${phrase}`);
        const list = this.head(headKey(stem)).stems;
        const known = list.find((x) => x.stem === stem);
        if (known) known.entries.push(entry);
        else list.push({ stem, entries: [entry] });
      } else {
        push(this.exact, first, entry);
        if (first.length >= 3) this.head(headKey(first)).exact = true;
      }
    }
    return this;
  }

  /** Tags of every phrase that matches at token index `i`, with the index after the phrase. */
  matchAt(tokens: readonly Token[], i: number): { tag: T; next: number }[] {
    const tags: T[] = [];
    const nexts: number[] = [];
    this.collect(tokens, i, tags, nexts);
    return tags.map((tag, k) => ({ tag, next: nexts[k]! }));
  }

  /** True when any phrase starts at token `i` and ends before token `end` (a sentence's bound, so no slice is needed). */
  startsAt(tokens: readonly Token[], i: number, end = tokens.length): boolean {
    if (i >= end) return false;
    const first = tokens[i]?.word;
    if (first === undefined) return false;
    const head = first.length >= 3 ? this.heads.get(headKey(first)) : undefined;
    if (head === undefined && first.length >= 3) return false;
    const exact = head === undefined || head.exact ? this.exact.get(first) : undefined;
    if (exact) for (const e of exact) if (matchesRest(e, tokens, i, end)) return true;
    if (head) for (const { stem, entries } of head.stems) if (first.startsWith(stem)) for (const e of entries) if (matchesRest(e, tokens, i, end)) return true;
    return false;
  }

  /** Push the tag (and end index) of every phrase that starts at token `i` into the caller's arrays: no allocation per token. */
  collect(tokens: readonly Token[], i: number, tags: T[], nexts?: number[]): void {
    const first = tokens[i]?.word;
    if (first === undefined) return;
    const head = first.length >= 3 ? this.heads.get(headKey(first)) : undefined;
    if (head === undefined && first.length >= 3) return;
    const exact = head === undefined || head.exact ? this.exact.get(first) : undefined;
    if (exact) {
      for (const e of exact) {
        if (!matchesRest(e, tokens, i)) continue;
        tags.push(e.tag);
        nexts?.push(i + e.words.length);
      }
    }
    if (!head) return;
    for (const { stem, entries } of head.stems) {
      if (!first.startsWith(stem)) continue;
      for (const e of entries) {
        if (!matchesRest(e, tokens, i)) continue;
        tags.push(e.tag);
        nexts?.push(i + e.words.length);
      }
    }
  }
}

/** The first three letters as a small integer when they allow (no string is cut per token), else as a string. */
function headKey(word: string): number | string {
  const a = word.charCodeAt(0);
  const b = word.charCodeAt(1);
  const c = word.charCodeAt(2);
  return a < 1024 && b < 1024 && c < 1024 ? (a << 20) | (b << 10) | c : word.slice(0, 3);
}

function matchesRest<T>(e: Entry<T>, tokens: readonly Token[], i: number, end = tokens.length): boolean {
  if (i + e.words.length > end) return false;
  for (let k = 1; k < e.words.length; k++) if (!wordMatches(e.words[k]!, tokens[i + k]?.word)) return false;
  return true;
}

function wordMatches(pattern: string, word: string | undefined): boolean {
  if (word === undefined) return false;
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
