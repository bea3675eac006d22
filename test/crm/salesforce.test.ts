// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { salesforce } from '../../lib/crm/salesforce';
import { ShadowKeeper, page } from './fixtures';

const host = 'acme.lightning.force.com';
const ctx = (path: string) => {
  const url = new URL(`https://${host}${path}`);
  return salesforce.context(url, page(url.href).document);
};

describe('salesforce.context', () => {
  it.each([
    ['/lightning/r/Contact/003Dn00000AbCdEIAV/view', 'Contact', '003Dn00000AbCdEIAV', 'record'],
    ['/lightning/r/Contact/003Dn00000AbCdE/edit?backgroundContext=x', 'Contact', '003Dn00000AbCdE', 'edit'],
    ['/lightning/r/Patient_Case__c/a0B5g00000XyZ12EAB/view', 'Patient_Case__c', 'a0B5g00000XyZ12EAB', 'record'],
    ['/lightning/r/Account/001Dn00000AbCdEIAV/related/Contacts/view', 'Account', '001Dn00000AbCdEIAV', 'other'],
    ['/lightning/r/00QDn00000AbCdEIAV/view', 'Lead', '00QDn00000AbCdEIAV', 'record'],
    ['/lightning/o/Lead/list?filterName=Recent', 'Lead', null, 'list'],
    ['/lightning/o/Opportunity/new', 'Opportunity', null, 'new'],
    ['/lightning/o/Account/home', 'Account', null, 'list'],
    ['/lightning/page/home', null, null, 'other'],
    ['/lightning/r/Contact/not-an-id/view', null, null, 'other'],
    ['/lightning/r/Contact/003Dn00000AbCdEIAV/clone', null, null, 'other'],
    ['/003Dn00000AbCdEIAV', 'Contact', '003Dn00000AbCdEIAV', 'record'],
  ])('%s', (path, objectType, recordId, view) => {
    expect(ctx(path)).toEqual({ crm: 'salesforce', host, objectType, recordId, view });
  });

  it('takes the object of a short link with an unknown key prefix from the page', () => {
    const url = new URL(`https://${host}/lightning/r/a0B5g00000XyZ12EAB/view`);
    const { document } = page(url.href);
    document.body.innerHTML = '<div data-target-selection-name="sfdc:RecordField.Patient_Case__c.Diagnosis__c"></div>';
    expect(salesforce.context(url, document)).toMatchObject({ objectType: 'Patient_Case__c', recordId: 'a0B5g00000XyZ12EAB' });
  });
});

describe('salesforce.matches', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/page/home', true],
    ['https://acme--uat.sandbox.lightning.force.com/x', true],
    ['https://acme.my.salesforce.com/003Dn00000AbCdE', true],
    ['http://acme.lightning.force.com/', false],
    ['https://lightning.force.com.evil.example/', false],
    ['https://app.hubspot.com/', false],
  ])('%s → %s', (url, expected) => expect(salesforce.matches(new URL(url))).toBe(expected));
});

