/**
 * Free-text scanning: identifiers, phones, birth dates and special-category
 * statements, with overlaps between identifier findings resolved by priority.
 */
import type { Kind } from './kinds';
import type { Finding, ScanOptions } from './finding';
import { IDENTIFIER_RULES, type ScanContext, type TextRule } from './text-identifiers';
import { PHONE_RULE } from './text-phone';
import { BIRTHDATE_RULES } from './text-birthdate';
import { scanSpecial, sentences } from './text-special';
import { SPECIAL_KINDS, type SpecialKind } from './special-lexicon';
import { rx, sticky } from './regex-registry';
import { TextIndex } from './text-context';

const LANG_SEPARATOR = rx('lang-separator', /[-_]/);

const RULES: readonly TextRule[] = [...IDENTIFIER_RULES, ...BIRTHDATE_RULES, PHONE_RULE];
const PRIORITY = new Map<string, number>();
RULES.forEach((r, i) => PRIORITY.set(r.rule, Math.max(PRIORITY.get(r.rule) ?? 0, RULES.length - i)));
const SPECIAL = new Set<Kind>(SPECIAL_KINDS);
/** Sticky twins of the rules that know where their matches can start, made (and registered) up front. */
const STICKY = new Map(RULES.filter((r) => r.starts).map((r) => [r, sticky(r.pattern)] as const));

function baseLang(lang: string | undefined): string {
  return (lang ?? '').toLowerCase().split(LANG_SEPARATOR)[0] ?? '';
}

function runRules(text: string, from: number, to: number, opts: ScanOptions): Finding[] {
  const wanted = opts.kinds ? new Set(opts.kinds) : null;
  const ctx: ScanContext = { text, lower: text.toLowerCase(), lang: baseLang(opts.lang), budget: { worldLookups: 16 }, phoneRegion: { last: null } };
  const index = new TextIndex(text, from, to);
  const raw: Finding[] = [];
  let taken: Taken | null = null;
  /** a hit of the current rule showed that its prefilter holds */
  let seen = false;
  const take = (rule: TextRule, m: RegExpExecArray): void => {
    // A span already taken by a stronger rule (an IBAN's digit groups, a card) is not re-judged as a phone number.
    const mStart = m.index;
    const mEnd = m.index + m[0].length;
    if (rule.plausible && !rule.plausible(m[0])) return;
    if (rule.yields) {
      const inside =
        mEnd > mStart
          ? (taken ??= new Taken(raw)).contains(raw, mStart, mEnd)
          : raw.some((f) => f.start < mEnd && mStart < f.end && f.start <= mStart && mEnd <= f.end);
      if (inside) return;
    }
    const result = rule.check(m, ctx);
    if (result !== null && !seen && rule.prefilterSeen?.(m, ctx) === true && (!Array.isArray(result) || result.length > 0)) seen = true;
    for (const hit of result === null ? [] : Array.isArray(result) ? result : [result]) {
      raw.push({ kind: rule.kind, start: hit.start, end: hit.end, confidence: hit.confidence, rule: rule.rule });
    }
  };
  for (const rule of RULES) {
    if (wanted && !wanted.has(rule.kind)) continue;
    taken = null;
    seen = false;
    const before = raw.length;
    let starts = rule.starts ? rule.starts(index) : null;
    if (starts !== null && starts.length > index.limit) starts = null;
    if (starts !== null) {
      // The sticky twin at each possible start, resuming after a match as the global scan would: the same matches.
      const re = STICKY.get(rule)!;
      let next = from;
      for (const p of starts) {
        if (p < next) continue;
        if (p >= to) break;
        re.lastIndex = p;
        const m = re.exec(text);
        if (m === null) continue;
        next = p + Math.max(1, m[0].length);
        take(rule, m);
      }
    } else if (rule.scan?.(index, from, to, (m) => take(rule, m)) !== true) {
      const re = rule.pattern;
      re.lastIndex = from;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null && m.index < to) {
        if (m[0].length === 0) re.lastIndex++;
        take(rule, m);
      }
    }
    // Checks are pure, so the whole-text prefilter can come last: asked only when the rule found something, which is rare.
    if (raw.length > before && rule.prefilter && !seen && !rule.prefilter(ctx.lower)) raw.length = before;
  }
  // Keep the better of two overlapping identifier findings: higher priority rule, then longer span.
  // (Priorities looked up once per finding, not once per comparison; the sort is stable either way.)
  const rank = raw.map((f) => PRIORITY.get(f.rule) ?? 0);
  const order = raw.map((_, i) => i);
  order.sort((a, b) => rank[b]! - rank[a]! || raw[b]!.end - raw[b]!.start - (raw[a]!.end - raw[a]!.start));
  const kept: Finding[] = [];
  for (const f of order.map((i) => raw[i]!)) if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  if (!wanted || SPECIAL_KINDS.some((k) => wanted.has(k))) {
    kept.push(...scanSpecial(text, from, to, (k: SpecialKind) => !wanted || wanted.has(k), ctx.lang === '' ? undefined : ctx.lang));
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The findings made before a yielding rule ran, sorted by start with the
 * furthest end so far, so "does one of them contain this span" is a binary
 * search instead of a pass over all of them. Findings added later (the
 * yielding rule's own) are few and checked one by one.
 */
class Taken {
  private readonly starts: number[] = [];
  private readonly maxEnd: number[] = [];
  private readonly count: number;

  constructor(raw: readonly Finding[]) {
    this.count = raw.length;
    let furthest = -1;
    for (const f of [...raw].sort((a, b) => a.start - b.start)) {
      furthest = Math.max(furthest, f.end);
      this.starts.push(f.start);
      this.maxEnd.push(furthest);
    }
  }

  /** Some finding with start <= s and e <= end (for a non-empty span, the same as overlapping and containing it). */
  contains(raw: readonly Finding[], s: number, e: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= s) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && this.maxEnd[lo - 1]! >= e) return true;
    for (let k = this.count; k < raw.length; k++) if (raw[k]!.start <= s && e <= raw[k]!.end) return true;
    return false;
  }
}

