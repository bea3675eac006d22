// @vitest-environment node
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_EMAILS, DEMO_RECORDS, DEMO_TOKENS, seedDemo } from '../../server/seed';
import { sha256 } from '../../server/consent/import';
import { harness, type Harness } from './helpers';

// PGlite start-up and a PostgreSQL cluster take seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

const path = (r: { crm: string; objectType: string; recordId: string }) => `/v1/consent/records/${r.crm}/${r.objectType}/${r.recordId}`;

describe('demo seed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('pglite');
    await seedDemo(h.db, h.tokenStore);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });
  const get = (r: Parameters<typeof path>[0]) => h.call('GET', path(r), { token: DEMO_TOKENS.reader });
  const statusOf = (body: { consents: { purpose: string; channel: string; status: string }[] }, purpose: string, channel: string) =>
    body.consents.find((c) => c.purpose === purpose && c.channel === channel)?.status ?? 'unknown';

  it('gives each demo record its situation', async () => {
    const granted = (await get(DEMO_RECORDS.granted)).body;
    expect(statusOf(granted, 'newsletter', 'email')).toBe('granted');
    expect(statusOf(granted, 'phone', 'phone')).toBe('denied');
    const withdrawn = (await get(DEMO_RECORDS.withdrawn)).body;
    expect(statusOf(withdrawn, 'marketing_email', 'email')).toBe('withdrawn');
    expect(withdrawn.flags.objection.active).toBe(true);
    const erasure = (await get(DEMO_RECORDS.erasureRequested)).body;
    expect(erasure.flags.erasureRequested.active).toBe(true);
    expect(erasure.flags.processingRestricted.active).toBe(true);
    expect(statusOf((await get(DEMO_RECORDS.expired)).body, 'newsletter', 'email')).toBe('expired');
    expect((await get(DEMO_RECORDS.noData)).body).toMatchObject({ known: false, consents: [] });
    expect(statusOf((await get(DEMO_RECORDS.pending)).body, 'newsletter', 'email')).toBe('pending');
    expect((await get(DEMO_RECORDS.contract)).body.consents[1]).toMatchObject({ lawfulBasis: 'contract', status: 'granted' });
    expect(statusOf((await get(DEMO_RECORDS.hubspotGranted)).body, 'newsletter', 'email')).toBe('granted');
    const hsWithdrawn = (await get(DEMO_RECORDS.hubspotWithdrawn)).body;
    expect(statusOf(hsWithdrawn, 'marketing_email', 'email')).toBe('withdrawn');
    expect(statusOf(hsWithdrawn, 'phone', 'phone')).toBe('granted');
    const byEmail = await h.call('GET', `/v1/consent/emails/${sha256(DEMO_EMAILS.granted)}`, { token: DEMO_TOKENS.reader });
    expect(byEmail.body.consents).toEqual(granted.consents);
    // Held under the email only: the record id knows nothing, the address does.
    expect((await get(DEMO_RECORDS.emailOnly)).body).toMatchObject({ known: false, consents: [] });
    const emailOnly = await h.call('GET', `/v1/consent/emails/${sha256(DEMO_EMAILS.emailOnly)}`, { token: DEMO_TOKENS.reader });
    expect(statusOf(emailOnly.body, 'newsletter', 'email')).toBe('granted');
  });

  it('seeds the fixed demo tokens with their roles, and is idempotent', async () => {
    expect((await h.call('GET', '/v1/admin/tokens', { token: DEMO_TOKENS.admin })).status).toBe(200);
    expect((await h.call('GET', '/v1/audit/devices', { token: DEMO_TOKENS.compliance })).status).toBe(200);
    expect((await h.call('GET', '/v1/admin/tokens', { token: DEMO_TOKENS.reader })).status).toBe(403);
    const again = await seedDemo(h.db, h.tokenStore);
    expect(again.imported).toBe(0);
    expect(again.duplicates).toBeGreaterThan(0);
  });

  it('uses the record ids the demo CRM serves', async () => {
    const demo = '../../demo/data/salesforce';
    if (!existsSync(new URL(`${demo}.ts`, import.meta.url))) return;
    const { SF_IDS, generatedListRecords } = (await import(/* @vite-ignore */ demo)) as {
      SF_IDS: Record<string, string>;
      generatedListRecords: (o: 'Contact' | 'Lead', n: number) => { id: string; values: Record<string, unknown> }[];
    };
    expect(DEMO_RECORDS.granted.recordId).toBe(SF_IDS.contact);
    expect(DEMO_RECORDS.withdrawn.recordId).toBe(SF_IDS.contact2);
    expect(DEMO_RECORDS.erasureRequested.recordId).toBe(SF_IDS.lead);
    const listed = generatedListRecords('Contact', 5) as { id: string; values: Record<string, unknown> }[];
    expect([DEMO_RECORDS.expired, DEMO_RECORDS.noData, DEMO_RECORDS.pending, DEMO_RECORDS.contract, DEMO_RECORDS.emailOnly].map((r) => r.recordId)).toEqual(listed.map((r) => r.id));
    expect(listed[4]!.values.Email).toBe(DEMO_EMAILS.emailOnly);
    const hubspot = '../../demo/data/hubspot';
    if (!existsSync(new URL(`${hubspot}.ts`, import.meta.url))) return;
    const { HS_IDS, HS_RECORDS } = (await import(/* @vite-ignore */ hubspot)) as {
      HS_IDS: Record<string, string>;
      HS_RECORDS: readonly { id: string; values: Record<string, unknown> }[];
    };
    expect(DEMO_RECORDS.hubspotGranted.recordId).toBe(HS_IDS.contact);
    expect(DEMO_RECORDS.hubspotWithdrawn.recordId).toBe(HS_IDS.contact2);
    const emailOf = (id: string | undefined) => HS_RECORDS.find((r) => r.id === id)?.values.email;
    expect(emailOf(HS_IDS.contact)).toBe(DEMO_EMAILS.hubspotGranted);
    expect(emailOf(HS_IDS.contact2)).toBe(DEMO_EMAILS.hubspotWithdrawn);
  });
});
