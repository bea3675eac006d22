/**
 * How any form control gets the label a rep reads: the same order browsers use for
 * the accessible name (aria-labelledby, <label>, aria-label, title), then the
 * nearest form-element wrapper. Shared by all adapters; lib/crm/generic.ts relies
 * on it alone.
 */
import { cleanText, closestComposed, composedText, type ScanEnv } from '../scan/composed';
import type { FieldDescriptor } from '../detect/field-descriptor';

/** Form controls a rep types into. Checkboxes, radios, buttons, files and hidden inputs hold no personal text. */
export const EDITABLE_SELECTOR = [
  'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=range]):not([type=color])',
  'textarea',
  'select',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[contenteditable="plaintext-only"]',
  // lightning-combobox and other listboxes render a button that shows the chosen value.
  'button[role="combobox"]',
].join(',');

/** Required-markers and screen-reader-only help that are not part of the label as read. */
const LABEL_NOISE = '.slds-required, .slds-assistive-text, abbr[title], [aria-hidden="true"], .private-required-marker, button:not([role="combobox"])';

/** Label text without required markers or assistive text; `control` (when the label wraps it) is left out. */
export function labelText(label: Element, env: ScanEnv, control?: Element): string {
  const text = composedText(label, env, 300, (el) => el === control || el.matches(LABEL_NOISE) || el.matches(EDITABLE_SELECTOR));
  return cleanText(text).replace(/^\*\s*/, '').replace(/\s*[:*]$/, '').trim();
}

function byIdIn(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** The label of a control as a rep reads it, or '' when the page shows none. */
export function standardLabel(control: Element, env: ScanEnv): string {
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => byIdIn(control, id))
      .filter((el): el is Element => el !== null)
      .map((el) => labelText(el, env, control))
      .join(' ')
      .trim();
    if (text) return text;
  }
  const labels = (control as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    const text = labelText(labels[0]!, env, control);
    if (text) return text;
  }
  const id = control.id;
  if (id) {
    // <label for> in the same root when `.labels` is unavailable (contenteditable, custom elements).
    const root = control.getRootNode() as Document | ShadowRoot;
    const forLabel = typeof root.querySelector === 'function' ? root.querySelector(`label[for="${cssEscape(id)}"]`) : null;
    if (forLabel) {
      const text = labelText(forLabel, env, control);
      if (text) return text;
    }
  }
  const aria = cleanText(control.getAttribute('aria-label'));
  if (aria) return aria;
  const wrapper = closestComposed(control, '.slds-form-element, fieldset, [role="group"]');
  if (wrapper) {
    const legend = wrapper.querySelector(':scope > legend, :scope > .slds-form-element__label, :scope > label, :scope > .slds-form-element__legend');
    if (legend) {
      const text = labelText(legend, env, control);
      if (text) return text;
    }
  }
  return cleanText(control.getAttribute('title'));
}

/** Minimal CSS.escape for ids inside attribute selectors (CSS.escape is missing in some test DOMs). */
function cssEscape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/** The input type the classifier expects: the input's type, 'textarea', 'select-one', 'contenteditable'. */
export function controlType(control: Element): string {
  const tag = control.tagName;
  if (tag === 'INPUT') return (control.getAttribute('type') ?? 'text').toLowerCase();
  if (tag === 'TEXTAREA') return 'textarea';
  if (tag === 'SELECT') return (control as HTMLSelectElement).multiple ? 'select-multiple' : 'select-one';
  if (control.getAttribute('role') === 'combobox') return 'select-one';
  return 'contenteditable';
}

export function isReadOnlyControl(control: Element): boolean {
  return control.hasAttribute('readonly') || control.hasAttribute('disabled') || control.getAttribute('aria-readonly') === 'true';
}

/** The attributes every adapter copies from a control into its descriptor. */
export function controlDescriptor(control: Element, label: string): FieldDescriptor {
  const desc: FieldDescriptor = { type: controlType(control) };
  if (label) desc.label = label;
  const name = control.getAttribute('name');
  if (name) desc.name = name;
  if (control.id) desc.id = control.id;
  const placeholder = control.getAttribute('placeholder') ?? control.getAttribute('data-placeholder');
  if (placeholder) desc.placeholder = placeholder;
  const autocomplete = control.getAttribute('autocomplete');
  if (autocomplete) desc.autocomplete = autocomplete;
  const aria = control.getAttribute('aria-label');
  if (aria) desc.ariaLabel = aria;
  return desc;
}
