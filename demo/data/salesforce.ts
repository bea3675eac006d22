/**
 * Seed data and page layouts of the Salesforce demo org. The LWC app renders from
 * this module and demo/expectations.ts derives each page's ground truth from it,
 * so what is on the page and what tests expect cannot drift apart.
 */
import type { Kind } from '../../lib/detect/kinds';

export type Lang = 'en' | 'de';
export type Text = Readonly<Record<Lang, string>>;

export type SfFieldType =
  | 'name'
  | 'text'
  | 'email'
  | 'phone'
  | 'date'
  | 'address'
  | 'textarea'
  | 'url'
  | 'currency'
  | 'number'
  | 'picklist'
  | 'lookup';

export interface NameValue {
  firstName: string;
  lastName: string;
}
export interface AddressValue {
  street: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
}
export interface LookupValue {
  objectType: string;
  id: string;
  label: string;
}
export type FieldValue = string | NameValue | AddressValue | LookupValue;

/** The parts a compound field splits into on edit pages, with their own labels. */
export interface FieldPart {
  key: keyof NameValue | keyof AddressValue;
  /** API name of the part, e.g. MailingCity */
  api: string;
  label: Text;
}

export interface SfField {
  api: string;
  label: Text;
  type: SfFieldType;
  /** ground truth: the personal-data kind a rep would say this field holds; null when it holds none */
  kind: Kind | null;
  /** looks like personal data to a naive detector, but is not (company phone, close date…) */
  hardNegative?: boolean;
  readOnly?: boolean;
  parts?: readonly FieldPart[];
  options?: readonly string[];
}

/**
 * How a section reaches the page: on load, only when its tab is clicked, or
 * after a delay (a slow dynamic-form component).
 */
export type Reveal = { kind: 'load' } | { kind: 'tab'; tab: Text } | { kind: 'delay'; ms: number };

export interface SfSection {
  id: string;
  title: Text;
  fields: readonly string[];
  reveal: Reveal;
  /** on the native-shadow host this section mounts in a closed shadow root, as Lightning Web Security does */
  closedShadow?: boolean;
  /** rendered as Aura-era light-DOM markup rather than by shadow-DOM LWC components (benchmark page) */
  lightDom?: boolean;
}

export interface SfObject {
  api: string;
  label: Text;
  plural: Text;
  /** SLDS standard icon name, e.g. 'contact' */
  icon: string;
  keyPrefix: string;
  /** field whose value is the record's title */
  nameField: string;
  fields: readonly SfField[];
  sections: readonly SfSection[];
  listColumns: readonly string[];
}

export interface SfRecord {
  id: string;
  objectType: string;
  values: Record<string, FieldValue>;
}

const t = (en: string, de: string): Text => ({ en, de });

const NAME_PARTS: readonly FieldPart[] = [
  { key: 'firstName', api: 'FirstName', label: t('First Name', 'Vorname') },
  { key: 'lastName', api: 'LastName', label: t('Last Name', 'Nachname') },
];

function addressParts(prefix: string, en: string, de: string): readonly FieldPart[] {
  const p = (key: FieldPart['key'], api: string, enPart: string, dePart: string): FieldPart => ({
    key,
    api: `${prefix}${api}`,
    label: t(`${en}${enPart}`.trim(), de ? `${dePart} (${de})` : dePart),
  });
  return [
    p('street', 'Street', ' Street', 'Straße'),
    p('city', 'City', ' City', 'Ort'),
    p('province', 'State', ' State/Province', 'Bundesland'),
    p('postalCode', 'PostalCode', ' Zip/Postal Code', 'PLZ'),
    p('country', 'Country', ' Country', 'Land'),
  ];
}

const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Trade Show', 'Other'];

