/**
 * The outreach guard's judgement, without the DOM: may the rep email, call or
 * meet this person? Only a grant the service reported for that channel (or for
 * every channel, `any`), still unexpired, counts as a basis; an erasure request,
 * a restriction (Art. 18) or an objection (Art. 21) overrides every grant; no
 * answer from the service is never read as permission.
 */
import type { GuardMode } from './config';
import type { ConsentEntry } from './result';
import { effectiveStatus } from './status';

export const OUTREACH_CHANNELS = ['email', 'phone', 'meeting'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

export const GUARD_STATUSES = [
  'granted',
  'denied',
  'withdrawn',
  'expired',
  'pending',
  'unknown',
  'unavailable',
  'erasure_requested',
  'processing_restricted',
  'objection',
] as const;
export type GuardStatus = (typeof GUARD_STATUSES)[number];

/** What happens to the click: it goes through, needs a confirmation, or is stopped. */
export type GuardAction = 'allow' | 'confirm' | 'block';

export interface GuardVerdict {
  action: GuardAction;
  status: GuardStatus;
  channel: OutreachChannel;
}

/** The most telling reason when no grant exists; earlier wins. */
const NO_BASIS_ORDER = ['withdrawn', 'denied', 'expired', 'pending', 'unknown'] as const;

export function outreachStatus(entry: ConsentEntry | null, channel: OutreachChannel, now: number): GuardStatus {
  const record = entry?.record;
  if (!record) return 'unavailable';
  if (record.flags.erasureRequested.active) return 'erasure_requested';
  if (record.flags.processingRestricted.active) return 'processing_restricted';
  if (record.flags.objection.active) return 'objection';
  const states = record.consents.filter((c) => c.channel === channel || c.channel === 'any').map((c) => effectiveStatus(c, now));
  if (states.includes('granted')) return 'granted';
  return NO_BASIS_ORDER.find((s) => states.includes(s)) ?? 'unknown';
}

export function decideOutreach(entry: ConsentEntry | null, channel: OutreachChannel, mode: GuardMode, now: number): GuardVerdict {
  const status = outreachStatus(entry, channel, now);
  if (mode === 'off' || status === 'granted') return { action: 'allow', status, channel };
  return { action: mode === 'block' ? 'block' : 'confirm', status, channel };
}

/** The audit vocabulary (lib/audit/events.ts `outreach.decision`) is coarser than ours; `reason` keeps the exact status. */
export const AUDIT_CONSENT: Readonly<Record<GuardStatus, 'granted' | 'denied' | 'withdrawn' | 'unknown' | 'error'>> = {
  granted: 'granted',
  denied: 'denied',
  withdrawn: 'withdrawn',
  expired: 'unknown',
  pending: 'unknown',
  unknown: 'unknown',
  unavailable: 'error',
  erasure_requested: 'denied',
  processing_restricted: 'denied',
  objection: 'denied',
};

export type AuditDecision = 'allowed' | 'warned' | 'blocked' | 'overridden';

/** The `data` of an `outreach.decision` audit event: channel, decision and status codes, no personal data. */
export function outreachAuditData(verdict: GuardVerdict, decision: AuditDecision): { channel: OutreachChannel; decision: AuditDecision; consent: (typeof AUDIT_CONSENT)[GuardStatus]; reason: GuardStatus } {
  return { channel: verdict.channel, decision, consent: AUDIT_CONSENT[verdict.status], reason: verdict.status };
}
