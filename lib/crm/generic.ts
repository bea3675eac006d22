/**
 * Any other CRM an admin adds by policy (`crm.extraHosts` with adapter
 * 'generic'). Knows nothing product-specific: plain form controls with their
 * labels and ARIA names, read-only values shown as `<dl>` term/definition pairs,
 * `<output>` or ARIA-labelled text, and list tables. The record is read from the
 * URL: the last id-like path segment (or an `id` query parameter) and the word before it.
 */
import { defineAdapter, type FieldCandidate, type FieldWalk } from './adapter';
import type { RecordContext, ViewKind } from '../messages/record';
import { composedText, type ScanEnv } from '../scan/composed';
import { EDITABLE_SELECTOR, controlDescriptor, isReadOnlyControl, labelText, standardLabel } from './labels';
import { inAnyShadow } from './query';
import { tableColumns } from './tables';
import { findOutreach, findSave } from './controls';

/** Ids: digits only, a UUID, or a token of 6–64 letters/digits containing at least one digit. */
const ID_SEGMENT = /^(?:\d{1,20}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[A-Za-z_-]{0,63}\d)[A-Za-z0-9_-]{6,64})$/i;
const WORD = /^[A-Za-z][A-Za-z_-]{1,59}$/;
const ID_PARAMS = ['id', 'recordId', 'record'];
const ACTIONS: Readonly<Record<string, ViewKind>> = { edit: 'edit', new: 'new', create: 'new', list: 'list', view: 'record', show: 'record' };

function genericContext(url: URL): RecordContext {
  const base = { crm: 'generic' as const, host: url.hostname };
  const seg = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  for (const param of ID_PARAMS) {
    const id = url.searchParams.get(param);
    if (id && ID_SEGMENT.test(id)) {
      const word = [...seg].reverse().find((s) => WORD.test(s) && !(s in ACTIONS));
      return { ...base, objectType: word ?? null, recordId: id, view: ACTIONS[seg.at(-1) ?? ''] ?? 'record' };
    }
  }
  for (let i = seg.length - 1; i >= 0; i--) {
    const s = seg[i]!;
    if (!ID_SEGMENT.test(s) || s in ACTIONS) continue;
    const before = seg[i - 1];
    const after = seg[i + 1];
    const view = after === undefined ? 'record' : ACTIONS[after];
    if (!view) break;
    return { ...base, objectType: before && WORD.test(before) ? before : null, recordId: s, view };
  }
  const last = seg.at(-1);
  if (last && ACTIONS[last] && (ACTIONS[last] === 'list' || ACTIONS[last] === 'new')) {
    const before = seg.at(-2);
    return { ...base, objectType: before && WORD.test(before) ? before : null, recordId: null, view: ACTIONS[last]! };
  }
  return { ...base, objectType: null, recordId: null, view: 'other' };
}

const CONTROL_TAGS = new Set(['input', 'textarea', 'select', 'button']);
const LABELLED_VALUE = 'output, [role="definition"], [aria-labelledby]';
/** Controls (a superset of EDITABLE_SELECTOR, narrowed on the hit), definitions, labelled values, tables. */
const SELECTOR = ['input, textarea, select, [contenteditable], button[role="combobox"]', 'dd', LABELLED_VALUE, 'table'].join(',');
const NOT_A_VALUE = new Set(['input', 'textarea', 'select']);

/** Every field here is a single element: nothing opens a scope, everything is emitted on the spot. */
function enter(el: Element, out: FieldCandidate[], env: ScanEnv): null {
  const tag = el.localName;
  const editableTag = CONTROL_TAGS.has(tag) || el.hasAttribute('contenteditable');
  if (editableTag && el.matches(EDITABLE_SELECTOR)) {
    const label = standardLabel(el, env);
    const editable = !isReadOnlyControl(el);
    out.push({ element: el, scope: el, descriptor: controlDescriptor(el, label), label, displayedText: editable ? null : ((el as HTMLInputElement).value ?? null), editable, inShadowRoot: inAnyShadow(el) });
  }
  if (tag === 'dd') {
    // <dl><dt>Email</dt><dd>…</dd></dl>: each definition is a displayed value labelled by the term before it.
    let term = el.previousElementSibling;
    while (term && term.tagName === 'DD') term = term.previousElementSibling;
    if (term && term.tagName === 'DT') out.push(readOnly(el, labelText(term, env), env));
  } else if (tag === 'table') {
    out.push(...tableColumns(el, env, {}));
  } else if (!NOT_A_VALUE.has(tag) && !el.hasAttribute('contenteditable') && el.matches(LABELLED_VALUE)) {
    const label = standardLabel(el, env);
    if (label) out.push(readOnly(el, label, env));
  }
  return null;
}

function readOnly(element: Element, label: string, env: ScanEnv): FieldCandidate {
  return {
    element,
    scope: element,
    descriptor: { label, type: 'output' },
    label,
    displayedText: composedText(element, env),
    editable: false,
    inShadowRoot: inAnyShadow(element),
  };
}

const genericWalk: FieldWalk<never> = { selector: SELECTOR, enter, part: () => {}, finish: () => {} };

export const generic = defineAdapter({
  id: 'generic',
  fieldScope: 'dd, output, [role="definition"]',
  // Never claims a URL on its own: a generic host exists only because policy named it.
  matches: () => false,
  context: (url) => genericContext(url),
  walk: genericWalk,
  saveControls: (root) => findSave(root, ['form button:not([type]), form button[type="submit"]']),
  outreachControls: (root) => findOutreach(root, []),
  // A generic page has no known place for the signed-in user; reporting a guess would put a wrong name in the audit log.
  currentUser: () => null,
});

