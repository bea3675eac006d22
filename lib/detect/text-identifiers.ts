/**
 * Identifier rules for free text: a linear candidate pattern finds the shape,
 * then a validator with the scheme's real check rule decides. Weak shapes (bare
 * digit runs) also need a cue word nearby or must stand alone as the whole input.
 */
import type { Kind } from './kinds';
import type { RuleId } from './finding';
import { rx } from './regex-registry';
import { luhnValid } from './checksums';
import { ibanLength, validIban } from './iban';
import { anyOf, cueBefore, isAlnum, standsAlone, type DigitRun, type TextIndex } from './text-context';
import { followsIbanPrefix } from './iban';
import {
  validDeIdCard,
  validDeSteuerId,
  validDeSvnr,
  validEsDniNie,
  validFrNir,
  validItCodiceFiscale,
  validNlBsn,
  validUkNino,
  validUsSsn,
} from './national-ids';

export interface ScanContext {
  text: string;
  lower: string;
  lang: string;
  /** per-scan allowance for expensive checks, so adversarial text stays linear */
  budget: { worldLookups: number };
  /** per-scan: the region that last validated a national phone number, tried first for the next (numbers in one note tend to share a country) */
  phoneRegion: { last: string | null };
}

export interface Hit {
  start: number;
  end: number;
  confidence: number;
}

export interface TextRule {
  rule: RuleId;
  kind: Kind;
  /** global (g); registered with `rx` */
  pattern: RegExp;
  /**
   * Every position, in increasing order, where a match could start (a superset): the
   * pattern's sticky twin is tried only there, so the rule costs next to nothing on text
   * without its shape. Null: the index cannot tell (or there are too many), scan the whole text.
   */
  starts?: (ix: TextIndex) => readonly number[] | null;
  /**
   * Instead of `starts`: the rule walks the index itself and hands `visit` the matches its
   * global pattern would give in [from, to), in order, leaving out only ones `plausible`
   * would reject. False: the index cannot tell, scan the whole range.
   */
  scan?: (ix: TextIndex, from: number, to: number, visit: (m: RegExpExecArray) => void) => boolean;
  /** candidates lying wholly inside an earlier rule's finding are skipped (set for the weakest rules) */
  yields?: boolean;
  /** test on the lower-cased text; the rule's hits count only when it holds (asked only when there are hits) */
  prefilter?: (lower: string) => boolean;
  /** true when this hit alone shows that `prefilter` holds (its check found one of the prefilter's cues), so the whole text need not be read */
  prefilterSeen?: (m: RegExpExecArray, ctx: ScanContext) => boolean;
  /** cheap test on the matched text, before any overlap or context work; false only where `check` would surely return null */
  plausible?: (candidate: string) => boolean;
  /** null, one hit, or several (a run of numbers split apart) */
  check(m: RegExpExecArray, ctx: ScanContext): Hit[] | Hit | null;
}

const CARD_SEPARATOR = rx('card-separator', /[ -]/);
const HEX_LETTER = rx('hex-letter', /[a-f]/i);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Length of a digit run is one of `lengths` (the digit groups a layout allows first). */
const firstGroup = (run: DigitRun, lengths: readonly number[]): boolean => lengths.includes(run.end - run.start);
/** The run is followed directly by the character with code `code`. */
const followedBy = (run: DigitRun, code: number): boolean => run.text.charCodeAt(run.end) === code;

const span = (m: RegExpExecArray, confidence: number): Hit => ({ start: m.index, end: m.index + m[0].length, confidence });

// Cue words, lower-case, all six languages.
const SSN_CUES = ['ssn', 'social security', 'soc. sec', 'sozialversicherung'];
const ID_CARD_CUES = ['ausweis', 'personalausweis', 'perso', 'id card', 'identity card', 'id-karte', 'dokumentennummer', 'document number', "carte d'identité", 'carte d’identité', 'documento', 'identiteitskaart', 'id-kaart', 'passport', 'reisepass', 'pass-nr', 'passnummer'];
const SVNR_CUES = ['sozialversicherung', 'rentenversicherung', 'sv-nr', 'sv-nummer', 'rvnr', 'versicherungsnummer', 'social insurance'];
const BSN_CUES = ['bsn', 'burgerservicenummer', 'burgerservice', 'sofinummer', 'sofi-nummer', 'citizen service number'];
const STEUER_CUES = ['steuer', 'idnr', 'id-nr', 'tax id', 'tin'];
const BIC_CUES = ['bic', 'swift'];
const CARD_CUES = ['card', 'karte', 'carte', 'tarjeta', 'carta', 'kaart', 'visa', 'mastercard', 'amex', 'cc '];
const DNI_CUES = ['dni', 'nie', 'nif', 'documento nacional'];

