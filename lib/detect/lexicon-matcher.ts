/**
 * Phrase lexicons matched in linear time without per-word strings: every word
 * of every phrase is a path in one character trie over folded letters (lower
 * case, no diacritics), so a scanner steps the trie while it reads a word's
 * characters and knows the word's ids when the word ends. Phrases are
 * sequences of word ids, looked up by their first word; a '*'-terminated word
 * matches any word that starts with it.
 */
import { rx } from './regex-registry';

const MARKS = rx('lexicon-combining-marks', /\p{M}/gu);

/** Lower case without diacritics ("Gewerkschäft" → "gewerkschaft", "ß" → "ss"). Field classification uses it too. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  let ascii = true;
  for (let i = 0; i < lower.length && ascii; i++) ascii = lower.charCodeAt(i) < 128;
  if (ascii) return lower;
  return lower.normalize('NFD').replace(MARKS, '').split('ß').join('ss');
}

const WORD_CHAR = rx('lexicon-word-char', /[\p{L}\p{N}\p{M}]/u);

/** Trie slots: a-z then 0-9. */
const SLOTS = 36;
export const TRIE_SLOTS = SLOTS;
/** Folded ASCII slot of a character below 0x250 (Latin-1 and Latin Extended-A/B), or a class below. */
const FOLD = new Int8Array(0x250);
/** A word character with no trie slot: the word can match no lexicon word. */
const DEAD = -1;
/** Not a word character. */
const NOT_WORD = -2;
/** A combining mark (decomposed text): part of the word, skipped when matching, as fold() drops it. */
const MARK = -3;
/** "ß": two slots, "ss". */
const SHARP_S = -4;
const slotOf = (ch: string): number => {
  const c = ch.charCodeAt(0);
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 48 + 26;
  return DEAD;
};
for (let c = 0; c < FOLD.length; c++) {
  const ch = String.fromCharCode(c);
  if (!WORD_CHAR.test(ch)) FOLD[c] = NOT_WORD;
  else if (c === 0xdf) FOLD[c] = SHARP_S;
  else {
    const f = fold(ch);
    FOLD[c] = f.length === 1 ? slotOf(f) : DEAD;
  }
}

/**
 * Class of the character at `i`: a trie slot (0..35), DEAD, NOT_WORD, MARK or
 * SHARP_S. Characters above the table are tested with one Unicode regex (rare in
 * the six languages); a surrogate pair counts as a word character when it is a letter.
 */
export function charClass(text: string, i: number, c: number): number {
  if (c < 0x250) return FOLD[c]!;
  if (c >= 0x300 && c <= 0x36f) return MARK;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2)) ? DEAD : NOT_WORD;
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff && WORD_CHAR.test(text.slice(i - 1, i + 1)) ? DEAD : NOT_WORD;
  return WORD_CHAR.test(text[i]!) ? DEAD : NOT_WORD;
}
export const CHAR = { DEAD, NOT_WORD, MARK, SHARP_S } as const;
/** The class table for characters below 0x250, for scanners that inline the common case of charClass. */
export const FOLD_CLASS: Readonly<Int8Array> = FOLD;

export interface Phrase<T> {
  /** word ids after the first */
  rest: Int32Array;
  tag: T;
}

/** A character trie over slots, with one word id per node for each of two word forms. */
class Trie {
  /** child node of node n for slot s at n * SLOTS + s; 0 means none (the root is never a child) */
  child = new Int32Array(SLOTS * 64);
  nodes = 1;
  /** per node: id of the word ending here, or -1 */
  exactAt = new Int32Array(64).fill(-1);
  /** per node: id of the stem ('word*') ending here, or -1 */
  stemAt = new Int32Array(64).fill(-1);

  insert(word: string, raw: string): number {
    let node = 0;
    for (const ch of word) {
      const slot = slotOf(ch);
      if (slot < 0) throw new Error(`lexicon word with a character outside a-z0-9: ${raw}`);
      let next = this.child[node * SLOTS + slot]!;
      if (next === 0) {
        next = this.nodes++;
        this.grow();
        this.child[node * SLOTS + slot] = next;
      }
      node = next;
    }
    return node;
  }

