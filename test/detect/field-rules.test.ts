// @vitest-environment node
/**
 * The general rules of field classification, each in the six languages where it
 * has words: option values and radio groups, honorific selects, card-expiry
 * formats, help text after a label, section headings as labels, names that
 * veto a generic label, and the word splitting everything rests on.
 */
import { describe, expect, it } from 'vitest';
import { classifyField } from '../../lib/detect/classify-field';
import { fieldWords } from '../../lib/detect/field-vocab';
import type { FieldDescriptor } from '../../lib/detect/field-descriptor';
import type { Kind } from '../../lib/detect/kinds';

const kindOf = (desc: FieldDescriptor) => classifyField(desc).kind;

describe('fieldWords', () => {
  it.each<[string, string[]]>([
    ['billingFirstName', ['billing', 'first', 'name']],
    ['Straße', ['strasse']],
    ['Numéro de sécurité sociale', ['numero', 'de', 'securite', 'sociale']],
    ['ÉMAIL', ['email']],
    ['C V V', ['cvv']],
    ['E-Mail-Adresse', ['e', 'mail', 'adresse']],
    ['Religion__c', ['religion', 'c']],
    ['Почтовый индекс', ['почтовыи', 'индекс']],
    ['', []],
  ])('%j → %j', (text, words) => {
    expect(fieldWords(text)).toEqual(words);
  });
});

describe('radio buttons and option values: the group decides', () => {
  it.each<[FieldDescriptor, Kind | null]>([
    [{ label: 'Female', name: 'gender', type: 'radio' }, 'gender'],
    [{ label: 'Weiblich', name: 'geschlecht', type: 'radio' }, 'gender'],
    [{ label: 'Femme', name: 'sexe', type: 'radio' }, 'gender'],
    [{ label: 'Mujer', name: 'r1' }, 'gender'],
    [{ label: 'Donna', name: 'q7', type: 'radio' }, 'gender'],
    [{ label: 'Vrouw', name: 'aanhef', type: 'radio' }, 'name'],
    [{ label: 'Mrs', name: 'opt2' }, 'name'],
    [{ label: 'Herr', name: 'x', type: 'radio' }, 'name'],
    [{ label: 'Mme', name: 'civility', type: 'radio' }, 'name'],
    [{ label: 'Sra.', name: 'f3', type: 'radio' }, 'name'],
    [{ label: 'Sig.ra', name: 'titolo', type: 'radio' }, 'name'],
    [{ label: 'Dhr.', name: 'r', type: 'radio' }, 'name'],
    [{ label: 'Visa', name: 'pm', type: 'radio' }, 'payment_card'],
    [{ label: 'American Express', name: 'cc_brand', type: 'radio' }, 'payment_card'],
    [{ label: 'PayPal', name: 'payment_method', type: 'radio' }, null],
    [{ label: 'Ship to a different address', name: 'shipOptions', type: 'radio' }, null],
    [{ label: 'Business address', name: 'typeOfAddress' }, null],
    [{ label: 'H', name: 'Body$BillingAddress$rdoPrimary' }, null],
  ])('%j → %s', (desc, kind) => {
    expect(kindOf(desc)).toBe(kind);
  });

  it('a yes/no answer reveals only a special category, not an ordinary one', () => {
    expect(kindOf({ label: 'Yes', name: 'IsDebitCard' })).toBeNull();
    expect(kindOf({ label: 'No', name: 'multiple-address' })).toBeNull();
    expect(kindOf({ label: 'Ja', name: 'gewerkschaftsmitglied', type: 'radio' })).toBe('trade_union');
    expect(kindOf({ label: 'Oui', name: 'handicap', type: 'radio' })).toBe('health');
  });

  it('a radio with an unknown group and a non-option label is a choice', () => {
    expect(kindOf({ label: 'Home address', name: 'q1', type: 'radio' })).toBeNull();
    expect(kindOf({ label: 'Home address', name: 'q1', type: 'radio', section: 'Shipping address' })).toBe('address');
  });
});

