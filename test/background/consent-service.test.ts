// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createConsentService } from '@/entrypoints/background/consent';
import { createMemoryConsentCache } from '@/lib/consent/cache';
import { createPolicyService } from '@/lib/policy/service';
import type { AuditEventInput } from '@/lib/audit/events';
import { BASE, TOKEN, createFakeBackend, record } from '../consent/fake-backend';

async function setup(managed: unknown, backend = createFakeBackend()) {
  const storage = { getManaged: async () => managed, getLocal: async () => undefined, setLocal: async () => {}, onChanged: () => () => {} };
  const policy = createPolicyService({ storage });
  await policy.start();
  const events: AuditEventInput[] = [];
  const service = createConsentService({ policy, cache: createMemoryConsentCache(), fetchImpl: backend.fetch, report: (e) => events.push(e) });
  return { service, events, backend };
}

const ref = { crm: 'salesforce' as const, objectType: 'Contact', recordId: '003Dn00000QX7bGIAT' };

describe('background consent service', () => {
  it('records one consent check per record-page lookup, with the record and no personal data', async () => {
    const backend = createFakeBackend((r) => record(r, [{ status: 'withdrawn' }, { purpose: 'phone_marketing', channel: 'phone', status: 'denied' }]));
    const { service, events } = await setup({ consent: { url: BASE, token: TOKEN } }, backend);
    const result = await service.lookup([ref], 'acme.lightning.force.com');
    expect(result.configured).toBe(true);
    expect(events).toEqual([
      {
        type: 'consent.checked',
        data: { status: 'withdrawn', source: 'backend' },
        crm: 'salesforce',
        objectType: 'Contact',
        recordId: ref.recordId,
        host: 'acme.lightning.force.com',
      },
    ]);
  });

  it('does not count a list view lookup as a check of each person', async () => {
    const { service, events } = await setup({ consent: { url: BASE, token: TOKEN } });
    await service.lookup([ref, { ...ref, recordId: '003Dn00000QX7bHIAT' }]);
    expect(events).toEqual([]);
  });

  it('says "not configured" and records nothing without a consent backend in policy', async () => {
    const { service, events, backend } = await setup(undefined);
    const result = await service.lookup([ref]);
    expect(result.configured).toBe(false);
    expect(backend.requests).toHaveLength(0);
    expect(events).toEqual([]);
  });

  it('records an error, never a grant, when the service is down', async () => {
    const backend = createFakeBackend();
    backend.misbehave(() => new Response('down', { status: 503 }));
    const { service, events } = await setup({ consent: { url: BASE, token: TOKEN } }, backend);
    const result = await service.lookup([ref]);
    expect(result.results[0]?.source).toBe('unavailable');
    expect(events[0]?.type).toBe('consent.checked');
    expect((events[0] as { data: { status: string } }).data.status).toBe('error');
  });

  it("falls back to the record's email digest when the service knows nothing under the record id", async () => {
    const hash = 'a'.repeat(64);
    const backend = createFakeBackend((r) => ('emailSha256' in r ? record(r, [{ status: 'granted' }]) : record(r)));
    const { service, events } = await setup({ consent: { url: BASE, token: TOKEN } }, backend);
    const result = await service.lookup([{ ...ref, emailSha256: hash }]);
    expect(result.results[0]?.ref).toEqual({ emailSha256: hash });
    expect(result.results[0]?.record?.known).toBe(true);
    // One check of this record, with the status the email answer gave.
    expect(events).toEqual([expect.objectContaining({ type: 'consent.checked', data: { status: 'granted', source: 'backend' }, recordId: ref.recordId })]);
    // The record is asked first, the digest second; the address itself never travels.
    expect(backend.requests.map((r) => new URL(r.url).pathname)).toEqual([expect.stringMatching(/records|lookup/), `/v1/consent/emails/${hash}`]);
  });

  it("keeps the record's own answer when the service knows the record, and does not ask by email", async () => {
    const backend = createFakeBackend((r) => record(r, [{ status: 'denied' }]));
    const { service } = await setup({ consent: { url: BASE, token: TOKEN } }, backend);
    const result = await service.lookup([{ ...ref, emailSha256: 'b'.repeat(64) }]);
    expect(result.results[0]?.ref).toMatchObject({ recordId: ref.recordId });
    expect(backend.requests).toHaveLength(1);
  });
});
