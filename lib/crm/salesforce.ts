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
import { defineAdapter, type FieldCandidate, type ScanRoot } from './adapter';
import type { RecordContext, ViewKind } from '../messages/record';
import type { FieldDescriptor } from '../detect/field-descriptor';
import { OPEN_ONLY, cleanText, closestComposed, composedText, deepQuery, type ScanEnv } from '../scan/composed';
import { EDITABLE_SELECTOR, controlDescriptor, isReadOnlyControl, labelText, standardLabel } from './labels';
import { inAnyShadow, queryOwn } from './query';
import { collectTableColumns } from './tables';
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

const ITEM = 'records-record-layout-item, .forceRecordLayoutItem';
const ITEM_LABELLED = 'records-record-layout-item[field-label], .forceRecordLayoutItem[data-field-label]';
const INPUT_FIELD = 'lightning-input-field[field-name]';
const HIGHLIGHT = 'records-highlights-details-item';
const FIELD_SCOPE = `${ITEM}, ${INPUT_FIELD}, ${HIGHLIGHT}`;
const SELECTION_PREFIX = 'sfdc:RecordField.';
const HOOK = `[data-target-selection-name^="${SELECTION_PREFIX}"]`;
/** One query per root finds everything this adapter reads there. */
const ROOT_SELECTOR = [ITEM_LABELLED, INPUT_FIELD, HIGHLIGHT, EDITABLE_SELECTOR, 'table'].join(',');
/** Everything `scopeParts` records except `lightning-formatted-*`, whose tag prefix no selector expresses. */
const SCOPE_PARTS = [EDITABLE_SELECTOR, '[data-output-element-id]', 'lightning-input-field', '.test-id__field-value'].join(',');
const CONTROL_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);
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

/** What one layout item or input field holds, from a single walk of its composed subtree. */
interface ScopeParts {
  apiName?: string;
  objectType?: string;
  inputField: Element | null;
  output: Element | null;
  formatted: Element | null;
  controls: Element[];
}

function isControl(el: Element): boolean {
  return (CONTROL_TAGS.has(el.tagName) || el.hasAttribute('contenteditable')) && el.matches(EDITABLE_SELECTOR);
}

function scopeParts(scope: Element, env: ScanEnv): ScopeParts {
  const parts: ScopeParts = { inputField: null, output: null, formatted: null, controls: [] };
  const readHook = (el: Element) => {
    const hook = el.getAttribute('data-target-selection-name');
    if (!hook?.startsWith(SELECTION_PREFIX) || parts.apiName) return;
    const [, objectType, apiName] = hook.split('.');
    parts.objectType = objectType;
    parts.apiName = apiName;
  };
  readHook(scope);
  // One walk of the composed subtree. Output elements and inert components (icons, buttons,
  // lightning-formatted-* internals) hold neither controls nor hooks, so their shadow trees are not entered.
  const visit = (tree: ParentNode) => {
    if (!parts.apiName) {
      const hook = tree.querySelector(HOOK);
      if (hook) readHook(hook);
    }
    // One native query picks out the few elements the checks below can match, so the
    // per-element loop (there for shadow hosts) only pays a set lookup for the rest.
    const found = tree.querySelectorAll(SCOPE_PARTS);
    const hits = found.length > 0 ? new Set(found) : null;
    const all = tree.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      const tag = el.localName;
      if (hits?.has(el)) {
        if (isControl(el)) parts.controls.push(el);
        else if (el.hasAttribute('data-output-element-id')) {
          parts.output ??= el;
          continue;
        } else if (!parts.inputField && tag === 'lightning-input-field') parts.inputField = el;
        else if (!parts.formatted && (tag.startsWith('lightning-formatted-') || el.classList.contains('test-id__field-value'))) parts.formatted = el;
      } else if (!parts.formatted && tag.startsWith('lightning-formatted-')) parts.formatted = el;
      if (INERT.has(tag) || tag.startsWith('lightning-formatted-')) continue;
      const shadow = env.shadowOf(el);
      if (shadow) visit(shadow);
    }
  };
  const own = env.shadowOf(scope);
  if (own) visit(own);
  visit(scope);
  return parts;
}

function controlCandidates(scope: Element, scopeLabel: string, parts: ScopeParts, apiName: string | undefined, env: ScanEnv): FieldCandidate[] {
  return parts.controls.map((control) => {
    // A compound field (name, address) shows each part with its own label; a simple one repeats the item's.
    const label = standardLabel(control, env) || scopeLabel;
    const descriptor = controlDescriptor(control, label);
    if (apiName) descriptor.apiName = apiName;
    if (parts.objectType) descriptor.objectType = parts.objectType;
    const editable = !isReadOnlyControl(control);
    const shown = editable ? null : ((control as HTMLInputElement).value ?? null);
    return { element: control, scope, descriptor, label, displayedText: shown, editable, inShadowRoot: inAnyShadow(control) };
  });
}