// --- email -------------------------------------------------------------
// Anchored on '@' so each position is tried once; the local part is read backwards in code.
const EMAIL_DOMAIN = rx('email-domain', /@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu);
const LOCAL_CHARS = rx('email-local-char', /[\p{L}\p{N}._%+'!#$&*=?^`{|}~-]/u);
const TLD = rx('email-tld', /^(?:\p{L}{2,24}|xn--[a-z0-9-]{2,59})$/iu);

const email: TextRule = {
  rule: 'email',
  kind: 'email',
  pattern: EMAIL_DOMAIN,
  starts: (ix) => ix.atSigns(),
  check(m, { text }) {
    let start = m.index;
    while (start > 0 && m.index - start < 64 && LOCAL_CHARS.test(text[start - 1]!)) start--;
    while (text[start] === '.') start++;
    if (start === m.index) return null;
    const labels = m[0].slice(1).split('.');
    const tld = labels[labels.length - 1] ?? '';
    if (!TLD.test(tld) || labels.some((l) => l === '' || l.startsWith('-') || l.endsWith('-'))) return null;
    return { start, end: m.index + m[0].length, confidence: 0.99 };
  },
};

// --- IBAN / BIC --------------------------------------------------------
const iban: TextRule = {
  rule: 'iban',
  kind: 'bank_account',
  pattern: rx('iban-candidate', /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){10,32}/gi),
  starts: (ix) => ix.lettersBeforeDigits(false),
  check(m, { text }) {
    const country = m[0].slice(0, 2).toUpperCase();
    const len = ibanLength(country);
    if (len === undefined) return null;
    let compact = '';
    let i = m.index;
    const stop = m.index + m[0].length;
    while (i < stop && compact.length < len) {
      const ch = text[i]!;
      if (ch !== ' ' && ch !== '-') compact += ch.toUpperCase();
      i++;
    }
    if (compact.length !== len || isAlnum(text[i])) return null;
    // Mixed case inside one IBAN is prose, not an account number.
    const raw = text.slice(m.index, i);
    if (raw !== raw.toUpperCase() && raw !== raw.toLowerCase()) return null;
    return validIban(compact) ? { start: m.index, end: i, confidence: 0.99 } : null;
  },
};

const BIC_CUE_ANYWHERE = anyOf('bic-cue-anywhere', BIC_CUES);
const BIC_COUNTRIES = new Set('AD AE AL AT AU BA BE BG BR CA CH CN CY CZ DE DK EE ES FI FR GB GR HK HR HU IE IL IN IS IT JP LI LT LU LV MC MT MX NL NO NZ PL PT RO RS RU SE SG SI SK SM TR UA US ZA'.split(' '));
const bic: TextRule = {
  rule: 'bic',
  kind: 'bank_account',
  prefilter: (lower) => BIC_CUE_ANYWHERE.test(lower),
  // A hit needs a BIC cue right before it.
  prefilterSeen: () => true,
  pattern: rx('bic-candidate', /\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b/g),
  starts: (ix) => ix.sixCapitals(),
    check(m, { lower }) {
    if (!BIC_COUNTRIES.has(m[0].slice(4, 6)) || !cueBefore(lower, m.index, BIC_CUES, 24)) return null;
    return span(m, 0.9);
  },
};

// --- payment cards -----------------------------------------------------
function issuerMatches(d: string, cued: boolean): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // Amex
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19; // Discover
  if (p2 === 35) return n >= 16 && n <= 19; // JCB (3528-3589; test generators use all of 35xx)
  if (p4 === 2131 || p4 === 1800) return n === 15; // legacy JCB
  if (d[0] === '1' && cued) return n === 15; // UATP, only where the text speaks of a card
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19; // Diners
  if (p2 === 62 || p2 === 81) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69) || p4 === 6759) return n >= 12 && n <= 19; // Maestro
  if (p4 >= 2200 && p4 <= 2204) return n === 16; // Mir
  return false;
}

/** Groups typed on cards: 4-4-4-4(-3), 4-6-5 (Amex), 4-6-4 (Diners), or none. */
function groupingPlausible(groups: number[]): boolean {
  if (groups.length === 1) return true;
  const key = groups.join('-');
  if (key === '4-6-5' || key === '4-6-4') return true;
  return groups.slice(0, -1).every((g) => g === 4) && (groups[groups.length - 1] ?? 0) <= 4;
}