/** Find personal data in free text. Offsets are UTF-16, `end` exclusive. */
export function scanText(text: string, opts: ScanOptions = {}): Finding[] {
  return runRules(text, 0, text.length, opts);
}

/**
 * Rescan only around an edit: the window [from, to) is widened to whole
 * sentences (and to whole lines), so a finding that crosses the window edge is
 * still found whole. Returns the findings that overlap the widened window.
 */
export function scanTextWindow(text: string, from: number, to: number, opts: ScanOptions = {}): Finding[] {
  const [start, end] = widen(text, Math.max(0, Math.min(from, text.length)), Math.max(0, Math.min(Math.max(from, to), text.length)));
  return runRules(text, start, end, opts).filter((f) => f.start < end && f.end > start);
}

/** Window widened to sentence boundaries plus a margin long enough for the longest identifier (IBAN with spaces). */
export function widen(text: string, from: number, to: number): [number, number] {
  const MARGIN = 48;
  let start = Math.max(0, from - MARGIN);
  let end = Math.min(text.length, to + MARGIN);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextLine = text.indexOf('\n', end);
  const lineEnd = nextLine < 0 ? text.length : nextLine;
  // Whole sentences inside the line, so statements are judged complete.
  const spans = sentences(text, Math.max(lineStart, start - 1000), Math.min(lineEnd, end + 1000));
  for (const [s, e] of spans) {
    if (s <= start && start < e) start = s;
    if (s < end && end <= e) end = e;
  }
  return [Math.max(lineStart, start), Math.min(lineEnd, end)];
}

export function isSpecial(kind: Kind): boolean {
  return SPECIAL.has(kind);
}
