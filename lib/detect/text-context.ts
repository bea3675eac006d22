/**
 * Helpers that look at the words around a candidate, on a lower-cased copy of
 * the text, and the index of the places where candidates can start.
 */
import { rx } from './regex-registry';

/** Start of the look-back window: `window` characters, cut at the previous line break. */
function windowStart(lower: string, start: number, window: number): number {
  const from = Math.max(0, start - window);
  for (let k = start - 1; k >= from; k--) if (lower.charCodeAt(k) === 10) return k + 1;
  return from;
}

/**
 * A cue list compiled for small windows: cues bucketed by a hash of their first
 * two characters, so a window is read once and only the few cues whose first
 * two characters occur in it are compared (instead of one search per cue).
 */
class CueSet {
  private static readonly SIZE = 1024;
  private readonly buckets: (string[] | undefined)[] = new Array<string[] | undefined>(CueSet.SIZE);
  /** one-character cues ("#") */
  private readonly singles: string[] = [];

  constructor(cues: readonly string[]) {
    for (const c of cues) {
      if (c.length === 1) this.singles.push(c);
      else if (c.length > 1) (this.buckets[CueSet.hash(c.charCodeAt(0), c.charCodeAt(1))] ??= []).push(c);
    }
  }

  private static hash(a: number, b: number): number {
    return (a * 31 + b) & (CueSet.SIZE - 1);
  }

  /** Smallest `start - end` over the cues lying wholly in [from, start) of `lower`, or Infinity; stops at the first when `any`. */
  nearest(lower: string, from: number, start: number, any: boolean): number {
    let best = Infinity;
    // One-character cues: read back through the window only (lastIndexOf would run on to the start of the note when absent).
    for (let j = start - 1; j >= from && this.singles.length > 0; j--) {
      if (this.singles.includes(lower[j]!)) {
        best = start - j - 1;
        if (any) return best;
        break;
      }
    }
    let b = lower.charCodeAt(from);
    for (let j = from; j + 1 < start; j++) {
      const a = b;
      b = lower.charCodeAt(j + 1);
      const bucket = this.buckets[CueSet.hash(a, b)];
      if (bucket === undefined) continue;
      for (const c of bucket) {
        const end = j + c.length;
        if (end <= start && end > start - best && lower.startsWith(c, j)) {
          best = start - end;
          if (any) return best;
        }
      }
    }
    return best;
  }
}

const compiled = new WeakMap<readonly string[], CueSet>();
function cueSet(cues: readonly string[]): CueSet {
  let set = compiled.get(cues);
  if (set === undefined) compiled.set(cues, (set = new CueSet(cues)));
  return set;
}

/** Distance from `start` back to the end of the nearest cue that lies wholly in the window (same line), or Infinity. */
export function cueDistance(lower: string, start: number, cues: readonly string[], window = 40): number {
  // Only the window is searched: cost per candidate is bounded, so a scan stays linear in the text.
  return cueSet(cues).nearest(lower, windowStart(lower, start, window), start, false);
}

/** True when one of `cues` occurs in the `window` characters before `start` (same line only). Stops at the first cue found. */
export function cueBefore(lower: string, start: number, cues: readonly string[], window = 40): boolean {
  return cueSet(cues).nearest(lower, windowStart(lower, start, window), start, true) < Infinity;
}

const REGEX_SPECIAL = rx('literal-special-chars', /[.*+?^${}()|[\]\\]/g);

/**
 * A pattern matching any of `words` literally (an alternation of escaped
 * strings: linear), registered as `id`. One native scan answers "does any of
 * these occur", where a loop of includes() reads a long note once per word.
 */
export function anyOf(id: string, words: readonly string[], flags = ''): RegExp {
  return rx(id, new RegExp(words.map((w) => w.replace(REGEX_SPECIAL, '\\$&')).join('|'), flags));
}

/** A pattern matching any of `words` at the start of a string. */
export function startsWithAnyOf(id: string, words: readonly string[]): RegExp {
  return rx(id, new RegExp(`^(?:${words.map((w) => w.replace(REGEX_SPECIAL, '\\$&')).join('|')})`));
}

/** True when the text, trimmed, is just this span: a value typed alone into a field. */
export function standsAlone(text: string, start: number, end: number): boolean {
  return text.slice(0, start).trim() === '' && text.slice(end).trim() === '';
}

export function isAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;
}

// --- candidate index ----------------------------------------------------
// Most rules can only match where the text has a certain shape: a run of digits
// long enough for the identifier, two letters before two digits, a keyword. A
// few native scans find those places once per text; each rule then tries its
// pattern (sticky) only there, instead of every rule scanning the whole note.

