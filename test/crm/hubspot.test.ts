// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hubspot } from '../../lib/crm/hubspot';
import { page } from './fixtures';

const ctx = (href: string) => hubspot.context(new URL(href), page(href).document);

describe('hubspot.context', () => {
  it.each([
    ['https://app.hubspot.com/contacts/4711/record/0-1/90210', '0-1', '90210', 'record'],
    ['https://app-eu1.hubspot.com/contacts/4711/record/0-2/3344/', '0-2', '3344', 'record'],
    ['https://app.hubspot.com/contacts/4711/record/0-3/1234567890?tab=activity', '0-3', '1234567890', 'record'],
    ['https://app-na2.hubspot.com/contacts/4711/record/0-5/77', '0-5', '77', 'record'],
    ['https://app.hubspot.com/contacts/4711/record/2-1234567/55', '2-1234567', '55', 'record'],
    ['https://app.hubspot.com/contacts/4711/contact/90210', '0-1', '90210', 'record'],
    ['https://app.hubspot.com/contacts/4711/company/3344', '0-2', '3344', 'record'],
    ['https://app.hubspot.com/contacts/4711/objects/0-1/views/all/list', '0-1', null, 'list'],
    ['https://app.hubspot.com/contacts/4711/objects/0-3/views/all/board', '0-3', null, 'list'],
    ['https://app.hubspot.com/contacts/4711/contacts/list/view/all/', '0-1', null, 'list'],
    ['https://app.hubspot.com/reports-dashboard/4711/view/1', null, null, 'other'],
    ['https://app.hubspot.com/contacts/4711/record/0-1/not-a-number', null, null, 'other'],
  ])('%s', (href, objectType, recordId, view) => {
    expect(ctx(href)).toEqual({ crm: 'hubspot', host: new URL(href).hostname, objectType, recordId, view });
  });
});

describe('hubspot.matches', () => {
  it.each([
    ['https://app.hubspot.com/contacts/1', true],
    ['https://app-eu1.hubspot.com/contacts/1', true],
    ['https://app-ap1.hubspot.com/', true],
    ['https://api.hubspot.com/', false],
    ['https://app.hubspot.com.evil.example/', false],
    ['http://app.hubspot.com/', false],
  ])('%s → %s', (url, expected) => expect(hubspot.matches(new URL(url))).toBe(expected));
});

describe('hubspot.collectFields', () => {
  it('labels an inline-edited property by its property-label hook and keeps the internal name', () => {
    const { document } = page('https://app.hubspot.com/contacts/4711/record/0-1/90210');
    document.body.innerHTML = `<div class="x1"><div data-selenium-test="property-label" class="gen-3k">Date of birth</div>
      <div data-selenium-test="property-input-date_of_birth" class="gen-9q"><input class="gen-z" type="text" readonly value="1980-04-12"></div></div>`;
    const [field, ...rest] = hubspot.collectFields(document);
    expect(rest).toHaveLength(0);
    expect(field).toMatchObject({ label: 'Date of birth', editable: false, displayedText: '1980-04-12' });
    expect(field!.descriptor).toMatchObject({ apiName: 'date_of_birth' });
  });

  it('does not take a neighbouring property’s label', () => {
    const { document } = page('https://app.hubspot.com/contacts/4711/record/0-1/90210');
    document.body.innerHTML = `<div><div data-selenium-test="property-label">Record ID</div>
        <div><div data-selenium-test="property-label">Email</div><div data-selenium-test="property-input-email"><input></div></div>
        <div><div data-selenium-test="property-input-hs_object_id"><input></div></div></div>`;
    expect(hubspot.collectFields(document).map((c) => [c.descriptor.apiName, c.label])).toEqual([
      ['email', 'Email'],
      ['hs_object_id', ''],
    ]);
  });

  it('reads a property whose hook sits on the input itself', () => {
    const { document } = page('https://app.hubspot.com/contacts/4711/record/0-2/3344');
    document.body.innerHTML = `<div><label data-selenium-test="property-label">Telefonnummer</label><input data-selenium-test="property-input-phone" type="tel"></div>`;
    expect(hubspot.collectFields(document).map((c) => [c.label, c.descriptor.apiName, c.editable])).toEqual([['Telefonnummer', 'phone', true]]);
  });
});