  private grow(): void {
    if (this.nodes <= this.exactAt.length) return;
    const n = this.exactAt.length * 2;
    const child = new Int32Array(n * SLOTS);
    child.set(this.child);
    this.child = child;
    const exact = new Int32Array(n).fill(-1);
    exact.set(this.exactAt);
    this.exactAt = exact;
    const stems = new Int32Array(n).fill(-1);
    stems.set(this.stemAt);
    this.stemAt = stems;
  }
}

/**
 * A phrase set compiled into word tries and phrase lists keyed by first word
 * id. Words are written 'word' (exact), 'stem*' (any word starting so) or
 * '*head' (a compound ending so, after at least three letters: "Brustkrebs").
 */
export class PhraseLexicon<T> {
  private readonly forward = new Trie();
  /** compound heads, reversed */
  private readonly backward = new Trie();
  private readonly ids = new Map<string, number>();
  /** phrases by the id of their first word */
  readonly byFirst: Phrase<T>[][] = [];
  /** tags of one-word phrases, by word id */
  readonly single: T[][] = [];
  /**
   * Longer phrases by their first two word ids (first * 65536 + second), with
   * the words after the second: a word that starts a hundred phrases ("votes
   * for …" every party) costs one lookup per id of the next word, not a hundred.
   */
  readonly pairs = new Map<number, Phrase<T>[]>();
  /** per word id: 1 when it starts a phrase of two words or more */
  startsPair = new Uint8Array(0);

  /** Add '|'-separated phrases of space-separated words. */
  add(phrases: string, tag: T): this {
    for (const phrase of phrases.split('|')) {
      const words = splitWords(phrase);
      if (words.length === 0) continue;
      const ids = words.map((w) => this.wordId(w));
      const first = ids[0]!;
      (this.byFirst[first] ??= []).push({ rest: Int32Array.from(ids.slice(1)), tag });
      if (ids.length === 1) (this.single[first] ??= []).push(tag);
      else {
        const key = first * 65536 + ids[1]!;
        const list = this.pairs.get(key);
        const p = { rest: Int32Array.from(ids.slice(2)), tag };
        if (list) list.push(p);
        else this.pairs.set(key, [p]);
        if (this.startsPair.length <= first) {
          const grown = new Uint8Array(Math.max(first + 1, this.startsPair.length * 2, 256));
          grown.set(this.startsPair);
          this.startsPair = grown;
        }
        this.startsPair[first] = 1;
      }
    }
    if (this.ids.size >= 65536) throw new Error('lexicon too large for pair keys');
    return this;
  }

  /** The trie node reached from `node` by slot `slot`, or 0. */
  step(node: number, slot: number): number {
    return this.forward.child[node * SLOTS + slot]!;
  }

  exactId(node: number): number {
    return this.forward.exactAt[node]!;
  }

  stemId(node: number): number {
    return this.forward.stemAt[node]!;
  }

  /** Step the reversed trie of compound heads. */
  stepBack(node: number, slot: number): number {
    return this.backward.child[node * SLOTS + slot]!;
  }

  headId(node: number): number {
    return this.backward.exactAt[node]!;
  }

  /** Whether any compound head is known (scanners skip the backward walk otherwise). */
  get hasHeads(): boolean {
    return this.backward.nodes > 1;
  }

  /**
   * The trie arrays themselves, for a scanner's inner loop (index node * TRIE_SLOTS + slot).
   * Take them after the last word is added: adding may replace them.
   */
  tables(): { child: Int32Array; stemAt: Int32Array; exactAt: Int32Array; backChild: Int32Array; headAt: Int32Array } {
    return { child: this.forward.child, stemAt: this.forward.stemAt, exactAt: this.forward.exactAt, backChild: this.backward.child, headAt: this.backward.exactAt };
  }

  /** Number of word ids; ids are 0..size-1. */
  get size(): number {
    return this.ids.size;
  }

  /** Id of a word as written in a phrase, adding it to a trie when new. */
  wordId(raw: string): number {
    const stem = raw.endsWith('*');
    const head = !stem && raw.startsWith('*');
    const word = fold(stem ? raw.slice(0, -1) : head ? raw.slice(1) : raw);
    if ((stem || head) && word.length < 3) throw new Error(`stem too short: ${raw}`);
    const key = stem ? `${word}*` : head ? `*${word}` : word;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(key, id);
    if (head) {
      // insert() may grow the arrays: read exactAt after it.
      const node = this.backward.insert([...word].reverse().join(''), raw);
      this.backward.exactAt[node] = id;
    }
    else {
      const node = this.forward.insert(word, raw);
      (stem ? this.forward.stemAt : this.forward.exactAt)[node] = id;
    }
    return id;
  }

