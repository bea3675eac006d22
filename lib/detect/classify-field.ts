/**
 * Field classification: decide from a FieldDescriptor which kind of personal
 * data a field holds, or that it holds none. Evidence is weighed in a fixed
 * order — autocomplete token, CRM API name, visible label, aria-label,
 * placeholder, name/id attributes, input type — and the first source that
 * decides wins, including a decision that the field is *not* personal.
 */
import type { Kind } from './kinds';
import type { FieldDescriptor } from './field-descriptor';
import { FIELD_RULES, IDENTIFIER_ALIASES, type VocabRule } from './field-vocab';
import { CRM_API_NAMES } from './crm-api-names';
import { fold } from './lexicon-matcher';
import { rx } from './regex-registry';

export const REASON_CODES = ['autocomplete', 'api-name', 'label', 'aria-label', 'placeholder', 'name-attr', 'input-type', 'negative', 'company-context', 'none'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface FieldVerdict {
  kind: Kind | null;
  /** 0..1: how sure the verdict is (for `null`, how sure the field is not personal) */
  confidence: number;
  reasonCode: ReasonCode;
  /** the term that decided, never a field value */
  evidence?: string;
  /** one English sentence for admins and the audit log */
  reason: string;
}

const CAMEL = rx('field-camel-boundary', /([a-z\d])([A-Z])/g);
const NON_WORD = rx('field-non-word', /[^\p{L}\p{N}]+/gu);
const CUSTOM_SUFFIX = rx('field-custom-suffix', /__c$/i);
const TERM_MARKS = rx('field-term-marks', /^~|\*$/g);
const PATH_SEPARATOR = rx('field-path-separator', /[.$[\]/:]+/);
const DATE_PART_RULE = FIELD_RULES.find((r) => r.why.startsWith('a day, month or year'));
const OPTION_WORDS = new Set(['yes', 'no', 'ja', 'nein', 'oui', 'non', 'si', 'sí', 'sì', 'nee', 'ok']);
const SPACES = rx('field-spaces', /\s+/);

const AUTOCOMPLETE: Readonly<Record<string, Kind | null>> = {
  name: 'name', 'honorific-prefix': 'name', 'given-name': 'name', 'additional-name': 'name', 'family-name': 'name', 'honorific-suffix': 'name', nickname: 'name',
  email: 'email', tel: 'phone', 'tel-country-code': 'phone', 'tel-national': 'phone', 'tel-area-code': 'phone', 'tel-local': 'phone', 'tel-local-prefix': 'phone', 'tel-local-suffix': 'phone', 'tel-extension': 'phone',
  'street-address': 'address', 'address-line1': 'address', 'address-line2': 'address', 'address-line3': 'address', 'address-level1': 'address', 'address-level2': 'address', 'address-level3': 'address', 'address-level4': 'address', 'postal-code': 'address',
  country: null, 'country-name': null, organization: null, 'organization-title': null, url: null, language: null, 'transaction-currency': null, 'transaction-amount': null,
  'cc-name': 'payment_card', 'cc-given-name': 'payment_card', 'cc-additional-name': 'payment_card', 'cc-family-name': 'payment_card', 'cc-number': 'payment_card', 'cc-exp': 'payment_card', 'cc-exp-month': 'payment_card', 'cc-exp-year': 'payment_card', 'cc-csc': 'payment_card', 'cc-type': 'payment_card',
  bday: 'birthdate', 'bday-day': 'birthdate', 'bday-month': 'birthdate', 'bday-year': 'birthdate', sex: 'gender',
  username: 'online_id', impp: 'online_id', 'current-password': 'credential', 'new-password': 'credential', 'one-time-code': 'credential', webauthn: 'credential',
};

const COMPANY_OBJECTS = new Set(['account', 'company', '0-2', 'opportunity', 'deal', '0-3', 'campaign', 'product2', 'product', 'quote', 'order', 'contract', 'case', 'ticket', '0-5']);
/** Kinds that, on a company record, describe the company (its switchboard, office, general mailbox, company name). */
const COMPANY_KINDS = new Set<Kind>(['name', 'phone', 'email', 'address', 'location']);

const NON_INPUT_TYPES = new Set(['submit', 'button', 'reset', 'image', 'hidden', 'file', 'range', 'color']);

/** Folded words separated by single spaces, padded: " date of birth ". */
export function normalizeText(s: string): string {
  return ` ${fold(s.replace(CAMEL, '$1 $2')).replace(NON_WORD, ' ').trim()} `;
}

interface Match {
  rule: VocabRule;
  term: string;
}

interface Hit extends Match {
  /** position in the word string without spaces, so word and in-word matches compare */
  at: number;
  length: number;
  order: number;
}

interface CompiledTerm {
  rule: VocabRule;
  /** iteration order (rule, then term) — ties go to the earlier term */
  order: number;
  display: string;
  length: number;
  words: readonly string[];
  /** last word matches as a prefix */
  prefix: boolean;
}

// Terms indexed by their first word (or, for one-word prefix terms, by stem), so a label costs a few map lookups per word.
const BY_FIRST = new Map<string, CompiledTerm[]>();
const BY_STEM = new Map<string, CompiledTerm[]>();
const STEM_LENGTHS = new Set<number>();
const IN_WORD: { term: CompiledTerm; needle: string }[] = [];
{
  let order = 0;
  for (const rule of FIELD_RULES) {
    for (const raw of rule.terms.split('|')) {
      if (raw === '') continue;
      const term: CompiledTerm = { rule, order: order++, display: raw.replace(TERM_MARKS, ''), length: raw.length, words: [], prefix: raw.endsWith('*') };
      if (raw.startsWith('~')) {
        IN_WORD.push({ term, needle: raw.slice(1).replaceAll(' ', '') });
        continue;
      }
      term.words = (term.prefix ? raw.slice(0, -1) : raw).split(' ');
      const first = term.words[0]!;
      if (term.prefix && term.words.length === 1) {
        STEM_LENGTHS.add(first.length);
        (BY_STEM.get(first) ?? BY_STEM.set(first, []).get(first)!).push(term);
      } else (BY_FIRST.get(first) ?? BY_FIRST.set(first, []).get(first)!).push(term);
    }
  }
}

function matchesAt(term: CompiledTerm, words: readonly string[], i: number): boolean {
  const n = term.words.length;
  for (let k = 0; k < n; k++) {
    const w = words[i + k];
    if (w === undefined) return false;
    const want = term.words[k]!;
    if (term.prefix && k === n - 1 ? !w.startsWith(want) : w !== want) return false;
  }
  return true;
}

/** Every term's first occurrence in the text, in rule order. */
function findHits(padded: string): Hit[] {
  const words = padded.trim().split(' ');
  const joined = words.join('');
  const hits: Hit[] = [];
  const seen = new Set<number>();
  let letters = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const candidates: CompiledTerm[] = [...(BY_FIRST.get(w) ?? [])];
    for (const len of STEM_LENGTHS) if (w.length >= len) candidates.push(...(BY_STEM.get(w.slice(0, len)) ?? []));
    for (const term of candidates) {
      if (seen.has(term.order) || !matchesAt(term, words, i)) continue;
      seen.add(term.order);
      hits.push({ rule: term.rule, term: term.display, at: letters, length: term.length, order: term.order });
    }
    letters += w.length;
  }
  for (const { term, needle } of IN_WORD) {
    const at = joined.indexOf(needle);
    if (at >= 0) hits.push({ rule: term.rule, term: term.display, at, length: term.length, order: term.order });
  }
  return hits.sort((a, b) => a.order - b.order);
}

