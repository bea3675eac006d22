/**
 * The consent API's word lists without their zod schemas, so the content script
 * can use them without bundling zod (issue 4's 60 KB budget). schema.ts builds its
 * schemas from these and re-exports them.
 */

export const CONSENT_STATUSES = ['granted', 'denied', 'withdrawn', 'expired', 'pending', 'unknown'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** GDPR Art. 6(1) (a)–(f). */
export const LAWFUL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const SUBJECT_FLAGS = ['erasureRequested', 'processingRestricted', 'objection'] as const;
export type SubjectFlag = (typeof SUBJECT_FLAGS)[number];

/** The API's batch limit; the client splits larger lookups. */
export const MAX_BATCH_REFS = 200;
