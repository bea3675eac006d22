/**
 * The consent panel, list chips and outreach guard in happy-dom, with the real
 * Salesforce adapter and a scripted background (`lookup`, `audit`).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { salesforce } from '@/lib/crm/salesforce';
import { OPEN_ONLY } from '@/lib/scan/composed';
import type { RecordContext } from '@/lib/crm/adapter';
import type { ConsentLookupResult, LookupRef } from '@/lib/consent/result';
import type { ConsentRecord } from '@/lib/consent/schema';
import type { GuardMode } from '@/lib/consent/config';
import { createConsentController, type ConsentDeps } from '@/entrypoints/crm.content/features/consent/controller';
import { bodySurface, CHIP_TAG } from '@/entrypoints/crm.content/features/consent/surface';
import { record, sf } from './fake-backend';

const HOST = 'acme.lightning.force.com';
const NOW = Date.parse('2026-11-29T12:00:00Z');
const LENA = '003Dn00000QX7bGIAT';
const ctxOf = (recordId: string | null, view: RecordContext['view'] = 'record'): RecordContext => ({ crm: 'salesforce', host: HOST, objectType: 'Contact', recordId, view });

/** happy-dom's own API: the page URL the adapter and relative links resolve against. */
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

type Answer = (ref: LookupRef) => { record: ConsentRecord | null; source?: 'live' | 'cache'; stale?: boolean; fetchedAt?: number; problem?: 'backoff' | null };

function setup(answer: Answer, opts: { mode?: GuardMode; configured?: boolean; locale?: 'en' | 'de'; delay?: Promise<void> } = {}) {
  const lookups: LookupRef[][] = [];
  const audits: unknown[] = [];
  const deps: ConsentDeps = {
    adapter: salesforce,
    env: OPEN_ONLY,
    lookup: async (refs) => {
      lookups.push(refs);
      await opts.delay;
      const configured = opts.configured ?? true;
      const result: ConsentLookupResult = {
        configured,
        display: configured ? { purposes: [], channels: [], outreachGuard: opts.mode ?? 'warn' } : null,
        results: refs.map((ref) => {
          if (!configured) return { ref, source: 'unavailable', fetchedAt: null, stale: false, problem: 'not-configured', record: null };
          const a = answer(ref);
          return {
            ref,
            source: a.record ? (a.source ?? 'live') : 'unavailable',
            fetchedAt: a.record ? (a.fetchedAt ?? NOW) : null,
            stale: a.stale ?? false,
            problem: a.record ? (a.problem ?? null) : 'network',
            record: a.record,
          };
        }),
      };
      return result;
    },
    audit: (context, data) => audits.push({ context, data }),
    surface: bodySurface('open'),
    locale: () => opts.locale ?? 'en',
    now: () => NOW,
    chipShadowMode: 'open',
  };
  const controller = createConsentController(deps);
  const onClick = (e: MouseEvent) => controller.onClick(e);
  window.addEventListener('click', onClick, true);
  return { controller, lookups, audits, dispose: () => (window.removeEventListener('click', onClick, true), controller.dispose()) };
}

const panelRoot = () => document.querySelector('crm-privacy-guard-consent-panel')?.shadowRoot ?? null;
const dialogRoot = () => document.querySelector('crm-privacy-guard-consent-guard')?.shadowRoot ?? null;
const flush = () => new Promise((r) => setTimeout(r, 0));

function recordPage(): { clicks: string[] } {
  document.body.innerHTML = `
    <div class="forceActivityPanel">
      <button name="SendEmail" title="Send Email">Send Email</button>
      <button name="LogACall" title="Log a Call">Log a Call</button>
      <button name="NewEvent" title="New Event">New Event</button>
      <button name="Other">Follow</button>
    </div>`;
  const clicks: string[] = [];
  for (const b of document.querySelectorAll('button')) b.addEventListener('click', () => clicks.push(b.getAttribute('name')!));
  return { clicks };
}

const ON = { active: true, since: '2026-10-05T07:10:00.000Z' };
const lena = (): ConsentRecord =>
  record(sf(LENA), [
    { purpose: 'newsletter', channel: 'email', status: 'granted', source: '<script>alert(1)</script><img src=x onerror=alert(2)>' },
    { purpose: 'phone', channel: 'phone', status: 'denied', source: 'x'.repeat(300) },
    { purpose: 'meetings', channel: 'meeting', status: 'granted', lawfulBasis: 'legitimate_interests' },
  ]);

beforeEach(() => {
  setUrl(`https://${HOST}/lightning/r/Contact/${LENA}/view`);
  document.body.innerHTML = '';
});

