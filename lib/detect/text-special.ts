/**
 * Special-category (Art. 9) and criminal (Art. 10) statements. A sentence is a
 * finding when a category word is anchored to a person ("Kunde ist Diabetiker",
 * "she is a member of IG Metall") and not outweighed by product, market or
 * organisation context ("we sell diabetes test strips", "political situation in
 * the market"). The whole sentence is the finding, so masking removes the statement.
 */
import type { Finding, RuleId } from './finding';
import { Lexicon, tokenize, type Token } from './lexicon-matcher';
import { rx } from './regex-registry';
import { MEMBERSHIP, ORGANISATIONS, PERSON_ANCHORS, PERSON_ROLES, PERSON_VERBS, PRODUCT_MARKET, SPECIAL_CUES, SPECIAL_KINDS, type SpecialKind } from './special-lexicon';

type Tag = { cue: SpecialKind; weight: 1 | 2 } | 'anchor' | 'person' | 'product' | 'org' | 'member';

const lexicon = new Lexicon<Tag>();
// Cue words alone: most sentences have none and are skipped after one cheap pass.
const cues = new Lexicon<true>();
for (const kind of SPECIAL_KINDS) {
  lexicon.add(SPECIAL_CUES[kind].self, { cue: kind, weight: 2 });
  lexicon.add(SPECIAL_CUES[kind].plain, { cue: kind, weight: 1 });
  cues.add(SPECIAL_CUES[kind].self, true).add(SPECIAL_CUES[kind].plain, true);
}
lexicon.add(PERSON_ANCHORS, 'anchor').add(PERSON_ROLES, 'person').add(PERSON_VERBS, 'person').add(PRODUCT_MARKET, 'product').add(ORGANISATIONS, 'org').add(MEMBERSHIP, 'member');

export const SPECIAL_RULE: Readonly<Record<SpecialKind, RuleId>> = {
  health: 'health-statement',
  religion: 'religion-statement',
  political: 'political-statement',
  ethnicity: 'ethnicity-statement',
  sexual_orientation: 'sexual-orientation-statement',
  trade_union: 'trade-union-statement',
  biometric: 'biometric-statement',
  genetic: 'genetic-statement',
  criminal: 'criminal-statement',
};

const LETTER = rx('special-letter', /\p{L}/u);
const CLAUSE_PUNCT = ',;:()–—';

function breaksClause(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (CLAUSE_PUNCT.includes(text[k]!)) return true;
  return false;
}
const SPACE = rx('special-space', /\s/);

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'hr', 'fr', 'prof', 'st', 'm', 'mme', 'sr', 'sra', 'sig', 'dhr', 'mevr', 'nr', 'no', 'tel', 'ca', 'bzw', 'z', 'b', 'vs', 'etc', 'inc', 'ltd', 'geb', 'str', 'jr']);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));
const CLAUSE_BREAKS = new Set(['but', 'aber', 'jedoch', 'mais', 'pero', 'sino', 'ma', 'maar', 'however', 'whereas', 'während', 'tandis']);

/** Sentence boundaries [start, end) covering `text` from `from` to `to`. */
export function sentences(text: string, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  // Character codes rather than one-character strings: this loop sees every character of the note.
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    // \n ! ?
    let boundary = ch === 10 || ch === 33 || ch === 63;
    // . ; :
    if (ch === 46 || ch === 59 || ch === 58) {
      // end of text, space, \n, \t (charCodeAt past the end is NaN)
      const next = text.charCodeAt(i + 1);
      boundary = Number.isNaN(next) || next === 32 || next === 10 || next === 9;
      if (boundary && ch === 46) {
        // "Dr. Müller", "z. B." do not end a sentence.
        // A run of letters longer than the longest abbreviation is read no further (lower-casing never shortens it).
        let w = i;
        while (w > start && i - w <= LONGEST_ABBREVIATION && LETTER.test(text[w - 1]!)) w--;
        if (i - w <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(w, i).toLowerCase())) boundary = false;
      }
    }
    if (boundary) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < to) out.push([start, to]);
  return out;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Score one sentence; exported for the tests. */
export function scoreSentence(text: string, tokens: readonly Token[]): Map<SpecialKind, number> {
  let person = false;
  let anchor = false;
  let member = false;
  const tags: Tag[] = [];
  // Per clause: best cue weight per kind, and the product/org weight.
  // A clause's cue map is made only when a cue is seen: most clauses have none.
  const clauses: { cues: Map<SpecialKind, number> | null; against: number }[] = [{ cues: null, against: 0 }];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const prev = tokens[i - 1];
    if (prev && (CLAUSE_BREAKS.has(tok.word) || breaksClause(text, prev.end, tok.start))) {
      clauses.push({ cues: null, against: 0 });
    }
    const clause = clauses[clauses.length - 1]!;
    tags.length = 0;
    lexicon.collect(tokens, i, tags);
    for (const tag of tags) {
      if (tag === 'anchor') anchor = person = true;
      else if (tag === 'person') person = true;
      else if (tag === 'member') member = true;
      else if (tag === 'product') clause.against = Math.max(clause.against, 2);
      else if (tag === 'org') clause.against = Math.max(clause.against, 1);
      else {
        const cues = (clause.cues ??= new Map());
        cues.set(tag.cue, Math.max(cues.get(tag.cue) ?? 0, tag.weight));
      }
    }
  }
  const scores = new Map<SpecialKind, number>();
  for (const clause of clauses) {
    if (clause.cues === null) continue;
    for (const [kind, weight] of clause.cues) {
      const boost = member && (kind === 'political' || kind === 'trade_union') ? 1 : 0;
      // A named or addressed person outweighs organisation words, not product or market context.
      const against = anchor && clause.against === 1 ? 0 : clause.against;
      const score = weight + (person ? 1 : 0) + boost - against;
      scores.set(kind, Math.max(scores.get(kind) ?? -Infinity, score));
    }
  }
  // A disease named in a genetic result ("predisposition to Alzheimer's") is part of the genetic statement.
  if ((scores.get('genetic') ?? 0) >= 2) scores.delete('health');
  return scores;
}

export function scanSpecial(text: string, from: number, to: number, wanted: (k: SpecialKind) => boolean): Finding[] {
  const out: Finding[] = [];
  const all = tokenize(text, from, to);
  let t = 0;
  for (const [s, e] of sentences(text, from, to)) {
    while (t < all.length && all[t]!.start < s) t++;
    let u = t;
    while (u < all.length && all[u]!.end <= e) u++;
    if (u === t) continue;
    // The cue check runs on the shared token array, bounded by the sentence: most sentences stop here without a copy.
    let cued = false;
    for (let k = t; k < u && !cued; k++) cued = cues.startsAt(all, k, u);
    const first = t;
    t = u;
    if (!cued) continue;
    const scores = scoreSentence(text, all.slice(first, u));
    for (const [kind, score] of scores) {
      if (score < 2 || !wanted(kind)) continue;
      const [start, end] = trimSpan(text, s, e);
      out.push({ kind, start, end, confidence: Math.min(0.95, 0.6 + 0.1 * score), rule: SPECIAL_RULE[kind] });
    }
  }
  return out;
}
