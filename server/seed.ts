/**
 * Demo data for local use: fixed tokens and consent for the demo CRM's records.
 * The record ids are the demo CRM's (demo/data/salesforce.ts SF_IDS and
 * generatedListRecords, demo/data/hubspot.ts HS_IDS); test/server/seed.test.ts
 * fails when they drift apart.
 * Event ids are fixed, so seeding twice imports nothing the second time.
 */
import type { TokenStore, Role } from './auth';
import type { Db } from './db';
import { parseImport } from './consent/import';
import { importEvents, type ImportResult } from './consent/store';
import type { RecordRef } from './consent/model';

/** Known to everyone who reads this file: never seed them into a deployment. */
export const DEMO_TOKENS: Readonly<Record<Role, string>> = {
  reader: 'cpg_demo_reader_LOCAL_ONLY',
  admin: 'cpg_demo_admin_LOCAL_ONLY',
  compliance: 'cpg_demo_compliance_LOCAL_ONLY',
};

const sf = (objectType: string, recordId: string): RecordRef => ({ crm: 'salesforce', objectType, recordId });
const hs = (objectType: string, recordId: string): RecordRef => ({ crm: 'hubspot', objectType, recordId });

/** One demo record per consent situation the extension must show. */
export const DEMO_RECORDS = {
  /** Lena Fischer: newsletter and marketing email granted, phone denied. */
  granted: sf('Contact', '003Dn00000QX7bGIAT'),
  /** Marco Rossi: marketing email withdrawn; objection to profiling (Art. 21). */
  withdrawn: sf('Contact', '003Dn00000QX7bHIAT'),
  /** Thomas Becker (Lead): erasure requested (Art. 17), processing restricted (Art. 18). */
  erasureRequested: sf('Lead', '00QDn00000Lm4TzMAJ'),
  /** First generated list contact: consent expired. */
  expired: sf('Contact', '003Dn00000QY800IAT'),
  /** Second generated list contact: nothing known, every pair unknown. */
  noData: sf('Contact', '003Dn00000QY801IAT'),
  /** Third and fourth generated contacts: a pending double opt-in, and a contract basis. */
  pending: sf('Contact', '003Dn00000QY802IAT'),
  contract: sf('Contact', '003Dn00000QY803IAT'),
  /** HubSpot contact Claire Dubois: newsletter and marketing email granted. */
  hubspotGranted: hs('0-1', '51234567801'),
  /** HubSpot contact Stefan Huber: marketing email withdrawn, calls on legitimate interests. */
  hubspotWithdrawn: hs('0-1', '51234567802'),
  /**
   * Fifth generated list contact, Mia Neumann: nothing under the record id; her
   * webinar sign-up consent is held under her email address only (DEMO_EMAILS.emailOnly).
   */
  emailOnly: sf('Contact', '003Dn00000QY804IAT'),
} as const satisfies Record<string, RecordRef>;

export const DEMO_EMAILS = {
  granted: 'lena.fischer@nordwind-logistik.de',
  withdrawn: 'marco.rossi@nordwind-logistik.de',
  hubspotGranted: 'claire.dubois@alpenblick-hotels.com',
  hubspotWithdrawn: 'stefan.huber@alpenblick-hotels.com',
  emailOnly: 'mia.neumann@nordwind.de',
} as const;

function row(ref: RecordRef, eventId: string, fields: Record<string, string>): Record<string, string> {
  return { eventId: `demo-${eventId}`, ...ref, ...fields };
}

const NOTICE = 'privacy-notice-2026-01';