describe('honorific selects and card-expiry formats', () => {
  it.each(['Title', 'Titel', 'Titre', 'Título', 'Titolo'])('a "%s" select is the honorific of a name', (label) => {
    expect(kindOf({ label, name: 'title', type: 'select-one' })).toBe('name');
  });
  it('a free-text or CRM "Title" is a job title', () => {
    expect(kindOf({ label: 'Title', apiName: 'Title', objectType: 'Contact' })).toBeNull();
    expect(kindOf({ label: 'Title', type: 'text' })).toBeNull();
  });
  it.each(['MM/YY', 'MM / AA', 'MM/JJ', 'MM/YYYY'])('placeholder %s is a card expiry', (placeholder) => {
    expect(kindOf({ placeholder })).toBe('payment_card');
  });
  it('a date-of-birth format is not a card expiry', () => {
    expect(kindOf({ placeholder: 'DD/MM/YYYY' })).toBeNull();
    expect(kindOf({ label: 'Geburtsdatum (TT.MM.JJJJ)' })).toBe('birthdate');
  });
  it('spelled-out letters join', () => {
    expect(kindOf({ label: 'C V V', name: 'c-v-v-guest' })).toBe('payment_card');
  });
});

describe('where in a label the words are', () => {
  it('help text after the label does not decide', () => {
    expect(kindOf({ label: 'ZIP code — we’ll use this to verify your card details', name: 'billingPostalCode' })).toBe('address');
    expect(kindOf({ label: '(street address, PO box, company name)', name: 'addrStreet1' })).toBe('address');
  });
  it('a business head word before a late personal word decides', () => {
    expect(kindOf({ label: 'Enter the amount you would like to pay with your gift card', name: 'paymentAmount' })).toBeNull();
  });
  it('a strong phrase at the start still decides', () => {
    expect(kindOf({ label: 'Company Phone' })).toBeNull();
    expect(kindOf({ label: 'Email Opt Out' })).toBeNull();
    expect(kindOf({ label: 'Name your price' })).toBeNull();
  });
  it('a section heading as label defers to the name attribute', () => {
    expect(kindOf({ label: 'Credit Card Information', name: 'CC_State' })).toBe('address');
    expect(kindOf({ label: 'Rechnungsdaten', name: 'billing_zip' })).toBe('address');
  });
});

describe('the name attribute overrules a generic label', () => {
  it.each<[FieldDescriptor, Kind | null]>([
    [{ label: 'PIN', name: 'giftCardPin' }, null],
    [{ label: 'Number', name: 'promo_code' }, null],
    [{ label: 'Email', name: 'companyEmail' }, null],
    [{ label: 'Confirm Email:', name: 'chkEmailOptIn' }, null],
    [{ label: 'First name', name: 'cc-name' }, 'payment_card'],
  ])('%j → %s', (desc, kind) => {
    expect(kindOf(desc)).toBe(kind);
  });
  it('but a newsletter sign-up email is an email', () => {
    expect(kindOf({ label: 'Email', name: 'newsletter_email' })).toBe('email');
  });
});

describe('input types', () => {
  it('a password input is a credential whatever its ordinary label', () => {
    expect(kindOf({ label: 'Name', type: 'password' })).toBe('credential');
    expect(kindOf({ label: 'Re-enter', name: 'x', type: 'password' })).toBe('credential');
  });
  it('a masked CVV, SSN or IBAN keeps its kind; a masked gift-card PIN is not personal', () => {
    expect(kindOf({ label: 'CVV', type: 'password' })).toBe('payment_card');
    expect(kindOf({ label: 'SSN', type: 'password' })).toBe('national_id');
    expect(kindOf({ label: 'Gift card PIN', type: 'password' })).toBeNull();
  });
});

