/**
 * The audit event vocabulary: one strict zod schema per event type for the `data`
 * part, plus the envelope every event carries. Strict objects reject unknown keys,
 * so a field value or typed text cannot ride along under an unexpected name; the
 * only free text (override reasons, error messages) passes through `redact` first.
 */
import { z } from 'zod';
import { KINDS } from '../detect/kinds';

/** Bumped when a data schema changes incompatibly; stored as `data.schema` is not needed because entries carry `v`. */
export const EVENT_SCHEMA_VERSION = 1 as const;

export const EVENT_TYPES = [
  'record.viewed',
  'fields.shown',
  'input.warning_shown',
  'input.fixed',
  'input.save_blocked',
  'input.overridden',
  'consent.checked',
  'outreach.decision',
  'policy.loaded',
  'policy.changed',
  'policy.error',
  'log.exported',
  'log.verified',
  'log.checkpoint',
  'extension.started',
  'extension.updated',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** Longest free text kept after masking; longer reasons are cut, not rejected, so an override is never lost. */
export const MAX_FREE_TEXT = 500;
/** Longer free text is not scanned but masked entirely. */
const MAX_SCANNED_TEXT = 20_000;

const kinds = z.array(z.enum(KINDS)).max(KINDS.length).refine((a) => new Set(a).size === a.length, 'kinds must be unique');
/** A field's API name (e.g. "Email", "hs_lead_status"), never its label text or value. */
const fieldName = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'field must be an API name');
/** The label the CRM shows for a field (e.g. "Mobile"); scanned and masked like free text, as custom labels are the admin's words. */
const fieldLabel = z.string().max(200);
const guardMode = z.enum(['warn', 'block', 'override']);
const consentStatus = z.enum(['granted', 'denied', 'withdrawn', 'unknown', 'error']);
const policySource = z.enum(['managed', 'local', 'default']);
const freeText = z.string().max(MAX_FREE_TEXT);
const head = z.strictObject({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });
const settingKey = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/** The filter an export or query used; identifiers only. */
export const auditFilterSchema = z.strictObject({
  from: isoTime.optional(),
  to: isoTime.optional(),
  type: z.enum(EVENT_TYPES).optional(),
  crm: z.string().max(64).optional(),
  objectType: z.string().max(128).optional(),
  recordId: z.string().max(128).optional(),
  user: z.string().max(256).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const EVENT_DATA_SCHEMAS = {
  'record.viewed': z.strictObject({ mode: z.enum(['view', 'edit', 'list']) }),
  'fields.shown': z.strictObject({ kinds, fieldCount: z.number().int().min(0) }),
  'input.warning_shown': z.strictObject({ kinds, field: fieldName.optional(), fieldLabel: fieldLabel.optional(), mode: guardMode }),
  'input.fixed': z.strictObject({ kinds, field: fieldName.optional(), fieldLabel: fieldLabel.optional() }),
  'input.save_blocked': z.strictObject({ kinds, field: fieldName.optional(), fieldLabel: fieldLabel.optional(), mode: guardMode }),
  'input.overridden': z.strictObject({ kinds, field: fieldName.optional(), fieldLabel: fieldLabel.optional(), reason: freeText }),
  'consent.checked': z.strictObject({
    status: consentStatus,
    purposes: z.array(settingKey).max(32).optional(),
    source: z.enum(['cache', 'backend', 'none']),
  }),
  'outreach.decision': z.strictObject({
    channel: z.enum(['email', 'phone', 'sms', 'meeting', 'other']),
    decision: z.enum(['allowed', 'warned', 'blocked', 'overridden']),
    consent: consentStatus,
    reason: freeText.optional(),
  }),
  'policy.loaded': z.strictObject({ source: policySource, policyVersion: z.string().max(64).optional() }),
  'policy.changed': z.strictObject({
    source: policySource,
    changedKeys: z.array(settingKey).max(128),
    policyVersion: z.string().max(64).optional(),
  }),
  'policy.error': z.strictObject({ source: policySource, code: settingKey, message: freeText }),
  'log.exported': z.strictObject({
    format: z.enum(['csv', 'ndjson']),
    count: z.number().int().min(0),
    completed: z.boolean(),
    filter: auditFilterSchema,
  }),
  'log.verified': z.strictObject({
    ok: z.boolean(),
    checked: z.number().int().min(0),
    problemCount: z.number().int().min(0),
    firstProblem: z.strictObject({ seq: z.number().int(), reason: settingKey }).optional(),
    durationMs: z.number().min(0),
  }),
  'log.checkpoint': z.strictObject({
    prunedThrough: head,
    prunedCount: z.number().int().min(1),
    reason: z.enum(['retention', 'quota']),
    cutoff: isoTime.optional(),
  }),
  'extension.started': z.strictObject({ reason: z.enum(['startup', 'install', 'wake']) }),
  'extension.updated': z.strictObject({ previousVersion: z.string().min(1).max(64) }),
} as const satisfies Record<EventType, z.ZodType>;

export type EventData<T extends EventType> = z.infer<(typeof EVENT_DATA_SCHEMAS)[T]>;

/** Where an event happened; everything optional because not every event concerns a record. */
export const eventContextSchema = z.strictObject({
  /** CRM user id where the adapter can read it; otherwise the policy-set or install pseudonym is used. */
  user: z.string().min(1).max(256).optional(),
  crm: z.string().min(1).max(64).optional(),
  objectType: z.string().min(1).max(128).optional(),
  recordId: z.string().min(1).max(128).optional(),
  host: z.string().min(1).max(253).regex(/^[A-Za-z0-9.-]+(?::\d{1,5})?$/, 'host must be a host name').optional(),
});
export type EventContext = z.infer<typeof eventContextSchema>;

/** What callers hand to `append`: a type, its data and the context. id, time, seq and hashes are added by the log. */
export type AuditEventInput = {
  [T in EventType]: { type: T; data: EventData<T> } & EventContext;
}[EventType];

/** Free-text fields per type: masked with `redact` and cut to MAX_FREE_TEXT before validation. */
const FREE_TEXT_FIELDS: Readonly<Record<EventType, readonly string[]>> = {
  'record.viewed': [],
  'fields.shown': [],
  'input.warning_shown': ['fieldLabel'],
  'input.fixed': ['fieldLabel'],
  'input.save_blocked': ['fieldLabel'],
  'input.overridden': ['reason', 'fieldLabel'],
  'consent.checked': [],
  'outreach.decision': ['reason'],
  'policy.loaded': [],
  'policy.changed': [],
  'policy.error': ['message'],
  'log.exported': [],
  'log.verified': [],
  'log.checkpoint': [],
  'extension.started': [],
  'extension.updated': [],
};

export type Redact = (text: string) => string;

/**
 * Used when no detection engine is wired in: keeps only the length, because an
 * unscanned reason may hold anything. Callers should pass `redactText` from lib/detect.
 */
export const maskAll: Redact = (text) => `[redacted: ${text.length} chars]`;

export class AuditEventError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
    this.name = 'AuditEventError';
  }
}