/** Digit runs joined by one to three of space . / ( ) - (the separators of every digit rule, phone numbers included). */
const DIGIT_GROUP = rx('index-digit-group', /\d+(?:[ ./()-]{1,3}\d+)*/g);
/** Six capitals at the start of a word: a BIC or an Italian codice fiscale starts so. */
const SIX_CAPITALS = rx('index-six-capitals', /\b[A-Z]{6}/g);
/** Starts of the credential keywords, ASCII case-insensitive. */
const CREDENTIAL_HEAD = rx('index-credential-head', /\b(?:passw|kennwort|pwd|mot de passe|mdp|contrase|wachtwoord|pin|api|token)/gi);

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpperCode = (c: number): boolean => c >= 65 && c <= 90;
const isHexCode = (c: number): boolean => isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** `\w` of the patterns (no u flag): ASCII letters, digits, underscore. */
const isWordCode = (c: number): boolean => isDigitCode(c) || isLetterCode(c) || c === 95;

/** One digit run as `TextIndex.runsFitting` shows it; `reach` counts digits to the end of the group. */
export interface DigitRun {
  text: string;
  start: number;
  end: number;
  reach: number;
  nextStart: number;
  nextEnd: number;
}

/**
 * Where candidates can start in [from, to). Every list is a superset of the
 * places where the rule's pattern can match, in increasing order, made on first
 * use. A list is null where the index cannot tell, or where candidates are so
 * dense (a wall of digits) that one native scan of the pattern is cheaper than
 * trying it at each: the rule then scans the whole range as before.
 */
export class TextIndex {
  /** maximal digit runs from `from` on: start, end, and digits from the run to the end of its group */
  private readonly runStart: number[] = [];
  private readonly runEnd: number[] = [];
  private readonly runReach: number[] = [];
  private readonly runsOverflow: boolean;
  /** most candidates worth trying one by one (~1 in 64 characters) */
  readonly limit: number;
  private cache = new Map<string, number[] | null>();

  constructor(
    readonly text: string,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.limit = 16 + Math.ceil((to - from) / 64);
    // Runs beyond twice that: a wall of digits, where every run-based rule scans whole anyway.
    const maxRuns = 2 * this.limit;
    let overflow = false;
    DIGIT_GROUP.lastIndex = from;
    let m: RegExpExecArray | null;
    // Runs a little past `to` too: a word or IBAN that starts before `to` may have its digits after it.
    while ((m = DIGIT_GROUP.exec(text)) !== null && m.index < to + 16) {
      if (overflow) break;
      const first = this.runStart.length;
      const end = m.index + m[0].length;
      let digits = 0;
      let runAt = -1;
      for (let i = m.index; i <= end && !overflow; i++) {
        if (i < end && isDigitCode(text.charCodeAt(i))) {
          if (runAt < 0) runAt = i;
        } else if (runAt >= 0) {
          this.runStart.push(runAt);
          this.runEnd.push(i);
          overflow = this.runStart.length > maxRuns;
          digits += i - runAt;
          runAt = -1;
        }
      }
      // Reach: the group's digits not yet passed when a run starts.
      let before = 0;
      for (let r = first; r < this.runStart.length; r++) {
        this.runReach.push(digits - before);
        before += this.runEnd[r]! - this.runStart[r]!;
      }
    }
    this.runsOverflow = overflow;
  }

  /** A list, or null when it would pass the limit. */
  private capped(out: number[]): number[] | null {
    return out.length > this.limit ? null : out;
  }

  private memo(key: string, make: () => number[] | null): number[] | null {
    let v = this.cache.get(key);
    if (v === undefined) this.cache.set(key, (v = make()));
    return v;
  }

  /** Starts of digit runs from which at least `min` digits follow within the group. */
  runsReaching(min: number): number[] | null {
    return this.memo(`r${min}`, () => {
      if (this.runsOverflow) return null;
      const out: number[] = [];
      for (let r = 0; r < this.runStart.length && out.length <= this.limit; r++) if (this.runReach[r]! >= min) out.push(this.runStart[r]!);
      return this.capped(out);
    });
  }

  /**
   * Starts of digit runs that pass `fits` (memoised under `key`): the run, the
   * digits reachable in its group, and the next run (-1 when none).
   */
  runsFitting(key: string, fits: (run: DigitRun) => boolean): number[] | null {
    return this.memo(key, () => {
      if (this.runsOverflow) return null;
      const out: number[] = [];
      const run: DigitRun = { text: this.text, start: 0, end: 0, reach: 0, nextStart: -1, nextEnd: -1 };
      const count = this.runStart.length;
      for (let r = 0; r < count && out.length <= this.limit; r++) {
        run.start = this.runStart[r]!;
        run.end = this.runEnd[r]!;
        run.reach = this.runReach[r]!;
        run.nextStart = r + 1 < count ? this.runStart[r + 1]! : -1;
        run.nextEnd = r + 1 < count ? this.runEnd[r + 1]! : -1;
        if (fits(run)) out.push(run.start);
      }
      return this.capped(out);
    });
  }

