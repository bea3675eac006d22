// @vitest-environment node
/**
 * The scan's single walk (lib/scan/walk.ts) with the real adapters: every root is
 * reached once (light DOM, open and closed shadow roots, LWC synthetic shadow as
 * a content script sees it, same-origin frames), field scopes are recognised on
 * the way, and their boundaries hold however the page nests them.
 */
import { describe, expect, it } from 'vitest';
import { salesforce } from '../../lib/crm/salesforce';
import { generic } from '../../lib/crm/generic';
import type { FieldCandidate } from '../../lib/crm/adapter';
import { createFieldWalker, walkFields } from '../../lib/scan/walk';
import { walkRoots } from '../../lib/scan/roots';
import { FIELDS, ShadowKeeper, page, salesforceEdit, salesforceView, type ShadowMode } from '../crm/fixtures';

const URL_SF = 'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000AbCdEIAV/view';
const labels = (cands: FieldCandidate[]) => cands.map((c) => c.label);

/** Light-DOM Aura items, as Lightning renders older sections. */
function auraItems(doc: Document, n: number, prefix = 'Field'): string {
  return Array.from(
    { length: n },
    (_, i) => `<div class="slds-form__item forceRecordLayoutItem" data-field-label="${prefix} ${i}">
      <div class="slds-form-element" data-target-selection-name="sfdc:RecordField.Contact.${prefix}_${i}__c">
        <div class="test-id__field-label-container"><span class="test-id__field-label">${prefix} ${i}</span></div>
        <div class="slds-form-element__control"><span class="test-id__field-value"><span class="uiOutputText" data-output-element-id="output-field">value ${prefix} ${i}</span></span></div>
      </div></div>`,
  ).join('');
}

describe('one walk finds every field once', () => {
  it.each(['none', 'open', 'closed'] as ShadowMode[])('record view, shadow: %s', (mode) => {
    const { document } = page(URL_SF);
    const keeper = new ShadowKeeper();
    salesforceView(document, keeper, mode);
    const { candidates, roots } = walkFields(document, { walk: salesforce.walk, env: keeper.env });
    expect(labels(candidates)).toEqual(FIELDS.map((f) => f.label));
    for (const [i, c] of candidates.entries()) {
      expect(c.displayedText).toContain(FIELDS[i]!.value);
      expect(c.descriptor.apiName).toBe(FIELDS[i]!.api);
      expect(c.descriptor.objectType).toBe('Contact');
      expect(c.inShadowRoot).toBe(mode !== 'none');
    }
    // Section, five items, five outputs (reported to watch, not entered: formatted outputs are inert).
    expect(roots).toHaveLength(mode === 'none' ? 0 : 11);
    // The walk reaches what a plain root walk reaches (inert roots' insides excepted: they hold none here).
    expect(new Set(roots)).toEqual(new Set(walkRoots(document, keeper.env).roots));
  });

  it.each(['none', 'open', 'closed'] as ShadowMode[])('edit form, shadow: %s', (mode) => {
    const { document } = page(URL_SF);
    const keeper = new ShadowKeeper();
    salesforceEdit(document, keeper, mode);
    const { candidates } = walkFields(document, { walk: salesforce.walk, env: keeper.env });
    expect(labels(candidates)).toEqual(FIELDS.map((f) => f.label));
    expect(candidates.map((c) => c.descriptor.apiName)).toEqual(FIELDS.map((f) => f.api));
    expect(candidates.every((c) => c.editable && c.displayedText === null)).toBe(true);
  });

  it('misses closed roots without the opener', () => {
    const { document } = page(URL_SF);
    salesforceView(document, new ShadowKeeper(), 'closed');
    expect(walkFields(document, { walk: salesforce.walk, env: { shadowOf: (el) => el.shadowRoot } }).candidates).toEqual([]);
  });

  it('reads LWC synthetic shadow as a content script sees it: flat markup with slots', () => {
    const { document } = page(URL_SF);
    // Synthetic shadow renders component internals as light DOM; slotted content sits inside the <slot>.
    document.body.innerHTML = `<records-record-layout-item field-label="IBAN" class="slds-form__item">
        <div class="slds-form-element" data-target-selection-name="sfdc:RecordField.Contact.IBAN__c">
          <div class="test-id__field-label-container"><span class="test-id__field-label">IBAN</span></div>
          <div class="slds-form-element__control"><span class="test-id__field-value"><slot name="outputField">
            <lightning-formatted-text slot="outputField" data-output-element-id="output-field">DE89 3704 0044 0532 0130 00</lightning-formatted-text>
          </slot></span>
          <button class="test-id__inline-edit-trigger"><span class="slds-assistive-text">Edit IBAN</span></button></div>
        </div></records-record-layout-item>`;
    const [c, ...rest] = walkFields(document, { walk: salesforce.walk, env: new ShadowKeeper().env }).candidates;
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ label: 'IBAN', inShadowRoot: false, editable: false });
    expect(c!.element.localName).toBe('lightning-formatted-text');
    expect(c!.displayedText?.trim()).toBe('DE89 3704 0044 0532 0130 00');
    expect(c!.descriptor.apiName).toBe('IBAN__c');
  });

  it('keeps neighbouring light-DOM scopes apart, also where a scope is the last child of its parent', () => {
    const { document } = page(URL_SF);
    document.body.innerHTML = `<div class="col">${auraItems(document, 3, 'Left')}</div><div class="col">${auraItems(document, 2, 'Right')}</div><p>after</p>`;
    const cands = walkFields(document, { walk: salesforce.walk, env: new ShadowKeeper().env }).candidates;
    expect(labels(cands)).toEqual(['Left 0', 'Left 1', 'Left 2', 'Right 0', 'Right 1']);
    expect(cands.map((c) => c.displayedText)).toEqual(['value Left 0', 'value Left 1', 'value Left 2', 'value Right 0', 'value Right 1']);
    expect(cands.map((c) => c.descriptor.apiName)).toEqual(['Left_0__c', 'Left_1__c', 'Left_2__c', 'Right_0__c', 'Right_1__c']);
  });

  it('reports a control outside every layout on its own, and one inside an item as part of the item', () => {
    const { document } = page(URL_SF);
    document.body.innerHTML = `<records-record-layout-item field-label="Email"><lightning-input><label for="e">Email</label><input id="e" type="email"></lightning-input></records-record-layout-item>
      <div class="composer"><label for="s">Subject</label><input id="s"></div>`;
    const cands = walkFields(document, { walk: salesforce.walk, env: new ShadowKeeper().env }).candidates;
    expect(cands.map((c) => [c.label, c.scope.localName])).toEqual([
      ['Email', 'records-record-layout-item'],
      ['Subject', 'input'],
    ]);
  });

  it('reports the roots of inert components to watch, without entering them', () => {
    const { document } = page(URL_SF);
    const keeper = new ShadowKeeper();
    const icon = document.createElement('lightning-icon');
    const iconRoot = keeper.attach(icon, 'closed')!;
    const inner = document.createElement('lightning-primitive-icon');
    keeper.attach(inner, 'open')!.innerHTML = '<svg></svg>';
    iconRoot.append(inner);
    // Not a field: an inert root is not searched.
    iconRoot.append(Object.assign(document.createElement('input'), { id: 'x' }));
    document.body.append(icon);
    const { candidates, roots } = walkFields(document, { walk: salesforce.walk, env: keeper.env });
    expect(candidates).toEqual([]);
    expect(roots).toEqual([iconRoot]);
  });
});

