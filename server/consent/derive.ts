/**
 * Current consent state from the append-only history. Pure, so the rules are
 * tested without a database: the latest event per purpose and channel wins (by
 * occurredAt, then by the order it was recorded), and `expired` is decided here,
 * at read time, so an answer never says granted after expiresAt.
 */
import type { ConsentFlags, ConsentState, DataSubjectFlag, EventType, StoredEvent } from './model';

type FlagName = keyof ConsentFlags;

/** Which flag each data-subject event sets (true) or lifts (false). */
const FLAG_EFFECT: Record<Exclude<EventType, 'consent'>, { flag: FlagName; active: boolean }> = {
  erasure_requested: { flag: 'erasureRequested', active: true },
  restriction: { flag: 'processingRestricted', active: true },
  restriction_lifted: { flag: 'processingRestricted', active: false },
  objection: { flag: 'objection', active: true },
  objection_withdrawn: { flag: 'objection', active: false },
};

export function byOccurrence(a: StoredEvent, b: StoredEvent): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq;
}

export function deriveConsent(events: readonly StoredEvent[], now: Date): { consents: ConsentState[]; flags: ConsentFlags } {
  const ordered = [...events].sort(byOccurrence);
  const latest = new Map<string, { event: StoredEvent; givenAt: Date | null }>();
  const flags: ConsentFlags = {
    erasureRequested: inactive(),
    processingRestricted: inactive(),
    objection: inactive(),
  };
  for (const event of ordered) {
    if (event.type === 'consent') {
      const key = `${event.purpose}\u0000${event.channel}`;
      const previous = latest.get(key);
      const givenAt = event.status === 'granted' ? event.occurredAt : (previous?.givenAt ?? null);
      latest.set(key, { event, givenAt });
      continue;
    }
    const effect = FLAG_EFFECT[event.type];
    // An erasure request is never taken back by a later event; it is fulfilled by deleting the data.
    if (effect.flag === 'erasureRequested' && flags.erasureRequested.active) continue;
    flags[effect.flag] = { active: effect.active, since: event.occurredAt.toISOString() };
  }
  const consents: ConsentState[] = [];
  for (const { event, givenAt } of latest.values()) {
    const expired = event.status === 'granted' && event.expiresAt !== null && event.expiresAt.getTime() <= now.getTime();
    consents.push({
      purpose: event.purpose!,
      channel: event.channel!,
      status: expired ? 'expired' : event.status!,
      lawfulBasis: event.lawfulBasis!,
      since: (expired ? event.expiresAt! : event.occurredAt).toISOString(),
      source: event.source,
      givenAt: givenAt?.toISOString() ?? null,
      expiresAt: event.expiresAt?.toISOString() ?? null,
      noticeVersion: event.noticeVersion,
    });
  }
  consents.sort((a, b) => compare(a.purpose, b.purpose) || compare(a.channel, b.channel));
  return { consents, flags };
}

function inactive(): DataSubjectFlag {
  return { active: false, since: null };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
