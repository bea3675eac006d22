/**
 * The protocol's word lists without their zod schemas, so the content script can
 * name them without bundling zod (issue 4's 60 KB budget). record.ts and
 * protocol.ts build their schemas from these and re-export them.
 */

export const CRM_IDS = ['salesforce', 'hubspot', 'generic'] as const;
export type CrmId = (typeof CRM_IDS)[number];

export const VIEW_KINDS = ['record', 'edit', 'new', 'list', 'other'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

export const PROBLEMS = ['sensitive', 'excess'] as const;
export const SEVERITIES = ['info', 'warn', 'block', 'override'] as const;

/** Audit events a content script may ask the background to record. Everything else is background-only. */
export const CONTENT_AUDIT_TYPES = [
  'fields.shown',
  'input.warning_shown',
  'input.fixed',
  'input.save_blocked',
  'input.overridden',
  'outreach.decision',
] as const;

/**
 * Bounds of one `cs:scan-text` request: the background's work per message stays
 * bounded, and longer texts are sent in overlapping pieces (lib/messages/text-batches.ts).
 */
export const SCAN_TEXT_LIMITS = { items: 200, totalChars: 1_000_000 } as const;

/** Bounds of one `cs:classify-fields` request: descriptors per message, characters per descriptor text. */
export const FIELD_LIMITS = { fields: 2000, text: 500 } as const;