const paymentCard: TextRule = {
  rule: 'payment-card',
  kind: 'payment_card',
  pattern: rx('card-candidate', /\b\d(?:[ -]?\d){11,18}\b/g),
  starts: (ix) => ix.runsReaching(12),
  check(m, { text, lower }) {
    if (followsIbanPrefix(text, m.index)) return null;
    const cued = cueBefore(lower, m.index, CARD_CUES, 40) || standsAlone(text, m.index, m.index + m[0].length);
    // Try the longest run of whole groups that validates: a card followed by more digits ("… 12/26") still counts.
    const raw = m[0];
    const groups = raw.split(CARD_SEPARATOR);
    const seps: string[] = [];
    for (const ch of raw) if (ch === ' ' || ch === '-') seps.push(ch);
    for (let k = groups.length; k >= 1; k--) {
      const taken = groups.slice(0, k);
      const digits = taken.join('');
      if (digits.length < 12) break;
      if (k > 2 && seps.slice(0, k - 1).some((c) => c !== seps[0])) continue;
      if (!groupingPlausible(taken.map((g) => g.length)) || !issuerMatches(digits, cued) || !luhnValid(digits)) continue;
      if (digits.split('').every((c) => c === digits[0])) continue;
      const end = m.index + taken.join(' ').length;
      if (text[end] === '.' && isDigit(text[end + 1])) continue;
      return { start: m.index, end, confidence: 0.97 };
    }
    return null;
  },
};

// --- national identifiers ----------------------------------------------
const deSteuerId: TextRule = {
  rule: 'de-steuer-id',
  kind: 'national_id',
  pattern: rx('de-steuer-id-candidate', /\b[1-9]\d ?\d{3} ?\d{3} ?\d{3}\b/g),
  // [1-9]\d ?\d{3} ?\d{3} ?\d{3}: the first run has 2, 5, 8 or 11 digits and does not start with 0.
  starts: (ix) => ix.runsFitting('steuer', (r) => r.reach >= 11 && firstGroup(r, [2, 5, 8, 11]) && r.text.charCodeAt(r.start) !== 48),
  check(m, { lower }) {
    if (!validDeSteuerId(m[0])) return null;
    return span(m, cueBefore(lower, m.index, STEUER_CUES) ? 0.98 : 0.9);
  },
};

/** Rules that need a cue word (or a value typed alone) skip texts that have neither. */
const cueOrShort = (id: string, cues: readonly string[]) => {
  const anywhere = anyOf(id, cues);
  return (lower: string) => lower.length <= 24 || anywhere.test(lower);
};

