/**
 * Token-level phrase matching in linear time: words are found with one pattern,
 * folded (lower case, no diacritics), and looked up in maps keyed by the first
 * word of each phrase; '*'-terminated words match by prefix.
 */
import { rx } from './regex-registry';

const WORD = rx('lexicon-word', /[\p{L}\p{N}]+/gu);
const MARKS = rx('lexicon-combining-marks', /\p{M}/gu);
const ASCII_ONLY = rx('lexicon-ascii-only', /^[\x00-\x7f]*$/);

export interface Token {
  word: string;
  start: number;
  end: number;
}

export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace('ß', 'ss');
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null && m.index < to) {
    out.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface Entry<T> {
  words: readonly string[];
  tag: T;
}

/** A phrase set compiled for lookup by first word or first-word prefix. */
export class Lexicon<T> {
  private readonly exact = new Map<string, Entry<T>[]>();
  private readonly prefix = new Map<string, Entry<T>[]>();
  private readonly prefixLengths = new Set<number>();

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
        this.prefixLengths.add(stem.length);
        push(this.prefix, stem, entry);
      } else push(this.exact, first, entry);
    }
    return this;
  }

  /** Tags of every phrase that matches at token index `i`, with the index after the phrase. */
  matchAt(tokens: readonly Token[], i: number): { tag: T; next: number }[] {
    const first = tokens[i]?.word;
    if (first === undefined) return [];
    const found: { tag: T; next: number }[] = [];
    const candidates: Entry<T>[] = [...(this.exact.get(first) ?? [])];
    for (const len of this.prefixLengths) {
      if (first.length >= len) candidates.push(...(this.prefix.get(first.slice(0, len)) ?? []));
    }
    for (const e of candidates) {
      let ok = true;
      for (let k = 1; k < e.words.length && ok; k++) ok = wordMatches(e.words[k]!, tokens[i + k]?.word);
      if (ok) found.push({ tag: e.tag, next: i + e.words.length });
    }
    return found;
  }
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
