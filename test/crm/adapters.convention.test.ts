// @vitest-environment node
/**
 * Conventions every adapter keeps: it is registered, and it passes the same
 * behaviour table on a page built from its CRM's published structure.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS, adapterForUrl } from '../../lib/crm/registry';
import type { CrmAdapter, CrmId, FieldCandidate } from '../../lib/crm/adapter';
import { CRM_IDS } from '../../lib/messages/record';
import { FIELDS, GERMAN_LABELS, ShadowKeeper, genericRecord, hubspotRecord, page, salesforceEdit, salesforceView, type FixtureField, type ShadowMode } from './fixtures';

interface AdapterFixture {
  recordUrl: string;
  listUrl: string;
  expectRecord: { objectType: string; recordId: string };
  extraHosts?: { pattern: string; adapter: CrmId }[];
  view(doc: Document, keeper: ShadowKeeper, mode: ShadowMode, labels?: (f: FixtureField) => string): Element;
  edit(doc: Document, keeper: ShadowKeeper, mode: ShadowMode, labels?: (f: FixtureField) => string): Element;
}

/** Exhaustive: a new CRM id without a fixture here is a compile error. */
const FIXTURES: Record<CrmId, AdapterFixture> = {
  salesforce: {
    recordUrl: 'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000AbCdEIAV/view',
    listUrl: 'https://acme.lightning.force.com/lightning/o/Contact/list?filterName=Recent',
    expectRecord: { objectType: 'Contact', recordId: '003Dn00000AbCdEIAV' },
    view: salesforceView,
    edit: salesforceEdit,
  },
  hubspot: {
    recordUrl: 'https://app-eu1.hubspot.com/contacts/4711/record/0-1/90210',
    listUrl: 'https://app-eu1.hubspot.com/contacts/4711/objects/0-1/views/all/list',
    expectRecord: { objectType: '0-1', recordId: '90210' },
    view: (d, k, m, l) => hubspotRecord(d, k, m, false, l),
    edit: (d, k, m, l) => hubspotRecord(d, k, m, true, l),
  },
  generic: {
    recordUrl: 'https://crm.example.org/customers/C-100234',
    listUrl: 'https://crm.example.org/customers/list',
    expectRecord: { objectType: 'customers', recordId: 'C-100234' },
    extraHosts: [{ pattern: 'https://crm.example.org/*', adapter: 'generic' }],
    view: (d, k, m, l) => genericRecord(d, k, m, false, l),
    edit: (d, k, m, l) => genericRecord(d, k, m, true, l),
  },
};

/** Candidates from every root a scan would reach (collectFields runs the scan's whole walk). */
function collectAll(adapter: CrmAdapter, doc: Document, keeper: ShadowKeeper): FieldCandidate[] {
  return adapter.collectFields(doc, keeper.env);
}

const byLabel = (cands: FieldCandidate[], label: string) => cands.filter((c) => c.label === label);

describe('adapter registry', () => {
  it('registers an adapter for every CRM id, under its own id', () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual([...CRM_IDS].sort());
    for (const [id, adapter] of Object.entries(ADAPTERS)) expect(adapter.id).toBe(id);
  });

  it('registers every adapter module in lib/crm', async () => {
    const dir = join(import.meta.dirname, '../../lib/crm');
    const registered = new Set<unknown>(Object.values(ADAPTERS));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(join(dir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const looksLikeAdapter = typeof value === 'object' && value !== null && 'collectFields' in value && 'context' in value;
        if (looksLikeAdapter) expect(registered.has(value), `${file} exports adapter ${name} that is not in ADAPTERS`).toBe(true);
      }
    }
  });
});