/**
 * The deciding vocabulary rule for a text. Strong rules win in list order; then
 * personal kinds compete by position: in a label the first term is the subject
 * ("Phone number on your credit card statement"), in an identifier the last one
 * is the head noun ("cardFirstNameOnCard", "BDayPhone_tel2"). Weak negatives
 * ("Country", "Description") decide only when nothing personal matched.
 */
export function matchVocabulary(text: string, mode: 'label' | 'identifier' = 'label'): Match | undefined {
  const padded = normalizeText(text);
  if (padded.trim() === '') return undefined;
  let best: Hit | undefined;
  let weakNegative: Match | undefined;
  for (const hit of findHits(padded)) {
    if (hit.rule.strong) return hit;
    if (hit.rule.kind === null) {
      weakNegative ??= hit;
      continue;
    }
    if (!best) best = hit;
    else if (mode === 'label' ? hit.at < best.at || (hit.at === best.at && hit.length > best.length) : hit.at + hit.length > best.at + best.length) best = hit;
  }
  return best ?? weakNegative;
}

/** The last path segment of a form name: "billing.creditCard.firstName" → "firstName". */
function lastSegment(name: string): string {
  const parts = name.split(PATH_SEPARATOR).filter((p) => p !== '');
  return parts[parts.length - 1] ?? name;
}

/** Identifier attributes: also expand short conventional tokens ("fn", "zc"). */
function identifierText(s: string): string {
  const words = normalizeText(s.replace(CUSTOM_SUFFIX, '')).trim().split(' ');
  return words.map((w) => IDENTIFIER_ALIASES[w] ?? w).join(' ');
}

const CONFIDENCE: Readonly<Record<ReasonCode, number>> = {
  autocomplete: 0.97,
  'api-name': 0.95,
  label: 0.9,
  'aria-label': 0.88,
  placeholder: 0.8,
  'name-attr': 0.75,
  'input-type': 0.7,
  negative: 0.85,
  'company-context': 0.8,
  none: 0.6,
};

