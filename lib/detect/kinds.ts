/**
 * The fixed vocabulary of personal-data kinds the engine reports, and the class
 * each belongs to. Policy acts on classes (mode per class); the UI names kinds.
 */
export const KINDS = [
  'name',
  'email',
  'phone',
  'address',
  'birthdate',
  'gender',
  'national_id',
  'bank_account',
  'payment_card',
  'credential',
  'online_id',
  'location',
  'health',
  'religion',
  'political',
  'ethnicity',
  'sexual_orientation',
  'trade_union',
  'biometric',
  'genetic',
  'criminal',
] as const;

export type Kind = (typeof KINDS)[number];

export const KIND_CLASSES = ['ordinary', 'sensitive_identifier', 'special_category', 'criminal'] as const;
export type KindClass = (typeof KIND_CLASSES)[number];

/** Exhaustive: adding a kind without a class is a compile error. */
export const KIND_CLASS: Readonly<Record<Kind, KindClass>> = {
  name: 'ordinary',
  email: 'ordinary',
  phone: 'ordinary',
  address: 'ordinary',
  birthdate: 'ordinary',
  gender: 'ordinary',
  online_id: 'ordinary',
  location: 'ordinary',
  national_id: 'sensitive_identifier',
  bank_account: 'sensitive_identifier',
  payment_card: 'sensitive_identifier',
  credential: 'sensitive_identifier',
  health: 'special_category',
  religion: 'special_category',
  political: 'special_category',
  ethnicity: 'special_category',
  sexual_orientation: 'special_category',
  trade_union: 'special_category',
  biometric: 'special_category',
  genetic: 'special_category',
  criminal: 'criminal',
};

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function classOf(kind: Kind): KindClass {
  return KIND_CLASS[kind];
}
