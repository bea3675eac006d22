/**
 * Consent found by the record's email address: the service knows nothing under the
 * record id, the page shows an email field, and the background is asked again with
 * the address's SHA-256 digest (never the address).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { salesforce } from '@/lib/crm/salesforce';
import { OPEN_ONLY } from '@/lib/scan/composed';
import type { RecordContext } from '@/lib/crm/adapter';
import type { ConsentEntry, ConsentLookupResult, LookupRef } from '@/lib/consent/result';
import { emailIn, emailSha256 } from '@/lib/consent/refs';
import { createConsentController } from '@/entrypoints/crm.content/features/consent/controller';
import { bodySurface } from '@/entrypoints/crm.content/features/consent/surface';
import { recordEmailSha256 } from '@/entrypoints/crm.content/features/consent/record-email';
import type { DetectedField } from '@/lib/scan/scanner';
import type { PageEvents } from '@/entrypoints/crm.content/page';
import { record, sf } from './fake-backend';

const HOST = 'acme.lightning.force.com';
const ID = '00QDn00000LEAD1IAT';
const ctx: RecordContext = { crm: 'salesforce', host: HOST, objectType: 'Lead', recordId: ID, view: 'record' };
const flush = () => new Promise((r) => setTimeout(r, 0));
const panelRoot = () => document.querySelector('crm-privacy-guard-consent-panel')?.shadowRoot ?? null;

function controllerWith(digest: string | null) {
  const asked: { refs: LookupRef[]; emailSha256?: string }[] = [];
  const controller = createConsentController({
    adapter: salesforce,
    env: OPEN_ONLY,
    lookup: async (refs, emailSha256) => {
      asked.push({ refs, ...(emailSha256 ? { emailSha256 } : {}) });
      const entry = (ref: LookupRef): ConsentEntry =>
        emailSha256
          ? { ref: { emailSha256 }, source: 'live', fetchedAt: Date.now(), stale: false, problem: null, record: record({ emailSha256 }, [{ purpose: 'newsletter', channel: 'email', status: 'granted' }]) }
          : { ref, source: 'live', fetchedAt: Date.now(), stale: false, problem: null, record: record(sf(ID, 'Lead')) };
      const result: ConsentLookupResult = { configured: true, display: { purposes: [], channels: [], outreachGuard: 'warn' }, results: refs.map(entry) };
      return result;
    },
    recordEmailSha256: async () => digest,
    audit: () => {},
    surface: bodySurface('open'),
    locale: () => 'en',
  });
  return { controller, asked };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('consent by email digest', () => {
  let dispose: () => void = () => {};
  afterEach(() => dispose());

  it('asks again with the digest when nothing is held under the record id, and says how it matched', async () => {
    const digest = await emailSha256('Anna.Schmidt@Example.de ');
    const { controller, asked } = controllerWith(digest);
    dispose = () => controller.dispose();
    controller.setContext(ctx);
    await controller.settled();
    for (let i = 0; i < 5; i++) await flush();
    expect(asked).toEqual([{ refs: [{ crm: 'salesforce', objectType: 'Lead', recordId: ID }] }, { refs: [{ crm: 'salesforce', objectType: 'Lead', recordId: ID }], emailSha256: digest }]);
    const root = panelRoot()!;
    expect(root.querySelector('[data-matched-by="email"]')?.textContent).toContain('email address');
    expect([...root.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-status'))).toEqual(['granted']);
    expect(controller.summary()?.statuses[0]?.status).toBe('granted');
  });

  it('shows "not known" and asks once when the page has no email address', async () => {
    const { controller, asked } = controllerWith(null);
    dispose = () => controller.dispose();
    controller.setContext(ctx);
    await controller.settled();
    for (let i = 0; i < 5; i++) await flush();
    expect(asked).toHaveLength(1);
    expect(panelRoot()?.querySelector('[data-matched-by="email"]')).toBeNull();
  });
});

describe('the record’s email address on the page', () => {
  it('is read from the first field classified as email: input value, mailto link or text', async () => {
    expect(emailIn('Email anna.schmidt@example.de (work)')).toBe('anna.schmidt@example.de');
    expect(emailIn('no address here @ all')).toBeNull();
    document.body.innerHTML = `<div id="a"><a href="mailto:lena.fischer%40example.org?subject=Hi">Lena F.</a></div><input id="b" value="  ">`;
    const field = (el: Element, kind: DetectedField['kind'] = 'email'): DetectedField =>
      ({ id: 1, element: el, scope: el, label: 'Email', kind, kindClass: 'ordinary', confidence: 0.9, reasonCode: 'x', reason: 'x', source: 'field', editable: false, inShadowRoot: false }) as DetectedField;
    const listeners: ((e: PageEvents['fields']) => void)[] = [];
    const page = {
      fields: () => [field(document.getElementById('b')!)],
      on: ((_: 'fields', l: (e: PageEvents['fields']) => void) => {
        listeners.push(l);
        return () => listeners.splice(listeners.indexOf(l), 1);
      }) as never,
    };
    const pending = recordEmailSha256(page, new AbortController().signal, 1000);
    // The scan finds the email field later (a lazy section).
    listeners[0]!({ added: [field(document.getElementById('a')!)], removed: [] });
    expect(await pending).toBe(await emailSha256('lena.fischer@example.org'));
    expect(listeners).toHaveLength(0);
  });

  it('gives up after the timeout with nothing to hash', async () => {
    const page = { fields: () => [], on: (() => () => {}) as never };
    expect(await recordEmailSha256(page, new AbortController().signal, 20)).toBeNull();
  });

  it('handles hostile text (many @, long runs) and trailing dots', () => {
    // Each "@" looks at most 64 characters back and 254 ahead, so the scan is bounded per character.
    expect(emailIn(`${'a'.repeat(500)}${'@'.repeat(500)}${'b.'.repeat(500)}`)).toBeNull();
    expect(emailIn(`${'a'.repeat(500)}@example.org`)).toBe(`${'a'.repeat(64)}@example.org`);
    expect(emailIn('x@y')).toBeNull();
    expect(emailIn('mail: a.b@c.example.com.')).toBe('a.b@c.example.com');
  });
});
