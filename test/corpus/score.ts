/**
 * Scoring for `npm run eval`. Text findings match a gold span of the same kind
 * when they overlap it by at least half of the gold span (statements: any
 * overlap, since a sentence-level finding covers the statement); findings that
 * fall on the benchmark's `ignore` spans (persons, places …) are not counted.
 */
import type { Kind } from '../../lib/detect/kinds';
import type { FieldCase, GoldSpan, TextCase } from './load';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
  support: number;
}

export function prf(c: Counts): Prf {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), support: c.tp + c.fn };
}

const STATEMENT_KINDS = new Set<Kind>(['health', 'religion', 'political', 'ethnicity', 'sexual_orientation', 'trade_union', 'biometric', 'genetic', 'criminal']);

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function matches(f: GoldSpan, g: GoldSpan): boolean {
  if (f.kind !== g.kind) return false;
  const o = overlap(f, g);
  return STATEMENT_KINDS.has(g.kind) ? o > 0 : o * 2 >= g.end - g.start;
}

export type Bucket = Map<string, Counts>;

function add(bucket: Bucket, key: string, d: Partial<Counts>): void {
  const c = bucket.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  c.tp += d.tp ?? 0;
  c.fp += d.fp ?? 0;
  c.fn += d.fn ?? 0;
  bucket.set(key, c);
}

export interface TextScore {
  byKind: Bucket;
  byLang: Bucket;
  byKindLang: Bucket;
  errors: { source: string; text: string; missed: GoldSpan[]; spurious: GoldSpan[] }[];
}

export function scoreTexts(cases: readonly TextCase[], detect: (c: TextCase) => GoldSpan[]): TextScore {
  const score: TextScore = { byKind: new Map(), byLang: new Map(), byKindLang: new Map(), errors: [] };
  for (const c of cases) {
    const found = detect(c);
    const used = new Set<number>();
    const missed: GoldSpan[] = [];
    for (const g of c.gold) {
      const i = found.findIndex((f, k) => !used.has(k) && matches(f, g));
      const d = i >= 0 ? { tp: 1 } : { fn: 1 };
      if (i >= 0) used.add(i);
      else missed.push(g);
      add(score.byKind, g.kind, d);
      add(score.byLang, c.lang, d);
      add(score.byKindLang, `${g.kind}/${c.lang}`, d);
    }
    const spurious: GoldSpan[] = [];
    found.forEach((f, k) => {
      if (used.has(k)) return;
      // A second finding on an already matched gold span is a duplicate, not a false positive.
      if (c.gold.some((g) => matches(f, g))) return;
      if (c.ignore?.some((s) => overlap(f, s) > 0)) return;
      spurious.push(f);
      add(score.byKind, f.kind, { fp: 1 });
      add(score.byLang, c.lang, { fp: 1 });
      add(score.byKindLang, `${f.kind}/${c.lang}`, { fp: 1 });
    });
    if (missed.length > 0 || spurious.length > 0) score.errors.push({ source: c.source, text: c.text, missed, spurious });
  }
  return score;
}

export interface FieldScore {
  total: number;
  correct: number;
  /** "is personal data" as a binary decision */
  personal: Counts;
  byKind: Bucket;
  byLang: Map<string, { total: number; correct: number; personal: Counts }>;
  errors: { source: string; input: Record<string, string>; expect: Kind | null; got: Kind | null }[];
}

export function scoreFields(cases: readonly FieldCase[], classify: (c: FieldCase) => Kind | null): FieldScore {
  const s: FieldScore = { total: 0, correct: 0, personal: { tp: 0, fp: 0, fn: 0 }, byKind: new Map(), byLang: new Map(), errors: [] };
  for (const c of cases) {
    const got = classify(c);
    const lang = s.byLang.get(c.lang) ?? { total: 0, correct: 0, personal: { tp: 0, fp: 0, fn: 0 } };
    s.byLang.set(c.lang, lang);
    s.total++;
    lang.total++;
    if (got === c.expect) {
      s.correct++;
      lang.correct++;
    } else s.errors.push({ source: c.source, input: c.input, expect: c.expect, got });
    for (const target of [s.personal, lang.personal]) {
      if (got !== null && c.expect !== null) target.tp++;
      else if (got !== null) target.fp++;
      else if (c.expect !== null) target.fn++;
    }
    if (c.expect !== null) add(s.byKind, c.expect, got === c.expect ? { tp: 1 } : { fn: 1 });
    if (got !== null && got !== c.expect) add(s.byKind, got, { fp: 1 });
  }
  return s;
}

export function merge(buckets: Bucket, keys: (k: string) => boolean): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [k, c] of buckets) {
    if (!keys(k)) continue;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}
