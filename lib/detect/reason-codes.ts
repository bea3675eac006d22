/** Why the field classifier decided as it did; the overlay names the reason by its code. */
export const REASON_CODES = ['autocomplete', 'api-name', 'label', 'aria-label', 'placeholder', 'name-attr', 'input-type', 'negative', 'company-context', 'none'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