export const SF_OBJECTS: readonly SfObject[] = [
  {
    api: 'Contact',
    label: t('Contact', 'Kontakt'),
    plural: t('Contacts', 'Kontakte'),
    icon: 'contact',
    keyPrefix: '003',
    nameField: 'Name',
    fields: [
      { api: 'Name', label: t('Name', 'Name'), type: 'name', kind: 'name', parts: NAME_PARTS },
      { api: 'Title', label: t('Title', 'Titel'), type: 'text', kind: null },
      { api: 'AccountId', label: t('Account Name', 'Accountname'), type: 'lookup', kind: null, hardNegative: true },
      { api: 'Email', label: t('Email', 'E-Mail'), type: 'email', kind: 'email' },
      { api: 'Phone', label: t('Phone', 'Telefon'), type: 'phone', kind: 'phone' },
      { api: 'MobilePhone', label: t('Mobile', 'Mobiltelefon'), type: 'phone', kind: 'phone' },
      { api: 'Department', label: t('Department', 'Abteilung'), type: 'text', kind: null },
      { api: 'ReportsToId', label: t('Reports To', 'Vorgesetzte(r)'), type: 'lookup', kind: 'name' },
      { api: 'Birthdate', label: t('Birthdate', 'Geburtsdatum'), type: 'date', kind: 'birthdate' },
      { api: 'LeadSource', label: t('Lead Source', 'Lead-Quelle'), type: 'picklist', kind: null, options: LEAD_SOURCES },
      {
        api: 'MailingAddress',
        label: t('Mailing Address', 'Postanschrift'),
        type: 'address',
        kind: 'address',
        parts: addressParts('Mailing', 'Mailing', 'Postanschrift'),
      },
      { api: 'Description', label: t('Description', 'Beschreibung'), type: 'textarea', kind: null },
      { api: 'HomePhone', label: t('Home Phone', 'Telefon (privat)'), type: 'phone', kind: 'phone' },
      { api: 'AssistantName', label: t('Assistant', 'Assistent(in)'), type: 'text', kind: 'name' },
      { api: 'AssistantPhone', label: t('Asst. Phone', 'Telefon Assistent(in)'), type: 'phone', kind: 'phone' },
      {
        api: 'Payment_Details__c',
        label: t('Payment Details', 'Zahlungsdetails'),
        type: 'text',
        kind: 'bank_account',
        readOnly: true,
      },
      {
        api: 'Payment_Terms__c',
        label: t('Payment Terms', 'Zahlungsbedingungen'),
        type: 'picklist',
        kind: null,
        options: ['Net 14', 'Net 30', 'Net 60'],
      },
    ],
    sections: [
      {
        id: 'contact-info',
        title: t('Contact Information', 'Kontaktinformationen'),
        fields: ['Name', 'Title', 'AccountId', 'Email', 'Phone', 'MobilePhone', 'Department', 'ReportsToId', 'Birthdate', 'LeadSource'],
        reveal: { kind: 'load' },
      },
      {
        id: 'address-info',
        title: t('Address Information', 'Adressinformationen'),
        fields: ['MailingAddress'],
        reveal: { kind: 'load' },
      },
      {
        id: 'description-info',
        title: t('Description Information', 'Beschreibungsinformationen'),
        fields: ['Description'],
        reveal: { kind: 'load' },
      },
      {
        id: 'payment-info',
        title: t('Payment Information', 'Zahlungsinformationen'),
        fields: ['Payment_Details__c', 'Payment_Terms__c'],
        reveal: { kind: 'delay', ms: 500 },
        closedShadow: true,
      },
      {
        id: 'additional-info',
        title: t('Additional Information', 'Weitere Informationen'),
        fields: ['HomePhone', 'AssistantName', 'AssistantPhone'],
        reveal: { kind: 'tab', tab: t('Additional Information', 'Weitere Informationen') },
      },
    ],
    listColumns: ['Name', 'AccountId', 'Title', 'Phone', 'Email'],
  },
  {
    api: 'Lead',
    label: t('Lead', 'Lead'),
    plural: t('Leads', 'Leads'),
    icon: 'lead',
    keyPrefix: '00Q',
    nameField: 'Name',
    fields: [
      { api: 'Name', label: t('Name', 'Name'), type: 'name', kind: 'name', parts: NAME_PARTS },
      { api: 'Title', label: t('Title', 'Titel'), type: 'text', kind: null },
      { api: 'Company', label: t('Company', 'Firma'), type: 'text', kind: null, hardNegative: true },
      { api: 'Email', label: t('Email', 'E-Mail'), type: 'email', kind: 'email' },
      { api: 'Phone', label: t('Phone', 'Telefon'), type: 'phone', kind: 'phone' },
      { api: 'MobilePhone', label: t('Mobile', 'Mobiltelefon'), type: 'phone', kind: 'phone' },
      {
        api: 'Status',
        label: t('Lead Status', 'Lead-Status'),
        type: 'picklist',
        kind: null,
        options: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
      },
      { api: 'LeadSource', label: t('Lead Source', 'Lead-Quelle'), type: 'picklist', kind: null, options: LEAD_SOURCES },
      {
        api: 'Address',
        label: t('Address', 'Adresse'),
        type: 'address',
        kind: 'address',
        parts: addressParts('', '', ''),
      },
      { api: 'Description', label: t('Description', 'Beschreibung'), type: 'textarea', kind: null },
    ],
    sections: [
      {
        id: 'lead-info',
        title: t('Lead Information', 'Lead-Informationen'),
        fields: ['Name', 'Title', 'Company', 'Email', 'Phone', 'MobilePhone', 'Status', 'LeadSource'],
        reveal: { kind: 'load' },
      },
      { id: 'address-info', title: t('Address Information', 'Adressinformationen'), fields: ['Address'], reveal: { kind: 'load' } },
      {
        id: 'description-info',
        title: t('Description Information', 'Beschreibungsinformationen'),
        fields: ['Description'],
        reveal: { kind: 'load' },
      },
    ],
    listColumns: ['Name', 'Company', 'Title', 'Phone', 'Email'],
  },
  {
    api: 'Account',
    label: t('Account', 'Account'),
    plural: t('Accounts', 'Accounts'),
    icon: 'account',
    keyPrefix: '001',
    nameField: 'Name',
    fields: [
      { api: 'Name', label: t('Account Name', 'Accountname'), type: 'text', kind: null, hardNegative: true },
      { api: 'Phone', label: t('Phone', 'Telefon'), type: 'phone', kind: null, hardNegative: true },
      { api: 'Website', label: t('Website', 'Website'), type: 'url', kind: null },
      {
        api: 'Industry',
        label: t('Industry', 'Branche'),
        type: 'picklist',
        kind: null,
        options: ['Transportation', 'Manufacturing', 'Energy', 'Healthcare', 'Retail'],
      },
      { api: 'NumberOfEmployees', label: t('Employees', 'Mitarbeiter'), type: 'number', kind: null },
      {
        api: 'BillingAddress',
        label: t('Billing Address', 'Rechnungsanschrift'),
        type: 'address',
        kind: null,
        hardNegative: true,
        parts: addressParts('Billing', 'Billing', 'Rechnungsanschrift'),
      },
      { api: 'Description', label: t('Description', 'Beschreibung'), type: 'textarea', kind: null },
    ],
    sections: [
      {
        id: 'account-info',
        title: t('Account Information', 'Accountinformationen'),
        fields: ['Name', 'Phone', 'Website', 'Industry', 'NumberOfEmployees'],
        reveal: { kind: 'load' },
      },
      { id: 'address-info', title: t('Address Information', 'Adressinformationen'), fields: ['BillingAddress'], reveal: { kind: 'load' } },
      {
        id: 'description-info',
        title: t('Description Information', 'Beschreibungsinformationen'),
        fields: ['Description'],
        reveal: { kind: 'load' },
      },
    ],
    listColumns: ['Name', 'Phone', 'Industry', 'Website'],
  },
  {
    api: 'Opportunity',
    label: t('Opportunity', 'Opportunity'),
    plural: t('Opportunities', 'Opportunities'),
    icon: 'opportunity',
    keyPrefix: '006',
    nameField: 'Name',
    fields: [
      { api: 'Name', label: t('Opportunity Name', 'Opportunity-Name'), type: 'text', kind: null },
      { api: 'AccountId', label: t('Account Name', 'Accountname'), type: 'lookup', kind: null, hardNegative: true },
      { api: 'CloseDate', label: t('Close Date', 'Schlusstermin'), type: 'date', kind: null, hardNegative: true },
      {
        api: 'StageName',
        label: t('Stage', 'Phase'),
        type: 'picklist',
        kind: null,
        options: ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'],
      },
      { api: 'Amount', label: t('Amount', 'Betrag'), type: 'currency', kind: null },
      { api: 'NextStep', label: t('Next Step', 'Nächster Schritt'), type: 'text', kind: null },
      { api: 'Description', label: t('Description', 'Beschreibung'), type: 'textarea', kind: null },
    ],
    sections: [
      {
        id: 'opportunity-info',
        title: t('Opportunity Information', 'Opportunity-Informationen'),
        fields: ['Name', 'AccountId', 'CloseDate', 'StageName', 'Amount', 'NextStep'],
        reveal: { kind: 'load' },
      },
      {
        id: 'description-info',
        title: t('Description Information', 'Beschreibungsinformationen'),
        fields: ['Description'],
        reveal: { kind: 'load' },
      },
    ],
    listColumns: ['Name', 'AccountId', 'StageName', 'CloseDate', 'Amount'],
  },
  {
    api: 'Customer_Profile__c',
    label: t('Customer Profile', 'Kundenprofil'),
    plural: t('Customer Profiles', 'Kundenprofile'),
    icon: 'customers',
    keyPrefix: 'a0B',
    nameField: 'Name',
    fields: [
      { api: 'Name', label: t('Customer Profile Name', 'Kundenprofilname'), type: 'text', kind: null, readOnly: true },
      { api: 'Contact__c', label: t('Contact', 'Kontakt'), type: 'lookup', kind: 'name' },
      { api: 'Date_of_Birth__c', label: t('Date of Birth', 'Geburtsdatum'), type: 'date', kind: 'birthdate' },
      {
        api: 'Preferred_Language__c',
        label: t('Preferred Language', 'Bevorzugte Sprache'),
        type: 'picklist',
        kind: null,
        options: ['German', 'English', 'Italian', 'French'],
      },
      {
        api: 'Religion__c',
        label: t('Religion', 'Religion'),
        type: 'picklist',
        kind: 'religion',
        options: ['Roman Catholic', 'Protestant', 'Muslim', 'Jewish', 'None', 'Prefer not to say'],
      },
      { api: 'Tax_ID__c', label: t('Tax ID', 'Steuer-ID'), type: 'text', kind: 'national_id' },
      { api: 'Health_Notes__c', label: t('Health Notes', 'Gesundheitshinweise'), type: 'textarea', kind: 'health' },
    ],
    sections: [
      {
        id: 'information',
        title: t('Information', 'Informationen'),
        fields: ['Name', 'Contact__c', 'Date_of_Birth__c', 'Preferred_Language__c'],
        reveal: { kind: 'load' },
      },
      {
        id: 'sensitive-info',
        title: t('Sensitive Information', 'Sensible Informationen'),
        fields: ['Religion__c', 'Tax_ID__c', 'Health_Notes__c'],
        reveal: { kind: 'load' },
        closedShadow: true,
      },
    ],
    listColumns: ['Name', 'Contact__c', 'Preferred_Language__c'],
  },
];

