/**
 * Phone numbers in free text. A linear pattern proposes digit groups with the
 * separators people type; libphonenumber-js (core, with min metadata for the
 * regions in phone-regions.ts) decides whether the digits form a possible
 * number for the international prefix or a valid one for the regions of the
 * text's language. Bare digit runs need a phone cue, and order, invoice,
 * tracking, price or switchboard context rules a candidate out.
 */
import { parsePhoneNumberFromString as parseWithMetadata, type CountryCode, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
import metadata from './phone-metadata.json';
import { rx, sticky } from './regex-registry';
import { anyOf, cueBefore, cueDistance, isAlnum, startsWithAnyOf, type TextIndex } from './text-context';
import { followsIbanPrefix } from './iban';

// Only the regions in phone-regions.ts ship, to keep the content script small.
const METADATA = metadata as unknown as MetadataJson;

function parsePhoneNumberFromString(text: string, region?: CountryCode): PhoneNumber | undefined {
  return region === undefined ? parseWithMetadata(text, METADATA) : parseWithMetadata(text, region, METADATA);
}
import type { Hit, ScanContext, TextRule } from './text-identifiers';

// Groups of digits joined by one separator; each group is maximal, so the pattern never backtracks.
const PHONE_CANDIDATE = rx('phone-candidate', /(?:\+ ?)?\(?\d+(?:[ ./()-]{1,3}\d+)*(?: ?(?:ext\.?|x|poste|DW|Durchwahl) ?\d{1,5})?/g);
const THOUSANDS = rx('phone-thousands', /^\d{1,3}(?:[ .,]\d{3}){2,4}$/);
const SSN_LAYOUT = rx('phone-ssn-layout', /^\d{3}[- .]\d{2}[- .]\d{4}$/);
const IP_SHAPE = rx('phone-ip-shape', /^\d{1,3}(?:\.\d{1,3}){3}$/);
const DATE_SHAPE = rx('phone-date-shape', /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/);
const TAIL_PUNCT = rx('phone-tail-punct', /^[\s\\,:;-]+/);
const EXTENSION = rx('phone-extension', / ?(?:ext\.?|x|poste|DW|Durchwahl) ?\d{1,5}$/);

const PHONE_CUES = [
  'tel', 'phone', 'call', 'mobile', 'mobil', 'cell', 'fax', 'whatsapp', 'sms', 'ring', 'reach', 'contact', 'number',
  'telefon', 'handy', 'rufnummer', 'anrufen', 'ruf ', 'durchwahl', 'erreichbar', 'nummer',
  'téléphone', 'portable', 'appeler', 'joindre', 'numéro', 'tél',
  'teléfono', 'telefono', 'móvil', 'movil', 'llamar', 'número',
  'cellulare', 'chiamare', 'numero',
  'telefoon', 'mobiel', 'bellen', 'nummer', 'gsm',
];
const NEGATIVE_CUES = [
  'tracking', 'seguimiento', 'suivi', 'sendungs', 'dial-in', 'conference', 'einwahl',
  'order', 'invoice', 'ticket', 'tracking', 'sku', 'item', 'article', 'art.', 'part', 'serial', 'case', 'po ', 'ref', 'id ', 'id:', '#',
  'account', 'customer no', 'contract', 'card', 'karte', 'carte', 'tarjeta', 'carta', 'kaart', 'batch', 'lot', 'version', 'shipment', 'parcel', 'quote',
  'bestell', 'rechnung', 'auftrag', 'vorgang', 'kundennummer', 'kunden-nr', 'artikel', 'lieferschein', 'sendung', 'vertrag', 'angebot', 'konto', 'aktenzeichen',
  'commande', 'facture', 'colis', 'devis', 'référence', 'contrat',
  'pedido', 'factura', 'envío', 'presupuesto', 'contrato', 'referencia',
  'ordine', 'fattura', 'spedizione', 'preventivo', 'contratto', 'riferimento',
  'bestelling', 'factuur', 'zending', 'offerte', 'contract', 'referentie',
];
const CUES_AFTER = ['office', 'fax', 'mobile', 'cell', 'home', 'work', 'desk', 'tel', 'phone', 'büro', 'privat', 'handy', 'bureau', 'oficina', 'ufficio', 'kantoor'];
const UNITS_AFTER = ['unit', 'pcs', 'pieces', 'items', 'users', 'licen', 'seats', 'employees', 'stück', 'stk', 'mitarbeiter', 'nutzer', 'lizenz', 'km', 'kg', 'tons', 'tonnen', 'pièces', 'unités', 'unidades', 'pezzi', 'stuks', 'eenheden'];
/** A company switchboard or general line is not a person's number. */
const SWITCHBOARD_CUES = ['switchboard', 'main line', 'reception', 'headquarters', 'zentrale', 'empfang', 'hauptnummer', 'standard', 'accueil', 'centralita', 'recepción', 'centralino', 'hoofdnummer', 'receptie'];
const CURRENCY = ['€', '$', '£', 'eur', 'usd', 'gbp', 'chf', 'euro', 'dollar', 'k€'];

const CURRENCY_IN = anyOf('phone-currency-in', CURRENCY);
const CURRENCY_FIRST = startsWithAnyOf('phone-currency-first', CURRENCY);
const UNIT_FIRST = startsWithAnyOf('phone-unit-first', UNITS_AFTER);
const CUE_FIRST = startsWithAnyOf('phone-cue-first', CUES_AFTER);

const REGIONS: Readonly<Record<string, readonly CountryCode[]>> = {
  en: ['US', 'GB', 'IE'],
  de: ['DE', 'AT', 'CH'],
  fr: ['FR', 'BE', 'CH'],
  es: ['ES', 'MX'],
  it: ['IT', 'CH'],
  nl: ['NL', 'BE'],
};
const ALL_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL'];
/** Regions tried for a national number without an international prefix, after the language's own. */
const WORLD: readonly CountryCode[] = [
  'US', 'GB', 'IE', 'DE', 'AT', 'CH', 'FR', 'BE', 'LU', 'ES', 'PT', 'IT', 'NL', 'PL', 'CZ', 'SE', 'NO', 'DK', 'FI', 'HU', 'GR', 'RO', 'RU', 'UA', 'TR', 'IL',
  'CN', 'IN', 'JP', 'KR', 'BR', 'MX', 'AR', 'CA', 'AU', 'NZ', 'ZA', 'EE', 'CY',
];

function regionsFor(lang: string): readonly CountryCode[] {
  return REGIONS[lang] ?? ALL_REGIONS;
}

function lastFirst(own: readonly CountryCode[], last: string | null): readonly CountryCode[] {
  if (last === null || own[0] === last || !own.includes(last as CountryCode)) return own;
  return [last as CountryCode, ...own.filter((r) => r !== last)];
}

/**
 * An international prefix is a strong signal, so a possible length is enough;
 * national numbers must be valid in the language's regions or, failing that, anywhere common.
 */
type Verdict = 'valid-own' | 'accepted' | 'rejected';

/**
 * An international prefix is a strong signal, so a possible length is enough;
 * national numbers must be valid in the language's regions, possible there when
 * cued, or valid in a common region elsewhere when cued. Each region is parsed once.
 */
function judge(raw: string, lang: string, international: boolean, cued: boolean, { budget, phoneRegion }: ScanContext): Verdict {
  if (international) return parsePhoneNumberFromString(raw.startsWith('00') ? `+${raw.slice(2)}` : raw)?.isPossible() === true ? 'accepted' : 'rejected';
  const own = regionsFor(lang);
  const parsed: (PhoneNumber | undefined)[] = [];
  // Any valid region gives the same verdict, so the order only decides how many parses it takes: last winner first.
  for (const r of lastFirst(own, phoneRegion.last)) {
    const p = parsePhoneNumberFromString(raw, r);
    if (p?.isValid() === true) {
      phoneRegion.last = r;
      return 'valid-own';
    }
    parsed.push(p);
  }
  if (cued && parsed.some((p) => p?.isPossible() === true)) return 'accepted';
  // The world-wide fallback costs ~40 parses: only for numbers the text calls a phone, and within a per-scan budget.
  if (!cued || budget.worldLookups <= 0) return 'rejected';
  budget.worldLookups--;
  return WORLD.some((r) => !own.includes(r) && parsePhoneNumberFromString(raw, r)?.isValid() === true) ? 'accepted' : 'rejected';
}

/** Several numbers typed in a row ("0171 2345678 / 030 123456") are judged one by one. */
function check(m: RegExpExecArray, ctx: ScanContext): Hit[] | Hit | null {
  const parts = m[0].split(' / ');
  if (parts.length === 1) return checkOne(m[0], m.index, ctx);
  const hits: Hit[] = [];
  let offset = m.index;
  for (const part of parts) {
    const hit = checkOne(part, offset, ctx);
    if (hit) hits.push(hit);
    offset += part.length + 3;
  }
  return hits;
}

function checkOne(candidate: string, start: number, ctx: ScanContext): Hit | null {
  const { text, lower, lang } = ctx;
  let raw = candidate;
  // The pattern may swallow a trailing sentence dot or separator.
  while (raw.length > 0 && !isDigitOrParen(raw[raw.length - 1]!)) raw = raw.slice(0, -1);
  if (raw.endsWith('(')) return null;
  const end = start + raw.length;
  if (isAlnum(text[start - 1]) || isAlnum(text[end]) || text[start - 1] === '-' || text[start - 1] === '/') return null;
  const core = raw.replace(EXTENSION, '');
  let digits = 0;
  for (let k = 0; k < core.length; k++) {
    const c = core.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 7 || digits > 15) return null;
  const short = digits < 8;
  if (DATE_SHAPE.test(core) || IP_SHAPE.test(core)) return null;
  const international = core.startsWith('+') || core.startsWith('00');
  const separated = core.length - digits > (international ? 1 : 0);
  const before = lower.slice(Math.max(0, start - 6), start);
  const after = lower.slice(end, end + 6);
  if (CURRENCY_IN.test(before) || CURRENCY_FIRST.test(after.trimStart()) || after.startsWith('%')) return null;
  // Decimal or thousands grouping ("1.250.000", "12,500 units") rather than a phone layout.
  if (text[end] === ',' && isDigitOrParen(text[end + 1] ?? '')) return null;
  if (core.includes('-') && core.includes('.')) return null;
  if (followsIbanPrefix(text, start) || SSN_LAYOUT.test(core)) return null;
  const tail = lower.slice(end, end + 14).replace(TAIL_PUNCT, '');
  if (UNIT_FIRST.test(tail)) return null;
  // The switchboard veto first: it needs no other cue, and the cue windows are the costly part of a check.
  if (cueBefore(lower, start, SWITCHBOARD_CUES, 40)) return null;
  const negCue = cueDistance(lower, start, NEGATIVE_CUES, 30);
  // An international number with no order or tracking word around is judged, and scored, without its phone cue: skip that window.
  let cued = false;
  if (!international || negCue < Infinity) {
    const cuedAfter = CUE_FIRST.test(tail);
    const above = labelAbove(lower, start);
    const phoneCue = cuedAfter || above ? 0 : cueDistance(lower, start, PHONE_CUES, 40);
    // "number"/"Nummer" alone is weak: it counts only right before the digits ("my number is …") and with no order or tracking word around.
    // STRONG_CUES is a subset of PHONE_CUES, so its window is searched only when a phone cue was found at all.
    cued = phoneCue < negCue && (cuedAfter || above || (negCue === Infinity && phoneCue <= 4) || cueBefore(lower, start, STRONG_CUES, 40));
  }
  if (!cued && negCue < Infinity) return null;
  if (!international && !separated && !cued) return null;
  // "12 345 678": thousands grouping is an amount unless the text calls it a phone.
  if (!international && !cued && THOUSANDS.test(core)) return null;
  if (short && !international && !cued) return null;
  const verdict = judge(core, lang, international, cued, ctx);
  if (verdict === 'rejected') return null;
  // A postcode or street number run into the number ("SD 20241 440-600-5124"): keep the part that is a valid local number.
  const firstGap = core.indexOf(' ');
  if (verdict !== 'valid-own' && !international && firstGap > 0) {
    const rest = core.slice(firstGap + 1);
    if (regionsFor(lang).some((r) => parsePhoneNumberFromString(rest, r)?.isValid() === true)) {
      return { start: start + firstGap + 1, end, confidence: cued ? 0.9 : 0.78 };
    }
  }
  const confidence = international ? 0.95 : cued ? 0.92 : 0.8;
  return { start, end, confidence };
}

const WEAK_CUES = ['number', 'nummer', 'numero', 'número', 'contact', 'reach'];
const STRONG_CUES = PHONE_CUES.filter((c) => !WEAK_CUES.includes(c));

/** A signature block puts the label on its own line: "Phone:\n358 0594". */
function labelAbove(lower: string, start: number): boolean {
  const before = lower.slice(Math.max(0, start - 40), start).trimEnd();
  if (!before.endsWith(':')) return false;
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  return STRONG_CUES.some((c) => lastLine.includes(c));
}

function isDigitOrParen(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || ch === ')';
}

/** Fewer than 7 digits in the whole candidate: no part of it can be a number (checkOne's own minimum), so most digit runs in a note stop here. */
function plausible(candidate: string): boolean {
  let digits = 0;
  for (let k = 0; k < candidate.length && digits < 7; k++) {
    const c = candidate.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 7;
}

const PHONE_AT = sticky(PHONE_CANDIDATE);

/** An extension (" ext 12", "x12", " DW 3") can begin at `k`: its first letter, after at most one space. */
function extensionAt(text: string, k: number): boolean {
  if (text.charCodeAt(k) === 32) k++;
  const c = text.charCodeAt(k);
  // e x p D
  return c === 101 || c === 120 || c === 112 || c === 68;
}

/**
 * The candidate pattern's matches read off the index's digit runs instead of a
 * scan of the whole note. The pattern's digit part is the index's digit group, so
 * a match starts at the first digit not yet passed, or at the "+", "(", "+ (" …
 * right before it, and ends at the group's end unless an extension follows. A
 * group with fewer than seven digits and no extension is passed without running
 * the pattern (`plausible` would drop it); every other match comes from the
 * pattern itself, tried at its start.
 */
function scanPhones(ix: TextIndex, from: number, to: number, visit: (m: RegExpExecArray) => void): boolean {
  const runs = ix.runs();
  if (runs === null) return false;
  const { start, end, reach } = runs;
  const text = ix.text;
  // Where the global scan would resume.
  let last = from;
  let r = 0;
  while (r < start.length) {
    if (end[r]! <= last) {
      r++;
      continue;
    }
    const d = Math.max(start[r]!, last);
    if (d - 3 >= to) break;
    let g = r;
    while (reach[g]! > end[g]! - start[g]!) g++;
    const groupEnd = end[g]!;
    if (reach[r]! - (d - start[r]!) < 7 && !extensionAt(text, groupEnd)) {
      last = groupEnd;
      r = g + 1;
      continue;
    }
    // "+ (", "+(", "+ ", "+" or "(" right before the first digit (+ 43, space 32, ( 40), not before `last`.
    const c1 = text.charCodeAt(d - 1);
    const c2 = text.charCodeAt(d - 2);
    let q = d;
    if (d - 3 >= last && text.charCodeAt(d - 3) === 43 && c2 === 32 && c1 === 40) q = d - 3;
    else if (d - 2 >= last && c2 === 43 && (c1 === 32 || c1 === 40)) q = d - 2;
    else if (d - 1 >= last && (c1 === 43 || c1 === 40)) q = d - 1;
    if (q >= to) break;
    PHONE_AT.lastIndex = q;
    const m = PHONE_AT.exec(text);
    // Cannot fail (a digit follows the prefix); if it ever did, the global scan from here gives the rest.
    if (m === null) {
      PHONE_CANDIDATE.lastIndex = last;
      let rest: RegExpExecArray | null;
      while ((rest = PHONE_CANDIDATE.exec(text)) !== null && rest.index < to) visit(rest);
      return true;
    }
    visit(m);
    last = q + m[0].length;
  }
  return true;
}

export const PHONE_RULE: TextRule = { rule: 'phone', kind: 'phone', pattern: PHONE_CANDIDATE, scan: scanPhones, check, plausible, yields: true };
