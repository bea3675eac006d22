/**
 * Seed data and record layouts of the HubSpot demo portal. The HubSpot app
 * renders from this module and demo/expectations.ts derives ground truth from it.
 */
import type { Kind } from '../../lib/detect/kinds';

export type HsPropertyType = 'text' | 'email' | 'phone' | 'date' | 'textarea' | 'select' | 'number' | 'url';

export interface HsProperty {
  /** HubSpot internal name, e.g. `mobilephone`; used in `data-selenium-test="property-input-<name>"` */
  name: string;
  label: string;
  type: HsPropertyType;
  kind: Kind | null;
  hardNegative?: boolean;
  readOnly?: boolean;
  options?: readonly string[];
}

/** Sidebar cards: `about` renders on load, `lazy` when the rep expands it, `delayed` ~500 ms after load. */
export type HsCardReveal = 'load' | 'expand' | 'delay';

export interface HsCard {
  id: string;
  title: string;
  reveal: HsCardReveal;
  column: 'left' | 'right';
  properties: readonly string[];
}

export interface HsObjectType {
  /** 0-1 contact, 0-2 company, 0-3 deal */
  id: '0-1' | '0-2' | '0-3';
  singular: string;
  plural: string;
  properties: readonly HsProperty[];
  cards: readonly HsCard[];
  /** properties shown in the list view, first one links to the record */
  listColumns: readonly string[];
}

export interface HsRecord {
  id: string;
  objectTypeId: HsObjectType['id'];
  values: Record<string, string>;
  /** associated records shown in the right sidebar */
  associations: readonly string[];
}

export const HS_PORTALS = { eu1: '25912345', na1: '4312876' } as const;

export const HS_IDS = {
  contact: '51234567801',
  contact2: '51234567802',
  company: '18765432101',
  deal: '23456789012',
} as const;

const LIFECYCLE = ['Subscriber', 'Lead', 'Marketing qualified lead', 'Sales qualified lead', 'Opportunity', 'Customer'];