describe('same-origin frames', () => {
  it('walks a frame document as a page of its own, also when the frame sits inside a field scope', async () => {
    const { window, document } = page(URL_SF);
    document.body.innerHTML = `<records-record-layout-item field-label="Notes"><span data-output-element-id="output-field">see below</span>
      <iframe srcdoc="${auraItems(document, 2, 'Framed').replace(/"/g, '&quot;')}"></iframe></records-record-layout-item>${auraItems(document, 1, 'After')}`;
    await window.happyDOM.waitUntilComplete();
    const frame = document.querySelector('iframe')!;
    const { candidates, frames, roots } = walkFields(document, { walk: salesforce.walk, env: new ShadowKeeper().env });
    expect(labels(candidates).sort()).toEqual(['After 0', 'Framed 0', 'Framed 1', 'Notes']);
    expect(candidates.find((c) => c.label === 'Notes')!.displayedText).toBe('see below');
    expect(candidates.find((c) => c.label === 'Framed 1')!.scope.ownerDocument).toBe(frame.contentDocument);
    expect(frames).toEqual([frame]);
    expect(roots).toEqual([frame.contentDocument]);
  });

  it('skips frames and hosts that `skip` names (our own UI)', async () => {
    const { window, document } = page('https://crm.example.org/customers/1');
    document.body.innerHTML = '<crm-privacy-guard-frame><iframe srcdoc="<dl><dt>Email</dt><dd>x@example.com</dd></dl>"></iframe></crm-privacy-guard-frame>';
    await window.happyDOM.waitUntilComplete();
    const skip = (el: Element) => el.localName.startsWith('crm-privacy-guard') || el.parentElement?.localName === 'crm-privacy-guard-frame';
    const walked = walkFields(document, { walk: generic.walk, env: new ShadowKeeper().env, skip });
    expect(walked.candidates).toEqual([]);
    expect(walked.frames).toEqual([]);
  });
});

describe('resumable walk', () => {
  it('returns after each finished scope and goes on from its snapshot when the page changed during a pause', () => {
    const { document } = page(URL_SF);
    document.body.innerHTML = `<div>${auraItems(document, 3)}</div>`;
    const walker = createFieldWalker(document, { walk: salesforce.walk, env: new ShadowKeeper().env });
    const out: FieldCandidate[] = [];
    let more = walker.next(out);
    expect(labels(out)).toEqual(['Field 0']);
    out.length = 0;
    // The page changes while the scan yields: an item goes, another comes.
    document.querySelectorAll('.forceRecordLayoutItem')[2]!.remove();
    document.body.insertAdjacentHTML('beforeend', auraItems(document, 1, 'New'));
    while (more) more = walker.next(out);
    // Item 1 keeps its own parts; the removed item comes out too (the scanner drops disconnected scopes);
    // the new one is the mutation observer's to report.
    expect(labels(out)).toEqual(['Field 1', 'Field 2']);
    expect(out.map((c) => c.displayedText)).toEqual(['value Field 1', 'value Field 2']);
    expect(out[1]!.scope.isConnected).toBe(false);
  });
});
