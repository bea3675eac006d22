/**
 * What the UI shows for one consent entry, computed without the DOM: rows per
 * purpose and channel (filtered by policy), the data-subject flags that are
 * active, the overall level of a list chip, and the age of the information.
 * A pair the service did not list is "unknown"; "granted" appears only where the
 * service said so and the grant has not expired since.
 */
import type { ConsentDisplay } from './config';
import type { ConsentEntry, EntrySource } from './result';
import type { ConsentState } from './schema';
import { SUBJECT_FLAGS, type ConsentStatus, type LawfulBasis, type SubjectFlag } from './vocab';

/** Display limits for text from the backend: enough to read, never enough to flood the panel. */
export const TEXT_LIMITS = { id: 64, source: 80, notice: 40 } as const;
export const MAX_ROWS = 40;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A grant whose expiry has passed since the service answered is expired now. */
export function effectiveStatus(state: Pick<ConsentState, 'status' | 'expiresAt'>, now: number): ConsentStatus {
  if (state.status === 'granted' && state.expiresAt !== null && Date.parse(state.expiresAt) <= now) return 'expired';
  return state.status;
}

export interface ConsentRow {
  purpose: string;
  channel: string;
  status: ConsentStatus;
  lawfulBasis: LawfulBasis;
  since: string;
  givenAt: string | null;
  expiresAt: string | null;
  source: string | null;
  noticeVersion: string | null;
}

export interface ActiveFlag {
  flag: SubjectFlag;
  since: string | null;
}

export const CHIP_LEVELS = ['flag', 'ok', 'none', 'unknown', 'unavailable'] as const;
export type ChipLevel = (typeof CHIP_LEVELS)[number];

export interface ConsentView {
  /** 'unavailable': nothing from the service; 'unknown': it knows nobody by this reference. */
  availability: 'known' | 'unknown' | 'unavailable';
  source: EntrySource;
  ageSeconds: number | null;
  stale: boolean;
  rows: ConsentRow[];
  /** Rows hidden by the policy's purpose/channel filter or the row limit. */
  hiddenRows: number;
  flags: ActiveFlag[];
  chip: ChipLevel;
  /** 'email': the service knew nothing under the record id; this is what it holds for the record's email address. */
  matchedBy: 'record' | 'email';
}

function shown(list: readonly string[], value: string): boolean {
  return list.length === 0 || list.includes(value);
}

export function consentView(entry: ConsentEntry, display: ConsentDisplay | null, now: number): ConsentView {
  const ageSeconds = entry.fetchedAt === null ? null : Math.max(0, Math.round((now - entry.fetchedAt) / 1000));
  const record = entry.record;
  const matchedBy = 'emailSha256' in entry.ref ? 'email' : 'record';
  if (!record) {
    return { availability: 'unavailable', source: entry.source, ageSeconds, stale: entry.stale, rows: [], hiddenRows: 0, flags: [], chip: 'unavailable', matchedBy };
  }
  const purposes = display?.purposes ?? [];
  const channels = display?.channels ?? [];
  const visible = record.consents.filter((c) => shown(purposes, c.purpose) && shown(channels, c.channel));
  const rows: ConsentRow[] = visible.slice(0, MAX_ROWS).map((c) => ({
    purpose: clip(c.purpose, TEXT_LIMITS.id),
    channel: clip(c.channel, TEXT_LIMITS.id),
    status: effectiveStatus(c, now),
    lawfulBasis: c.lawfulBasis,
    since: c.since,
    givenAt: c.givenAt,
    expiresAt: c.expiresAt,
    source: c.source === null ? null : clip(c.source, TEXT_LIMITS.source),
    noticeVersion: c.noticeVersion === null ? null : clip(c.noticeVersion, TEXT_LIMITS.notice),
  }));
  const flags: ActiveFlag[] = SUBJECT_FLAGS.filter((f) => record.flags[f].active).map((f) => ({ flag: f, since: record.flags[f].since }));
  let chip: ChipLevel;
  if (flags.length > 0) chip = 'flag';
  else if (!record.known) chip = 'unknown';
  else if (rows.some((r) => r.status === 'granted')) chip = 'ok';
  else chip = 'none';
  return {
    availability: record.known ? 'known' : 'unknown',
    source: entry.source,
    ageSeconds,
    stale: entry.stale,
    rows,
    hiddenRows: record.consents.length - rows.length,
    flags,
    chip,
    matchedBy,
  };
}