export function sfObject(api: string): SfObject | undefined {
  return SF_OBJECTS.find((o) => o.api === api);
}

export function sfField(obj: SfObject, api: string): SfField {
  const f = obj.fields.find((x) => x.api === api);
  if (!f) throw new Error(`demo data: ${obj.api} has no field ${api}`);
  return f;
}

export const SF_IDS = {
  contact: '003Dn00000QX7bGIAT',
  contact2: '003Dn00000QX7bHIAT',
  lead: '00QDn00000Lm4TzMAJ',
  account: '001Dn00000Rk2PqIAJ',
  opportunity: '006Dn00000Hw8ZaIAJ',
  customerProfile: 'a0BDn00000Ck9XyMAJ',
  bench: 'a0CDn00000Bn2K0MAJ',
} as const;

const CONTACT_NOTES = [
  'Met at the LogiMAT trade fair in Stuttgart; she runs procurement for the whole northern region and decides on telematics together with the fleet manager.',
  'Kick-off call: current contract with the incumbent provider ends in Q3, notice period three months. Main pain points are manual tachograph downloads, no live ETA for customers and unreliable reefer temperature alerts on the Hamburg–Milan route.',
  'She asked for a pilot on 40 trucks out of a fleet of roughly 620, starting with the Bremen depot. Budget owner is the CFO; IT security review is mandatory before any data leaves their tenant, and they require EU-only hosting.',
  'Follow-up demo with the dispatch team went well. Dispatchers liked the geofence alerts and the driver app in Polish and Romanian. Concern raised about works council approval for driver location tracking: we agreed to send our data processing agreement and a sample works council agreement.',
  'Pricing discussion: they expect a volume discount above 500 units and want hardware financed over 36 months. Sent revised quote v3. Next steps: security questionnaire by end of month, reference call with another logistics customer, decision meeting with the CFO in the first week of next quarter.',
  'Prefers short emails with a clear summary at the top; calls only between 9 and 11 in the morning. Out of office during the school holidays in Lower Saxony.',
].join('\n\n');

