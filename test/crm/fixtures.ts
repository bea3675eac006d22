/**
 * Markup reproducing the published structures of each CRM, for happy-dom tests.
 * Same semantic record everywhere (FIELDS), so one behaviour table runs against
 * every adapter. Shadow modes: 'none' (flat, as LWC synthetic shadow looks from
 * a content script), 'open', 'closed' (opened through the injected opener).
 */
import { Window } from 'happy-dom';
import type { ScanEnv } from '../../lib/scan/composed';

export type ShadowMode = 'none' | 'open' | 'closed';

export interface FixtureField {
  label: string;
  api: string;
  type: 'text' | 'email' | 'tel' | 'date' | 'textarea';
  value: string;
}

export const FIELDS: readonly FixtureField[] = [
  { label: 'Email', api: 'Email', type: 'email', value: 'anna.schulz@example.com' },
  { label: 'Mobile', api: 'MobilePhone', type: 'tel', value: '+49 170 1234567' },
  { label: 'Birthdate', api: 'Birthdate', type: 'date', value: '1980-04-12' },
  { label: 'Notes', api: 'Notes__c', type: 'textarea', value: 'Refund to IBAN DE89 3704 0044 0532 0130 00 please' },
  { label: 'Industry', api: 'Industry', type: 'text', value: 'Retail' },
];

export const GERMAN_LABELS: Readonly<Record<string, string>> = {
  Email: 'E-Mail',
  Mobile: 'Mobiltelefon',
  Birthdate: 'Geburtsdatum',
  Notes: 'Notizen',
  Industry: 'Branche',
};

/** Keeps closed roots reachable the way browser.dom.openOrClosedShadowRoot does. */
export class ShadowKeeper {
  private readonly closed = new WeakMap<Element, ShadowRoot>();
  attach(host: Element, mode: ShadowMode): ShadowRoot | null {
    if (mode === 'none') return null;
    const root = host.attachShadow({ mode: mode === 'closed' ? 'closed' : 'open' });
    if (mode === 'closed') this.closed.set(host, root);
    return root;
  }
  readonly env: ScanEnv = { shadowOf: (el) => el.shadowRoot ?? this.closed.get(el) ?? null };
}

export function page(url: string, lang = 'en') {
  const window = new Window({ url });
  const document = window.document as unknown as Document;
  document.documentElement.setAttribute('lang', lang);
  return { window, document };
}

function html(doc: Document, tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const child of children) el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  return el;
}

/** A host element whose content lives in a shadow root of the given mode (or inline when 'none'). */
function component(doc: Document, keeper: ShadowKeeper, tag: string, mode: ShadowMode, attrs: Record<string, string>, ...content: (Node | string)[]): HTMLElement {
  const host = html(doc, tag, attrs);
  const root = keeper.attach(host, mode);
  for (const c of content) (root ?? host).append(typeof c === 'string' ? doc.createTextNode(c) : c);
  return host;
}

let uid = 0;

/** Salesforce record view: records-record-layout-item[field-label] with a slotted lightning-formatted-* output. */
export function salesforceView(doc: Document, keeper: ShadowKeeper, mode: ShadowMode, labels: (f: FixtureField) => string = (f) => f.label): HTMLElement {
  const section = html(doc, 'div', { class: 'slds-form', role: 'list' });
  for (const f of FIELDS) {
    const label = labels(f);
    const outputTag = f.type === 'email' ? 'lightning-formatted-email' : f.type === 'tel' ? 'lightning-formatted-phone' : 'lightning-formatted-text';
    const inner = f.type === 'email' ? html(doc, 'a', { href: `mailto:${f.value}` }, f.value) : f.type === 'tel' ? html(doc, 'a', { href: `tel:${f.value}` }, f.value) : f.value;
    const output = component(doc, keeper, outputTag, mode, { slot: 'outputField', 'data-output-element-id': 'output-field' }, inner);
    const itemContent = html(
      doc,
      'div',
      { class: 'slds-form-element slds-form-element_readonly', 'data-target-selection-name': `sfdc:RecordField.Contact.${f.api}` },
      html(doc, 'div', { class: 'test-id__field-label-container slds-form-element__label' }, html(doc, 'span', { class: 'test-id__field-label' }, label)),
      html(
        doc,
        'div',
        { class: 'slds-form-element__control' },
        html(doc, 'span', { class: 'test-id__field-value' }, mode === 'none' ? output : html(doc, 'slot', { name: 'outputField' })),
        html(doc, 'button', { class: 'test-id__inline-edit-trigger', title: `Edit ${label}` }, html(doc, 'span', { class: 'slds-assistive-text' }, `Edit ${label}`)),
      ),
    );
    const item = component(doc, keeper, 'records-record-layout-item', mode, { 'field-label': label, class: 'slds-form__item', role: 'listitem' }, itemContent);
    if (mode !== 'none') item.append(output);
    section.append(item);
  }
  const host = component(doc, keeper, 'records-record-layout-section', mode, {}, section);
  const actions = html(doc, 'div', { class: 'actions' }, html(doc, 'button', { name: 'SendEmail', apiname: 'SendEmail' }, 'Email'), html(doc, 'button', {}, 'Log a Call'), html(doc, 'button', {}, 'New Event'));
  doc.body.append(actions, host);
  return host;
}

