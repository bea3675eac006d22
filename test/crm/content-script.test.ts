/**
 * Pure parts of the CRM content script: the defensive policy reader and what
 * counts as one record view.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_POLICY, readPolicy } from '../../entrypoints/crm.content/policy';
import { viewKey } from '../../entrypoints/crm.content/features/record-view';
import type { RecordContext } from '../../lib/crm/adapter';

describe('readPolicy', () => {
  it('reads the content-safe policy the background sends', () => {
    expect(
      readPolicy({ badges: 'hover', crm: { extraHosts: [{ pattern: 'https://crm.example.com/*', adapter: 'generic' }] }, ui: { language: 'de' }, paused: true }),
    ).toEqual({ badges: 'hover', extraHosts: [{ pattern: 'https://crm.example.com/*', adapter: 'generic' }], language: 'de', paused: true });
  });

  it('falls back per key: a bad key changes only that setting', () => {
    expect(readPolicy({ badges: 'sometimes', crm: { extraHosts: [{ pattern: 'https://ok.example.com/*', adapter: 'nope' }, 'x', { pattern: 'https://a.example.com/*', adapter: 'hubspot' }] }, ui: 'de' })).toEqual({
      ...DEFAULT_PAGE_POLICY,
      extraHosts: [{ pattern: 'https://a.example.com/*', adapter: 'hubspot' }],
    });
    expect(readPolicy(null)).toEqual(DEFAULT_PAGE_POLICY);
    expect(readPolicy([1, 2])).toEqual(DEFAULT_PAGE_POLICY);
  });
});

describe('viewKey', () => {
  const ctx = (over: Partial<RecordContext>): RecordContext => ({ crm: 'salesforce', host: 'acme.lightning.force.com', objectType: 'Contact', recordId: '003Dn00000QX7bGIAT', view: 'record', ...over });
  it('is the record for record and edit views, so switching between them is one view', () => {
    expect(viewKey(ctx({ view: 'edit' }))).toBe(viewKey(ctx({})));
    expect(viewKey(ctx({ recordId: '003Dn00000QX7bHIAT' }))).not.toBe(viewKey(ctx({})));
  });
  it('gives list and new pages their own key and other pages none', () => {
    expect(viewKey(ctx({ recordId: null, view: 'list' }))).toContain('list');
    expect(viewKey(ctx({ recordId: null, view: 'new' }))).toContain('new');
    expect(viewKey(ctx({ recordId: null, objectType: null, view: 'other' }))).toBeNull();
    expect(viewKey(null)).toBeNull();
  });
});