const deIdCard: TextRule = {
  rule: 'de-id-card',
  kind: 'national_id',
  prefilter: cueOrShort('id-card-cue-anywhere', ID_CARD_CUES),
  prefilterSeen: (m, { lower }) => cueBefore(lower, m.index, ID_CARD_CUES),
  // Only words with a digit: the validator needs one (a check digit, or a digit in a nine-character serial).
  pattern: rx('de-id-card-candidate', /\b[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?\b/gi),
  starts: (ix) => ix.wordsWithDigits(9, 10),
  check(m, { text, lower }) {
    const raw = m[0];
    if (raw !== raw.toUpperCase() && raw !== raw.toLowerCase()) return null;
    if (!validDeIdCard(raw)) return null;
    if (cueBefore(lower, m.index, ID_CARD_CUES)) return span(m, 0.95);
    return standsAlone(text, m.index, m.index + raw.length) ? span(m, 0.8) : null;
  },
};

const deSvnr: TextRule = {
  rule: 'de-svnr',
  kind: 'national_id',
  pattern: rx('de-svnr-candidate', /\b\d{2} ?\d{6} ?[A-Z] ?\d{3}\b/g),
  // \d{2} ?\d{6}: eight digits, or two, a space and six.
  starts: (ix) => ix.runsFitting('svnr', (r) => r.end - r.start === 8 || (r.end - r.start === 2 && r.nextStart === r.end + 1 && r.nextEnd - r.nextStart === 6)),
  check(m, { lower }) {
    if (!validDeSvnr(m[0])) return null;
    return span(m, cueBefore(lower, m.index, SVNR_CUES) ? 0.98 : 0.9);
  },
};

const usSsn: TextRule = {
  rule: 'us-ssn',
  kind: 'national_id',
  pattern: rx('us-ssn-candidate', /\b\d{3}[- .]?\d{2}[- .]?\d{4}\b/g),
  starts: (ix) => ix.runsFitting('ssn', (r) => r.reach >= 9 && firstGroup(r, [3, 5, 9])),
  check(m, { text, lower }) {
    const raw = m[0];
    if (!validUsSsn(raw)) return null;
    const s1 = raw[3];
    const s2 = raw.length === 11 ? raw[6] : undefined;
    const cue = cueBefore(lower, m.index, SSN_CUES);
    if (raw.length === 11 && s1 === s2) return span(m, cue ? 0.97 : s1 === '.' ? 0.75 : 0.85);
    // Bare nine digits, dotted or mixed separators: too common in order numbers to count without a cue.
    if (cue) return span(m, 0.9);
    return standsAlone(text, m.index, m.index + raw.length) && !text.includes('.') ? span(m, 0.6) : null;
  },
};

const ukNino: TextRule = {
  rule: 'uk-nino',
  kind: 'national_id',
  pattern: rx('uk-nino-candidate', /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g),
  starts: (ix) => ix.lettersBeforeDigits(true),
  check: (m) => (validUkNino(m[0]) ? span(m, 0.95) : null),
};

const nlBsn: TextRule = {
  rule: 'nl-bsn',
  kind: 'national_id',
  prefilter: cueOrShort('bsn-cue-anywhere', BSN_CUES),
  prefilterSeen: (m, { lower }) => cueBefore(lower, m.index, BSN_CUES),
  pattern: rx('nl-bsn-candidate', /\b\d{4}[. ]?\d{2}[. ]?\d{3}\b/g),
  starts: (ix) => ix.runsFitting('bsn', (r) => r.reach >= 9 && firstGroup(r, [4, 6, 9])),
  check(m, { text, lower, lang }) {
    if (!validNlBsn(m[0])) return null;
    if (cueBefore(lower, m.index, BSN_CUES)) return span(m, 0.95);
    return lang === 'nl' && standsAlone(text, m.index, m.index + m[0].length) ? span(m, 0.7) : null;
  },
};

/** 1, 2, 3, 4, 7, 8 */
const NIR_FIRST = new Set([49, 50, 51, 52, 55, 56]);

const frNir: TextRule = {
  rule: 'fr-nir',
  kind: 'national_id',
  pattern: rx('fr-nir-candidate', /\b[1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}\b/g),
  // Six digits come before the Corsican 2A/2B letter.
  starts: (ix) => ix.runsFitting('nir', (r) => r.reach >= 6 && NIR_FIRST.has(r.text.charCodeAt(r.start))),
  check: (m) => (validFrNir(m[0]) ? span(m, 0.96) : null),
};

/** Runs of seven digits or more, and the X/Y/Z right before one (an NIE). */
function dniStarts(ix: TextIndex): number[] | null {
  const runs = ix.runs();
  if (runs === null) return null;
  const out: number[] = [];
  for (let r = 0; r < runs.start.length; r++) {
    const s = runs.start[r]!;
    if (runs.end[r]! - s < 7) continue;
    const c = ix.text.charCodeAt(s - 1);
    if (c === 88 || c === 89 || c === 90) out.push(s - 1);
    out.push(s);
  }
  return out;
}

const esDniNie: TextRule = {
  rule: 'es-dni-nie',
  kind: 'national_id',
  pattern: rx('es-dni-nie-candidate', /\b[XYZ]?\d{7,8}[- ]?[A-Z]\b/g),
  starts: dniStarts,
  check(m, { lower }) {
    if (!validEsDniNie(m[0])) return null;
    return span(m, cueBefore(lower, m.index, DNI_CUES) ? 0.98 : 0.92);
  },
};

const itCf: TextRule = {
  rule: 'it-codice-fiscale',
  kind: 'national_id',
  pattern: rx('it-cf-candidate', /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/g),
  starts: (ix) => ix.sixCapitals(),
    check(m) {
    const raw = m[0];
    if (raw !== raw.toUpperCase() && raw !== raw.toLowerCase()) return null;
    return validItCodiceFiscale(raw) ? span(m, 0.98) : null;
  },
};

// --- online identifiers ------------------------------------------------
const VERSION_CUES = ['version', 'v.', 'ver.', 'release', 'build'];

const ipv4: TextRule = {
  rule: 'ipv4',
  kind: 'online_id',
  pattern: rx('ipv4-candidate', /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g),
  // Four groups of one to three digits joined by dots.
  starts: (ix) => ix.runsFitting('ipv4', (r) => r.reach >= 4 && r.end - r.start <= 3 && followedBy(r, 46)),
  check(m, { text, lower }) {
    const parts = m[0].split('.');
    if (parts.some((p) => Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) return null;
    const end = m.index + m[0].length;
    // Part of a longer dotted number (a version or a date-time stamp).
    if ((text[end] === '.' && isDigit(text[end + 1])) || (text[m.index - 1] === '.' && isDigit(text[m.index - 2]))) return null;
    if (cueBefore(lower, m.index, VERSION_CUES, 12)) return null;
    return span(m, 0.93);
  },
};

/** Some "x:y" with hex digits on both sides of a colon. */
function hasHexColon(lower: string): boolean {
  const hex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
  for (let i = lower.indexOf(':'); i >= 0; i = lower.indexOf(':', i + 1)) {
    if ((hex(lower.charCodeAt(i - 1)) || lower.charCodeAt(i - 1) === 58) && (hex(lower.charCodeAt(i + 1)) || lower.charCodeAt(i + 1) === 58)) return true;
  }
  return false;
}

const ipv6: TextRule = {
  rule: 'ipv6',
  kind: 'online_id',
  prefilter: hasHexColon,
  // A match has a hex digit before its first colon and a hex digit or colon after it.
  prefilterSeen: () => true,
  pattern: rx('ipv6-candidate', /\b[0-9A-F]{1,4}(?::[0-9A-F]{0,4}){2,7}/gi),
  starts: (ix) => ix.hexBeforeColon(),
  check(m) {
    const raw = m[0];
    const colons = raw.split(':').length - 1;
    const doubles = raw.split('::').length - 1;
    if (doubles > 1 || colons < 3 || (doubles === 0 && colons !== 7)) return null;
    if (raw.endsWith(':') && !raw.endsWith('::')) return null;
    if (!HEX_LETTER.test(raw) && doubles === 0) return null;
    return span(m, 0.9);
  },
};

// --- credentials -------------------------------------------------------
const CREDENTIAL_KEYWORD = rx(
  'credential-keyword',
  /\b(?:password|passwort|kennwort|passwd|pwd|mot de passe|mdp|contraseña|contrasena|wachtwoord|pin|api[ _-]?key|token)\s{0,3}(?:[:=]|is|ist|est|es|è|lautet)\s{0,3}(\S{3,64})/giu,
);
const CREDENTIAL_WORDS = ['passw', 'kennwort', 'pwd', 'mot de passe', 'mdp', 'contrase', 'wachtwoord', 'pin:', 'pin ', 'api', 'token'];
const CREDENTIAL_WORD_ANYWHERE = anyOf('credential-word-anywhere', CREDENTIAL_WORDS);

const credentialKeyword: TextRule = {
  rule: 'credential-keyword',
  kind: 'credential',
  prefilter: (lower) => CREDENTIAL_WORD_ANYWHERE.test(lower),
  // The match lower-cased is (ASCII-wise) part of the lower-cased text.
  prefilterSeen: (m) => CREDENTIAL_WORD_ANYWHERE.test(m[0].toLowerCase()),
  pattern: CREDENTIAL_KEYWORD,
  starts: (ix) => ix.credentialStarts(),
  check(m) {
    const value = m[1] ?? '';
    let cut = value.length;
    while (cut > 0 && '.,;)'.includes(value[cut - 1]!)) cut--;
    const trimmed = value.slice(0, cut);
    if (trimmed.length < 3) return null;
    const start = m.index + m[0].length - value.length;
    return { start, end: start + trimmed.length, confidence: 0.9 };
  },
};

const credentialToken: TextRule = {
  rule: 'credential-token',
  kind: 'credential',
  pattern: rx('credential-token', /\b(?:AKIA[0-9A-Z]{16}|(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{16,99}|gh[pousr]_[0-9A-Za-z]{36}|xox[abpr]-[0-9A-Za-z-]{10,72})\b/g),
  starts: (ix) => ix.tokenStarts(),
  check: (m) => span(m, 0.97),
};

/** Every identifier rule, in priority order for overlap resolution (higher first). */
export const IDENTIFIER_RULES: readonly TextRule[] = [
  email,
  iban,
  itCf,
  paymentCard,
  frNir,
  deSvnr,
  deSteuerId,
  esDniNie,
  ukNino,
  deIdCard,
  usSsn,
  nlBsn,
  bic,
  ipv6,
  ipv4,
  credentialToken,
  credentialKeyword,
];
