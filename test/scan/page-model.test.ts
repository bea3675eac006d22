/** The content script's page model: events to features, and the state diagnostics read, with the parts features provide. */
import { describe, expect, it } from 'vitest';
import { createPageModel } from '@/entrypoints/crm.content/page';
import { DEFAULT_PAGE_POLICY } from '@/entrypoints/crm.content/policy';
import { createScanner } from '@/lib/scan/scanner';
import { salesforce } from '@/lib/crm/salesforce';
import { OPEN_ONLY } from '@/lib/scan/composed';
import { fakeDetector } from './fake-detector';

function model() {
  const scanner = createScanner({ adapter: salesforce, detector: fakeDetector().detector, env: OPEN_ONLY });
  return createPageModel({ adapter: salesforce, env: OPEN_ONLY, scanner, policy: DEFAULT_PAGE_POLICY, context: null });
}

describe('page model', () => {
  it('builds the state from the scan and the parts features provide, latest provider winning', () => {
    const page = model();
    expect(page.state()).toEqual({ context: null, fields: [], warnings: [], consent: null });
    page.provide('warnings', () => [{ fieldLabel: 'Notes', kind: 'bank_account', problem: 'sensitive', severity: 'block' }]);
    page.provide('consent', () => ({ source: 'live', ageSeconds: 0, statuses: [], flags: [] }));
    page.provide('consent', () => ({ source: 'cache', ageSeconds: 5, statuses: [], flags: ['objection'] }));
    const state = page.state();
    expect(state.warnings).toEqual([{ fieldLabel: 'Notes', kind: 'bank_account', problem: 'sensitive', severity: 'block' }]);
    expect(state.consent).toEqual({ source: 'cache', ageSeconds: 5, statuses: [], flags: ['objection'] });
  });

  it('tells listeners about a new record once, and keeps going when one listener throws', () => {
    const page = model();
    const seen: (string | null)[] = [];
    page.on('context', () => {
      throw new Error('feature bug');
    });
    page.on('context', ({ current }) => seen.push(current?.recordId ?? null));
    const ctx = { crm: 'salesforce' as const, host: 'acme.lightning.force.com', objectType: 'Contact', recordId: '003Dn00000QX7bGIAT', view: 'record' as const };
    page.setContext(ctx);
    page.setContext({ ...ctx });
    expect(seen).toEqual(['003Dn00000QX7bGIAT']);
  });
});
