/**
 * The consent vocabulary of the API (server/openapi.yaml is the contract; these
 * schemas validate what crosses it) and the subject references lookups use.
 */
import { z } from 'zod';

export const STORED_STATUSES = ['granted', 'denied', 'withdrawn', 'pending'] as const;
export const CONSENT_STATUSES = ['granted', 'denied', 'withdrawn', 'expired', 'pending', 'unknown'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type StoredStatus = (typeof STORED_STATUSES)[number];

/** GDPR Art. 6(1) (a)–(f). */
export const LAWFUL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const EVENT_TYPES = ['consent', 'erasure_requested', 'restriction', 'restriction_lifted', 'objection', 'objection_withdrawn'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const WELL_KNOWN_PURPOSES = ['marketing_email', 'newsletter', 'phone', 'profiling', 'third_party_sharing'] as const;
export const WELL_KNOWN_CHANNELS = ['email', 'phone', 'sms', 'post', 'meeting'] as const;

export const crmSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'crm must be a lowercase id like "salesforce"');
const idPart = (what: string) => z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, `${what} must be 1–128 letters, digits or _ . : -`);
export const objectTypeSchema = idPart('objectType');
export const recordIdSchema = idPart('recordId');
export const emailSha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'emailSha256 must be 64 lowercase hex digits');
export const purposeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'purpose must be a lowercase id like "newsletter"');
export const channelSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'channel must be a lowercase id like "email"');

export const recordRefSchema = z.strictObject({ crm: crmSchema, objectType: objectTypeSchema, recordId: recordIdSchema });
export const emailRefSchema = z.strictObject({ emailSha256: emailSha256Schema });
export const subjectRefSchema = z.union([recordRefSchema, emailRefSchema]);
export type RecordRef = z.infer<typeof recordRefSchema>;
export type EmailRef = z.infer<typeof emailRefSchema>;
export type SubjectRef = z.infer<typeof subjectRefSchema>;

export const MAX_BATCH_REFS = 200;
export const batchLookupSchema = z.strictObject({
  refs: z.array(subjectRefSchema).min(1).max(MAX_BATCH_REFS, `at most ${MAX_BATCH_REFS} refs per request`),
});

export interface ConsentState {
  purpose: string;
  channel: string;
  status: ConsentStatus;
  lawfulBasis: LawfulBasis;
  since: string;
  source: string | null;
  givenAt: string | null;
  expiresAt: string | null;
  noticeVersion: string | null;
}

export interface DataSubjectFlag {
  active: boolean;
  since: string | null;
}

export interface ConsentFlags {
  erasureRequested: DataSubjectFlag;
  processingRestricted: DataSubjectFlag;
  objection: DataSubjectFlag;
}

export interface ConsentRecord {
  ref: SubjectRef;
  known: boolean;
  consents: ConsentState[];
  flags: ConsentFlags;
}

/** A stored event as the derivation reads it. */
export interface StoredEvent {
  seq: number;
  type: EventType;
  purpose: string | null;
  channel: string | null;
  status: StoredStatus | null;
  lawfulBasis: LawfulBasis | null;
  occurredAt: Date;
  source: string | null;
  expiresAt: Date | null;
  noticeVersion: string | null;
}

/** The digest the API keys email lookups by: SHA-256 of the trimmed, lowercased address. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const SF_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Salesforce shows 15-character (case-sensitive) and 18-character ids for the same
 * record; the 18-character form appends a checksum of the letter case, so keys are
 * always stored and matched in that form.
 */
export function canonicalRecordId(crm: string, recordId: string): string {
  if (crm !== 'salesforce' || !/^[A-Za-z0-9]{15}$/.test(recordId)) return recordId;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = recordId[block * 5 + i]!;
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SF_SUFFIX[bits];
  }
  return recordId + suffix;
}
