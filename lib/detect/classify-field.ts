/**
 * Field classification: decide from a FieldDescriptor which kind of personal
 * data a field holds, or that it holds none. Evidence is weighed in a fixed
 * order — autocomplete token, CRM API name, visible label, aria-label,
 * placeholder, name/id attributes, input type — and the first source that
 * decides wins, including a decision that the field is *not* personal.
 */
import { KIND_CLASS, type Kind } from './kinds';
import type { FieldDescriptor } from './field-descriptor';
import { bestMatch, fieldWords, FIELD_RULES, HEADING_WORDS, table, IDENTIFIER_ALIASES, OPTION_VALUES, TITLE_WORDS, type Match } from './field-vocab';
import { CRM_API_NAMES } from './crm-api-names';
import { rx } from './regex-registry';

import { REASON_CODES, type ReasonCode } from './reason-codes';

export { REASON_CODES, type ReasonCode };

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

const DATE_PART_RULE = FIELD_RULES.find((r) => r.why.startsWith('a day, month or year'));
const OPTION_WHY: Partial<Record<Kind, string>> = {
  gender: 'a gender option',
  name: 'an honorific (Mr, Mrs, Herr, Mme) is part of a name',
  payment_card: 'a card brand choice is payment-card data',
};
const SPACES = rx('field-spaces', /\s+/);
/** HTML autofill field tokens (the last token of an autocomplete attribute). */
const AUTOCOMPLETE = table<Kind | null>([
  ['name', 'name|honorific-prefix|given-name|additional-name|family-name|honorific-suffix|nickname'],
  ['email', 'email'],
  ['phone', 'tel|tel-country-code|tel-national|tel-area-code|tel-local|tel-local-prefix|tel-local-suffix|tel-extension'],
  ['address', 'street-address|address-line1|address-line2|address-line3|address-level1|address-level2|address-level3|address-level4|postal-code'],
  [null, 'country|country-name|organization|organization-title|url|language|transaction-currency|transaction-amount'],
  ['payment_card', 'cc-name|cc-given-name|cc-additional-name|cc-family-name|cc-number|cc-exp|cc-exp-month|cc-exp-year|cc-csc|cc-type'],
  ['birthdate', 'bday|bday-day|bday-month|bday-year'],
  ['gender', 'sex'],
  ['online_id', 'username|impp'],
  ['credential', 'current-password|new-password|one-time-code|webauthn'],
]);

const COMPANY_OBJECTS = new Set(['account', 'company', '0-2', 'opportunity', 'deal', '0-3', 'campaign', 'product2', 'product', 'quote', 'order', 'contract', 'case', 'ticket', '0-5']);
/** Kinds that, on a company record, describe the company (its switchboard, office, general mailbox, company name). */
const COMPANY_KINDS = new Set<Kind>(['name', 'phone', 'email', 'address', 'location']);

const NON_INPUT_TYPES = new Set(['submit', 'button', 'reset', 'image', 'hidden', 'file', 'range', 'color']);

/** The last path segment of a form name: "billing.creditCard.firstName" → "firstName". */
function lastSegment(name: string): string {
  let end = name.length;
  while (end > 0 && isPathSeparator(name.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isPathSeparator(name.charCodeAt(start - 1))) start--;
  return start === 0 && end === name.length ? name : end === 0 ? name : name.slice(start, end);
}

/** . $ [ ] / : */
function isPathSeparator(c: number): boolean {
  return c === 46 || c === 36 || c === 91 || c === 93 || c === 47 || c === 58;
}

const ALIAS_WORDS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(IDENTIFIER_ALIASES).map(([k, v]) => [k, v.split(' ')]));

/** Identifier words without a Salesforce `__c` suffix, short conventional tokens expanded ("fn", "zc"). */
function expandAliases(words: string[], raw: string): string[] {
  // "Religion__c" → religion: the suffix is the last word, "c".
  const n = raw.endsWith('__c') || raw.endsWith('__C') ? words.length - 1 : words.length;
  let out: string[] | undefined;
  for (let i = 0; i < n; i++) {
    const alias = ALIAS_WORDS.get(words[i]!);
    if (alias !== undefined) {
      out ??= words.slice(0, i);
      out.push(...alias);
    } else if (out) out.push(words[i]!);
  }
  return out ?? (n === words.length ? words : words.slice(0, n));
}

