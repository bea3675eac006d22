/**
 * HubSpot CRM. Every record lives under
 * `/contacts/<portalId>/record/<objectTypeId>/<recordId>` (0-1 contact, 0-2
 * company, 0-3 deal, 0-5 ticket, 2-N custom objects) on app.hubspot.com and the
 * regional app-<region>.hubspot.com hosts. Class names are generated, so only
 * the published test hooks are read: `data-selenium-test` / `data-test-id`
 * `property-input-<internalName>` around each property and `property-label`.
 */
import { defineAdapter, type FieldCandidate, type FieldWalk } from './adapter';
import type { RecordContext } from '../messages/record';
import { cleanText, composedText, type ScanEnv } from '../scan/composed';
import { EDITABLE_SELECTOR, controlDescriptor, isReadOnlyControl, labelText, standardLabel } from './labels';
import { inAnyShadow } from './query';
import { tableColumns } from './tables';
import { findOutreach, findSave } from './controls';

const HOST = /^app(?:-[a-z0-9]{1,20})?\.hubspot\.com$/;
const OBJECT_TYPE_ID = /^\d{1,4}-\d{1,12}$/;
const NUMERIC_ID = /^\d{1,20}$/;

/** Pre-2021 object paths that still redirect to the unified record URL. */
const LEGACY_OBJECTS: Readonly<Record<string, string>> = { contact: '0-1', company: '0-2', deal: '0-3', ticket: '0-5' };
const LEGACY_LISTS: Readonly<Record<string, string>> = { contacts: '0-1', companies: '0-2', deals: '0-3', tickets: '0-5' };

const PROPERTY = '[data-selenium-test^="property-input-"], [data-test-id^="property-input-"]';
const LABEL = '[data-selenium-test="property-label"], [data-test-id="property-label"]';
const VALUE = '[data-selenium-test="property-value"], [data-test-id="property-value"]';

function hubspotContext(url: URL): RecordContext {
  const base = { crm: 'hubspot' as const, host: url.hostname };
  const other: RecordContext = { ...base, objectType: null, recordId: null, view: 'other' };
  const seg = url.pathname.split('/').filter(Boolean);
  if (seg[0] !== 'contacts' || !seg[1] || !NUMERIC_ID.test(seg[1])) return other;
  const [, , area, a, b] = seg;
  if (area === 'record' && a && OBJECT_TYPE_ID.test(a)) {
    if (b && NUMERIC_ID.test(b)) return { ...base, objectType: a, recordId: b, view: 'record' };
    if (b === 'new' || url.searchParams.has('create')) return { ...base, objectType: a, recordId: null, view: 'new' };
    return other;
  }
  if (area === 'objects' && a && OBJECT_TYPE_ID.test(a)) {
    // /objects/0-1/views/all/list, /objects/0-3/views/all/board
    return { ...base, objectType: a, recordId: null, view: b === 'views' ? 'list' : 'other' };
  }
  if (area && LEGACY_OBJECTS[area] && a && NUMERIC_ID.test(a)) return { ...base, objectType: LEGACY_OBJECTS[area], recordId: a, view: 'record' };
  if (area && LEGACY_LISTS[area] && (a === 'list' || a === 'views' || a === undefined)) return { ...base, objectType: LEGACY_LISTS[area], recordId: null, view: 'list' };
  return other;
}

function internalName(el: Element): string | undefined {
  const hook = el.getAttribute('data-selenium-test') ?? el.getAttribute('data-test-id') ?? '';
  return hook.startsWith('property-input-') ? hook.slice('property-input-'.length) || undefined : undefined;
}

/** The property's label: its own hook, a <label>, or the nearest label hook above that belongs to this property alone. */
function propertyLabel(scope: Element, env: ScanEnv): string {
  const own = scope.querySelector(LABEL) ?? scope.querySelector('label');
  if (own) return labelText(own, env);
  let cur = scope.parentElement;
  for (let depth = 0; cur && depth < 3; depth++, cur = cur.parentElement) {
    if (cur.querySelectorAll(PROPERTY).length > 1) break;
    const label = cur.querySelector(LABEL);
    if (label) return labelText(label, env);
  }
  return '';
}