  /** Digit runs, unless there are too many to be worth it. */
  runs(): { start: readonly number[]; end: readonly number[]; reach: readonly number[] } | null {
    return this.runsOverflow ? null : { start: this.runStart, end: this.runEnd, reach: this.runReach };
  }

  /** Each run's enclosing word (ASCII letters, digits, _) when it is `min`–`max` characters long. */
  wordsWithDigits(min: number, max: number): number[] | null {
    return this.memo(`w${min}-${max}`, () => {
      if (this.runsOverflow) return null;
      const { text } = this;
      const out: number[] = [];
      for (let r = 0; r < this.runStart.length; r++) {
        let s = this.runStart[r]!;
        let e = this.runEnd[r]!;
        while (s > 0 && e - s <= max && isWordCode(text.charCodeAt(s - 1))) s--;
        while (e < text.length && e - s <= max && isWordCode(text.charCodeAt(e))) e++;
        if (e - s >= min && e - s <= max && s !== out[out.length - 1]) out.push(s);
      }
      return this.capped(out);
    });
  }

  /** Two letters right before a digit run ("DE89…"); for a case-sensitive pattern, capitals only, also with one space between ("AB 12 34 56 C"). */
  lettersBeforeDigits(capitalsOnly: boolean): number[] | null {
    return this.memo(`l${capitalsOnly}`, () => {
      if (this.runsOverflow) return null;
      const { text } = this;
      const test = capitalsOnly ? isUpperCode : isLetterCode;
      const out: number[] = [];
      for (const s of this.runStart) {
        if (test(text.charCodeAt(s - 1)) && test(text.charCodeAt(s - 2))) out.push(s - 2);
        else if (capitalsOnly && text.charCodeAt(s - 1) === 32 && test(text.charCodeAt(s - 2)) && test(text.charCodeAt(s - 3))) out.push(s - 3);
      }
      return this.capped(out);
    });
  }

  /** One to four hex digits right before a colon. */
  hexBeforeColon(): number[] | null {
    return this.memo('hex', () => {
      const { text } = this;
      const out: number[] = [];
      // A match starting before `to` has its first colon at most four characters later.
      for (let q = text.indexOf(':', this.from + 1); q >= 0 && q <= this.to + 4 && out.length <= this.limit; q = text.indexOf(':', q + 1)) {
        let k = 0;
        while (k < 5 && q - k - 1 >= 0 && isHexCode(text.charCodeAt(q - k - 1))) k++;
        if (k >= 1 && k <= 4) out.push(q - k);
      }
      return this.capped(out);
    });
  }

  /** AKIA…, xox…, and two or three characters before each underscore (sk_…, ghp_…). */
  tokenStarts(): number[] | null {
    return this.memo('token', () => {
      const { text } = this;
      const out: number[] = [];
      for (const lit of ['AKIA', 'xox']) for (let q = text.indexOf(lit, this.from); q >= 0 && q < this.to && out.length <= this.limit; q = text.indexOf(lit, q + 1)) out.push(q);
      for (let q = text.indexOf('_', this.from); q >= 0 && q < this.to + 3 && out.length <= this.limit; q = text.indexOf('_', q + 1)) out.push(q - 3, q - 2);
      return out.length === 0 ? out : this.capped([...new Set(out)].sort((a, b) => a - b));
    });
  }

  /**
   * Credential keyword starts. Null when the text has ſ or K, which the
   * keyword pattern (Unicode, case-insensitive) folds into s and k: this ASCII
   * search would miss those spellings, and its \b would differ next to them.
   */
  credentialStarts(): number[] | null {
    return this.memo('credential', () => {
      const { text } = this;
      if (text.includes('\u017f') || text.includes('\u212a')) return null;
      const out: number[] = [];
      CREDENTIAL_HEAD.lastIndex = this.from;
      let m: RegExpExecArray | null;
      while ((m = CREDENTIAL_HEAD.exec(text)) !== null && m.index < this.to && out.length <= this.limit) out.push(m.index);
      return this.capped(out);
    });
  }

  /** Words starting with six capitals (one scan for the BIC and codice fiscale rules). */
  sixCapitals(): number[] | null {
    return this.memo('caps', () => {
      const out: number[] = [];
      SIX_CAPITALS.lastIndex = this.from;
      let m: RegExpExecArray | null;
      while ((m = SIX_CAPITALS.exec(this.text)) !== null && m.index < this.to && out.length <= this.limit) out.push(m.index);
      return this.capped(out);
    });
  }

  /** Every @ (an e-mail address's domain part starts there). */
  atSigns(): number[] | null {
    return this.memo('at', () => {
      const out: number[] = [];
      for (let q = this.text.indexOf('@', this.from); q >= 0 && q < this.to && out.length <= this.limit; q = this.text.indexOf('@', q + 1)) out.push(q);
      return this.capped(out);
    });
  }
}
