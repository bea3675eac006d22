/**
 * Ground truth for every demo page: the fields a rep sees, as they are labelled on
 * screen, with the personal-data kind each holds (null for none, including the hard
 * negatives) and where in the DOM it lives. End-to-end tests compare the
 * extension's diagnostics report with this. Derived from the same seed data the
 * apps render, so the two cannot drift apart.
 */
import type { Kind } from '../lib/detect/kinds';
import {
  SF_LIST_SIZE,
  SF_RECORDS,
  SF_UI,
  sfObject,
  type FieldValue,
  type Lang,
  type SfField,
  type SfObject,
  type SfRecord,
  type SfSection,
} from './data/salesforce';
import { benchObject, benchRecord } from './data/bench';
import { HS_LIST_SIZE, HS_RECORDS, hsObject, type HsObjectType, type HsRecord } from './data/hubspot';
import { parseSalesforcePath, salesforceVariantOfHost, type SfShadow } from './shared/sf-routes';
import { isHubSpotHost, parseHubSpotPath } from './shared/hs-routes';
import type { OutreachAction } from './shared/recorder';
import { DEMO_URLS } from './urls';

export type ExpectedControl = 'output' | 'input' | 'textarea' | 'select' | 'contenteditable' | 'column';

export type ExpectedReveal =
  | { kind: 'load' }
  /** rendered only once the rep opens this tab (Salesforce) */
  | { kind: 'tab'; tab: string }
  /** appears this long after the page rendered */
  | { kind: 'delay'; ms: number }
  /** rendered only once the rep expands this sidebar card (HubSpot) */
  | { kind: 'expand'; card: string };

export interface ExpectedField {
  /** the label as displayed on the page */
  label: string;
  /** personal-data kind the field holds; null when it holds none (hard negatives included) */
  kind: Kind | null;
  /** in a shadow root as a content script sees the page (never under synthetic shadow) */
  inShadowRoot: boolean;
  /** in a closed shadow root (native-shadow host only) */
  inClosedShadowRoot: boolean;
  /** Salesforce field API name (compound parts: `FirstName`, `MailingCity`…) or HubSpot internal name */
  apiName: string;
  /** looks like personal data to a naive detector but is not: company phone, account name, close date */
  hardNegative: boolean;
  readOnly: boolean;
  control: ExpectedControl;
  reveal: ExpectedReveal;
  /** the seed value behind the field ('' on new-record pages) */
  value: string;
}

export interface ExpectedOutreach {
  action: OutreachAction;
  /** the control's visible label */
  label: string;
  /** a selector for the control (Playwright pierces open shadow roots) */
  selector: string;
}

export interface PageExpectation {
  url: string;
  crm: 'salesforce' | 'hubspot';
  view: 'view' | 'edit' | 'new' | 'list';
  /** Salesforce object API name or HubSpot object type id (0-1, 0-2, 0-3) */
  objectType: string;
  recordId: string | null;
  lang: Lang;
  shadow: SfShadow | null;
  fields: ExpectedField[];
  /** selector of the control that saves this page, if it has one */
  saveSelector: string | null;
  outreach: ExpectedOutreach[];
  /** rows in a list view */
  rows?: number;
}

// ------------------------------------------------------------------ Salesforce

function flatValue(v: FieldValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if ('label' in v) return v.label;
  if ('lastName' in v) return `${v.firstName} ${v.lastName}`.trim();
  return [v.street, v.postalCode, v.city, v.province, v.country].filter(Boolean).join(', ');
}

function partValue(v: FieldValue | undefined, key: string): string {
  if (!v || typeof v === 'string') return '';
  const x = (v as unknown as Record<string, unknown>)[key];
  return typeof x === 'string' ? x : '';
}

function sfReveal(section: SfSection, lang: Lang): ExpectedReveal {
  const r = section.reveal;
  if (r.kind === 'tab') return { kind: 'tab', tab: r.tab[lang] };
  if (r.kind === 'delay') return { kind: 'delay', ms: r.ms };
  return { kind: 'load' };
}

function editControl(f: SfField): ExpectedControl {
  if (f.type === 'textarea') return 'textarea';
  if (f.type === 'picklist' && !f.readOnly) return 'select';
  return 'input';
}