const PROPERTY_ROW = '[data-selenium-test="property-row"]';
const CONTROL_TAGS = new Set(['input', 'textarea', 'select', 'button']);
/** Property hooks, controls (a superset of EDITABLE_SELECTOR, narrowed on the hit), values and tables. */
const SELECTOR = [PROPERTY, 'input, textarea, select, [contenteditable], button[role="combobox"]', VALUE, 'table'].join(',');

function isControl(el: Element): boolean {
  return (CONTROL_TAGS.has(el.localName) || el.hasAttribute('contenteditable')) && el.matches(EDITABLE_SELECTOR);
}

/** One property row, gathered while the walk passes through it. */
interface Property {
  el: Element;
  apiName: string | undefined;
  controls: Element[];
  value: Element | null;
}

function controlCandidate(control: Element, scope: Element, label: string, apiName: string | undefined): FieldCandidate {
  const descriptor = controlDescriptor(control, label);
  if (apiName) descriptor.apiName = apiName;
  const editable = !isReadOnlyControl(control);
  return { element: control, scope, descriptor, label, displayedText: editable ? null : ((control as HTMLInputElement).value ?? null), editable, inShadowRoot: inAnyShadow(control) };
}

function enter(el: Element, out: FieldCandidate[], env: ScanEnv): Property | null {
  const control = isControl(el);
  if (el.matches(PROPERTY)) {
    if (!control) return { el, apiName: internalName(el), controls: [], value: null };
    // The hook sits on the input itself in some inline editors: the row around it is the scope.
    const scope = el.parentElement ?? el;
    out.push(controlCandidate(el, scope, propertyLabel(scope, env) || standardLabel(el, env), internalName(el)));
    return null;
  }
  if (control) {
    if (!el.closest(PROPERTY_ROW)) out.push(controlCandidate(el, el, standardLabel(el, env), undefined));
    return null;
  }
  if (el.localName === 'table') out.push(...tableColumns(el, env, {}));
  return null;
}

function part(property: Property, el: Element, out: FieldCandidate[], env: ScanEnv): void {
  if (isControl(el)) property.controls.push(el);
  else if (el.localName === 'table') out.push(...tableColumns(el, env, {}));
  else if (el.matches(VALUE)) property.value ??= el;
}

function finish(property: Property, out: FieldCandidate[], env: ScanEnv): void {
  const scope = property.el;
  const scopeLabel = propertyLabel(scope, env);
  if (property.controls.length > 0) {
    for (const control of property.controls) out.push(controlCandidate(control, scope, scopeLabel || standardLabel(control, env), property.apiName));
    return;
  }
  const value = property.value;
  const displayedText = value ? composedText(value, env) : composedText(scope, env, 4000, notValueText);
  out.push({
    element: value ?? scope,
    scope,
    descriptor: { label: scopeLabel, type: 'output', ...(property.apiName ? { apiName: property.apiName } : {}) },
    label: scopeLabel,
    displayedText,
    editable: false,
    inShadowRoot: inAnyShadow(value ?? scope),
  });
}

const VALUE_NOISE = `${LABEL}, label, button`;
const notValueText = (el: Element) => el.matches(VALUE_NOISE);

const hubspotWalk: FieldWalk<Property> = { selector: SELECTOR, enter, part, finish };

export const hubspot = defineAdapter({
  id: 'hubspot',
  fieldScope: PROPERTY,
  matches: (url) => url.protocol === 'https:' && HOST.test(url.hostname),
  context: (url) => hubspotContext(url),
  walk: hubspotWalk,
  saveControls: (root) =>
    findSave(root, ['[data-selenium-test="inline-edit-save"]', '[data-test-id="inline-edit-save"]', '[data-selenium-test="base-dialog-confirm-btn"]', '[data-selenium-test="create-record-submit"]']),
  outreachControls: (root) =>
    findOutreach(root, [
      ['[data-selenium-test="highlight-action-email"], [data-selenium-test="record-action-email"], [data-test-id="record-action-email"]', 'email'],
      ['[data-selenium-test="highlight-action-call"], [data-selenium-test="record-action-call"], [data-test-id="record-action-call"]', 'phone'],
      ['[data-selenium-test="highlight-action-meeting"], [data-selenium-test="record-action-meeting"], [data-test-id="record-action-meeting"]', 'meeting'],
    ]),
  currentUser: (doc) =>
    cleanText(doc.querySelector('[data-test-id="account-menu-name"], [data-selenium-test="account-menu-name"], .navAccount-accountName')?.textContent) || null,
});
