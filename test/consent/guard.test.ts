import { describe, expect, it } from 'vitest';
import { decideOutreach, outreachAuditData, outreachStatus, type OutreachChannel } from '@/lib/consent/guard';
import { consentView } from '@/lib/consent/status';
import { summarise } from '@/lib/consent/summary';
import type { ConsentEntry } from '@/lib/consent/result';
import type { ConsentRecord } from '@/lib/consent/schema';
import { record, sf } from './fake-backend';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const live = (r: ConsentRecord | null, extra: Partial<ConsentEntry> = {}): ConsentEntry => ({
  ref: sf('003Dn00000QX7bGIAT'),
  source: r ? 'live' : 'unavailable',
  fetchedAt: r ? NOW - 5000 : null,
  stale: false,
  problem: r ? null : 'network',
  record: r,
  ...extra,
});
const ON = { active: true, since: '2026-10-05T07:10:00.000Z' };

describe('outreach guard', () => {
  const lena = record(sf('x'), [
    { purpose: 'newsletter', channel: 'email', status: 'granted' },
    { purpose: 'phone', channel: 'phone', status: 'denied' },
    { purpose: 'meetings', channel: 'meeting', status: 'granted', lawfulBasis: 'legitimate_interests' },
  ]);

  it.each<[OutreachChannel, string]>([
    ['email', 'granted'],
    ['phone', 'denied'],
    ['meeting', 'granted'],
  ])('judges %s by the grants for that channel only', (channel, status) => {
    expect(outreachStatus(live(lena), channel, NOW)).toBe(status);
  });

  it('allows with a grant, confirms in warn mode, stops in block mode, stays out when off', () => {
    expect(decideOutreach(live(lena), 'email', 'block', NOW).action).toBe('allow');
    expect(decideOutreach(live(lena), 'phone', 'warn', NOW).action).toBe('confirm');
    expect(decideOutreach(live(lena), 'phone', 'block', NOW).action).toBe('block');
    expect(decideOutreach(live(null), 'phone', 'off', NOW).action).toBe('allow');
  });

  it('never reads "no answer" or "nothing known" as permission', () => {
    expect(decideOutreach(live(null), 'email', 'block', NOW)).toMatchObject({ action: 'block', status: 'unavailable' });
    expect(decideOutreach(live(record(sf('x'))), 'email', 'warn', NOW)).toMatchObject({ action: 'confirm', status: 'unknown' });
  });

  it('lets erasure, restriction and objection override every grant', () => {
    expect(outreachStatus(live(record(sf('x'), [{}], { erasureRequested: ON })), 'email', NOW)).toBe('erasure_requested');
    expect(outreachStatus(live(record(sf('x'), [{}], { processingRestricted: ON })), 'email', NOW)).toBe('processing_restricted');
    expect(outreachStatus(live(record(sf('x'), [{}], { objection: ON })), 'email', NOW)).toBe('objection');
  });

  it('treats a grant that expired since the answer as expired, and counts an "any" channel grant', () => {
    const r = record(sf('x'), [{ status: 'granted', expiresAt: '2026-11-29T11:59:59.000Z' }]);
    expect(outreachStatus(live(r), 'email', NOW)).toBe('expired');
    expect(outreachStatus(live(record(sf('x'), [{ channel: 'any' }])), 'phone', NOW)).toBe('granted');
  });

  it('prefers the most telling reason when there is no grant', () => {
    const r = record(sf('x'), [
      { purpose: 'a', status: 'pending' },
      { purpose: 'b', status: 'withdrawn' },
    ]);
    expect(outreachStatus(live(r), 'email', NOW)).toBe('withdrawn');
  });

  it('audits codes only, in the audit vocabulary', () => {
    const verdict = decideOutreach(live(record(sf('x'), [{}], { erasureRequested: ON })), 'email', 'warn', NOW);
    expect(outreachAuditData(verdict, 'overridden')).toEqual({ channel: 'email', decision: 'overridden', consent: 'denied', reason: 'erasure_requested' });
  });
});

describe('consent view and diagnostics summary', () => {
  it('filters by the policy’s purposes and channels and counts what it hides', () => {
    const r = record(sf('x'), [
      { purpose: 'newsletter', channel: 'email' },
      { purpose: 'phone', channel: 'phone', status: 'denied' },
    ]);
    const view = consentView(live(r), { purposes: ['newsletter'], channels: [], outreachGuard: 'warn' }, NOW);
    expect(view.rows.map((x) => x.purpose)).toEqual(['newsletter']);
    expect(view.hiddenRows).toBe(1);
    expect(view.chip).toBe('ok');
    expect(view.ageSeconds).toBe(5);
  });

  it('clips long free text from the backend', () => {
    const view = consentView(live(record(sf('x'), [{ source: 'x'.repeat(200) }])), null, NOW);
    expect(view.rows[0]!.source!.length).toBe(80);
    expect(view.rows[0]!.source!.endsWith('…')).toBe(true);
  });

  it('gives chips a level: flag beats grant, unknown person, nothing granted, unavailable', () => {
    expect(consentView(live(record(sf('x'), [{}], { objection: ON })), null, NOW).chip).toBe('flag');
    expect(consentView(live(record(sf('x'))), null, NOW).chip).toBe('unknown');
    expect(consentView(live(record(sf('x'), [{ status: 'withdrawn' }])), null, NOW).chip).toBe('none');
    expect(consentView(live(null), null, NOW).chip).toBe('unavailable');
  });

  it('summarises source, age, statuses and flags for diagnostics', () => {
    const r = record(sf('x'), [{ purpose: 'newsletter', channel: 'email' }], { processingRestricted: ON });
    expect(summarise(live(r, { source: 'cache', stale: true, fetchedAt: NOW - 120_000 }), true, null, NOW)).toEqual({
      source: 'cache',
      ageSeconds: 120,
      statuses: [{ purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent' }],
      flags: ['processingRestricted'],
    });
    expect(summarise(null, false, null, NOW).source).toBe('not-configured');
    expect(summarise(live(null), true, null, NOW)).toEqual({ source: 'unavailable', ageSeconds: null, statuses: [], flags: [] });
  });
});
