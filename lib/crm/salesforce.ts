/**
 * Salesforce Lightning Experience. Record URLs are
 * `/lightning/r/<Object>/<Id>/view|edit`, lists and new-record pages
 * `/lightning/o/<Object>/list|new`. Record pages lay fields out as
 * `records-record-layout-item[field-label]` (the label as shown, localised)
 * wrapping `[data-target-selection-name="sfdc:RecordField.<Object>.<Field>"]`,
 * a read-only `lightning-formatted-*` output or, when editing, a
 * `lightning-input-field[field-name]` with `lightning-input` controls inside.
 */
import type { CrmAdapter, FieldCandidate, ScanRoot } from './adapter';
import type { RecordContext, ViewKind } from '../messages/record';
import { OPEN_ONLY, cleanText, closestComposed, composedText, deepQuery, type ScanEnv } from '../scan/composed';
import { EDITABLE_SELECTOR, controlDescriptor, isReadOnlyControl, labelText, langOf, standardLabel } from './labels';
import { inAnyShadow, queryOwn } from './query';
import { collectTableColumns } from './tables';
import { findOutreach, findSave } from './controls';
import { deepQueryAll } from './deep';

const HOST_SUFFIXES = ['.lightning.force.com', '.my.salesforce.com'];
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const OBJECT_API = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** Key prefixes of the standard objects, for short `/lightning/r/<Id>/view` links. */
const KEY_PREFIXES: Readonly<Record<string, string>> = {
  '001': 'Account',
  '003': 'Contact',
  '005': 'User',
  '006': 'Opportunity',
  '00Q': 'Lead',
  '500': 'Case',
  '00T': 'Task',
  '00U': 'Event',
  '701': 'Campaign',
  '800': 'Contract',
};

/** LWC layout items, and the Aura-era light-DOM items (`div.forceRecordLayoutItem[data-field-label]`) still on many pages. */
const ITEM = 'records-record-layout-item, .forceRecordLayoutItem';
const ITEM_LABELLED = 'records-record-layout-item[field-label], .forceRecordLayoutItem[data-field-label]';
const INPUT_FIELD = 'lightning-input-field[field-name]';
const HIGHLIGHT = 'records-highlights-details-item';
const FIELD_SCOPE = `${ITEM}, ${INPUT_FIELD}, ${HIGHLIGHT}`;
const OUTPUT = '[data-output-element-id="output-field"]';
const FORMATTED =
  'lightning-formatted-text, lightning-formatted-email, lightning-formatted-phone, lightning-formatted-name, lightning-formatted-address, lightning-formatted-date-time, lightning-formatted-rich-text, lightning-formatted-url, lightning-formatted-number, lightning-formatted-location, .test-id__field-value';
const SELECTION_NAME = '[data-target-selection-name^="sfdc:RecordField."]';

function viewOf(action: string | undefined): ViewKind | null {
  if (action === 'view') return 'record';
  if (action === 'edit') return 'edit';
  return null;
}

/** Object API name from a rendered `sfdc:RecordField.<Object>.<Field>` hook, for short URLs. */
function objectFromPage(doc: Document): string | null {
  const hook = doc.querySelector(SELECTION_NAME)?.getAttribute('data-target-selection-name') ?? '';
  const object = hook.split('.')[1];
  return object && OBJECT_API.test(object) ? object : null;
}

function salesforceContext(url: URL, doc: Document): RecordContext {
  const base = { crm: 'salesforce' as const, host: url.hostname };
  const other: RecordContext = { ...base, objectType: null, recordId: null, view: 'other' };
  const seg = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (seg[0] !== 'lightning') {
    // Classic-style deep links: /<Id> and /<Id>/e
    const id = seg[0];
    if (id && RECORD_ID.test(id) && seg.length <= 2) {
      return { ...base, objectType: KEY_PREFIXES[id.slice(0, 3)] ?? null, recordId: id, view: seg[1] === 'e' ? 'edit' : 'record' };
    }
    return other;
  }
  const [, area, a, b, c, d] = seg;
  if (area === 'r') {
    if (a && b && OBJECT_API.test(a) && RECORD_ID.test(b)) {
      // /lightning/r/<Object>/<Id>/related/<List>/view is the record's related list: same record, not a new view kind.
      const view = viewOf(c) ?? (c === 'related' && d ? 'other' : null);
      if (view) return { ...base, objectType: a, recordId: b, view };
    }
    if (a && RECORD_ID.test(a)) {
      const view = viewOf(b);
      if (view) return { ...base, objectType: KEY_PREFIXES[a.slice(0, 3)] ?? objectFromPage(doc), recordId: a, view };
    }
    return other;
  }
  if (area === 'o' && a && OBJECT_API.test(a)) {
    if (b === 'list' || b === 'home') return { ...base, objectType: a, recordId: null, view: 'list' };
    if (b === 'new') return { ...base, objectType: a, recordId: null, view: 'new' };
  }
  return other;
}