export function demoEvents(): Record<string, string>[] {
  const { granted, withdrawn, erasureRequested, expired, pending, contract, hubspotGranted, hubspotWithdrawn } = DEMO_RECORDS;
  return [
    row(granted, 'g1', { email: DEMO_EMAILS.granted, purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-15T09:30:00Z', source: 'web-form:newsletter-signup', expiresAt: '2028-01-15T09:30:00Z', noticeVersion: NOTICE }),
    row(granted, 'g2', { purpose: 'marketing_email', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-15T09:30:00Z', source: 'web-form:newsletter-signup', expiresAt: '2028-01-15T09:30:00Z', noticeVersion: NOTICE }),
    row(granted, 'g3', { purpose: 'phone', channel: 'phone', status: 'denied', lawfulBasis: 'consent', occurredAt: '2026-02-03T14:00:00Z', source: 'call-centre', noticeVersion: NOTICE }),
    row(granted, 'g4', { purpose: 'meetings', channel: 'meeting', status: 'granted', lawfulBasis: 'legitimate_interests', occurredAt: '2026-02-03T14:00:00Z', source: 'crm:account-plan' }),
    row(withdrawn, 'w1', { email: DEMO_EMAILS.withdrawn, purpose: 'marketing_email', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2025-06-01T08:00:00Z', source: 'trade-fair:logimat', noticeVersion: 'privacy-notice-2025-03' }),
    row(withdrawn, 'w2', { purpose: 'marketing_email', channel: 'email', status: 'withdrawn', lawfulBasis: 'consent', occurredAt: '2026-09-12T16:45:00Z', source: 'email-footer:unsubscribe', noticeVersion: 'privacy-notice-2025-03' }),
    row(withdrawn, 'w3', { type: 'objection', occurredAt: '2026-09-12T16:45:00Z', source: 'email:dpo-inbox' }),
    row(erasureRequested, 'e1', { purpose: 'marketing_email', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2025-11-20T10:00:00Z', source: 'web-form:whitepaper', noticeVersion: 'privacy-notice-2025-03' }),
    row(erasureRequested, 'e2', { type: 'restriction', occurredAt: '2026-10-02T11:20:00Z', source: 'dsar-portal' }),
    row(erasureRequested, 'e3', { type: 'erasure_requested', occurredAt: '2026-10-05T07:10:00Z', source: 'dsar-portal' }),
    row(expired, 'x1', { purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2024-01-10T12:00:00Z', source: 'web-form:newsletter-signup', expiresAt: '2026-01-10T12:00:00Z', noticeVersion: 'privacy-notice-2023-09' }),
    row(pending, 'p1', { purpose: 'newsletter', channel: 'email', status: 'pending', lawfulBasis: 'consent', occurredAt: '2026-11-20T08:00:00Z', source: 'web-form:double-opt-in' }),
    row(contract, 'c1', { purpose: 'service_updates', channel: 'email', status: 'granted', lawfulBasis: 'contract', occurredAt: '2025-04-01T00:00:00Z', source: 'contract:SO-2025-0142' }),
    row(contract, 'c2', { purpose: 'phone', channel: 'phone', status: 'granted', lawfulBasis: 'legitimate_interests', occurredAt: '2025-04-01T00:00:00Z', source: 'contract:SO-2025-0142' }),
    row(hubspotGranted, 'h1', { email: DEMO_EMAILS.hubspotGranted, purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-03-10T10:00:00Z', source: 'hubspot-form:guest-newsletter', expiresAt: '2028-03-10T10:00:00Z', noticeVersion: NOTICE }),
    row(hubspotGranted, 'h2', { purpose: 'marketing_email', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-03-10T10:00:00Z', source: 'hubspot-form:guest-newsletter', expiresAt: '2028-03-10T10:00:00Z', noticeVersion: NOTICE }),
    row(hubspotWithdrawn, 'h3', { email: DEMO_EMAILS.hubspotWithdrawn, purpose: 'marketing_email', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2025-09-01T09:00:00Z', source: 'trade-fair:itb-berlin', noticeVersion: 'privacy-notice-2025-03' }),
    row(hubspotWithdrawn, 'h4', { purpose: 'marketing_email', channel: 'email', status: 'withdrawn', lawfulBasis: 'consent', occurredAt: '2026-08-20T13:15:00Z', source: 'email-footer:unsubscribe', noticeVersion: 'privacy-notice-2025-03' }),
    // Consent captured by a marketing tool that knows the address, not the CRM record.
    { eventId: 'demo-m1', email: DEMO_EMAILS.emailOnly, purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-05-06T15:00:00Z', source: 'webinar-tool:signup', expiresAt: '2028-05-06T15:00:00Z', noticeVersion: NOTICE },
    row(hubspotWithdrawn, 'h5', { purpose: 'phone', channel: 'phone', status: 'granted', lawfulBasis: 'legitimate_interests', occurredAt: '2025-09-01T09:00:00Z', source: 'crm:existing-customer' }),
  ];
}

/** Demo tokens and demo consent; safe to run on every start (idempotent). */
export async function seedDemo(db: Db, tokens: TokenStore): Promise<ImportResult> {
  for (const role of Object.keys(DEMO_TOKENS) as Role[]) await tokens.ensure(DEMO_TOKENS[role], role, `demo ${role} (local only)`);
  return importEvents(db, parseImport(JSON.stringify(demoEvents()), 'json'), 'seed', null);
}