describe('consent panel', () => {
  let t: ReturnType<typeof setup>;
  afterEach(() => t.dispose());

  it('shows each purpose and channel with status and basis, backend text as text, clipped', async () => {
    recordPage();
    t = setup(() => ({ record: lena() }));
    t.controller.setContext(ctxOf(LENA));
    await t.controller.settled();
    await flush();
    const root = panelRoot()!;
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => [r.getAttribute('data-purpose'), r.getAttribute('data-status')]);
    expect(rows).toEqual([
      ['newsletter', 'granted'],
      ['phone', 'denied'],
      ['meetings', 'granted'],
    ]);
    expect(root.textContent).toContain('Legitimate interests (Art. 6(1)(f))');
    expect(root.textContent).toContain('<script>alert(1)</script>');
    expect(root.querySelector('script, img')).toBeNull();
    const longSource = [...root.querySelectorAll('.meta')].map((m) => m.textContent!).find((x) => x.includes('xxx'))!;
    expect(longSource.length).toBeLessThan(100);
    expect(root.querySelector('[data-source="live"]')).not.toBeNull();
    expect(t.lookups).toEqual([[{ crm: 'salesforce', objectType: 'Contact', recordId: LENA }]]);
  });

  it('puts erasure, restriction and objection first, as an alert, and keeps them when collapsed', async () => {
    recordPage();
    t = setup(() => ({ record: record(sf(LENA), [{}], { erasureRequested: ON, processingRestricted: ON }) }));
    t.controller.setContext(ctxOf(LENA));
    await t.controller.settled();
    await flush();
    const root = panelRoot()!;
    expect([...root.querySelectorAll('[role="alert"] .flag')].map((f) => f.getAttribute('data-flag'))).toEqual(['erasureRequested', 'processingRestricted']);
    expect(root.textContent).toContain('Erasure requested (Art. 17 GDPR)');
    (root.querySelector('button.toggle') as HTMLButtonElement).click();
    await flush();
    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelectorAll('.flag')).toHaveLength(2);
  });

  it('says unavailable, never granted, when nothing is known', async () => {
    recordPage();
    t = setup(() => ({ record: null }));
    t.controller.setContext(ctxOf(LENA));
    await t.controller.settled();
    await flush();
    const root = panelRoot()!;
    expect(root.querySelector('[data-state="unavailable"]')).not.toBeNull();
    expect(root.querySelector('section')!.textContent).not.toMatch(/granted/i);
    expect(t.controller.summary()).toEqual({ source: 'unavailable', ageSeconds: null, statuses: [], flags: [] });
  });

  it('shows the last known state with its age when the service is down, in German', async () => {
    recordPage();
    t = setup(() => ({ record: lena(), source: 'cache', stale: true, fetchedAt: NOW - 2 * 3600_000, problem: 'backoff' }), { locale: 'de' });
    t.controller.setContext(ctxOf(LENA));
    await t.controller.settled();
    await flush();
    const root = panelRoot()!;
    expect(root.querySelector('[data-stale="true"]')!.textContent).toBe('Zuletzt bekannter Stand, 2 h alt – Einwilligungsdienst nicht erreichbar');
    expect(root.textContent).toContain('Abgelehnt');
    expect(t.controller.summary()).toMatchObject({ source: 'cache', ageSeconds: 7200 });
  });

  it('asks again once after a stale answer, and drops answers for a record no longer shown', async () => {
    recordPage();
    let stale = true;
    t = setup(() => ({ record: lena(), source: 'cache', stale }));
    const recheck = vi.spyOn(globalThis, 'setTimeout');
    t.controller.setContext(ctxOf(LENA));
    await t.controller.settled();
    expect(recheck.mock.calls.some(([, ms]) => ms === 1500)).toBe(true);
    stale = false;
    recheck.mockRestore();
    t.controller.setContext(ctxOf('003Dn00000QX7bHIAT'));
    await t.controller.settled();
    expect(t.lookups.map((l) => (l[0] as { recordId: string }).recordId)).toEqual([LENA, '003Dn00000QX7bHIAT']);
  });

  it('shows nothing when no consent service is configured', async () => {
    recordPage();
    t = setup(() => ({ record: lena() }), { configured: false });
    t.controller.setContext(ctxOf(LENA));
    await t.controller.settled();
    await flush();
    expect(document.querySelector('crm-privacy-guard-consent-panel')).toBeNull();
    expect(t.controller.summary()).toMatchObject({ source: 'not-configured' });
  });
});

