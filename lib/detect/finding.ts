import type { Kind } from './kinds';

/** Stable ids of the text rules; audit entries and tests refer to them. */
export const RULE_IDS = [
  'email',
  'phone',
  'iban',
  'bic',
  'payment-card',
  'de-steuer-id',
  'de-id-card',
  'de-svnr',
  'us-ssn',
  'uk-nino',
  'nl-bsn',
  'fr-nir',
  'es-dni-nie',
  'it-codice-fiscale',
  'ipv4',
  'ipv6',
  'credential-keyword',
  'credential-token',
  'birthdate-context',
  'health-statement',
  'religion-statement',
  'political-statement',
  'ethnicity-statement',
  'sexual-orientation-statement',
  'trade-union-statement',
  'biometric-statement',
  'genetic-statement',
  'criminal-statement',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** One located piece of personal data. Offsets are UTF-16 code units, `end` exclusive (String#slice). */
export interface Finding {
  kind: Kind;
  start: number;
  end: number;
  /** 0..1; checksum-validated identifiers score highest */
  confidence: number;
  rule: RuleId;
}

export interface ScanOptions {
  /** BCP 47 language hint ('de', 'fr-CH'); picks default phone regions. All languages' cues are always active. */
  lang?: string;
  /** Report only these kinds. */
  kinds?: readonly Kind[];
}
