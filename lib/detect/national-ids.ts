/**
 * Validators for national identifiers, each with the real check rule of its
 * issuing scheme. Each takes the matched text (separators allowed) and answers
 * whether it is a structurally valid identifier.
 */
import { icao731, iso7064Mod11_10Valid } from './checksums';
import { rx } from './regex-registry';

const SEPARATORS = rx('nid-separators', /[\s./-]/g);
const STEUER_SHAPE = rx('nid-de-steuer-shape', /^[1-9]\d{10}$/);
const HAS_DIGIT = rx('nid-has-digit', /\d/);
const SVNR_SHAPE = rx('nid-de-svnr-shape', /^\d{8}[A-Z]\d{3}$/);
const NINE_DIGITS = rx('nid-nine-digits', /^\d{9}$/);
const NINO_SHAPE = rx('nid-uk-nino-shape', /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/);
const ALL_ZERO = rx('nid-all-zero', /^0+$/);
const NIR_SHAPE = rx('nid-fr-nir-shape', /^[1-478]\d{4}(?:\d{2}|2A|2B)\d{8}$/);
const DNI_SHAPE = rx('nid-es-dni-shape', /^\d{8}[A-Z]$/);
const NIE_SHAPE = rx('nid-es-nie-shape', /^[XYZ]\d{7}[A-Z]$/);
const CF_SHAPE = rx('nid-it-cf-shape', /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/);

const compact = (s: string): string => s.replace(SEPARATORS, '').toUpperCase();

/** German Steuer-Identifikationsnummer: ISO 7064 MOD 11,10 plus the digit-repetition rule. */
export function validDeSteuerId(raw: string): boolean {
  const d = compact(raw);
  if (!STEUER_SHAPE.test(d)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[d.charCodeAt(i) - 48]! += 1;
  const repeated = counts.filter((c) => c > 1);
  // Exactly one digit occurs twice or three times in the first ten; the rest at most once.
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  if (repeated[0] === 3) {
    const digit = counts.indexOf(3);
    for (let i = 0; i < 8; i++) {
      if (d.charCodeAt(i) - 48 === digit && d[i] === d[i + 1] && d[i] === d[i + 2]) return false;
    }
  }
  return iso7064Mod11_10Valid(d);
}

const DE_ID_ALPHABET = rx('nid-de-id-alphabet', /^[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}$/);
const DE_ID_LEGACY = rx('nid-de-id-legacy', /^[A-Z]\d{8}$/);

/**
 * German identity card (Personalausweis) document number. The printed serial
 * has nine characters; with the MRZ check digit appended (ten) the 7-3-1 digit must match.
 */
export function validDeIdCard(raw: string): boolean {
  const s = compact(raw);
  if (s.length === 10) {
    const serial = s.slice(0, 9);
    if (!DE_ID_ALPHABET.test(serial) && !DE_ID_LEGACY.test(serial)) return false;
    return icao731(serial) === s.charCodeAt(9) - 48;
  }
  return s.length === 9 && (DE_ID_ALPHABET.test(s) || DE_ID_LEGACY.test(s)) && HAS_DIGIT.test(s);
}

/** German social-insurance number (Rentenversicherungsnummer), e.g. `65 170839 J 003`. */
export function validDeSvnr(raw: string): boolean {
  const s = compact(raw);
  if (!SVNR_SHAPE.test(s)) return false;
  const day = Number(s.slice(2, 4));
  const month = Number(s.slice(4, 6));
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const letter = String(s.charCodeAt(8) - 64).padStart(2, '0');
  const digits = s.slice(0, 8) + letter + s.slice(9, 11);
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const p = (digits.charCodeAt(i) - 48) * weights[i]!;
    sum += Math.floor(p / 10) + (p % 10);
  }
  return sum % 10 === s.charCodeAt(11) - 48;
}

/** US Social Security Number; areas 000, 666, 9xx, group 00 and serial 0000 were never issued. */
export function validUsSsn(raw: string): boolean {
  const s = compact(raw);
  if (!NINE_DIGITS.test(s)) return false;
  const area = Number(s.slice(0, 3));
  const group = Number(s.slice(3, 5));
  const serial = Number(s.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  // Publicised specimen numbers that the SSA voided.
  return s !== '078051120' && s !== '219099999' && s !== '123456789';
}

const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** UK National Insurance number, e.g. `QQ 12 34 56 C`. */
export function validUkNino(raw: string): boolean {
  const s = compact(raw);
  return NINO_SHAPE.test(s) && !NINO_BAD_PREFIX.has(s.slice(0, 2));
}

/** Dutch burgerservicenummer: the 11-test. */
export function validNlBsn(raw: string): boolean {
  let s = compact(raw);
  if (s.length === 8) s = `0${s}`;
  if (!NINE_DIGITS.test(s) || ALL_ZERO.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (s.charCodeAt(i) - 48) * (9 - i);
  sum -= s.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** French NIR (numéro de sécurité sociale) with its two-digit key; Corsica 2A/2B handled. */
export function validFrNir(raw: string): boolean {
  const s = compact(raw);
  if (!NIR_SHAPE.test(s)) return false;
  const month = Number(s.slice(3, 5));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = 97 - (Number(body) % 97);
  return key === Number(s.slice(13));
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter). */
export function validEsDniNie(raw: string): boolean {
  const s = compact(raw);
  let digits: string;
  if (DNI_SHAPE.test(s)) digits = s.slice(0, 8);
  else if (NIE_SHAPE.test(s)) digits = String('XYZ'.indexOf(s[0]!)) + s.slice(1, 8);
  else return false;
  return DNI_LETTERS[Number(digits) % 23] === s[8];
}

const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Italian codice fiscale (16 characters, omocodia substitutions allowed) with its check character. */
export function validItCodiceFiscale(raw: string): boolean {
  const s = compact(raw);
  if (!CF_SHAPE.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[v]! : v;
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}
