/**
 * Salesforce Lightning Experience. Record URLs are
 * `/lightning/r/<Object>/<Id>/view|edit`, lists and new-record pages
 * `/lightning/o/<Object>/list|new`. Record pages lay fields out as
 * `records-record-layout-item[field-label]` (the label as shown, localised)
 * wrapping `[data-target-selection-name="sfdc:RecordField.<Object>.<Field>"]`,
 * a read-only `lightning-formatted-*` output or, when editing, a
 * `lightning-input-field[field-name]` with `lightning-input` controls inside.
 * Aura-era pages use light-DOM `div.forceRecordLayoutItem[data-field-label]`.
 */
import { defineAdapter, type FieldCandidate, type FieldWalk } from './adapter';
import type { RecordContext, ViewKind } from '../messages/record';
import type { FieldDescriptor } from '../detect/field-descriptor';
import { cleanText, composedText, containsComposed, deepQuery, type ScanEnv } from '../scan/composed';
import { EDITABLE_SELECTOR, controlDescriptor, isReadOnlyControl, labelText, standardLabel } from './labels';
import { inAnyShadow } from './query';
import { tableColumns } from './tables';
import { findOutreach, findSave } from './controls';

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

const ITEM_TAG = 'records-record-layout-item';
const AURA_ITEM = '.forceRecordLayoutItem';
const ITEM = `${ITEM_TAG}, ${AURA_ITEM}`;
const INPUT_FIELD_TAG = 'lightning-input-field';
const INPUT_FIELD = `${INPUT_FIELD_TAG}[field-name]`;
const HIGHLIGHT = 'records-highlights-details-item';
const FIELD_SCOPE = `${ITEM}, ${INPUT_FIELD}, ${HIGHLIGHT}`;
const SELECTION_PREFIX = 'sfdc:RecordField.';
const HOOK_ATTR = 'data-target-selection-name';
const OUTPUT_ATTR = 'data-output-element-id';
const FIELD_VALUE = '.test-id__field-value';
const RECORD_LINK = 'a[href*="/lightning/r/"]';
/**
 * The formatted outputs of lightning-base-components, looked for only when an item
 * has neither a `data-output-element-id` output nor a `.test-id__field-value`
 * wrapper (CSS cannot select a tag prefix).
 */
const FORMATTED = ['address', 'date-time', 'email', 'location', 'lookup', 'name', 'number', 'phone', 'rich-text', 'text', 'time', 'url'].map((t) => `lightning-formatted-${t}`).join(',');
/**
 * Everything the walk hands to this adapter: field scopes, controls (a superset of
 * EDITABLE_SELECTOR, narrowed on the hit), tables, and the parts of a scope. Kept
 * short: every element of every searched tree is matched against each entry.
 */
const PART_SELECTOR = [
  'input, textarea, select, [contenteditable], button[role="combobox"]',
  INPUT_FIELD_TAG,
  'table',
  `[${OUTPUT_ATTR}]`,
  `[${HOOK_ATTR}^="${SELECTION_PREFIX}"]`,
  FIELD_VALUE,
  RECORD_LINK,
].join(',');
const SELECTOR = [ITEM, HIGHLIGHT, PART_SELECTOR].join(',');
/** Base components that render no field controls: their shadow trees are not searched for fields. */
const INERT = new Set(['lightning-icon', 'lightning-primitive-icon', 'lightning-button', 'lightning-button-icon', 'lightning-button-group', 'lightning-button-menu', 'lightning-helptext', 'lightning-spinner', 'lightning-badge', 'lightning-avatar']);
const isInert = (el: Element) => {
  const tag = el.localName;
  return INERT.has(tag) || tag.startsWith('lightning-formatted-');
};

function viewOf(action: string | undefined): ViewKind | null {
  if (action === 'view') return 'record';
  if (action === 'edit') return 'edit';
  return null;
}

/** Object API name from a rendered `sfdc:RecordField.<Object>.<Field>` hook, for short URLs. */
function objectFromPage(doc: Document): string | null {
  const hook = doc.querySelector(`[data-target-selection-name^="${SELECTION_PREFIX}"]`)?.getAttribute('data-target-selection-name') ?? '';
  const object = hook.split('.')[1];
  return object && OBJECT_API.test(object) ? object : null;
}