describe('salesforce.collectFields', () => {
  it('reads Aura-era light-DOM layout items by data-field-label', () => {
    const { document } = page(`https://${host}/lightning/r/Contact/003Dn00000AbCdEIAV/view`);
    document.body.innerHTML = `
      <div class="slds-form__item forceRecordLayoutItem" role="listitem" data-field-label="Steuer-ID">
        <div class="slds-form-element" data-target-selection-name="sfdc:RecordField.Contact.Tax_Id__c">
          <div class="test-id__field-label-container"><span class="test-id__field-label">Steuer-ID</span></div>
          <div class="slds-form-element__control"><span class="test-id__field-value"><span class="uiOutputText" data-output-element-id="output-field">86095742719</span></span></div>
        </div>
      </div>`;
    const [field, ...rest] = salesforce.collectFields(document);
    expect(rest).toHaveLength(0);
    expect(field).toMatchObject({ label: 'Steuer-ID', editable: false, inShadowRoot: false, displayedText: '86095742719' });
    expect(field!.descriptor).toMatchObject({ apiName: 'Tax_Id__c', objectType: 'Contact', type: 'output' });
    expect(field!.element.classList.contains('uiOutputText')).toBe(true);
  });

  it('gives each part of a compound field its own label and the item API name', () => {
    const { document } = page(`https://${host}/lightning/r/Contact/003Dn00000AbCdEIAV/edit`);
    const keeper = new ShadowKeeper();
    const field = document.createElement('lightning-input-field');
    field.setAttribute('field-name', 'MailingAddress');
    const address = document.createElement('lightning-input-address');
    const root = keeper.attach(address, 'open')!;
    root.innerHTML = `<fieldset class="slds-form-element"><legend class="slds-form-element__legend slds-form-element__label">Mailing Address</legend>
        <div class="slds-form-element"><label class="slds-form-element__label" for="s1">Mailing Street</label><textarea id="s1" name="street"></textarea></div>
        <div class="slds-form-element"><label class="slds-form-element__label" for="c1">Mailing City</label><input id="c1" name="city"></div></fieldset>`;
    field.append(address);
    document.body.append(field);
    const cands = salesforce.collectFields(document, keeper.env);
    expect(cands.map((c) => [c.label, c.descriptor.apiName, c.descriptor.name])).toEqual([
      ['Mailing Street', 'MailingAddress', 'street'],
      ['Mailing City', 'MailingAddress', 'city'],
    ]);
  });

  it('reports a list view by column header, with the shown cells as the column value', () => {
    const { document } = page(`https://${host}/lightning/o/Contact/list`);
    document.body.innerHTML = `<table role="grid"><thead><tr>
        <th aria-label="Name" scope="col"><span class="slds-truncate" title="Name">Name</span></th>
        <th aria-label="Email" scope="col"><span class="slds-truncate" title="Email">Email</span></th></tr></thead>
      <tbody><tr><td data-label="Name"><a href="#">Anna Schulz</a></td><td data-label="Email"><a href="mailto:a@example.com">a@example.com</a></td></tr>
             <tr><td data-label="Name"><a href="#">Ben Ott</a></td><td data-label="Email"><a href="mailto:b@example.com">b@example.com</a></td></tr></tbody></table>`;
    const cands = salesforce.collectFields(document);
    expect(cands.map((c) => c.label)).toEqual(['Name', 'Email']);
    expect(cands[1]!.displayedText).toContain('b@example.com');
    expect(cands.every((c) => c.element.tagName === 'TH')).toBe(true);
  });

  it('labels a standalone lightning-input by its <label>, without the required marker', () => {
    const { document } = page(`https://${host}/lightning/o/Lead/new`);
    document.body.innerHTML = `<lightning-input><div class="slds-form-element"><label class="slds-form-element__label" for="i9"><abbr class="slds-required" title="required">*</abbr>Nachname</label><input id="i9" type="text" name="LastName"></div></lightning-input>`;
    expect(salesforce.collectFields(document).map((c) => [c.label, c.editable])).toEqual([['Nachname', true]]);
  });
});

describe('salesforce controls', () => {
  it('finds Save and Save & New in the edit footer, and the publisher actions by apiname', () => {
    const { document } = page(`https://${host}/lightning/r/Contact/003Dn00000AbCdEIAV/edit`);
    document.body.innerHTML = `<div class="slds-modal__footer"><button name="CancelEdit">Abbrechen</button><button name="SaveAndNew">Speichern &amp; neu</button><button name="SaveEdit">Speichern</button></div>
      <runtime_platform_actions-action-renderer apiname="SendEmail"><button>E-Mail</button></runtime_platform_actions-action-renderer>
      <runtime_platform_actions-action-renderer apiname="LogACall"><button>Anruf protokollieren</button></runtime_platform_actions-action-renderer>
      <runtime_platform_actions-action-renderer apiname="NewEvent"><button>Neues Ereignis</button></runtime_platform_actions-action-renderer>`;
    expect(salesforce.saveControls(document).map((b) => b.getAttribute('name'))).toEqual(['SaveEdit', 'SaveAndNew']);
    const outreach = salesforce.outreachControls(document);
    expect(outreach.filter((o) => o.element.hasAttribute('apiname')).map((o) => o.channel)).toEqual(['email', 'phone', 'meeting']);
  });

  it('reads the user from the profile card, and null when the page does not show it', () => {
    const { document } = page(`https://${host}/lightning/page/home`);
    expect(salesforce.currentUser(document)).toBeNull();
    document.body.innerHTML = '<div class="profile-card-name"><a class="profile-link-label">Rita  Rep</a></div>';
    expect(salesforce.currentUser(document)).toBe('Rita Rep');
  });
});