function sfViewFields(obj: SfObject, rec: SfRecord, lang: Lang, shadow: SfShadow): ExpectedField[] {
  const native = shadow === 'native';
  return obj.sections.flatMap((s) =>
    s.fields.map((api): ExpectedField => {
      const f = obj.fields.find((x) => x.api === api);
      if (!f) throw new Error(`expectations: ${obj.api}.${api} missing`);
      return {
        label: f.label[lang],
        kind: f.kind,
        inShadowRoot: native && !s.lightDom,
        inClosedShadowRoot: native && !!s.closedShadow,
        apiName: f.api,
        hardNegative: !!f.hardNegative,
        readOnly: !!f.readOnly,
        control: 'output',
        reveal: sfReveal(s, lang),
        value: flatValue(rec.values[api]),
      };
    }),
  );
}

function sfEditFields(obj: SfObject, rec: SfRecord | null, lang: Lang, shadow: SfShadow): ExpectedField[] {
  const native = shadow === 'native';
  const base = { inShadowRoot: native, inClosedShadowRoot: false, reveal: { kind: 'load' } as const };
  return obj.sections.flatMap((s) =>
    s.fields.flatMap((api): ExpectedField[] => {
      const f = obj.fields.find((x) => x.api === api);
      if (!f) throw new Error(`expectations: ${obj.api}.${api} missing`);
      const v = rec?.values[api];
      if (f.parts) {
        return f.parts.map((p) => ({
          ...base,
          label: p.label[lang],
          kind: f.kind,
          apiName: p.api,
          hardNegative: !!f.hardNegative,
          readOnly: false,
          // lightning-input-address renders the street as a textarea
          control: p.key === 'street' ? 'textarea' : 'input',
          value: partValue(v, p.key),
        }));
      }
      return [
        {
          ...base,
          label: f.label[lang],
          kind: f.kind,
          apiName: f.api,
          hardNegative: !!f.hardNegative,
          readOnly: !!f.readOnly || f.type === 'lookup',
          control: editControl(f),
          value: flatValue(v),
        },
      ];
    }),
  );
}

const SF_OUTREACH: readonly { action: OutreachAction; name: string; key: 'sendEmail' | 'logCall' | 'newEvent' }[] = [
  { action: 'call', name: 'LogACall', key: 'logCall' },
  { action: 'meeting', name: 'NewEvent', key: 'newEvent' },
  { action: 'email', name: 'SendEmail', key: 'sendEmail' },
];

function salesforceExpectation(url: string, u: URL): PageExpectation {
  const variant = salesforceVariantOfHost(u.hostname);
  if (!variant) throw new Error(`not a Salesforce demo host: ${u.hostname}`);
  const route = parseSalesforcePath(u.pathname);
  const { lang, shadow } = variant;
  if (!route.objectType || route.view === 'home' || route.view === 'not-found') throw new Error(`no field expectations for ${url}`);
  const obj = route.objectType === benchObject.api ? benchObject : sfObject(route.objectType);
  if (!obj) throw new Error(`unknown Salesforce object in ${url}`);
  const rec =
    route.recordId === null
      ? null
      : obj === benchObject
        ? benchRecord()
        : (SF_RECORDS.find((r) => r.id === route.recordId && r.objectType === obj.api) ?? null);
  if (route.recordId !== null && !rec) throw new Error(`no seeded record ${route.recordId} in ${url}`);
  const common = { url, crm: 'salesforce' as const, objectType: obj.api, recordId: route.recordId, lang, shadow };
  if (route.view === 'list') {
    const native = shadow === 'native';
    return {
      ...common,
      view: 'list',
      saveSelector: null,
      outreach: [],
      rows: obj.api === 'Contact' || obj.api === 'Lead' ? SF_LIST_SIZE + SF_RECORDS.filter((r) => r.objectType === obj.api).length : SF_RECORDS.filter((r) => r.objectType === obj.api).length,
      fields: obj.listColumns.map((api) => {
        const f = obj.fields.find((x) => x.api === api);
        if (!f) throw new Error(`expectations: list column ${api} missing`);
        return {
          label: f.label[lang],
          kind: f.kind,
          inShadowRoot: native,
          inClosedShadowRoot: false,
          apiName: api,
          hardNegative: !!f.hardNegative,
          readOnly: true,
          control: 'column',
          reveal: { kind: 'load' },
          value: '',
        };
      }),
    };
  }
  if (route.view === 'view') {
    if (!rec) throw new Error(`no record in ${url}`);
    return {
      ...common,
      view: 'view',
      fields: sfViewFields(obj, rec, lang, shadow),
      saveSelector: null,
      outreach: SF_OUTREACH.map((o) => ({
        action: o.action,
        label: SF_UI[o.key][lang],
        selector: `lightning-button[data-action="${o.name}"] button`,
      })),
    };
  }
  return {
    ...common,
    view: route.view,
    fields: sfEditFields(obj, route.view === 'edit' ? rec : null, lang, shadow),
    saveSelector: 'lightning-button[name="SaveEdit"] button',
    outreach: [],
  };
}