function matchIdentifier(s: string): Match | undefined {
  return bestMatch(expandAliases(fieldWords(s), s), 'identifier');
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
  const reason = `${kind === null ? 'Not personal data' : `Holds ${kind.replace('_', ' ')}`}: the ${SOURCE_NAME[source]} says "${evidence}" (${why}).`;
  return { kind, confidence, reasonCode, evidence, reason };
}

function fromAutocomplete(token: string | undefined): FieldVerdict | undefined {
  if (!token) return undefined;
  // The field token is the last one; "section-x shipping work tel" → "tel"; "webauthn" may follow it.
  const words = token.toLowerCase().trim().split(SPACES).filter((w) => w !== 'webauthn');
  const last = words[words.length - 1];
  if (last === undefined || !AUTOCOMPLETE.has(last)) return undefined;
  const kind = AUTOCOMPLETE.get(last) ?? null;
  return verdict(kind, 'autocomplete', last, kind === null ? 'the browser autofill token is not personal' : 'the browser autofill token');
}

function fromApiName(apiName: string | undefined, objectType: string | undefined): FieldVerdict | undefined {
  if (!apiName) return undefined;
  const key = apiName.trim();
  const personAccount = key.startsWith('Person') && key.length > 6 && key !== 'Pronouns';
  const lookup = personAccount ? key.slice(6) : key;
  const hit = CRM_API_NAMES.has(lookup) ? lookup : CRM_API_NAMES.has(lookup.toLowerCase()) ? lookup.toLowerCase() : undefined;
  if (hit !== undefined) {
    const known = CRM_API_NAMES.get(hit) ?? null;
    const v = verdict(known, 'api-name', key, known === null ? 'a standard CRM field that holds no personal data' : 'a standard CRM field');
    return personAccount ? v : companyAdjusted(v, objectType);
  }
  const match = matchIdentifier(key);
  if (!match) return undefined;
  const v = verdict(match.rule.kind, 'api-name', key, match.rule.why);
  return personAccount ? v : companyAdjusted(v, objectType);
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
    fromAutocomplete(desc.autocomplete) ?? fromApiName(desc.apiName, desc.objectType) ?? fromTexts(desc, type) ?? fromInputType(type);
  if (decided) {
    if (decided.reasonCode === 'autocomplete' || decided.reasonCode === 'api-name' || decided.kind === null) return decided;
    return companyAdjusted(decided, desc.objectType);
  }
  return { kind: null, confidence: CONFIDENCE.none, reasonCode: 'none', reason: 'Not personal data: nothing in the label, names or type points to personal data.' };
}

const CONTROL_PREFIXES = new Set(['chk', 'cbx', 'cb', 'rdo', 'rb']);
const SELECTOR_WORDS = new Set(['type', 'types', 'select', 'selector', 'selection', 'loc', 'ind', 'indicator', 'option', 'options', 'method', 'preference', 'preferences', 'check', 'checkbox', 'dropdown', 'toggle', 'radio']);

/** A name or id attribute, its last path segment, words and vocabulary matches, each worked out once and only when asked. */
class Attr {
  readonly last: string;
  private w: string[] | undefined;
  private lastM: Match | null | undefined;
  private fullM: Match | null | undefined;
  constructor(readonly raw: string) {
    this.last = lastSegment(raw);
  }

  get words(): string[] {
    return (this.w ??= fieldWords(this.last));
  }

  /** What the last path segment says ("billing.creditCard.firstName" → first name). */
  lastMatch(): Match | undefined {
    if (this.lastM === undefined) this.lastM = bestMatch(expandAliases(this.words, this.last), 'identifier') ?? null;
    return this.lastM ?? undefined;
  }

