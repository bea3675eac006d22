/**
 * Dates are personal only when the text says they are birth dates ("born on",
 * "geb.", "date de naissance" …); other dates (close dates, meetings) are not findings.
 */
import { rx } from './regex-registry';
import { cueBefore } from './text-context';
import type { TextRule } from './text-identifiers';

const DATE = rx(
  'birthdate-date',
  /\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:\.|st|nd|rd|th|er)? ?(?:de )?\p{L}{3,10}\.?,? (?:de )?\d{4}|\p{L}{3,10}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\b/gu,
);

const BIRTH_CUES = [
  'born', 'birth', 'dob', 'd.o.b', 'b-day',
  'geboren', 'geb.', 'geburt',
  'né le', 'née le', 'né ', 'née ', 'naissance', 'anniversaire',
  'nacido', 'nacida', 'nacimiento', 'cumpleaños', 'f. nac',
  'nato il', 'nata il', 'nato ', 'nata ', 'nascita', 'compleanno',
  'geboortedatum', 'geboren op', 'verjaardag', 'geb. datum',
];

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

export const BIRTHDATE_RULE: TextRule = {
  rule: 'birthdate-context',
  kind: 'birthdate',
  pattern: DATE,
  check(m, { lower }) {
    const word = WORD.exec(m[0])?.[0];
    if (word !== undefined && !MONTHS.has(word.toLowerCase())) return null;
    if (!cueBefore(lower, m.index, BIRTH_CUES, 40)) return null;
    return { start: m.index, end: m.index + m[0].length, confidence: 0.9 };
  },
};
