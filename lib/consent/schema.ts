/**
 * What crosses the consent API (server/openapi.yaml is the contract;
 * test/consent/contract.test.ts keeps these schemas and the document in step).
 * Everything a backend sends is parsed here before anything else sees it: a
 * wrong shape is an error, never a crash and never a guess.
 */
import { z } from 'zod';
import { CONSENT_STATUSES, LAWFUL_BASES, SUBJECT_FLAGS, MAX_BATCH_REFS, type ConsentStatus, type LawfulBasis, type SubjectFlag } from './vocab';

export { CONSENT_STATUSES, LAWFUL_BASES, SUBJECT_FLAGS, MAX_BATCH_REFS, type ConsentStatus, type LawfulBasis, type SubjectFlag };

export const crmSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/);
const idPart = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/);
export const emailSha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const recordRefSchema = z.strictObject({ crm: crmSchema, objectType: idPart, recordId: idPart });
export const emailRefSchema = z.strictObject({ emailSha256: emailSha256Schema });
export const subjectRefSchema = z.union([recordRefSchema, emailRefSchema]);
export type RecordRef = z.infer<typeof recordRefSchema>;
export type EmailRef = z.infer<typeof emailRefSchema>;
export type SubjectRef = z.infer<typeof subjectRefSchema>;

// Offsets are allowed: the contract says date-time (RFC 3339), not "always Z".
const dateTime = z.iso.datetime({ offset: true });

export const consentStateSchema = z.object({
  purpose: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  channel: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  status: z.enum(CONSENT_STATUSES),
  lawfulBasis: z.enum(LAWFUL_BASES),
  since: dateTime,
  source: z.string().max(200).nullable(),
  givenAt: dateTime.nullable(),
  expiresAt: dateTime.nullable(),
  noticeVersion: z.string().max(64).nullable(),
});
export type ConsentState = z.infer<typeof consentStateSchema>;

export const subjectFlagSchema = z.object({ active: z.boolean(), since: dateTime.nullable() });
export type SubjectFlagState = z.infer<typeof subjectFlagSchema>;

export const consentRecordSchema = z.object({
  ref: subjectRefSchema,
  known: z.boolean(),
  // A person with hundreds of purpose/channel pairs is not a real answer; it would also swamp the panel.
  consents: z.array(consentStateSchema).max(500),
  flags: z.object({
    erasureRequested: subjectFlagSchema,
    processingRestricted: subjectFlagSchema,
    objection: subjectFlagSchema,
  }),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const batchResponseSchema = z.object({ results: z.array(consentRecordSchema).max(MAX_BATCH_REFS) });
export type BatchResponse = z.infer<typeof batchResponseSchema>;

/** The body of POST /v1/consent/lookup. */
export interface BatchRequest {
  refs: SubjectRef[];
}
