/**
 * Dates are personal only when the text says they are birth dates ("born on",
 * "geb.", "date de naissance" …); other dates (close dates, meetings) are not findings.
 */
import { rx } from './regex-registry';
import { anyOf, cueBefore } from './text-context';
import type { TextRule } from './text-identifiers';
import type { DigitRun, TextIndex } from './text-context';

// Three simple shapes instead of one alternation: numeric, "14 March 1979", "March 14, 1979".
const NUMERIC_DATE = rx('birthdate-numeric', /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/g);
const DAY_MONTH_YEAR = rx('birthdate-day-month-year', /\b\d{1,2}(?:\.|st|nd|rd|th|er)? ?(?:de )?\p{L}{3,10}\.?,? (?:de )?\d{4}\b/gu);
// Anchored on the day digits; the month word before them is read in code, so not every word starts a match attempt.
const DAY_YEAR = rx('birthdate-day-year', /\b\d{1,2}(?:st|nd|rd|th)?,? \d{4}\b/g);
const MONTH_BEFORE = rx('birthdate-month-before', /(\p{L}{3,10})\.? $/u);
const NUMERIC_SHAPE = rx('birthdate-numeric-shape', /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})$/);

const BIRTH_CUES = [
  'born', 'birth', 'dob', 'd.o.b', 'b-day',
  'geboren', 'geb.', 'geburt',
  'né le', 'née le', 'né ', 'née ', 'naissance', 'anniversaire',
  'nacido', 'nacida', 'nacimiento', 'cumpleaños', 'f. nac',
  'nato il', 'nata il', 'nato ', 'nata ', 'nascita', 'compleanno',
  'geboortedatum', 'geboren op', 'verjaardag', 'geb. datum',
];

const BIRTH_CUE_ANYWHERE = anyOf('birth-cue-anywhere', BIRTH_CUES);

const MONTHS = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'januar jänner februar märz mai juni juli oktober dezember ' +
    'janvier février fevrier mars avril juin juillet août aout septembre octobre novembre décembre decembre ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ' +
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre ' +
    'januari februari maart mei augustus oktober'
  ).split(' '),
);
const WORD = rx('birthdate-month-word', /\p{L}{3,10}/u);

function checkMonthFirst(m: RegExpExecArray, ctx: { lower: string }) {
  // "March 14, 1979": the month word must directly precede the day.
  const before = MONTH_BEFORE.exec(ctx.lower.slice(Math.max(0, m.index - 12), m.index));
  if (!before || !MONTHS.has(before[1]!)) return null;
  const start = m.index - before[0].length;
  if (!cueBefore(ctx.lower, start, BIRTH_CUES, 40)) return null;
  return { start, end: m.index + m[0].length, confidence: 0.9 };
}

function check(m: RegExpExecArray, { lower }: { lower: string }) {
  const word = WORD.exec(m[0])?.[0];
  if (word !== undefined && !MONTHS.has(word.toLowerCase())) return null;
  if (word === undefined && !NUMERIC_SHAPE.test(m[0])) return null;
  if (!cueBefore(lower, m.index, BIRTH_CUES, 40)) return null;
  return { start: m.index, end: m.index + m[0].length, confidence: 0.9 };
}

// The three rules share one answer per text: the cue search over the whole note runs once, not three times.
let lastText: string | null = null;
let lastAnswer = false;
function mentionsBirth(lower: string): boolean {
  if (lower !== lastText) {
    lastAnswer = BIRTH_CUE_ANYWHERE.test(lower);
    lastText = lower;
  }
  return lastAnswer;
}

/**
 * Day runs (one or two digits) whose next digit run is a four-digit year at most
 * `gap` characters on: only words, dots, commas and spaces lie between them in both shapes.
 */
function dayBeforeYear(gap: number) {
  return (ix: TextIndex): number[] | null => {
    const runs = ix.runs();
    if (runs === null) return null;
    const { start, end } = runs;
    const out: number[] = [];
    for (let r = 0; r + 1 < start.length; r++) {
      const s = start[r]!;
      const e = end[r]!;
      if (e - s <= 2 && end[r + 1]! - start[r + 1]! === 4 && start[r + 1]! - e <= gap) out.push(s);
    }
    return out;
  };
}

/** Both checks need a birth cue before the date. */
const cueWasSeen = (): boolean => true;

function numericDateStart(r: DigitRun): boolean {
  // . / -
  const sep = (at: number) => {
    const c = r.text.charCodeAt(at);
    return c === 46 || c === 47 || c === 45;
  };
  return r.end - r.start <= 4 && sep(r.end) && r.nextStart === r.end + 1 && r.nextEnd - r.nextStart <= 2 && sep(r.nextEnd);
}

export const BIRTHDATE_RULES: readonly TextRule[] = [
  // \d{1,4}[./-]\d{1,2}[./-]: a run of up to four digits, a separator, a run of one or two, a separator.
  { rule: 'birthdate-context', kind: 'birthdate', pattern: NUMERIC_DATE, starts: (ix) => ix.runsFitting('numeric-date', numericDateStart), check, prefilter: mentionsBirth, prefilterSeen: cueWasSeen },
  // "14 March 1979", "3. Mai 1981": suffix, month word and separators take at most 22 characters between day and year.
  { rule: 'birthdate-context', kind: 'birthdate', pattern: DAY_MONTH_YEAR, starts: dayBeforeYear(22), check, prefilter: mentionsBirth, prefilterSeen: cueWasSeen },
  // "March 14, 1979": "th, " at most between day and year.
  { rule: 'birthdate-context', kind: 'birthdate', pattern: DAY_YEAR, starts: dayBeforeYear(4), check: checkMonthFirst, prefilter: mentionsBirth, prefilterSeen: cueWasSeen },
];