export const SF_RECORDS: readonly SfRecord[] = [
  {
    id: SF_IDS.contact,
    objectType: 'Contact',
    values: {
      Name: { firstName: 'Lena', lastName: 'Fischer' },
      Title: 'Head of Procurement',
      AccountId: { objectType: 'Account', id: SF_IDS.account, label: 'Nordwind Logistik GmbH' },
      Email: 'lena.fischer@nordwind-logistik.de',
      Phone: '+49 421 5567 2310',
      MobilePhone: '+49 151 2345 6789',
      Department: 'Procurement',
      ReportsToId: { objectType: 'Contact', id: SF_IDS.contact2, label: 'Marco Rossi' },
      Birthdate: '1984-03-14',
      LeadSource: 'Trade Show',
      MailingAddress: {
        street: 'Am Wall 142',
        city: 'Bremen',
        province: 'Bremen',
        postalCode: '28195',
        country: 'Germany',
      },
      Description: CONTACT_NOTES,
      HomePhone: '+49 421 339 8811',
      AssistantName: 'Jonas Weber',
      AssistantPhone: '+49 421 5567 2311',
      Payment_Details__c: 'DE89 3704 0044 0532 0130 00',
      Payment_Terms__c: 'Net 30',
    },
  },
  {
    id: SF_IDS.contact2,
    objectType: 'Contact',
    values: {
      Name: { firstName: 'Marco', lastName: 'Rossi' },
      Title: 'Fleet Manager',
      AccountId: { objectType: 'Account', id: SF_IDS.account, label: 'Nordwind Logistik GmbH' },
      Email: 'marco.rossi@nordwind-logistik.de',
      Phone: '+49 421 5567 2340',
      MobilePhone: '+49 160 9876 5432',
      Department: 'Fleet Operations',
      Birthdate: '1979-11-02',
      LeadSource: 'Partner Referral',
      MailingAddress: {
        street: 'Hafenstraße 7',
        city: 'Bremerhaven',
        province: 'Bremen',
        postalCode: '27568',
        country: 'Germany',
      },
      Description:
        'Owns the driver app roll-out. Wants training material in Italian and Polish. Asked for a site visit at the Bremerhaven container terminal before the pilot starts.',
      HomePhone: '+49 471 920 4471',
      AssistantName: 'Petra Hansen',
      AssistantPhone: '+49 421 5567 2341',
      Payment_Details__c: 'DE02 1203 0000 0000 2020 51',
      Payment_Terms__c: 'Net 14',
    },
  },
  {
    id: SF_IDS.lead,
    objectType: 'Lead',
    values: {
      Name: { firstName: 'Tobias', lastName: 'Becker' },
      Title: 'Managing Director',
      Company: 'Becker Solartechnik GmbH',
      Email: 't.becker@becker-solartechnik.de',
      Phone: '+49 89 4411 2200',
      MobilePhone: '+49 172 555 0199',
      Status: 'Working - Contacted',
      LeadSource: 'Web',
      Address: {
        street: 'Leopoldstraße 61',
        city: 'München',
        province: 'Bayern',
        postalCode: '80802',
        country: 'Germany',
      },
      Description:
        'Downloaded the fleet electrification whitepaper. Runs 35 service vans for solar installations across Upper Bavaria and wants to know charging-aware routing options.',
    },
  },
  {
    id: SF_IDS.account,
    objectType: 'Account',
    values: {
      Name: 'Nordwind Logistik GmbH',
      Phone: '+49 421 5567 0',
      Website: 'https://www.nordwind-logistik.de',
      Industry: 'Transportation',
      NumberOfEmployees: '2400',
      BillingAddress: {
        street: 'Überseetor 18',
        city: 'Bremen',
        province: 'Bremen',
        postalCode: '28217',
        country: 'Germany',
      },
      Description:
        'Mid-sized contract logistics provider, 620 trucks, refrigerated transport to Italy and Scandinavia. Framework agreement renewal due next year.',
    },
  },
  {
    id: SF_IDS.opportunity,
    objectType: 'Opportunity',
    values: {
      Name: 'Nordwind – Fleet Telematics Rollout',
      AccountId: { objectType: 'Account', id: SF_IDS.account, label: 'Nordwind Logistik GmbH' },
      CloseDate: '2027-03-31',
      StageName: 'Proposal/Price Quote',
      Amount: '186400',
      NextStep: 'Security questionnaire, then CFO decision meeting',
      Description: 'Pilot on 40 trucks at the Bremen depot, roll-out to 620 units if KPIs are met after 90 days.',
    },
  },
  {
    id: SF_IDS.customerProfile,
    objectType: 'Customer_Profile__c',
    values: {
      Name: 'CP-000123',
      Contact__c: { objectType: 'Contact', id: SF_IDS.contact, label: 'Lena Fischer' },
      Date_of_Birth__c: '1984-03-14',
      Preferred_Language__c: 'German',
      Religion__c: 'Roman Catholic',
      Tax_ID__c: '65 892 103 579',
      Health_Notes__c:
        'Type 1 diabetes; needs short breaks during long workshops. Severe peanut allergy: no catering with nuts at events.',
    },
  },
];

