// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isKind } from '../../lib/detect/kinds';
import { allDemoExpectations, expectationsFor, personalFields } from '../../demo/expectations';
import { DEMO_URLS } from '../../demo/urls';
import { parseSalesforcePath, salesforceVariantOfHost } from '../../demo/shared/sf-routes';
import { parseHubSpotPath, isHubSpotHost } from '../../demo/shared/hs-routes';
import { BENCH_FIELD_COUNT } from '../../demo/data/bench';

const labelsOf = (url: string) => expectationsFor(url).fields.map((f) => f.label);
const field = (url: string, label: string) => {
  const f = expectationsFor(url).fields.find((x) => x.label === label);
  if (!f) throw new Error(`${label} not on ${url}`);
  return f;
};

describe('demo expectations', () => {
  it('covers every demo page with fields, each with a valid kind or null', () => {
    const pages = allDemoExpectations();
    expect(pages.length).toBeGreaterThan(40);
    for (const p of pages) {
      expect(p.fields.length, p.url).toBeGreaterThan(0);
      for (const f of p.fields) {
        expect(f.kind === null || isKind(f.kind), `${p.url} ${f.label}`).toBe(true);
        if (f.hardNegative) expect(f.kind, `${p.url} ${f.label}`).toBeNull();
        if (f.inClosedShadowRoot) expect(f.inShadowRoot).toBe(true);
      }
    }
  });

  it('records a contact view as a rep reads it, with hard negatives and the read-only IBAN', () => {
    const url = DEMO_URLS.salesforce.synthetic.contactView;
    expect(labelsOf(url)).toEqual(expect.arrayContaining(['Name', 'Email', 'Mobile', 'Birthdate', 'Mailing Address', 'Description', 'Payment Details']));
    expect(field(url, 'Email')).toMatchObject({ kind: 'email', inShadowRoot: false, value: 'lena.fischer@nordwind-logistik.de' });
    expect(field(url, 'Account Name')).toMatchObject({ kind: null, hardNegative: true });
    expect(field(url, 'Payment Details')).toMatchObject({ kind: 'bank_account', readOnly: true, reveal: { kind: 'delay', ms: 500 } });
    expect(field(url, 'Home Phone').reveal).toEqual({ kind: 'tab', tab: 'Additional Information' });
  });

  it('puts native-shadow fields in shadow roots, the closed section in a closed one, synthetic in none', () => {
    const native = expectationsFor(DEMO_URLS.salesforce.native.contactView);
    expect(native.fields.every((f) => f.inShadowRoot)).toBe(true);
    expect(native.fields.filter((f) => f.inClosedShadowRoot).map((f) => f.label)).toEqual(['Payment Details', 'Payment Terms']);
    expect(expectationsFor(DEMO_URLS.salesforce.synthetic.contactView).fields.some((f) => f.inShadowRoot)).toBe(false);
    const profile = expectationsFor(DEMO_URLS.salesforce.native.customObjectView);
    expect(profile.fields.filter((f) => f.inClosedShadowRoot).map((f) => f.kind)).toEqual(['religion', 'national_id', 'health']);
  });

  it('splits compound fields into their inputs on edit pages and localises labels on the German host', () => {
    const edit = labelsOf(DEMO_URLS.salesforce.synthetic.contactEdit);
    expect(edit).toEqual(expect.arrayContaining(['First Name', 'Last Name', 'Mailing Street', 'Mailing Zip/Postal Code']));
    expect(edit).not.toContain('Mailing Address');
    const de = expectationsFor(DEMO_URLS.salesforce.german.contactEdit);
    expect(de.lang).toBe('de');
    expect(de.fields.map((f) => f.label)).toEqual(expect.arrayContaining(['Vorname', 'Nachname', 'E-Mail', 'Geburtsdatum', 'PLZ (Postanschrift)']));
    expect(expectationsFor(DEMO_URLS.salesforce.synthetic.contactNew).fields.every((f) => f.value === '')).toBe(true);
  });

  it('knows the custom object, the opportunity hard negative and the 2,000-field bench page', () => {
    const kinds = personalFields(expectationsFor(DEMO_URLS.salesforce.customObjectView)).map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['religion', 'birthdate', 'health', 'national_id']));
    expect(field(DEMO_URLS.salesforce.synthetic.opportunityView, 'Close Date')).toMatchObject({ kind: null, hardNegative: true });
    const bench = expectationsFor(DEMO_URLS.salesforce.bench2000);
    expect(bench.fields).toHaveLength(BENCH_FIELD_COUNT);
    const inShadow = bench.fields.filter((f) => f.inShadowRoot).length;
    expect(inShadow).toBeGreaterThan(900);
    expect(inShadow).toBeLessThan(1100);
  });

  it('describes HubSpot records, lazy cards, the note editor and outreach hooks', () => {
    const c = expectationsFor(DEMO_URLS.hubspot.contact);
    expect(c.objectType).toBe('0-1');
    expect(field(DEMO_URLS.hubspot.contact, 'Date of birth')).toMatchObject({ kind: 'birthdate', reveal: { kind: 'expand', card: 'Personal details' } });
    expect(field(DEMO_URLS.hubspot.contact, 'Billing reference')).toMatchObject({ kind: 'bank_account', readOnly: true, control: 'output' });
    expect(field(DEMO_URLS.hubspot.contact, 'Note').control).toBe('contenteditable');
    expect(c.outreach.map((o) => o.selector)).toContain('[data-selenium-test="highlight-action-call"]');
    expect(field(DEMO_URLS.hubspot.company, 'Phone number')).toMatchObject({ kind: null, hardNegative: true });
    expect(field(DEMO_URLS.hubspot.deal, 'Close date')).toMatchObject({ kind: null, hardNegative: true });
    expect(expectationsFor(DEMO_URLS.hubspot.list).rows).toBe(62);
  });

  it('rejects URLs that are not demo pages', () => {
    expect(() => expectationsFor('https://example.com/')).toThrow(/not a demo CRM URL/);
    expect(() => expectationsFor('https://acme.lightning.force.com/lightning/r/Contact/003000000000000AAA/view')).toThrow(/no seeded record/);
  });
});