function salesforceContext(url: URL, doc: Document): RecordContext {
  const base = { crm: 'salesforce' as const, host: url.hostname };
  const other: RecordContext = { ...base, objectType: null, recordId: null, view: 'other' };
  const seg = url.pathname.split('/').filter(Boolean);
  if (seg[0] !== 'lightning') {
    // Classic-style deep links: /<Id> and /<Id>/e
    const id = seg[0];
    if (id && RECORD_ID.test(id) && seg.length <= 2 && (seg[1] === undefined || seg[1] === 'e')) {
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

type ScopeKind = 'item' | 'input' | 'highlight' | 'ignored';

/** What one layout item, input field or highlight holds, gathered while the walk passes through it. */
interface Scope {
  kind: ScopeKind;
  el: Element;
  apiName?: string;
  objectType?: string;
  inputField: Element | null;
  output: Element | null;
  formatted: Element | null;
  controls: Element[] | null;
  links: Element[] | null;
}

const CONTROL_TAGS = new Set(['input', 'textarea', 'select', 'button']);

function isControl(el: Element): boolean {
  return (CONTROL_TAGS.has(el.localName) || el.hasAttribute('contenteditable')) && el.matches(EDITABLE_SELECTOR);
}

/** `sfdc:RecordField.<Object>.<Field>`, read without splitting (once per item on a 2,000-field page). */
function readHook(scope: Scope, hook: string | null): void {
  if (scope.apiName || !hook?.startsWith(SELECTION_PREFIX)) return;
  const from = SELECTION_PREFIX.length;
  const dot = hook.indexOf('.', from);
  scope.objectType = hook.slice(from, dot < 0 ? undefined : dot);
  if (dot < 0) return;
  const end = hook.indexOf('.', dot + 1);
  scope.apiName = hook.slice(dot + 1, end < 0 ? undefined : end);
}

function openScope(kind: ScopeKind, el: Element): Scope {
  const scope: Scope = { kind, el, inputField: null, output: null, formatted: null, controls: null, links: null };
  readHook(scope, el.getAttribute(HOOK_ATTR));
  return scope;
}

/** Field scopes open here; controls outside any scope and tables are emitted at once. */
function enter(el: Element, out: FieldCandidate[], env: ScanEnv): Scope | null {
  const tag = el.localName;
  if (tag === ITEM_TAG) return openScope(el.hasAttribute('field-label') ? 'item' : 'ignored', el);
  if (tag === INPUT_FIELD_TAG) return el.hasAttribute('field-name') ? openScope('input', el) : null;
  if (tag === HIGHLIGHT) return openScope('highlight', el);
  if (tag === 'table') {
    out.push(...tableColumns(el, env, {}));
    return null;
  }
  if (isControl(el)) {
    // A control outside any record layout: a composer, a quick action, a custom component.
    const label = standardLabel(el, env);
    out.push({ element: el, scope: el, descriptor: controlDescriptor(el, label), label, displayedText: null, editable: !isReadOnlyControl(el), inShadowRoot: inAnyShadow(el) });
    return null;
  }
  // What is left: an Aura layout item, or a part (output, hook, value wrapper, link) met outside any item.
  if (!el.matches(AURA_ITEM)) return null;
  return openScope(el.hasAttribute('data-field-label') ? 'item' : 'ignored', el);
}

/** Sorts a selected element inside a scope by the cheapest test that tells it apart from the other selector entries. */
function part(scope: Scope, el: Element, out: FieldCandidate[], env: ScanEnv): void {
  const tag = el.localName;
  if (isControl(el)) {
    (scope.controls ??= []).push(el);
    return;
  }
  // The hook may sit on any element (an edit form's lightning-input-field carries it).
  const hook = el.getAttribute(HOOK_ATTR);
  if (hook !== null) readHook(scope, hook);
  if (el.hasAttribute(OUTPUT_ATTR)) scope.output ??= el;
  else if (tag === INPUT_FIELD_TAG) scope.inputField ??= el;
  else if (tag === 'a') (scope.links ??= []).push(el);
  else if (tag === 'table') out.push(...tableColumns(el, env, {}));
  else if (scope.formatted === null && hook === null && el.matches(FIELD_VALUE)) scope.formatted = el;
}

function controlCandidates(scope: Scope, controls: Element[], scopeLabel: string, apiName: string | undefined, out: FieldCandidate[], env: ScanEnv): void {
  for (const control of controls) {
    // A compound field (name, address) shows each part with its own label; a simple one repeats the item's.
    const label = standardLabel(control, env) || scopeLabel;
    const descriptor = controlDescriptor(control, label);
    if (apiName) descriptor.apiName = apiName;
    if (scope.objectType) descriptor.objectType = scope.objectType;
    const editable = !isReadOnlyControl(control);
    const shown = editable ? null : ((control as HTMLInputElement).value ?? null);
    out.push({ element: control, scope: scope.el, descriptor, label, displayedText: shown, editable, inShadowRoot: inAnyShadow(control) });
  }
}

/** Objects whose records are people: a lookup to one displays a person's name. */
const PERSON_OBJECTS = new Set(['Contact', 'Lead', 'User', 'Individual']);

/** Whether the value shows a link to a person's record (the links were met in the walk; formatted outputs' own shadow trees are not searched). */
function linksToPerson(value: Element, links: Element[] | null): boolean {
  const link = links?.find((a) => a.matches(RECORD_LINK) && containsComposed(value, a));
  const object = link?.getAttribute('href')?.split('/lightning/r/')[1]?.split('/')[0] ?? '';
  return PERSON_OBJECTS.has(object) || (RECORD_ID.test(object) && ['003', '00Q', '005'].includes(object.slice(0, 3)));
}

const SCOPE_TEXT_NOISE = '.test-id__field-label-container, button, .slds-assistive-text';
const notValueText = (el: Element) => el.matches(SCOPE_TEXT_NOISE);

function outputCandidate(scope: Scope, label: string, apiName: string | undefined, env: ScanEnv): FieldCandidate {
  const value = scope.output ?? scope.formatted ?? deepQuery(scope.el, FORMATTED, env);
  const descriptor: FieldDescriptor = { label, type: 'output' };
  if (apiName) descriptor.apiName = apiName;
  if (scope.objectType) descriptor.objectType = scope.objectType;
  return {
    element: value ?? scope.el,
    scope: scope.el,
    descriptor,
    label,
    displayedText: value ? composedText(value, env) : composedText(scope.el, env, 4000, notValueText),
    editable: false,
    inShadowRoot: inAnyShadow(value ?? scope.el),
    personLink: value ? linksToPerson(value, scope.links) : false,
  };
}

function finish(scope: Scope, out: FieldCandidate[], env: ScanEnv): void {
  const el = scope.el;
  if (scope.kind === 'item') {
    const label = cleanText(el.getAttribute('field-label') ?? el.getAttribute('data-field-label'));
    const apiName = scope.apiName ?? el.getAttribute('field-api') ?? scope.inputField?.getAttribute('field-name') ?? undefined;
    scope.objectType ??= el.getAttribute('object-api') ?? undefined;
    if (scope.controls) controlCandidates(scope, scope.controls, label, apiName, out, env);
    else out.push(outputCandidate(scope, label, apiName, env));
  } else if (scope.kind === 'input') {
    if (scope.controls) controlCandidates(scope, scope.controls, '', scope.apiName ?? el.getAttribute('field-name') ?? undefined, out, env);
  } else if (scope.kind === 'highlight') {
    const title = el.querySelector('.slds-text-title, [title]');
    const label = cleanText(title?.getAttribute('title')) || (title ? labelText(title, env) : '');
    if (label) out.push(outputCandidate(scope, label, undefined, env));
  }
  // 'ignored': a layout item without a label shows nothing a rep could name; its controls are not reported loose either.
}

const salesforceWalk: FieldWalk<Scope> = { selector: SELECTOR, partSelector: PART_SELECTOR, enter, part, finish, inertHost: isInert };

export const salesforce = defineAdapter({
  id: 'salesforce',
  fieldScope: FIELD_SCOPE,
  matches: (url) => url.protocol === 'https:' && HOST_SUFFIXES.some((s) => url.hostname.endsWith(s)),
  context: salesforceContext,
  walk: salesforceWalk,
  saveControls: (root) =>
    findSave(root, [
      'button[name="SaveEdit"]',
      'lightning-button[name="SaveEdit"] button',
      'button[name="SaveAndNew"]',
      'lightning-button[name="SaveAndNew"] button',
      'records-record-edit-form button[type="submit"]',
      '.slds-docked-form-footer button.slds-button_brand',
    ]),
  outreachControls: (root) =>
    findOutreach(root, [
      ['[apiname="SendEmail"], [data-action="SendEmail"], [data-target-selection-name$=".SendEmail"], button[name="SendEmail"], button[name="Global.SendEmail"]', 'email'],
      ['[apiname="LogACall"], [data-action="LogACall"], button[name="LogACall"], button[name="Global.LogACall"], lightning-click-to-dial', 'phone'],
      ['[apiname="NewEvent"], [data-action="NewEvent"], button[name="NewEvent"], button[name="Global.NewEvent"]', 'meeting'],
    ]),
  currentUser: (doc) => cleanText(doc.querySelector('.profile-card-name .profile-link-label, .oneUserProfileCard .profile-card-name')?.textContent) || null,
});
