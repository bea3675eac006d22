/**
 * The one message protocol between the extension's parts. The prefix of each type
 * says who sends it: `cs:` content script → background (unprivileged: the page's
 * own frame is behind it), `ui:` and `diagnostics:` extension pages → background
 * (privileged), `bg:` background → content script. The router in
 * lib/messages/router.ts enforces the direction from the sender, never from the
 * message's own claims.
 */
import { z } from 'zod';
import { fieldReportSchema, recordContextSchema, warningReportSchema, kindSchema } from './record';
import { consentLookupResultSchema } from '../consent/result';
import { CONTENT_AUDIT_TYPES, FIELD_LIMITS, SCAN_TEXT_LIMITS } from './vocab';
import { RULE_IDS } from '../detect/finding';

export { CONTENT_AUDIT_TYPES, FIELD_LIMITS, SCAN_TEXT_LIMITS };

export type Channel = 'cs' | 'ui' | 'bg';

const tabId = z.number().int().nonnegative();
const exportId = z.uuid();
const shortText = (max: number) => z.string().max(max);

export const consentSummarySchema = z
  .object({
    source: z.enum(['live', 'cache', 'unavailable', 'not-configured']),
    ageSeconds: z.number().nonnegative().nullable(),
    statuses: z.array(
      z.object({
        purpose: shortText(80),
        channel: shortText(40),
        status: shortText(20),
        lawfulBasis: shortText(40).nullable(),
      }),
    ),
    flags: z.array(shortText(40)),
  })
  .nullable();

/** What the content script knows about its page; the report diagnostics returns. */
export const pageStateSchema = z.object({
  context: recordContextSchema.nullable(),
  fields: z.array(fieldReportSchema).max(5000),
  warnings: z.array(warningReportSchema).max(5000),
  consent: consentSummarySchema,
});
export type PageState = z.infer<typeof pageStateSchema>;

export const pageReportSchema = pageStateSchema.extend({
  url: z.string().nullable(),
  crm: z.enum(['salesforce', 'hubspot', 'generic']).nullable(),
  objectType: z.string().nullable(),
  recordId: z.string().nullable(),
  contentScript: z.boolean(),
});
export type PageReport = z.infer<typeof pageReportSchema>;

const anyObject = z.record(z.string(), z.unknown());

/**
 * Text the content script asks the background to search (typed notes, displayed
 * values). The engine lives in the background so the injected script stays small;
 * the caps bound one request's work (a 10,000-character note is 20 KB).
 */
const scanTextRequestSchema = z
  .object({
    items: z
      .array(z.object({ text: z.string().max(SCAN_TEXT_LIMITS.totalChars), lang: shortText(35).optional() }))
      .min(1)
      .max(SCAN_TEXT_LIMITS.items),
    /** Also answer each finding's masked form (the input guard shows and applies it). */
    masked: z.boolean().optional(),
  })
  .refine((req) => req.items.reduce((sum, item) => sum + item.text.length, 0) <= SCAN_TEXT_LIMITS.totalChars, {
    message: `at most ${SCAN_TEXT_LIMITS.totalChars} characters per request`,
  });
/** A field as the page describes it (never its value): what `classifyField` judges. */
const fieldDescriptorSchema = z.strictObject({
  label: shortText(FIELD_LIMITS.text).optional(),
  name: shortText(FIELD_LIMITS.text).optional(),
  id: shortText(FIELD_LIMITS.text).optional(),
  placeholder: shortText(FIELD_LIMITS.text).optional(),
  autocomplete: shortText(200).optional(),
  ariaLabel: shortText(FIELD_LIMITS.text).optional(),
  type: shortText(40).optional(),
  section: shortText(FIELD_LIMITS.text).optional(),
  apiName: shortText(200).optional(),
  lang: shortText(35).optional(),
  objectType: shortText(120).optional(),
});
export const fieldVerdictSchema = z.object({
  kind: kindSchema.nullable(),
  confidence: z.number().min(0).max(1),
  reasonCode: shortText(40),
  reason: shortText(500),
  evidence: shortText(200).optional(),
});
export type FieldVerdictMessage = z.infer<typeof fieldVerdictSchema>;

export const textFindingSchema = z.object({
  kind: kindSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
  rule: z.enum(RULE_IDS),
  masked: z.string().max(SCAN_TEXT_LIMITS.totalChars).optional(),
});
export type TextFinding = z.infer<typeof textFindingSchema>;

/**
 * What a content script may say about an audit event: kinds, labels, decisions,
 * never a value. Strict, so typed text cannot ride along under another name; the
 * background maps it onto the audit log's own event schemas and masks the reason.
 */