  /** The last segment's match, else the whole path's; date parts ("month") left out. */
  match(): Match | undefined {
    let m = this.lastMatch();
    if (!m && this.last !== this.raw) {
      if (this.fullM === undefined) this.fullM = matchIdentifier(this.raw) ?? null;
      m = this.fullM ?? undefined;
    }
    return m && m.rule !== DATE_PART_RULE ? m : undefined;
  }

  /** A name like "phone1Type", "_1_addressSelect" or "shipOptions" marks a chooser of options, whatever its option label says. */
  isChooser(): boolean {
    const words = this.words;
    const n = words.length;
    if (n === 0) return false;
    const tail = words[n - 1]!;
    // "userPasswordReType" is a retyped value, not a chooser; "cardType" is payment-card data.
    if (SELECTOR_WORDS.has(tail) && words[n - 2] !== 're' && !words.some(isCardWord)) return true;
    // "typeOfAddress", "kindOfPhone" choose a kind; Hungarian-style prefixes ("chkEmailOptIn", "rdoPrimary") mark check boxes and radios.
    return n > 1 && (((words[0] === 'type' || words[0] === 'kind') && words[1] === 'of') || CONTROL_PREFIXES.has(words[0]!));
  }
}

function isCardWord(w: string): boolean {
  return w === 'cc' || w === 'card' || w.startsWith('kart') || w === 'carte' || w === 'tarjeta' || w === 'carta' || w === 'kaart';
}

/** The words of a short label as one key ("Sig.ra" → "sig ra"), for the option-value and title tables. */
function shortKey(words: readonly string[]): string | undefined {
  const n = words.length;
  return n === 1 ? words[0] : n > 0 && n <= 3 && SHORT_KEY_FIRST.has(words[0]!) ? words.join(' ') : undefined;
}

/** First words of the multi-word option values and titles ("american express", "sig ra"): other labels need no joined key. */
const SHORT_KEY_FIRST: ReadonlySet<string> = new Set([...OPTION_VALUES.keys(), ...TITLE_WORDS].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));