describe('consent chips on list views', () => {
  let t: ReturnType<typeof setup>;
  afterEach(() => t.dispose());

  const ids = ['003Dn00000QY800IAT', '003Dn00000QY801IAT', '003Dn00000QX7bHIAT', '003Dn00000QX7bGIAT'];
  function listPage(n = ids.length) {
    setUrl(`https://${HOST}/lightning/o/Contact/list`);
    document.body.innerHTML = `<table><thead><tr><th>Name</th><th>Account</th><th>Email</th></tr></thead><tbody>${ids
      .slice(0, n)
      .map((id) => `<tr><td><a href="/lightning/r/Account/001Dn00000Rk2PqIAJ/view">Acct</a></td><td><a href="/lightning/r/Contact/${id}/view">P ${id}</a></td><td><a href="mailto:p@example.com">p@example.com</a></td></tr>`)
      .join('')}</tbody></table>`;
  }
  const chipLevels = () => [...document.querySelectorAll(CHIP_TAG)].map((c) => c.shadowRoot!.querySelector('.chip')!.getAttribute('data-level'));

  it('puts one chip per row after the record link, looked up in one message', async () => {
    listPage();
    t = setup((ref) => {
      const id = (ref as { recordId: string }).recordId;
      if (id === ids[0]) return { record: record(sf(id), [{ status: 'expired' }]) };
      if (id === ids[1]) return { record: record(sf(id)) };
      if (id === ids[2]) return { record: record(sf(id), [{}], { objection: ON }) };
      return { record: null };
    });
    t.controller.setContext(ctxOf(null, 'list'));
    expect(chipLevels()).toEqual(['checking', 'checking', 'checking', 'checking']);
    await flush();
    await flush();
    expect(chipLevels()).toEqual(['none', 'unknown', 'flag', 'unavailable']);
    expect(t.lookups).toHaveLength(1);
    expect(t.lookups[0]!.map((r) => (r as { recordId: string }).recordId)).toEqual(ids);
    for (const chip of document.querySelectorAll(CHIP_TAG)) expect(chip.previousElementSibling!.getAttribute('href')).toContain('/lightning/r/Contact/');
  });

  it('adds chips to rows rendered later without asking for known records again', async () => {
    listPage(2);
    t = setup(() => ({ record: record(sf('x'), [{}]) }));
    t.controller.setContext(ctxOf(null, 'list'));
    await flush();
    listPage(4);
    t.controller.rescanList();
    await flush();
    expect(document.querySelectorAll(CHIP_TAG)).toHaveLength(4);
    expect(t.lookups.map((l) => l.length)).toEqual([2, 2]);
    expect(chipLevels()).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('judges a mailto link in a row by that row’s consent', async () => {
    listPage();
    t = setup((ref) => ({ record: (ref as { recordId: string }).recordId === ids[3] ? record(sf(ids[3]!), [{ channel: 'email' }]) : record(sf('x'), [{ status: 'withdrawn' }]) }), { mode: 'block' });
    t.controller.setContext(ctxOf(null, 'list'));
    await flush();
    await flush();
    const mails = [...document.querySelectorAll('a[href^="mailto:"]')] as HTMLAnchorElement[];
    const followed: number[] = [];
    mails.forEach((a, i) => a.addEventListener('click', (e) => (e.preventDefault(), followed.push(i))));
    mails[0]!.click();
    mails[3]!.click();
    await flush();
    expect(followed).toEqual([3]);
    expect(t.audits.map((a) => (a as { data: { decision: string; reason: string } }).data)).toEqual([
      { channel: 'email', decision: 'blocked', consent: 'withdrawn', reason: 'withdrawn' },
      { channel: 'email', decision: 'allowed', consent: 'granted', reason: 'granted' },
    ]);
  });

  it('removes chips when the rep leaves the list', async () => {
    listPage();
    t = setup(() => ({ record: null }));
    t.controller.setContext(ctxOf(null, 'list'));
    await flush();
    t.controller.setContext(ctxOf(LENA));
    expect(document.querySelectorAll(CHIP_TAG)).toHaveLength(0);
  });
});

describe('outreach guard', () => {
  let t: ReturnType<typeof setup>;
  afterEach(() => t.dispose());

  const button = (name: string) => document.querySelector(`button[name="${name}"]`) as HTMLButtonElement;
  async function onRecord(mode: GuardMode, answer: Answer = () => ({ record: lena() })) {
    const page = recordPage();
    t = setup(answer, { mode });
    t.controller.setContext(ctxOf(LENA));
    await t.controller.settled();
    return page;
  }

  it('lets outreach with a valid basis through and audits it as allowed', async () => {
    const { clicks } = await onRecord('block');
    button('SendEmail').click();
    button('NewEvent').click();
    button('Other').click();
    expect(clicks).toEqual(['SendEmail', 'NewEvent', 'Other']);
    expect(t.audits.map((a) => (a as { data: { channel: string; decision: string } }).data)).toEqual([
      { channel: 'email', decision: 'allowed', consent: 'granted', reason: 'granted' },
      { channel: 'meeting', decision: 'allowed', consent: 'granted', reason: 'granted' },
    ]);
    expect(dialogRoot()).toBeNull();
  });

  it('blocks a call the person refused: the CRM never sees the click, the rep sees why', async () => {
    const { clicks } = await onRecord('block');
    button('LogACall').click();
    await flush();
    expect(clicks).toEqual([]);
    const dlg = dialogRoot()!.querySelector('[data-guard="block"]')!;
    expect(dlg.getAttribute('data-status')).toBe('denied');
    expect(dlg.textContent).toContain('This person has refused contact by call.');
    expect(dlg.querySelector('[data-action="proceed"]')).toBeNull();
    expect(t.audits).toEqual([{ context: ctxOf(LENA), data: { channel: 'phone', decision: 'blocked', consent: 'denied', reason: 'denied' } }]);
    (dlg.querySelector('[data-action="close"]') as HTMLButtonElement).click();
    await flush();
    expect(document.querySelector('crm-privacy-guard-consent-guard')).toBeNull();
    expect(clicks).toEqual([]);
  });

  it('in warn mode, goes on only after the rep confirms, once', async () => {
    const { clicks } = await onRecord('warn');
    button('LogACall').click();
    await flush();
    expect(clicks).toEqual([]);
    (dialogRoot()!.querySelector('[data-action="proceed"]') as HTMLButtonElement).click();
    expect(clicks).toEqual(['LogACall']);
    expect(t.audits.map((a) => (a as { data: { decision: string } }).data.decision)).toEqual(['overridden']);
    // The next click is judged again.
    button('LogACall').click();
    await flush();
    expect(clicks).toEqual(['LogACall']);
    (dialogRoot()!.querySelector('[data-action="cancel"]') as HTMLButtonElement).click();
    expect(clicks).toEqual(['LogACall']);
    expect(t.audits.map((a) => (a as { data: { decision: string } }).data.decision)).toEqual(['overridden', 'warned']);
  });

  it('stops every channel when the person asked for erasure', async () => {
    const { clicks } = await onRecord('block', () => ({ record: record(sf(LENA), [{ channel: 'email' }], { erasureRequested: ON }) }));
    button('SendEmail').click();
    await flush();
    expect(clicks).toEqual([]);
    expect(dialogRoot()!.querySelector('[data-status="erasure_requested"]')).not.toBeNull();
  });

  it('holds a click made before the answer arrives, then decides', async () => {
    const page = recordPage();
    let release!: () => void;
    const delay = new Promise<void>((r) => (release = r));
    t = setup(() => ({ record: lena() }), { mode: 'block', delay });
    t.controller.setContext(ctxOf(LENA));
    await flush();
    button('SendEmail').click();
    await flush();
    expect(page.clicks).toEqual([]);
    expect(dialogRoot()!.querySelector('[data-guard="checking"]')).not.toBeNull();
    release();
    await t.controller.settled();
    await flush();
    expect(page.clicks).toEqual(['SendEmail']);
    expect(document.querySelector('crm-privacy-guard-consent-guard')).toBeNull();
  });

  it('stops outreach when the service is unavailable (no answer is never permission)', async () => {
    const { clicks } = await onRecord('block', () => ({ record: null }));
    button('SendEmail').click();
    await flush();
    expect(clicks).toEqual([]);
    expect(dialogRoot()!.querySelector('[data-status="unavailable"]')).not.toBeNull();
  });

  it('stays out of the way when off or when no consent service is configured', async () => {
    const { clicks } = await onRecord('off', () => ({ record: null }));
    button('LogACall').click();
    expect(clicks).toEqual(['LogACall']);
    t.dispose();
    const page = recordPage();
    t = setup(() => ({ record: null }), { configured: false, mode: 'block' });
    t.controller.setContext(ctxOf(LENA));
    await t.controller.settled();
    button('LogACall').click();
    expect(page.clicks).toEqual(['LogACall']);
    expect(t.audits).toEqual([]);
  });

  it('does nothing while the rep has paused the extension', async () => {
    const { clicks } = await onRecord('block', () => ({ record: null }));
    t.controller.setPaused(true);
    button('LogACall').click();
    expect(clicks).toEqual(['LogACall']);
    await flush();
    expect(document.querySelector('crm-privacy-guard-consent-panel')).toBeNull();
  });
});
