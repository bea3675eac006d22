/**
 * Masked replacements that keep just enough to recognise a value (country and
 * check digits of an IBAN, last four of a card) and remove statements whole.
 */
import type { Kind } from './kinds';
import type { Finding } from './finding';
import { scanText } from './scan';
import { rx } from './regex-registry';

const ALNUM = rx('mask-alnum', /[\p{L}\p{N}]/u);
const DIGIT = rx('mask-digit', /\d/);

/** Neutral placeholders for statements and values that are removed entirely. */
export const PLACEHOLDER: Readonly<Record<Kind, string>> = {
  name: '[name removed]',
  email: '[email removed]',
  phone: '[phone removed]',
  address: '[address removed]',
  birthdate: '[date of birth removed]',
  gender: '[gender removed]',
  national_id: '[ID number removed]',
  bank_account: '[bank account removed]',
  payment_card: '[card number removed]',
  credential: '[credential removed]',
  online_id: '[online identifier removed]',
  location: '[location removed]',
  health: '[health data removed]',
  religion: '[religious belief removed]',
  political: '[political opinion removed]',
  ethnicity: '[ethnic origin removed]',
  sexual_orientation: '[sexual orientation removed]',
  trade_union: '[trade-union membership removed]',
  biometric: '[biometric data removed]',
  genetic: '[genetic data removed]',
  criminal: '[criminal record removed]',
};

/** Replace every alphanumeric character except the `keepStart` first and `keepEnd` last ones by '*', keeping separators. */
function starOut(value: string, keepStart: number, keepEnd: number, only: RegExp = ALNUM): string {
  let total = 0;
  for (const ch of value) if (only.test(ch)) total++;
  let seen = 0;
  let out = '';
  for (const ch of value) {
    if (only.test(ch)) {
      seen++;
      out += seen <= keepStart || seen > total - keepEnd ? ch : '*';
    } else out += ch;
  }
  return out;
}

/** The masked replacement for the span of `f` in `text`. */
export function maskFinding(text: string, f: Finding): string {
  const value = text.slice(f.start, f.end);
  switch (f.kind) {
    case 'bank_account':
      // IBAN: country + check digits and the last four; a BIC keeps its bank code.
      return f.rule === 'iban' ? starOut(value, 4, 4) : starOut(value, 4, 0);
    case 'payment_card':
      return starOut(value, 0, 4, DIGIT);
    case 'email': {
      const at = value.lastIndexOf('@');
      return at <= 0 ? PLACEHOLDER.email : `${value[0]}***${value.slice(at)}`;
    }
    case 'phone':
      return starOut(value, 0, 2, DIGIT);
    case 'national_id':
    case 'credential':
    case 'online_id':
      return starOut(value, 0, 0);
    default:
      return PLACEHOLDER[f.kind];
  }
}

/** Mask every finding in `text` (e.g. an override reason before it enters the audit log). */
export function redactText(text: string, findings: readonly Finding[] = scanText(text)): string {
  // Outer spans first; a finding inside an already-masked statement is covered by it.
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const f of ordered) {
    if (f.start < pos) continue;
    out += text.slice(pos, f.start) + maskFinding(text, f);
    pos = f.end;
  }
  return out + text.slice(pos);
}