describe.each(Object.entries(FIXTURES) as [CrmId, AdapterFixture][])('%s adapter behaviour table', (id, fx) => {
  const adapter = ADAPTERS[id];

  it('is chosen for its record URL (by policy host for generic) and not for unrelated URLs', () => {
    expect(adapterForUrl(fx.recordUrl, fx.extraHosts)?.id).toBe(id);
    expect(adapterForUrl('https://www.example.com/contacts/1', fx.extraHosts)).toBeNull();
  });

  it('reads the record context from a record URL and a list URL', () => {
    const { document } = page(fx.recordUrl);
    expect(adapter.context(new URL(fx.recordUrl), document)).toEqual({ crm: id, host: new URL(fx.recordUrl).hostname, view: 'record', ...fx.expectRecord });
    const list = adapter.context(new URL(fx.listUrl), document);
    expect(list).toMatchObject({ crm: id, view: 'list', recordId: null });
  });

  it.each(['none', 'open', 'closed'] as ShadowMode[])('finds every read-only field with its shown label and value text (shadow: %s)', (mode) => {
    const { document } = page(fx.recordUrl);
    const keeper = new ShadowKeeper();
    fx.view(document, keeper, mode);
    const cands = collectAll(adapter, document, keeper);
    for (const f of FIELDS) {
      const hits = byLabel(cands, f.label);
      expect(hits, f.label).toHaveLength(1);
      expect(hits[0]!.editable).toBe(false);
      expect(hits[0]!.displayedText ?? '').toContain(f.value);
      expect(hits[0]!.descriptor.label).toBe(f.label);
      expect(hits[0]!.inShadowRoot).toBe(mode !== 'none');
    }
  });

  it.each(['none', 'open', 'closed'] as ShadowMode[])('finds every editable field with its shown label and no value text (shadow: %s)', (mode) => {
    const { document } = page(fx.recordUrl);
    const keeper = new ShadowKeeper();
    fx.edit(document, keeper, mode);
    const cands = collectAll(adapter, document, keeper);
    for (const f of FIELDS) {
      const hits = byLabel(cands, f.label);
      expect(hits, f.label).toHaveLength(1);
      expect(hits[0]!.editable).toBe(true);
      expect(hits[0]!.displayedText).toBeNull();
      expect(['INPUT', 'TEXTAREA']).toContain(hits[0]!.element.tagName);
    }
  });

  it('misses closed shadow roots without the opener (so the opener is what reaches them)', () => {
    const { document } = page(fx.recordUrl);
    const keeper = new ShadowKeeper();
    fx.edit(document, keeper, 'closed');
    const cands = adapter.collectFields(document, { shadowOf: (el) => el.shadowRoot });
    expect(byLabel(cands, 'Email')).toHaveLength(0);
  });

  it('reports labels in the page language (German)', () => {
    const { document } = page(fx.recordUrl, 'de');
    const keeper = new ShadowKeeper();
    fx.view(document, keeper, 'open', (f) => GERMAN_LABELS[f.label] ?? f.label);
    const labels = collectAll(adapter, document, keeper).map((c) => c.label);
    for (const german of Object.values(GERMAN_LABELS)) expect(labels).toContain(german);
  });

  it('never puts a displayed value into a label or descriptor', () => {
    const { document } = page(fx.recordUrl);
    const keeper = new ShadowKeeper();
    fx.view(document, keeper, 'open');
    const serialized = JSON.stringify(collectAll(adapter, document, keeper).map((c) => [c.label, c.descriptor]));
    for (const f of FIELDS) expect(serialized).not.toContain(f.value);
  });

  it('finds the save control on the edit page and outreach controls on the record', () => {
    const { document } = page(fx.recordUrl);
    const keeper = new ShadowKeeper();
    fx.edit(document, keeper, 'none');
    expect(adapter.saveControls(document).map((b) => b.textContent?.trim())).toContain('Save');
    const { document: viewDoc } = page(fx.recordUrl);
    fx.view(viewDoc, keeper, 'none');
    const channels = new Set(adapter.outreachControls(viewDoc).map((c) => c.channel));
    expect(channels.has('email')).toBe(true);
  });
});
