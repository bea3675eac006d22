/**
 * Scoring of special-category and criminal statements on the held-out set
 * test/corpus/special-heldout.jsonl (written before the detector was tuned on it).
 *
 * Granularity is the statement: a gold item is found when a finding of the
 * same kind overlaps its quoted span; a finding that overlaps no gold span of
 * its kind is a false alarm. Negated status statements ("not a member of any
 * union", "in keiner Gewerkschaft") are gold findings: they still reveal the
 * person's special-category status.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanText } from '../lib/detect/index';
import type { Kind } from '../lib/detect/kinds';

export const SPECIAL_SCORED: readonly Kind[] = ['health', 'religion', 'political', 'ethnicity', 'sexual_orientation', 'trade_union', 'biometric', 'genetic', 'criminal'];

export interface HeldoutCase {
  /** 1: written before any tuning; each later set written after the previous round and scored once before it was inspected (and so tuned on) */
  set: number;
  lang: string;
  text: string;
  gold: { kind: Kind; quote: string }[];
  line: number;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface HeldoutError {
  type: 'miss' | 'false alarm';
  lang: string;
  kind: Kind;
  text: string;
  line: number;
}

export interface HeldoutScore {
  byLang: Map<string, Tally>;
  byKind: Map<string, Tally>;
  all: Tally;
  errors: HeldoutError[];
}

const here = dirname(fileURLToPath(import.meta.url));
export const HELDOUT_FILE = resolve(here, '../test/corpus/special-heldout.jsonl');

export function loadHeldout(file = HELDOUT_FILE): HeldoutCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => [l, i + 1] as const)
    .filter(([l]) => l.trim() !== '')
    .map(([l, line]) => {
      const row = JSON.parse(l) as Omit<HeldoutCase, 'line' | 'set'> & { set?: number };
      for (const g of row.gold) {
        if (!row.text.includes(g.quote)) throw new Error(`special-heldout.jsonl:${line}: quote not in text`);
        if (!SPECIAL_SCORED.includes(g.kind)) throw new Error(`special-heldout.jsonl:${line}: unknown kind ${g.kind}`);
      }
      return { ...row, set: row.set ?? 1, line };
    });
}

const bump = (m: Map<string, Tally>, key: string, field: keyof Tally) => {
  const t = m.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  t[field]++;
  m.set(key, t);
};

type Scan = (text: string, opts: { lang: string; kinds: readonly Kind[] }) => { kind: Kind; start: number; end: number }[];

export function scoreHeldout(cases: readonly HeldoutCase[], scan: Scan = scanText): HeldoutScore {
  const byLang = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  const all: Tally = { tp: 0, fp: 0, fn: 0 };
  const errors: HeldoutError[] = [];
  const count = (c: HeldoutCase, kind: Kind, field: keyof Tally) => {
    bump(byLang, c.lang, field);
    bump(byKind, kind, field);
    all[field]++;
    if (field !== 'tp') errors.push({ type: field === 'fn' ? 'miss' : 'false alarm', lang: c.lang, kind, text: c.text, line: c.line });
  };
  for (const c of cases) {
    const found = scan(c.text, { lang: c.lang, kinds: SPECIAL_SCORED });
    const spans = c.gold.map((g) => {
      const start = c.text.indexOf(g.quote);
      return { kind: g.kind, start, end: start + g.quote.length };
    });
    for (const g of spans) count(c, g.kind, found.some((f) => f.kind === g.kind && f.start < g.end && g.start < f.end) ? 'tp' : 'fn');
    for (const f of found) {
      if (!spans.some((g) => f.kind === g.kind && f.start < g.end && g.start < f.end)) count(c, f.kind, 'fp');
    }
  }
  return { byLang, byKind, all, errors };
}

export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