/** `sfdc:RecordField.Contact.Email` → { objectType: 'Contact', apiName: 'Email' } */
function selectionName(scope: Element, env: ScanEnv): { objectType?: string; apiName?: string } {
  const hook = (scope.matches(SELECTION_NAME) ? scope : deepQuery(scope, SELECTION_NAME, env))?.getAttribute('data-target-selection-name');
  const parts = hook?.split('.') ?? [];
  return { objectType: parts[1], apiName: parts[2] };
}

function controlCandidates(scope: Element, scopeLabel: string, apiName: string | undefined, objectType: string | undefined, env: ScanEnv): FieldCandidate[] {
  const out: FieldCandidate[] = [];
  for (const control of deepQueryAll(scope, EDITABLE_SELECTOR, env)) {
    // A compound field (name, address) shows each part with its own label; a simple one repeats the item's.
    const label = standardLabel(control, env) || scopeLabel;
    const descriptor = controlDescriptor(control, label);
    if (apiName) descriptor.apiName = apiName;
    if (objectType) descriptor.objectType = objectType;
    const lang = langOf(control);
    if (lang) descriptor.lang = lang;
    const editable = !isReadOnlyControl(control);
    out.push({ element: control, scope, descriptor, label, displayedText: editable ? null : (control as HTMLInputElement).value ?? null, editable, inShadowRoot: inAnyShadow(control) });
  }
  return out;
}

function outputCandidate(scope: Element, label: string, apiName: string | undefined, objectType: string | undefined, env: ScanEnv): FieldCandidate {
  const value = deepQuery(scope, OUTPUT, env) ?? deepQuery(scope, FORMATTED, env) ?? scope;
  const descriptor = { label, type: 'output', ...(apiName ? { apiName } : {}), ...(objectType ? { objectType } : {}) } as FieldCandidate['descriptor'];
  const lang = langOf(scope);
  if (lang) descriptor.lang = lang;
  return {
    element: value,
    scope,
    descriptor,
    label,
    displayedText: value === scope ? composedText(scope, env, 4000, (el) => el.matches('.test-id__field-label-container, button, .slds-assistive-text')) : composedText(value, env),
    editable: false,
    inShadowRoot: inAnyShadow(value),
  };
}

function collectSalesforceFields(root: ScanRoot, env: ScanEnv = OPEN_ONLY): FieldCandidate[] {
  const out: FieldCandidate[] = [];
  for (const item of queryOwn(root, ITEM_LABELLED)) {
    const label = cleanText(item.getAttribute('field-label') ?? item.getAttribute('data-field-label'));
    const hook = selectionName(item, env);
    const inputField = deepQuery(item, INPUT_FIELD, env);
    const api = hook.apiName ?? item.getAttribute('field-api') ?? inputField?.getAttribute('field-name') ?? undefined;
    const objectType = hook.objectType ?? item.getAttribute('object-api') ?? undefined;
    const controls = controlCandidates(item, label, api, objectType, env);
    out.push(...(controls.length > 0 ? controls : [outputCandidate(item, label, api, objectType, env)]));
  }
  for (const field of queryOwn(root, INPUT_FIELD)) {
    if (closestComposed(field, ITEM)) continue;
    const apiName = field.getAttribute('field-name') ?? undefined;
    out.push(...controlCandidates(field, '', apiName, undefined, env));
  }
  for (const item of queryOwn(root, HIGHLIGHT)) {
    const title = item.querySelector('.slds-text-title, [title]');
    const label = cleanText(title?.getAttribute('title')) || (title ? labelText(title, env) : '');
    if (label) out.push(outputCandidate(item, label, undefined, undefined, env));
  }
  for (const control of queryOwn(root, EDITABLE_SELECTOR)) {
    if (closestComposed(control, FIELD_SCOPE)) continue;
    const label = standardLabel(control, env);
    const descriptor = controlDescriptor(control, label);
    const lang = langOf(control);
    if (lang) descriptor.lang = lang;
    out.push({ element: control, scope: control, descriptor, label, displayedText: null, editable: !isReadOnlyControl(control), inShadowRoot: inAnyShadow(control) });
  }
  out.push(...collectTableColumns(root, env, {}));
  return out;
}

export const salesforce: CrmAdapter = {
  id: 'salesforce',
  fieldScope: FIELD_SCOPE,
  matches: (url) => url.protocol === 'https:' && HOST_SUFFIXES.some((s) => url.hostname.endsWith(s)),
  context: salesforceContext,
  collectFields: collectSalesforceFields,
  saveControls: (root) =>
    findSave(root, ['button[name="SaveEdit"]', 'button[name="SaveAndNew"]', 'records-record-edit-form button[type="submit"]', '.slds-docked-form-footer button.slds-button_brand']),
  outreachControls: (root) =>
    findOutreach(root, [
      ['[apiname="SendEmail"], [data-target-selection-name$=".SendEmail"], button[name="SendEmail"], button[name="Global.SendEmail"]', 'email'],
      ['[apiname="LogACall"], button[name="LogACall"], button[name="Global.LogACall"], lightning-click-to-dial', 'phone'],
      ['[apiname="NewEvent"], button[name="NewEvent"], button[name="Global.NewEvent"]', 'meeting'],
    ]),
  currentUser: (doc) => cleanText(doc.querySelector('.profile-card-name .profile-link-label, .oneUserProfileCard .profile-card-name')?.textContent) || null,
};