describe('demo URL parsing', () => {
  it('parses every Salesforce view kind and host variant', () => {
    expect(parseSalesforcePath('/lightning/r/Customer_Profile__c/a0BDn00000Ck9XyMAJ/edit')).toEqual({ view: 'edit', objectType: 'Customer_Profile__c', recordId: 'a0BDn00000Ck9XyMAJ' });
    expect(parseSalesforcePath('/lightning/o/Lead/new')).toEqual({ view: 'new', objectType: 'Lead', recordId: null });
    expect(parseSalesforcePath('/lightning/o/Lead/list')).toMatchObject({ view: 'list' });
    expect(parseSalesforcePath('/lightning/r/Contact/short/view').view).toBe('not-found');
    expect(salesforceVariantOfHost('acme-native.lightning.force.com')).toEqual({ shadow: 'native', lang: 'en' });
    expect(salesforceVariantOfHost('acme-de.my.salesforce.com')).toEqual({ shadow: 'synthetic', lang: 'de' });
    expect(salesforceVariantOfHost('lightning.force.com')).toBeNull();
  });

  it('parses HubSpot record and list paths and hosts', () => {
    expect(parseHubSpotPath('/contacts/25912345/record/0-3/23456789012')).toEqual({ view: 'record', portalId: '25912345', objectTypeId: '0-3', recordId: '23456789012' });
    expect(parseHubSpotPath('/contacts/25912345/objects/0-1/views/all/list')).toMatchObject({ view: 'list', objectTypeId: '0-1' });
    expect(isHubSpotHost('app-eu1.hubspot.com')).toBe(true);
    expect(isHubSpotHost('app.hubspot.com')).toBe(true);
    expect(isHubSpotHost('www.hubspot.com')).toBe(false);
  });
});