export const contentAuditDataSchema = z.strictObject({
  kind: kindSchema.optional(),
  kinds: z.array(kindSchema).max(64).optional(),
  rule: shortText(80).optional(),
  fieldLabel: shortText(200).optional(),
  field: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/).optional(),
  mode: z.enum(['warn', 'block', 'override']).optional(),
  decision: z.enum(['allowed', 'warned', 'blocked', 'overridden', 'fixed', 'removed', 'masked']).optional(),
  reason: shortText(2000).optional(),
  fieldCount: z.number().int().min(0).max(100_000).optional(),
  channel: z.enum(['email', 'phone', 'sms', 'meeting', 'other']).optional(),
  consent: z.enum(['granted', 'denied', 'withdrawn', 'expired', 'pending', 'unknown', 'unavailable', 'error']).optional(),
});
export type ContentAuditData = z.infer<typeof contentAuditDataSchema>;

interface MessageSpec<F extends Channel, Req extends z.ZodType, Res extends z.ZodType> {
  from: F;
  request: Req;
  response: Res;
}
const spec = <F extends Channel, Req extends z.ZodType, Res extends z.ZodType>(from: F, request: Req, response: Res): MessageSpec<F, Req, Res> => ({
  from,
  request,
  response,
});

export const MESSAGES = {
  'diagnostics:page-report': spec('ui', z.object({ tabId }), pageReportSchema),
  'diagnostics:policy': spec('ui', z.object({}), anyObject),
  'diagnostics:audit': spec('ui', z.object({}), anyObject),
  'ui:policy-get': spec('ui', z.object({}), anyObject),
  'ui:policy-set-local': spec('ui', z.object({ patch: anyObject }), anyObject),
  'ui:audit-query': spec('ui', z.object({ filter: anyObject, page: anyObject }), anyObject),
  'ui:audit-verify': spec('ui', z.object({}), anyObject),
  // Exports are pulled in pieces of at most 1 MB (UTF-8): a whole log would exceed the 64 MiB message limit.
  'ui:audit-export-start': spec('ui', z.object({ format: z.enum(['csv', 'ndjson']), filter: anyObject }), z.object({ exportId, filename: z.string() })),
  'ui:audit-export-chunk': spec('ui', z.object({ exportId }), z.object({ chunk: z.string().max(1_000_000), done: z.boolean() })),
  'ui:audit-export-cancel': spec('ui', z.object({ exportId }), z.object({ ok: z.literal(true) })),

  'cs:hello': spec('cs', z.object({}), z.object({ policy: anyObject })),
  'cs:record-viewed': spec('cs', z.object({ context: recordContextSchema, user: shortText(200).nullable() }), z.object({ ok: z.literal(true) })),
  'cs:audit-event': spec(
    'cs',
    z.object({ event: z.enum(CONTENT_AUDIT_TYPES), context: recordContextSchema.nullable(), data: contentAuditDataSchema }),
    z.object({ ok: z.literal(true) }),
  ),
  'cs:consent-lookup': spec(
    'cs',
    z.object({
      refs: z
        .array(
          recordContextSchema.pick({ crm: true, objectType: true, recordId: true }).extend({
            /** SHA-256 of the record's email address (never the address): asked when the service knows nothing under the record id. */
            emailSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
          }),
        )
        .min(1)
        .max(500),
    }),
    consentLookupResultSchema,
  ),

  'cs:classify-fields': spec('cs', z.object({ fields: z.array(fieldDescriptorSchema).min(1).max(FIELD_LIMITS.fields) }), z.object({ verdicts: z.array(fieldVerdictSchema) })),
  'cs:scan-text': spec('cs', scanTextRequestSchema, z.object({ results: z.array(z.array(textFindingSchema)) })),

  'bg:page-state-request': spec('bg', z.object({}), pageStateSchema),
  'bg:policy-changed': spec('bg', z.object({ policy: anyObject }), z.object({ ok: z.literal(true) })),
} as const;

export type MessageType = keyof typeof MESSAGES;
export type RequestOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['response']>;
export type Message<T extends MessageType = MessageType> = { type: T } & RequestOf<T>;

export type MessagesFrom<C extends Channel> = {
  [T in MessageType]: (typeof MESSAGES)[T]['from'] extends C ? T : never;
}[MessageType];

/** Validates an incoming message against its schema; returns null for anything unknown or malformed. */
export function parseMessage(raw: unknown): Message | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGES, type)) return null;
  const { type: _ignored, ...rest } = raw as Record<string, unknown>;
  const parsed = MESSAGES[type as MessageType].request.safeParse(rest);
  return parsed.success ? ({ type, ...(parsed.data as object) } as Message) : null;
}

export { kindSchema };