const SOURCE_NAME: Readonly<Record<ReasonCode, string>> = {
  autocomplete: 'autocomplete token',
  'api-name': 'CRM field API name',
  label: 'label',
  'aria-label': 'aria-label',
  placeholder: 'placeholder',
  'name-attr': 'name/id attribute',
  'input-type': 'input type',
  negative: 'label',
  'company-context': 'record type',
  none: 'description',
};

function verdict(kind: Kind | null, source: ReasonCode, evidence: string, why: string): FieldVerdict {
  const reasonCode: ReasonCode = kind === null && source !== 'autocomplete' && source !== 'api-name' ? 'negative' : source;
  const confidence = kind === null ? Math.min(CONFIDENCE[source], CONFIDENCE.negative) : CONFIDENCE[source];
  const reason = kind === null ? `Not personal data: the ${SOURCE_NAME[source]} says "${evidence}" (${why}).` : `Holds ${kind.replace('_', ' ')}: the ${SOURCE_NAME[source]} says "${evidence}" (${why}).`;
  return { kind, confidence, reasonCode, evidence, reason };
}

function fromAutocomplete(token: string | undefined): FieldVerdict | undefined {
  if (!token) return undefined;
  // The field token is the last one; "section-x shipping work tel" → "tel"; "webauthn" may follow it.
  const words = token.toLowerCase().trim().split(SPACES).filter((w) => w !== 'webauthn');
  const last = words[words.length - 1];
  if (last === undefined || !(last in AUTOCOMPLETE)) return undefined;
  const kind = AUTOCOMPLETE[last] ?? null;
  return verdict(kind, 'autocomplete', last, kind === null ? 'the browser autofill token is not personal' : 'the browser autofill token');
}

function fromApiName(apiName: string | undefined, objectType: string | undefined): FieldVerdict | undefined {
  if (!apiName) return undefined;
  const key = apiName.trim();
  const personAccount = key.startsWith('Person') && key.length > 6 && key !== 'Pronouns';
  const lookup = personAccount ? key.slice(6) : key;
  const hit = lookup in CRM_API_NAMES ? lookup : lookup.toLowerCase() in CRM_API_NAMES ? lookup.toLowerCase() : undefined;
  if (hit !== undefined) {
    const known = CRM_API_NAMES[hit] ?? null;
    const v = verdict(known, 'api-name', key, known === null ? 'a standard CRM field that holds no personal data' : 'a standard CRM field');
    return personAccount ? v : companyAdjusted(v, objectType);
  }
  const match = matchVocabulary(identifierText(key), 'identifier');
  if (!match) return undefined;
  return verdict(match.rule.kind, 'api-name', key, match.rule.why);
}

function companyAdjusted(v: FieldVerdict, objectType: string | undefined): FieldVerdict {
  if (v.kind === null || !COMPANY_KINDS.has(v.kind) || !objectType || !COMPANY_OBJECTS.has(objectType.toLowerCase())) return v;
  return {
    kind: null,
    confidence: CONFIDENCE['company-context'],
    reasonCode: 'company-context',
    evidence: v.evidence,
    reason: `Not personal data: on a ${objectType} record, "${v.evidence}" describes the organisation (its switchboard, office or general mailbox), not a person.`,
  };
}

/** Classify one field. Pure and synchronous; safe to call for thousands of fields. */
export function classifyField(desc: FieldDescriptor): FieldVerdict {
  const type = desc.type?.toLowerCase();
  if (type && NON_INPUT_TYPES.has(type)) {
    return { kind: null, confidence: 0.9, reasonCode: 'input-type', evidence: type, reason: `Not personal data: a ${type} control holds no typed value.` };
  }
  if (type === 'checkbox' && !desc.autocomplete && !desc.apiName) {
    return { kind: null, confidence: 0.85, reasonCode: 'input-type', evidence: type, reason: 'Not personal data: a checkbox records a choice (consent, preference), not a personal value.' };
  }
  const decided =
    fromAutocomplete(desc.autocomplete) ?? fromApiName(desc.apiName, desc.objectType) ?? fromTexts(desc) ?? fromInputType(type);
  if (decided) {
    if (decided.reasonCode === 'autocomplete' || decided.reasonCode === 'api-name' || decided.kind === null) return decided;
    return refineParts(companyAdjusted(decided, desc.objectType), desc);
  }
  return { kind: null, confidence: CONFIDENCE.none, reasonCode: 'none', reason: 'Not personal data: nothing in the label, names or type points to personal data.' };
}