// ------------------------------------------------------------------ HubSpot

const HS_OUTREACH: readonly { action: OutreachAction; label: string }[] = [
  { action: 'email', label: 'Email' },
  { action: 'call', label: 'Call' },
  { action: 'meeting', label: 'Meeting' },
];

function hsRecordFields(obj: HsObjectType, rec: HsRecord): ExpectedField[] {
  const fields = obj.cards.flatMap((card) =>
    card.properties.map((name): ExpectedField => {
      const p = obj.properties.find((x) => x.name === name);
      if (!p) throw new Error(`expectations: ${obj.id}.${name} missing`);
      const reveal: ExpectedReveal =
        card.reveal === 'expand' ? { kind: 'expand', card: card.title } : card.reveal === 'delay' ? { kind: 'delay', ms: 500 } : { kind: 'load' };
      return {
        label: p.label,
        kind: p.kind,
        inShadowRoot: false,
        inClosedShadowRoot: false,
        apiName: p.name,
        hardNegative: !!p.hardNegative,
        readOnly: !!p.readOnly,
        control: p.readOnly ? 'output' : p.type === 'textarea' ? 'textarea' : p.type === 'select' ? 'select' : 'input',
        reveal,
        value: rec.values[name] ?? '',
      };
    }),
  );
  fields.push({
    label: 'Note',
    kind: null,
    inShadowRoot: false,
    inClosedShadowRoot: false,
    apiName: 'hs_note_body',
    hardNegative: false,
    readOnly: false,
    control: 'contenteditable',
    reveal: { kind: 'load' },
    value: '',
  });
  return fields;
}

function hubspotExpectation(url: string, u: URL): PageExpectation {
  const route = parseHubSpotPath(u.pathname);
  const obj = route.objectTypeId ? hsObject(route.objectTypeId) : undefined;
  if (!obj || (route.view !== 'record' && route.view !== 'list')) throw new Error(`no field expectations for ${url}`);
  const common = { url, crm: 'hubspot' as const, objectType: obj.id, recordId: route.recordId, lang: 'en' as const, shadow: null };
  if (route.view === 'list') {
    const seeded = HS_RECORDS.filter((r) => r.objectTypeId === obj.id).length;
    return {
      ...common,
      view: 'list',
      saveSelector: null,
      outreach: [],
      rows: seeded + (obj.id === '0-1' ? HS_LIST_SIZE : 0),
      fields: obj.listColumns.map((name) => {
        const p = obj.properties.find((x) => x.name === name);
        if (!p) throw new Error(`expectations: list column ${name} missing`);
        return {
          label: name === 'firstname' ? 'NAME' : p.label.toUpperCase(),
          kind: p.kind,
          inShadowRoot: false,
          inClosedShadowRoot: false,
          apiName: name,
          hardNegative: !!p.hardNegative,
          readOnly: true,
          control: 'column',
          reveal: { kind: 'load' },
          value: '',
        };
      }),
    };
  }
  const rec = HS_RECORDS.find((r) => r.id === route.recordId && r.objectTypeId === obj.id);
  if (!rec) throw new Error(`no seeded record in ${url}`);
  return {
    ...common,
    view: 'view',
    fields: hsRecordFields(obj, rec),
    saveSelector: '[data-selenium-test="inline-edit-save"]',
    outreach: HS_OUTREACH.map((o) => ({ ...o, selector: `[data-selenium-test="highlight-action-${o.action}"]` })),
  };
}

/** Ground truth for one demo URL; throws for URLs that are not a demo record, edit, new or list page. */
export function expectationsFor(url: string): PageExpectation {
  const u = new URL(url);
  if (salesforceVariantOfHost(u.hostname)) return salesforceExpectation(url, u);
  if (isHubSpotHost(u.hostname)) return hubspotExpectation(url, u);
  throw new Error(`not a demo CRM URL: ${url}`);
}

/** Every page in DEMO_URLS that has fields, with its ground truth. */
export function allDemoExpectations(): PageExpectation[] {
  const urls = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') urls.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(DEMO_URLS);
  return [...urls].filter((u) => !u.endsWith('/lightning/page/home')).map(expectationsFor);
}

/** Only the personal-data fields (kind set) of a page. */
export function personalFields(page: PageExpectation): ExpectedField[] {
  return page.fields.filter((f) => f.kind !== null);
}