  /** Ids of a single word (tests and tools; scanners step the tries instead). */
  idsOf(word: string): number[] {
    const out: number[] = [];
    const f = fold(word);
    let node = 0;
    for (const ch of f) {
      const slot = slotOf(ch);
      node = slot < 0 ? 0 : this.step(node, slot);
      if (node === 0) break;
      const s = this.stemId(node);
      if (s >= 0) out.push(s);
    }
    const e = node === 0 ? -1 : this.exactId(node);
    if (e >= 0) out.push(e);
    let back = 0;
    for (let i = f.length - 1; i >= 3; i--) {
      const slot = slotOf(f[i]!);
      back = slot < 0 ? 0 : this.stepBack(back, slot);
      if (back === 0) break;
      const h = this.headId(back);
      if (h >= 0) out.push(h);
    }
    return out;
  }
}

/** Words of a lexicon phrase split as the scanner splits text ("burn-out" is two words); a '*' stays on its word. */
function splitWords(phrase: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const ch of fold(phrase)) {
    if (ch === '*' || slotOf(ch) >= 0) word += ch;
    else if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (word !== '') words.push(word);
  return words;
}

/**
 * Words of a span with their lexicon ids, in reusable typed arrays (no object
 * or string per word). Token t has ids ids[idFrom[t]] .. ids[idFrom[t + 1] - 1].
 */
export class TokenBuffer {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** clause punctuation (, ; : ( ) dashes) between the previous token and this one */
  punctBefore = new Uint8Array(256);
  /** the word starts with a capital letter */
  cap = new Uint8Array(256);
  idFrom = new Int32Array(257);
  ids = new Int32Array(512);
  idCount = 0;

  reset(): void {
    this.count = 0;
    this.idCount = 0;
    this.idFrom[0] = 0;
  }

  pushId(id: number): void {
    if (this.idCount === this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    this.ids[this.idCount++] = id;
  }

  /** Close token `count` spanning [s, e); its ids are those pushed since the previous token. */
  close(s: number, e: number, punct: boolean, cap = false): void {
    const t = this.count;
    if (t + 1 >= this.start.length) {
      const n = this.start.length * 2;
      const grow = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
        const b = make(n + 1);
        b.set(a);
        return b;
      };
      this.start = grow(this.start, (k) => new Int32Array(k));
      this.end = grow(this.end, (k) => new Int32Array(k));
      this.punctBefore = grow(this.punctBefore, (k) => new Uint8Array(k));
      this.cap = grow(this.cap, (k) => new Uint8Array(k));
      this.idFrom = grow(this.idFrom, (k) => new Int32Array(k));
    }
    this.start[t] = s;
    this.end[t] = e;
    this.punctBefore[t] = punct ? 1 : 0;
    this.cap[t] = cap ? 1 : 0;
    this.idFrom[t + 1] = this.idCount;
    this.count = t + 1;
  }

  has(t: number, id: number): boolean {
    for (let k = this.idFrom[t]!, e = this.idFrom[t + 1]!; k < e; k++) if (this.ids[k] === id) return true;
    return false;
  }
}

/**
 * Call `visit(tag, t, next)` for every phrase of `lex` that starts at token `t`
 * and ends before token `limit` (`next` is the token after the phrase).
 */
export function phrasesAt<T>(lex: PhraseLexicon<T>, toks: TokenBuffer, t: number, limit: number, visit: (tag: T, t: number, next: number) => void): void {
  for (let k = toks.idFrom[t]!, e = toks.idFrom[t + 1]!; k < e; k++) {
    const list = lex.byFirst[toks.ids[k]!];
    if (list === undefined) continue;
    for (const p of list) {
      const n = p.rest.length;
      if (t + n >= limit) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = toks.has(t + 1 + j, p.rest[j]!);
      if (ok) visit(p.tag, t, t + 1 + n);
    }
  }
}