function fromTexts(desc: FieldDescriptor, type: string | undefined): FieldVerdict | undefined {
  const name = desc.name ? new Attr(desc.name) : undefined;
  const id = desc.id ? new Attr(desc.id) : undefined;
  const chooser = name?.isChooser() ? name : id?.isChooser() ? id : undefined;
  if (chooser) {
    const c = chooser.last;
    return { kind: null, confidence: 0.75, reasonCode: 'negative', evidence: c, reason: `Not personal data: "${c}" chooses among options (a type or preference), it holds no personal value.` };
  }
  const labelWords = desc.label ? fieldWords(desc.label) : [];
  const key = shortKey(labelWords);
  const option = key === undefined ? undefined : OPTION_VALUES.get(key);
  const letter = key !== undefined && key.length === 1 && key.toUpperCase() !== key;
  // A radio button's label, or a label like "Female", "Mrs", "Visa", "Yes", is one value of a choice: the group (name attribute) decides.
  if (type === 'radio' || option !== undefined || (letter && (name || id))) {
    // The group's own name ("…$BillingAddress$rdoPrimary" is not an address); a yes/no answer reveals only a special category ("Union member? Yes").
    let group = name?.lastMatch();
    if (!group || group.rule === DATE_PART_RULE) group = id?.lastMatch();
    if (group && group.rule !== DATE_PART_RULE && (option !== null || (group.rule.kind !== null && KIND_CLASS[group.rule.kind] !== 'ordinary' && KIND_CLASS[group.rule.kind] !== 'sensitive_identifier'))) {
      return verdict(group.rule.kind, 'name-attr', group.term, group.rule.why);
    }
    if (option !== undefined) return verdict(option, 'label', key!, option === null ? 'a yes/no answer is a choice, not a value' : OPTION_WHY[option] ?? 'one value of a personal choice');
    const section = desc.section ? bestMatch(fieldWords(desc.section), 'label') : undefined;
    if (section && section.rule !== DATE_PART_RULE) return verdict(section.rule.kind, 'label', section.term, `the section heading: ${section.rule.why}`);
    if (type === 'radio' || letter) return { kind: null, confidence: 0.7, reasonCode: 'negative', evidence: key, reason: `Not personal data: "${key ?? 'this option'}" is one option of a choice, not a value.` };
  }
  // "Title" on a select is the honorific (Mr, Mrs, Dr); as free text it is usually a job title.
  if ((type === 'select-one' || type === 'select') && key !== undefined && TITLE_WORDS.has(key)) return verdict('name', 'label', key, 'a title select chooses the honorific in a name');
  // "Day", "Month", "Year" alone decide nothing: the name attribute says whose date part it is ("dob_day", "exp_month").
  let fallback: FieldVerdict | undefined;
  for (let source = 0; source < 3; source++) {
    const raw = source === 0 ? desc.label : source === 1 ? desc.ariaLabel : desc.placeholder;
    if (!raw) continue;
    const code: ReasonCode = source === 0 ? 'label' : source === 1 ? 'aria-label' : 'placeholder';
    const words = source === 0 ? labelWords : fieldWords(raw);
    if (isExpiryFormat(words)) return verdict('payment_card', code, raw.trim(), 'MM/YY is the card expiry format');
    const match = bestMatch(words, 'label');
    if (!match) continue;
    if (match.rule === DATE_PART_RULE) {
      fallback ??= verdict(null, code, match.term, match.rule.why);
      continue;
    }
    const n = words.length;
    // A section heading as label ("Credit Card Information") names the group; the name attribute names the field.
    const heading = source === 0 && n >= 2 && n <= 4 && HEADING_WORDS.has(words[n - 1]!);
    // A generic label ("PIN", "Email") on a field whose name says gift card, promo code or company is that, not personal data.
    const generic = n <= 2 && !match.rule.strong && match.rule.kind !== null;
    const attr = heading || generic ? (name?.match() ?? id?.match()) : undefined;
    if (heading && attr) return verdict(attr.rule.kind, 'name-attr', attr.term, attr.rule.why);
    if (generic && attr?.rule.veto) return verdict(null, 'name-attr', attr.term, attr.rule.why);
    // "First name" on a card form: the name attribute ("cc-name", "nameOnCard") says it is the card holder.
    if (match.rule.kind === 'name' && (name?.lastMatch()?.rule.kind === 'payment_card' || id?.lastMatch()?.rule.kind === 'payment_card')) {
      return verdict('payment_card', 'name-attr', 'card holder', 'the name attribute marks the card holder');
    }
    // A password input holds a credential, whatever its label says, unless the label rules it out ("Gift card PIN") or names another secret (CVV, SSN, IBAN).
    if (type === 'password' && (match.rule.kind === null ? !match.rule.strong : KIND_CLASS[match.rule.kind] === 'ordinary')) return undefined;
    return verdict(match.rule.kind, code, match.term, match.rule.why);
  }
  if (type === 'password') return undefined;
  const attr = name?.match() ?? id?.match();
  if (attr) return verdict(attr.rule.kind, 'name-attr', attr.term, attr.rule.why);
  if (fallback) return fallback;
  // Only date parts in the name: "month" alone decides nothing.
  const part = name?.lastMatch() ?? id?.lastMatch();
  return part ? verdict(null, 'name-attr', part.term, part.rule.why) : undefined;
}

/** "MM/YY", "MM / AA", "MM/JJJJ": the card expiry format, as placeholder or label. */
function isExpiryFormat(words: readonly string[]): boolean {
  return words.length === 2 && words[0] === 'mm' && EXPIRY_YEARS.has(words[1]!);
}
const EXPIRY_YEARS = new Set(['yy', 'yyyy', 'jj', 'jjjj', 'aa', 'aaaa']);

function fromInputType(type: string | undefined): FieldVerdict | undefined {
  if (type === 'email') return verdict('email', 'input-type', 'email', 'an email input');
  if (type === 'tel') return verdict('phone', 'input-type', 'tel', 'a telephone input');
  if (type === 'password') return verdict('credential', 'input-type', 'password', 'a password input');
  return undefined;
}
