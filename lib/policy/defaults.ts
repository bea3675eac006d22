/**
 * Built-in policy defaults that content-script code needs as well as the schema.
 * Zod-free, so the input guard can share them without carrying the policy schema.
 */
import { KINDS, KIND_CLASS, type Kind, type KindClass } from '../detect/kinds';

export const MODES = ['off', 'warn', 'override', 'block'] as const;
export type Mode = (typeof MODES)[number];

export const DEFAULT_MODES: Readonly<Record<KindClass, Mode>> = {
  ordinary: 'warn',
  sensitive_identifier: 'override',
  special_category: 'override',
  criminal: 'block',
};

/** Kinds that belong in no free-text note: every kind that is not ordinary (Art. 9, Art. 10, and identifiers that enable fraud). */
export const DEFAULT_NEVER_IN_FREE_TEXT: readonly Kind[] = KINDS.filter((k) => KIND_CLASS[k] !== 'ordinary');

export const DEFAULT_MIN_REASON_LENGTH = 20;