describe('hard negatives and hits in six languages', () => {
  it.each<[string, string, Kind | null]>([
    ['en', 'Main Phone', null],
    ['de', 'Haupttelefon', null],
    ['fr', 'Téléphone principal', null],
    ['es', 'Teléfono principal', null],
    ['it', 'Telefono principale', null],
    ['nl', 'Hoofdtelefoon', null],
    ['en', 'Account Name', null],
    ['de', 'Accountname', null],
    ['fr', 'Nom du compte', null],
    ['es', 'Nombre de la cuenta', null],
    ['it', 'Nome account', null],
    ['nl', 'Accountnaam', null],
    ['en', 'Gift card number', null],
    ['de', 'Geschenkkartennummer', null],
    ['fr', 'Numéro de carte cadeau', null],
    ['es', 'Número de tarjeta regalo', null],
    ['it', 'Numero carta regalo', null],
    ['nl', 'Cadeaukaartnummer', null],
    ['en', 'Discount code', null],
    ['de', 'Rabattcode', null],
    ['fr', 'Code de réduction', null],
    ['es', 'Código promocional', null],
    ['it', 'Codice sconto', null],
    ['nl', 'Kortingscode', null],
    ['en', 'Employer', null],
    ['de', 'Arbeitgeber', null],
    ['fr', 'Employeur', null],
    ['es', 'Empleador', null],
    ['it', 'Datore di lavoro', null],
    ['nl', 'Werkgever', null],
    ['en', 'Relationship to recipient', null],
    ['de', 'Verwandtschaftsgrad', null],
    ['fr', 'Lien de parenté', null],
    ['es', 'Parentesco', null],
    ['it', 'Grado di parentela', null],
    ['nl', 'Relatie', null],
    ['en', 'Phone country code', 'phone'],
    ['de', 'Landesvorwahl', 'phone'],
    ['fr', 'Indicatif pays', 'phone'],
    ['es', 'Prefijo telefónico', 'phone'],
    ['it', 'Prefisso internazionale', 'phone'],
    ['nl', 'Landcode', 'phone'],
  ])('%s "%s" → %s', (lang, label, kind) => {
    expect(kindOf({ label, lang })).toBe(kind);
  });
});

describe('role nouns name a person alone and yield to another personal word', () => {
  it.each<[string, Kind | null]>([
    ['Recipient', 'name'],
    ['Recipient’s email', 'email'],
    ['Assistant Phone', 'phone'],
    ['Ansprechpartner Telefon', 'phone'],
    ['Telefono del destinatario', 'phone'],
    ['Destinataire', 'name'],
    ['Contactpersoon', 'name'],
    ['Relationship to recipient', null],
  ])('"%s" → %s', (label, kind) => {
    expect(kindOf({ label })).toBe(kind);
  });
});

describe('CRM labels in six languages', () => {
  it.each<[string, Kind | null]>([
    ['Estado del candidato', null],
    ['Estado / Provincia', 'address'],
    ['Situation familiale', null],
    ['Stato civile', null],
    ['Pièce d’identité', 'national_id'],
    ['Steuer-Nr.', 'national_id'],
    ['Numéro et nom de rue', 'address'],
    ['Huisnr.', 'address'],
    ['Nom d’usager', 'online_id'],
    ['Umsatzsteuer-Identifikationsnummer', null],
    ['Attachment (.doc, .pdf, .zip)', null],
    ['Mother’s maiden name', 'credential'],
    ['Geburtsname der Mutter', 'credential'],
    ['Nom de jeune fille de votre mère', 'credential'],
    ['Apellido de soltera de su madre', 'credential'],
    ['Cognome da nubile della madre', 'credential'],
    ['Meisjesnaam van je moeder', 'credential'],
    ['Anhang', null],
    ['Pièce jointe', null],
    ['Archivo adjunto', null],
    ['Allegato', null],
    ['Bijlage', null],
  ])('"%s" → %s', (label, kind) => {
    expect(kindOf({ label })).toBe(kind);
  });
});