const SELECTOR_WORDS = new Set(['type', 'types', 'select', 'selector', 'selection', 'loc', 'ind', 'indicator', 'option', 'options', 'method', 'preference', 'preferences', 'check', 'checkbox', 'dropdown', 'toggle', 'radio']);

/** A name like "phone1Type", "_1_addressSelect" or "shipOptions" marks a chooser of options, whatever its option label says. */
function selectorAttr(desc: FieldDescriptor): string | undefined {
  for (const attr of [desc.name, desc.id]) {
    if (!attr) continue;
    const last = lastSegment(attr);
    const words = normalizeText(last).trim().split(' ');
    const tail = words[words.length - 1];
    const cardish = words.some((w) => w === 'cc' || w === 'card' || w.startsWith('kart') || w === 'carte' || w === 'tarjeta' || w === 'carta' || w === 'kaart');
    // "userPasswordReType" is a retyped value, not a chooser.
    if (tail !== undefined && SELECTOR_WORDS.has(tail) && !cardish && words[words.length - 2] !== 're') return last;
  }
  return undefined;
}

/** "Yes:*" → "yes" (a loop, not a `[…]+$` pattern, which would backtrack quadratically). */
function trimMarks(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  let end = s.length;
  while (end > 0 && ' :*?.'.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

function fromTexts(desc: FieldDescriptor): FieldVerdict | undefined {
  const selector = selectorAttr(desc);
  if (selector) {
    return { kind: null, confidence: 0.75, reasonCode: 'negative', evidence: selector, reason: `Not personal data: "${selector}" chooses among options (a type or preference), it holds no personal value.` };
  }
  const sources: [ReasonCode, string | undefined, boolean][] = [
    ['label', desc.label, false],
    ['aria-label', desc.ariaLabel, false],
    ['placeholder', desc.placeholder, false],
    ['name-attr', desc.name, true],
    ['name-attr', desc.id, true],
  ];
  const label = trimMarks(desc.label?.trim().toLowerCase());
  if (label !== undefined && (desc.name || desc.id) && ((label.length === 1 && label.toUpperCase() !== label.toLowerCase()) || OPTION_WORDS.has(label))) {
    return { kind: null, confidence: 0.7, reasonCode: 'negative', evidence: label, reason: `Not personal data: the label "${label}" is one option of a choice, not a value.` };
  }
  // "Day", "Month", "Year" alone decide nothing: the name attribute says whose date part it is ("dob_day", "exp_month").
  let fallback: FieldVerdict | undefined;
  for (const [code, raw, identifier] of sources) {
    if (!raw || raw.trim() === '') continue;
    // Form names are paths ("billing.creditCard.firstName"); the last segment names the field.
    const match = identifier ? (matchVocabulary(identifierText(lastSegment(raw)), 'identifier') ?? matchVocabulary(identifierText(raw), 'identifier')) : matchVocabulary(raw);
    if (!match) continue;
    if (match.rule === DATE_PART_RULE) {
      fallback ??= verdict(null, code, match.term, match.rule.why);
      continue;
    }
    // "First name" on a card form: the name attribute ("cc-name", "nameOnCard") says it is the card holder.
    if (!identifier && match.rule.kind === 'name') {
      const attr = [desc.name, desc.id].filter((x): x is string => !!x).map((x) => matchVocabulary(identifierText(lastSegment(x)), 'identifier'));
      if (attr.some((a) => a?.rule.kind === 'payment_card')) return verdict('payment_card', 'name-attr', 'card holder', 'the name attribute marks the card holder');
    }
    return verdict(match.rule.kind, code, match.term, match.rule.why);
  }
  return fallback;
}

function fromInputType(type: string | undefined): FieldVerdict | undefined {
  if (type === 'email') return verdict('email', 'input-type', 'email', 'an email input');
  if (type === 'tel') return verdict('phone', 'input-type', 'tel', 'a telephone input');
  if (type === 'password') return verdict('credential', 'input-type', 'password', 'a password input');
  return undefined;
}

const BIRTH_WORDS = rx('field-birth-words', /birth|dob|bday|geburt|naissance|nacimiento|nascita|geboorte/i);
const CARD_WORDS = rx('field-card-words', /card|cc|kart|carte|tarjeta|carta|kaart|exp/i);

/** "Day", "Month", "Year" on their own mean a date part: a birth date or card expiry only when the context says so. */
function refineParts(v: FieldVerdict, desc: FieldDescriptor): FieldVerdict {
  if (v.kind !== 'payment_card' || !v.evidence || !v.evidence.startsWith('exp')) return v;
  const context = [desc.name, desc.id, desc.section, desc.label].filter(Boolean).join(' ');
  if (BIRTH_WORDS.test(context) && !CARD_WORDS.test(context)) return { ...v, kind: 'birthdate', reason: v.reason.replace('payment card', 'birthdate') };
  return v;
}
