// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyField, REASON_CODES } from '../../lib/detect/classify-field';
import type { FieldDescriptor } from '../../lib/detect/field-descriptor';
import type { Kind } from '../../lib/detect/kinds';

describe('classifyField: kinds from labels in six languages', () => {
  it.each<[string, string, Kind | null]>([
    ['en', 'First Name', 'name'],
    ['en', 'Email Address', 'email'],
    ['en', 'Mobile Phone', 'phone'],
    ['en', 'Date of Birth', 'birthdate'],
    ['en', 'Social Security Number', 'national_id'],
    ['de', 'Geburtsdatum', 'birthdate'],
    ['de', 'E-Mail-Adresse', 'email'],
    ['de', 'Handynummer', 'phone'],
    ['de', 'Straße und Hausnummer', 'address'],
    ['de', 'Kontoinhaber', 'name'],
    ['de', 'Religionszugehörigkeit', 'religion'],
    ['fr', 'Date de naissance', 'birthdate'],
    ['fr', 'Numéro de sécurité sociale', 'national_id'],
    ['fr', 'Appartenance syndicale', 'trade_union'],
    ['es', 'Correo electrónico', 'email'],
    ['es', 'Fecha de nacimiento', 'birthdate'],
    ['it', 'Codice fiscale', 'national_id'],
    ['it', 'Cellulare', 'phone'],
    ['nl', 'Geboortedatum', 'birthdate'],
    ['nl', 'Telefoonnummer', 'phone'],
    ['nl', 'BSN', 'national_id'],
  ])('%s "%s" → %s', (lang, label, kind) => {
    expect(classifyField({ label, lang }).kind).toBe(kind);
  });
});

describe('classifyField: hard negatives', () => {
  it.each<[FieldDescriptor, string]>([
    [{ label: 'Close Date' }, 'a record date is not a birth date'],
    [{ label: 'Account Name' }, 'an account is a company'],
    [{ label: 'Company Phone' }, 'company switchboard'],
    [{ label: 'Zentrale' }, 'switchboard in German'],
    [{ label: 'Firmenname' }, 'company name in German'],
    [{ label: 'Email Opt Out' }, 'a consent flag'],
    [{ label: 'Job Title' }, 'a job title'],
    [{ label: 'Country' }, 'a country alone'],
    [{ label: 'Phone', objectType: 'Account' }, 'phone on a company record'],
    [{ apiName: 'Phone', objectType: 'Account' }, 'Salesforce Account.Phone'],
    [{ apiName: 'Name', objectType: 'Opportunity' }, 'an opportunity name'],
    [{ apiName: 'CloseDate' }, 'Salesforce CloseDate'],
    [{ apiName: 'closedate', objectType: '0-3' }, 'HubSpot deal close date'],
    [{ label: 'Send me the newsletter', type: 'checkbox' }, 'a checkbox'],
    [{ label: 'Home', name: 'phone1Type', type: 'radio' }, 'a chooser of phone types'],
  ])('%j (%s) → not personal', (desc) => {
    const v = classifyField(desc);
    expect(v.kind).toBeNull();
  });
});

describe('classifyField: CRM vocabularies', () => {
  it.each<[FieldDescriptor, Kind | null]>([
    [{ apiName: 'Birthdate', objectType: 'Contact' }, 'birthdate'],
    [{ apiName: 'MailingPostalCode', objectType: 'Contact' }, 'address'],
    [{ apiName: 'PersonEmail', objectType: 'Account' }, 'email'],
    [{ apiName: 'Religion__c' }, 'religion'],
    [{ apiName: 'Health_Notes__c' }, 'health'],
    [{ apiName: 'Union_Member__c' }, 'trade_union'],
    [{ apiName: 'Steuer_ID__c' }, 'national_id'],
    [{ apiName: 'Konfession__c' }, 'religion'],
    [{ apiName: 'Contract_End_Date__c' }, null],
    [{ apiName: 'date_of_birth', objectType: '0-1' }, 'birthdate'],
    [{ apiName: 'mobilephone', objectType: '0-1' }, 'phone'],
    [{ apiName: 'hs_whatsapp_phone_number' }, 'phone'],
    [{ apiName: 'jobtitle' }, null],
    [{ apiName: 'name', objectType: '0-2' }, null],
  ])('%j → %s', (desc, kind) => {
    expect(classifyField(desc).kind).toBe(kind);
  });
});

describe('classifyField: evidence order and verdict shape', () => {
  it('prefers the autocomplete token over a misleading label', () => {
    const v = classifyField({ label: 'Name', autocomplete: 'shipping email' });
    expect(v).toMatchObject({ kind: 'email', reasonCode: 'autocomplete', evidence: 'email' });
  });

  it('prefers a CRM API name over the label', () => {
    expect(classifyField({ label: 'Custom 1', apiName: 'Birthdate' })).toMatchObject({ kind: 'birthdate', reasonCode: 'api-name' });
  });

  it('falls back to name/id attributes and then the input type', () => {
    expect(classifyField({ name: 'billing_fname' })).toMatchObject({ kind: 'name', reasonCode: 'name-attr' });
    expect(classifyField({ type: 'email' })).toMatchObject({ kind: 'email', reasonCode: 'input-type' });
    expect(classifyField({ type: 'text' })).toMatchObject({ kind: null, reasonCode: 'none' });
  });

  it('the card holder name on a card form is payment-card data', () => {
    expect(classifyField({ label: 'Name on card' }).kind).toBe('payment_card');
    expect(classifyField({ label: 'First name', name: 'cc-name' }).kind).toBe('payment_card');
  });

  it('returns a confidence in 0..1, a known reason code, an English reason and never a value', () => {
    for (const desc of [{ label: 'Geburtsdatum' }, { label: 'Close Date' }, {}, { label: 'Phone', objectType: 'Account' }]) {
      const v = classifyField(desc);
      expect(v.confidence).toBeGreaterThan(0);
      expect(v.confidence).toBeLessThanOrEqual(1);
      expect(REASON_CODES).toContain(v.reasonCode);
      expect(v.reason).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('classifies 2,000 fields quickly', () => {
    const descs = Array.from({ length: 2000 }, (_, i) => ({ label: ['Vorname', 'Close Date', 'Telefon', 'Beschreibung'][i % 4]!, name: `f${i}` }));
    const t0 = performance.now();
    for (const d of descs) classifyField(d);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