/** Objects whose records are people: a lookup to one displays a person's name. */
const PERSON_OBJECTS = new Set(['Contact', 'Lead', 'User', 'Individual']);
const RECORD_LINK = 'a[href*="/lightning/r/"]';

/** Components that render a record link inside their own shadow tree; other outputs keep links in light DOM. */
const LINK_COMPONENTS = new Set(['force-lookup', 'records-hoverable-link', 'force-hoverable-link']);

function linksToPerson(value: Element, env: ScanEnv): boolean {
  const link = value.matches(RECORD_LINK) ? value : (value.querySelector(RECORD_LINK) ?? (LINK_COMPONENTS.has(value.localName) ? deepQuery(value, RECORD_LINK, env) : null));
  const object = link?.getAttribute('href')?.split('/lightning/r/')[1]?.split('/')[0] ?? '';
  return PERSON_OBJECTS.has(object) || (RECORD_ID.test(object) && ['003', '00Q', '005'].includes(object.slice(0, 3)));
}

function outputCandidate(scope: Element, label: string, parts: ScopeParts, apiName: string | undefined, env: ScanEnv): FieldCandidate {
  const value = parts.output ?? parts.formatted;
  const descriptor: FieldDescriptor = { label, type: 'output' };
  if (apiName) descriptor.apiName = apiName;
  if (parts.objectType) descriptor.objectType = parts.objectType;
  return {
    element: value ?? scope,
    scope,
    descriptor,
    label,
    displayedText: value ? composedText(value, env) : composedText(scope, env, 4000, (el) => el.matches('.test-id__field-label-container, button, .slds-assistive-text')),
    editable: false,
    inShadowRoot: inAnyShadow(value ?? scope),
    personLink: value ? linksToPerson(value, env) : false,
  };
}

function* collectSalesforceFields(root: ScanRoot, env: ScanEnv = OPEN_ONLY): Generator<FieldCandidate> {
  let tables = false;
  for (const el of queryOwn(root, ROOT_SELECTOR)) {
    if (el.tagName === 'TABLE') {
      tables = true;
    } else if (el.matches(ITEM_LABELLED)) {
      const label = cleanText(el.getAttribute('field-label') ?? el.getAttribute('data-field-label'));
      const parts = scopeParts(el, env);
      const apiName = parts.apiName ?? el.getAttribute('field-api') ?? parts.inputField?.getAttribute('field-name') ?? undefined;
      parts.objectType ??= el.getAttribute('object-api') ?? undefined;
      yield* (parts.controls.length > 0 ? controlCandidates(el, label, parts, apiName, env) : [outputCandidate(el, label, parts, apiName, env)]);
    } else if (el.matches(INPUT_FIELD)) {
      if (composedParentMatches(el, ITEM)) continue;
      const parts = scopeParts(el, env);
      yield* controlCandidates(el, '', parts, parts.apiName ?? el.getAttribute('field-name') ?? undefined, env);
    } else if (el.matches(HIGHLIGHT)) {
      const title = el.querySelector('.slds-text-title, [title]');
      const label = cleanText(title?.getAttribute('title')) || (title ? labelText(title, env) : '');
      if (label) yield outputCandidate(el, label, scopeParts(el, env), undefined, env);
    } else if (!closestComposed(el, FIELD_SCOPE)) {
      // A control outside any record layout: a composer, a quick action, a custom component.
      const label = standardLabel(el, env);
      yield { element: el, scope: el, descriptor: controlDescriptor(el, label), label, displayedText: null, editable: !isReadOnlyControl(el), inShadowRoot: inAnyShadow(el) };
    }
  }
  if (tables) yield* collectTableColumns(root, env, {});
}

/** Whether an ancestor of `el` (across shadow boundaries, `el` itself excluded) matches. */
function composedParentMatches(el: Element, selector: string): boolean {
  const parent = el.parentElement ?? (el.parentNode && 'host' in el.parentNode ? (el.parentNode as ShadowRoot).host : null);
  return parent ? closestComposed(parent, selector) !== null : false;
}

export const salesforce = defineAdapter({
  id: 'salesforce',
  fieldScope: FIELD_SCOPE,
  inertHost: isInert,
  matches: (url) => url.protocol === 'https:' && HOST_SUFFIXES.some((s) => url.hostname.endsWith(s)),
  context: salesforceContext,
  iterateFields: collectSalesforceFields,
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