export const HS_OBJECTS: readonly HsObjectType[] = [
  {
    id: '0-1',
    singular: 'Contact',
    plural: 'Contacts',
    properties: [
      { name: 'firstname', label: 'First name', type: 'text', kind: 'name' },
      { name: 'lastname', label: 'Last name', type: 'text', kind: 'name' },
      { name: 'email', label: 'Email', type: 'email', kind: 'email' },
      { name: 'phone', label: 'Phone number', type: 'phone', kind: 'phone' },
      { name: 'mobilephone', label: 'Mobile phone number', type: 'phone', kind: 'phone' },
      { name: 'jobtitle', label: 'Job title', type: 'text', kind: null },
      { name: 'company', label: 'Company name', type: 'text', kind: null, hardNegative: true },
      { name: 'address', label: 'Street address', type: 'text', kind: 'address' },
      { name: 'city', label: 'City', type: 'text', kind: 'address' },
      { name: 'zip', label: 'Postal code', type: 'text', kind: 'address' },
      { name: 'country', label: 'Country/Region', type: 'text', kind: 'address' },
      { name: 'lifecyclestage', label: 'Lifecycle stage', type: 'select', kind: null, options: LIFECYCLE },
      {
        name: 'hs_lead_status',
        label: 'Lead status',
        type: 'select',
        kind: null,
        options: ['New', 'Open', 'In progress', 'Open deal', 'Unqualified', 'Attempted to contact', 'Connected'],
      },
      { name: 'notes', label: 'Notes', type: 'textarea', kind: null },
      { name: 'date_of_birth', label: 'Date of birth', type: 'date', kind: 'birthdate' },
      { name: 'gender', label: 'Gender', type: 'select', kind: 'gender', options: ['Female', 'Male', 'Non-binary', 'Prefer not to say'] },
      { name: 'hs_language', label: 'Preferred language', type: 'select', kind: null, options: ['English', 'German', 'French', 'Spanish'] },
      { name: 'billing_reference', label: 'Billing reference', type: 'text', kind: 'bank_account', readOnly: true },
      { name: 'payment_method', label: 'Payment method', type: 'select', kind: null, options: ['Invoice', 'SEPA direct debit', 'Credit card'] },
    ],
    cards: [
      {
        id: 'about',
        title: 'About this contact',
        reveal: 'load',
        column: 'left',
        properties: ['email', 'firstname', 'lastname', 'phone', 'mobilephone', 'jobtitle', 'company', 'lifecyclestage', 'hs_lead_status', 'notes'],
      },
      { id: 'address', title: 'Address', reveal: 'load', column: 'left', properties: ['address', 'city', 'zip', 'country'] },
      { id: 'personal', title: 'Personal details', reveal: 'expand', column: 'left', properties: ['date_of_birth', 'gender', 'hs_language'] },
      { id: 'billing', title: 'Billing details', reveal: 'delay', column: 'right', properties: ['billing_reference', 'payment_method'] },
    ],
    listColumns: ['firstname', 'email', 'phone', 'company', 'city'],
  },
  {
    id: '0-2',
    singular: 'Company',
    plural: 'Companies',
    properties: [
      { name: 'name', label: 'Company name', type: 'text', kind: null, hardNegative: true },
      { name: 'domain', label: 'Company domain name', type: 'url', kind: null },
      { name: 'phone', label: 'Phone number', type: 'phone', kind: null, hardNegative: true },
      { name: 'industry', label: 'Industry', type: 'select', kind: null, options: ['Logistics and Supply Chain', 'Hospitality', 'Renewables & Environment', 'Retail'] },
      { name: 'numberofemployees', label: 'Number of employees', type: 'number', kind: null },
      { name: 'city', label: 'City', type: 'text', kind: null, hardNegative: true },
      { name: 'country', label: 'Country/Region', type: 'text', kind: null },
      { name: 'description', label: 'Description', type: 'textarea', kind: null },
    ],
    cards: [
      {
        id: 'about',
        title: 'About this company',
        reveal: 'load',
        column: 'left',
        properties: ['domain', 'name', 'industry', 'phone', 'numberofemployees', 'city', 'country', 'description'],
      },
    ],
    listColumns: ['name', 'domain', 'phone', 'city'],
  },
  {
    id: '0-3',
    singular: 'Deal',
    plural: 'Deals',
    properties: [
      { name: 'dealname', label: 'Deal name', type: 'text', kind: null },
      { name: 'amount', label: 'Amount', type: 'number', kind: null },
      { name: 'closedate', label: 'Close date', type: 'date', kind: null, hardNegative: true },
      {
        name: 'dealstage',
        label: 'Deal stage',
        type: 'select',
        kind: null,
        options: ['Appointment scheduled', 'Qualified to buy', 'Presentation scheduled', 'Decision maker bought-in', 'Contract sent', 'Closed won', 'Closed lost'],
      },
      { name: 'pipeline', label: 'Pipeline', type: 'select', kind: null, options: ['Sales Pipeline', 'Renewals'] },
      { name: 'description', label: 'Deal description', type: 'textarea', kind: null },
    ],
    cards: [
      { id: 'about', title: 'About this deal', reveal: 'load', column: 'left', properties: ['dealname', 'amount', 'closedate', 'dealstage', 'pipeline', 'description'] },
    ],
    listColumns: ['dealname', 'amount', 'dealstage', 'closedate'],
  },
];

export function hsObject(id: string): HsObjectType | undefined {
  return HS_OBJECTS.find((o) => o.id === id);
}

const LONG_NOTES = [
  'First met Claire at the Hospitality Tech Summit in Lyon. She leads guest experience for the group’s 14 hotels and is evaluating a CRM-driven pre-arrival journey.',
  'Discovery call: they currently send pre-arrival emails from three different tools; open rates below 20 %. Wants one consolidated journey with upsell offers (spa, late checkout) and a feedback survey after departure.',
  'Decision process: Claire recommends, the COO signs. Procurement requires two reference customers in the DACH region and a signed data processing agreement before the pilot.',
  'Pilot scope agreed: two properties in Munich and Vienna, 12 weeks, success measured by upsell revenue per stay and survey response rate. Kick-off planned right after the ski season.',
  'Prefers calls on Tuesday or Thursday afternoons; replies fast on email. Asked us to include the revenue manager in the next meeting.',
].join('\n\n');