/** Salesforce edit: lightning-input-field[field-name] > lightning-input > label + input (textarea for long text). */
export function salesforceEdit(doc: Document, keeper: ShadowKeeper, mode: ShadowMode, labels: (f: FixtureField) => string = (f) => f.label): HTMLElement {
  const form = html(doc, 'div', { class: 'record-edit-form' });
  for (const f of FIELDS) {
    const id = `input-${++uid}`;
    const control =
      f.type === 'textarea'
        ? html(doc, 'textarea', { id, name: f.api, class: 'slds-textarea' })
        : html(doc, 'input', { id, name: f.api, type: f.type, class: 'slds-input' });
    const inputBody = html(
      doc,
      'div',
      { class: 'slds-form-element' },
      html(doc, 'label', { class: 'slds-form-element__label', for: id }, html(doc, 'abbr', { class: 'slds-required', title: 'required' }, '*'), labels(f)),
      html(doc, 'div', { class: 'slds-form-element__control' }, control),
    );
    const lightningInput = component(doc, keeper, f.type === 'textarea' ? 'lightning-textarea' : 'lightning-input', mode, {}, inputBody);
    const field = component(doc, keeper, 'lightning-input-field', mode, { 'field-name': f.api, 'data-target-selection-name': `sfdc:RecordField.Contact.${f.api}` }, lightningInput);
    form.append(html(doc, 'div', { class: 'slds-form__item', role: 'listitem' }, field));
  }
  const footer = html(doc, 'div', { class: 'slds-modal__footer' }, html(doc, 'button', { name: 'CancelEdit' }, 'Cancel'), html(doc, 'button', { name: 'SaveEdit', class: 'slds-button_brand' }, 'Save'));
  const host = component(doc, keeper, 'records-lwc-record-edit', mode, {}, form, footer);
  doc.body.append(host);
  return host;
}

/** HubSpot record sidebar: property rows hooked by data-selenium-test, generated class names. */
export function hubspotRecord(doc: Document, keeper: ShadowKeeper, mode: ShadowMode, editable: boolean, labels: (f: FixtureField) => string = (f) => f.label): HTMLElement {
  const list = html(doc, 'div', { 'data-test-id': 'sidebar-properties', class: 'Card__StyledCard-sc-1x4kx1e-0' });
  for (const f of FIELDS) {
    const name = f.api.toLowerCase();
    const valueNode = editable
      ? f.type === 'textarea'
        ? html(doc, 'textarea', { class: 'private-form__control', 'aria-label': labels(f) })
        : html(doc, 'input', { class: 'private-form__control', type: f.type === 'tel' ? 'tel' : 'text' })
      : html(doc, 'div', { 'data-selenium-test': 'property-value', class: 'private-truncated-string__inner' }, f.value);
    list.append(
      component(
        doc,
        keeper,
        'div',
        'none',
        { 'data-selenium-test': `property-input-${name}`, class: 'PropertyInput__Wrapper-sc-9ai23p-0' },
        html(doc, 'label', { 'data-selenium-test': 'property-label', class: 'private-form__label' }, html(doc, 'span', {}, labels(f))),
        valueNode,
      ),
    );
  }
  const actions = html(
    doc,
    'div',
    { 'data-test-id': 'record-actions' },
    html(doc, 'button', { 'data-selenium-test': 'record-action-email' }, 'Email'),
    html(doc, 'button', { 'data-selenium-test': 'record-action-call' }, 'Call'),
    html(doc, 'button', { 'data-selenium-test': 'record-action-meeting' }, 'Meeting'),
    html(doc, 'button', { 'data-selenium-test': 'inline-edit-save' }, 'Save'),
  );
  const host = component(doc, keeper, 'hs-record-sidebar', mode, {}, actions, list);
  doc.body.append(host);
  return host;
}

/** Any other CRM: a plain form (edit) or a definition list (view). */
export function genericRecord(doc: Document, keeper: ShadowKeeper, mode: ShadowMode, editable: boolean, labels: (f: FixtureField) => string = (f) => f.label): HTMLElement {
  const body = editable ? html(doc, 'form', { action: '/save' }) : html(doc, 'dl', {});
  for (const f of FIELDS) {
    if (editable) {
      const id = `g-${++uid}`;
      const control = f.type === 'textarea' ? html(doc, 'textarea', { id, name: f.api }) : html(doc, 'input', { id, name: f.api, type: f.type });
      body.append(html(doc, 'p', {}, html(doc, 'label', { for: id }, `${labels(f)}:`), control));
    } else {
      const valueNode = f.type === 'email' ? html(doc, 'a', { href: `mailto:${f.value}` }, f.value) : f.type === 'tel' ? html(doc, 'a', { href: `tel:${f.value}` }, f.value) : f.value;
      body.append(html(doc, 'dt', {}, labels(f)), html(doc, 'dd', {}, valueNode));
    }
  }
  if (editable) body.append(html(doc, 'button', { type: 'submit' }, 'Save'));
  const host = component(doc, keeper, 'crm-record', mode, {}, body);
  doc.body.append(host);
  return host;
}
