/**
 * The answer to `cs:consent-lookup`: one entry per reference asked, in order, each
 * saying where its state comes from. `record: null` means nothing is known; the UI
 * shows "unavailable" then, never a guess.
 */
import { z } from 'zod';
import type { GuardMode } from './config';
import { PROBLEM_CODES } from './http';
import { consentRecordSchema, emailSha256Schema } from './schema';

export const ENTRY_SOURCES = ['live', 'cache', 'unavailable'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** A reference as a content script names it (ids may be missing on pages that show no record). */
export const lookupRefSchema = z.union([
  z.object({ crm: z.string().max(32), objectType: z.string().max(120).nullable(), recordId: z.string().max(120).nullable() }),
  z.object({ emailSha256: emailSha256Schema }),
]);
export type LookupRef = z.infer<typeof lookupRefSchema>;

export const consentEntrySchema = z.object({
  ref: lookupRefSchema,
  source: z.enum(ENTRY_SOURCES),
  /** Epoch ms of the service's answer; null when none was ever received. */
  fetchedAt: z.number().nonnegative().nullable(),
  /** Older than the policy's cache lifetime (a refresh is under way or failed). */
  stale: z.boolean(),
  /** Why the service's current answer is missing, when it is. */
  problem: z.enum(PROBLEM_CODES).nullable(),
  record: consentRecordSchema.nullable(),
});
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

/** The policy's guard modes (lib/policy/schema.ts), repeated so content scripts need not bundle the policy schema. */
const GUARD_MODES = ['off', 'warn', 'block'] as const satisfies readonly GuardMode[];
type _AllModes = GuardMode extends (typeof GUARD_MODES)[number] ? true : never;
const _allModes: _AllModes = true;
void _allModes;

export const consentDisplaySchema = z.object({
  purposes: z.array(z.string().max(100)).max(50),
  channels: z.array(z.string().max(100)).max(20),
  outreachGuard: z.enum(GUARD_MODES),
});

export const consentLookupResultSchema = z.object({
  configured: z.boolean(),
  /** What to show and how to guard; null when consent is not configured. */
  display: consentDisplaySchema.nullable(),
  results: z.array(consentEntrySchema).max(500),
});
export type ConsentLookupResult = z.infer<typeof consentLookupResultSchema>;