export const HS_RECORDS: readonly HsRecord[] = [
  {
    id: HS_IDS.contact,
    objectTypeId: '0-1',
    values: {
      firstname: 'Claire',
      lastname: 'Dubois',
      email: 'claire.dubois@alpenblick-hotels.com',
      phone: '+43 512 908 4410',
      mobilephone: '+43 664 123 4567',
      jobtitle: 'Director Guest Experience',
      company: 'Alpenblick Hotels AG',
      address: 'Maria-Theresien-Straße 18',
      city: 'Innsbruck',
      zip: '6020',
      country: 'Austria',
      lifecyclestage: 'Sales qualified lead',
      hs_lead_status: 'In progress',
      notes: LONG_NOTES,
      date_of_birth: '1987-06-22',
      gender: 'Female',
      hs_language: 'French',
      billing_reference: 'AT61 1904 3002 3457 3201',
      payment_method: 'SEPA direct debit',
    },
    associations: [HS_IDS.company, HS_IDS.deal, HS_IDS.contact2],
  },
  {
    id: HS_IDS.contact2,
    objectTypeId: '0-1',
    values: {
      firstname: 'Stefan',
      lastname: 'Huber',
      email: 'stefan.huber@alpenblick-hotels.com',
      phone: '+43 512 908 4420',
      mobilephone: '+43 676 987 6543',
      jobtitle: 'Revenue Manager',
      company: 'Alpenblick Hotels AG',
      address: 'Anichstraße 5',
      city: 'Innsbruck',
      zip: '6020',
      country: 'Austria',
      lifecyclestage: 'Lead',
      hs_lead_status: 'Connected',
      notes: 'Owns rate strategy and the upsell catalogue. Wants weekly exports of upsell revenue per property.',
      date_of_birth: '1990-01-30',
      gender: 'Male',
      hs_language: 'German',
      billing_reference: 'DE89 3704 0044 0532 0130 00',
      payment_method: 'Invoice',
    },
    associations: [HS_IDS.company, HS_IDS.contact],
  },
  {
    id: HS_IDS.company,
    objectTypeId: '0-2',
    values: {
      name: 'Alpenblick Hotels AG',
      domain: 'alpenblick-hotels.com',
      phone: '+43 512 908 0',
      industry: 'Hospitality',
      numberofemployees: '1850',
      city: 'Innsbruck',
      country: 'Austria',
      description: 'Family-owned hotel group with 14 four- and five-star properties in Tyrol, Bavaria and South Tyrol.',
    },
    associations: [HS_IDS.contact, HS_IDS.contact2, HS_IDS.deal],
  },
  {
    id: HS_IDS.deal,
    objectTypeId: '0-3',
    values: {
      dealname: 'Alpenblick – Guest Journey Pilot',
      amount: '48000',
      closedate: '2027-02-26',
      dealstage: 'Presentation scheduled',
      pipeline: 'Sales Pipeline',
      description: 'Two-property pilot (Munich, Vienna), 12 weeks; roll-out to 14 hotels on success.',
    },
    associations: [HS_IDS.company, HS_IDS.contact],
  },
];

const FIRST = ['Laura', 'Matteo', 'Julia', 'Tim', 'Elena', 'David', 'Nina', 'Samuel', 'Lea', 'Jonas'];
const LAST = ['Gruber', 'Bauer', 'Pichler', 'Moser', 'Steiner', 'Hofer', 'Leitner', 'Berger', 'Fuchs', 'Eder'];
const CITIES = ['Innsbruck', 'Salzburg', 'Wien', 'Graz', 'Linz', 'München'];

/** Deterministic contacts so the list view has many rows. */
export function generatedHsContacts(count: number): HsRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length] ?? 'Laura';
    const last = LAST[(i * 3) % LAST.length] ?? 'Gruber';
    return {
      id: String(51234568000 + i),
      objectTypeId: '0-1' as const,
      values: {
        firstname: first,
        lastname: last,
        email: `${first.toLowerCase()}.${last.toLowerCase()}@example-hotel${i % 7}.at`,
        phone: `+43 1 ${String(5000000 + i * 4111).slice(0, 7)}`,
        company: ['Alpenblick Hotels AG', 'Seehof Resorts GmbH', 'Bergland Touristik KG'][i % 3] ?? 'Alpenblick Hotels AG',
        city: CITIES[i % CITIES.length] ?? 'Wien',
        lifecyclestage: LIFECYCLE[i % LIFECYCLE.length] ?? 'Lead',
      },
      associations: [],
    };
  });
}

export const HS_LIST_SIZE = 60;