const FIRST = ['Anna', 'Jan', 'Sofia', 'Lukas', 'Mia', 'Felix', 'Emma', 'Paul', 'Hannah', 'Leon', 'Clara', 'Noah'];
const LAST = ['Schneider', 'Wagner', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Braun'];
const COMPANIES = ['Nordwind Logistik GmbH', 'Alpenblick Hotels AG', 'Rheinmetall Service GmbH', 'Hanse Kühltransporte KG'];
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Deterministic filler so list views have many rows; every row links to a record page. */
export function generatedListRecords(objectType: 'Contact' | 'Lead', count: number): SfRecord[] {
  const rows: SfRecord[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length] ?? 'Anna';
    const last = LAST[(i * 7) % LAST.length] ?? 'Schulz';
    const company = COMPANIES[i % COMPANIES.length] ?? 'Nordwind Logistik GmbH';
    const domain = company.split(' ')[0]?.toLowerCase().replace(/ü/g, 'ue') ?? 'example';
    const suffix = `${B62[Math.floor(i / 62) % 62] ?? '0'}${B62[i % 62] ?? '0'}`;
    const prefix = objectType === 'Contact' ? '003Dn00000QY8' : '00QDn00000Lp5';
    const id = `${prefix}${suffix}IAT`;
    const phone = `+49 30 ${String(2000000 + i * 7919).slice(0, 4)} ${String(1000 + ((i * 37) % 9000))}`;
    const values: Record<string, FieldValue> = {
      Name: { firstName: first, lastName: last },
      Title: ['Buyer', 'Dispatcher', 'CFO', 'Office Manager', 'Operations Lead'][i % 5] ?? 'Buyer',
      Email: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}.de`,
      Phone: phone,
    };
    if (objectType === 'Contact') values.AccountId = { objectType: 'Account', id: SF_IDS.account, label: company };
    else values.Company = company;
    rows.push({ id, objectType, values });
  }
  return rows;
}

export const SF_LIST_SIZE = 60;

/** Visible chrome text of the Salesforce app in both languages. */
export const SF_UI = {
  appName: t('Sales', 'Vertrieb'),
  home: t('Home', 'Startseite'),
  search: t('Search...', 'Suchen...'),
  edit: t('Edit', 'Bearbeiten'),
  newRecord: t('New', 'Neu'),
  delete: t('Delete', 'Löschen'),
  save: t('Save', 'Speichern'),
  saveAndNew: t('Save & New', 'Speichern & neu'),
  cancel: t('Cancel', 'Abbrechen'),
  details: t('Details', 'Details'),
  related: t('Related', 'Zugehörig'),
  activity: t('Activity', 'Aktivität'),
  sendEmail: t('Send Email', 'E-Mail senden'),
  logCall: t('Log a Call', 'Anruf protokollieren'),
  newEvent: t('New Event', 'Neues Ereignis'),
  upcoming: t('Upcoming & Overdue', 'Anstehend & überfällig'),
  noActivities: t(
    'No activities to show. Get started by sending an email, scheduling a task, and more.',
    'Keine Aktivitäten vorhanden. Beginnen Sie, indem Sie eine E-Mail senden, eine Aufgabe planen usw.',
  ),
  editTitle: t('Edit {0}', '{0} bearbeiten'),
  newTitle: t('New {0}', 'Neu: {0}'),
  saved: t('{0} "{1}" was saved.', '{0} "{1}" wurde gespeichert.'),
  created: t('{0} "{1}" was created.', '{0} "{1}" wurde erstellt.'),
  outreachStarted: t('{0}: {1}', '{0}: {1}'),
  recentlyViewed: t('Recently Viewed', 'Zuletzt angezeigt'),
  items: t('{0} items • Sorted by Name', '{0} Elemente • Sortiert nach Name'),
  required: t('Required Information', 'Erforderliche Informationen'),
  notFound: t('Looks like there\u2019s a problem. This page isn\u2019t available.', 'Diese Seite ist nicht verfügbar.'),
  openRelated: t('Opportunities (1)', 'Opportunities (1)'),
  loading: t('Loading', 'Wird geladen'),
  benchTitle: t('Field Benchmark Record', 'Feld-Benchmark-Datensatz'),
} as const;