export interface ValidatedEvent {
  type: EventType;
  data: Record<string, unknown>;
  context: EventContext;
}

/** Validate an event from any source (messages are untrusted); masks free text first. */
export function validateEvent(input: unknown, redact: Redact = maskAll): ValidatedEvent {
  if (typeof input !== 'object' || input === null) throw new AuditEventError('audit event must be an object', []);
  const { type, data, ...context } = input as Record<string, unknown>;
  if (!isEventType(type)) throw new AuditEventError(`unknown audit event type: ${String(type).slice(0, 64)}`, []);
  const masked = maskFreeText(type, data, redact);
  const parsedData = EVENT_DATA_SCHEMAS[type].safeParse(masked);
  const parsedContext = eventContextSchema.safeParse(context);
  const issues = [
    ...(parsedData.success ? [] : parsedData.error.issues.map((i) => `data.${i.path.join('.')}: ${i.message}`)),
    ...(parsedContext.success ? [] : parsedContext.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
  ];
  if (!parsedData.success || !parsedContext.success) {
    throw new AuditEventError(`invalid ${type} event: ${issues.join('; ')}`, issues);
  }
  return { type, data: parsedData.data as Record<string, unknown>, context: parsedContext.data };
}

function maskFreeText(type: EventType, data: unknown, redact: Redact): unknown {
  const fields = FREE_TEXT_FIELDS[type];
  if (fields.length === 0 || typeof data !== 'object' || data === null) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of fields) {
    const value = copy[key];
    if (typeof value !== 'string') continue;
    // Scan the whole text (a cut could split a value so the scanner misses it); absurd lengths are masked whole.
    copy[key] = (value.length > MAX_SCANNED_TEXT ? maskAll(value) : redact(value)).slice(0, MAX_FREE_TEXT);
  }
  return copy;
}
