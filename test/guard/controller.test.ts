import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backgroundScan, button, pasteInto, startGuard, typeInto, wait, type Harness } from './harness';

const IBAN = 'DE89 3704 0044 0532 0130 00';
const MASKED = 'DE89 **** **** **** **30 00';

/** A Salesforce edit form as the isolated world sees it under synthetic shadow. */
function salesforceForm(): { notes: HTMLTextAreaElement; title: HTMLInputElement; save: HTMLButtonElement; saves: string[]; inputs: string[] } {
  document.body.innerHTML = `
    <section class="record-edit-form">
      <records-record-layout-item field-label="Title"><div data-target-selection-name="sfdc:RecordField.Contact.Title"><lightning-input-field field-name="Title"><label for="t">Title</label><input id="t" type="text" name="Title"></lightning-input-field></div></records-record-layout-item>
      <records-record-layout-item field-label="Description"><div data-target-selection-name="sfdc:RecordField.Contact.Description"><lightning-input-field field-name="Description"><label for="d">Description</label><textarea id="d" name="Description"></textarea></lightning-input-field></div></records-record-layout-item>
      <button name="SaveEdit" type="button">Save</button>
    </section>`;
  const notes = document.querySelector('textarea')!;
  const title = document.querySelector('input')!;
  const save = document.querySelector('button')!;
  const saves: string[] = [];
  const inputs: string[] = [];
  // The page's own handlers: what LWC does with the value, and its save.
  save.addEventListener('click', () => saves.push(notes.value));
  notes.addEventListener('input', () => inputs.push(notes.value));
  document.querySelector('.record-edit-form')!.addEventListener('keydown', (e) => {
    const ke = e as KeyboardEvent;
    if (ke.key === 'Enter' && ke.target instanceof HTMLInputElement) saves.push(`enter:${notes.value}`);
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') saves.push(`ctrl+s:${notes.value}`);
  });
  return { notes, title, save, saves, inputs };
}

let h: Harness;
afterEach(() => {
  h?.stop();
  document.body.innerHTML = '';
});

describe('watching input', () => {
  beforeEach(() => salesforceForm());

  it('warns after a pause in typing, never touches the text, and audits without the value', async () => {
    h = startGuard();
    const notes = document.querySelector('textarea')!;
    typeInto(notes, 'Refund to ');
    typeInto(notes, `${IBAN} please.`);
    expect(h.panel()).toBeNull();
    await wait(60);
    expect(notes.value).toBe(`Refund to ${IBAN} please.`);
    const panel = h.panel();
    expect(panel?.textContent).toContain('Bank account found');
    expect(panel?.querySelector('[role="status"]')?.textContent).toContain('Bank account in “Description”');
    expect(h.audits).toEqual([{ event: 'input.warning_shown', data: expect.objectContaining({ kind: 'bank_account', rule: 'iban', fieldLabel: 'Description', field: 'Description', mode: 'override', decision: 'warned' }) }]);
    expect(JSON.stringify(h.audits)).not.toMatch(/3704|0532/);
    expect(h.guard.warnings()).toEqual([{ fieldLabel: 'Description', kind: 'bank_account', problem: 'sensitive', severity: 'override' }]);
  });

  it('shows nothing for text without findings', async () => {
    h = startGuard();
    const notes = document.querySelector('textarea')!;
    typeInto(notes, 'We discussed the renewal and agreed on a call next week.');
    await wait(60);
    expect(h.panel()).toBeNull();
    expect(h.audits).toEqual([]);
    expect(h.guard.warnings()).toEqual([]);
  });

  it('checks pasted text at once, without waiting for the typing pause', async () => {
    h = startGuard({ debounceMs: 60_000 });
    const notes = document.querySelector('textarea')!;
    pasteInto(notes, `Card 4111 1111 1111 1111 for the deposit.`);
    await wait(10);
    expect(h.panel()?.textContent).toContain('Payment card found');
  });

  it('the details are keyboard reachable buttons and explain why it matters', async () => {
    h = startGuard();
    const notes = document.querySelector('textarea')!;
    typeInto(notes, `He was convicted of fraud in 2019. IBAN ${IBAN}.`);
    await wait(60);
    const chip = button(h.panel(), 'privacy issues');
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(notes);
    chip.click();
    await wait(0);
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    const text = h.panel()!.textContent!;
    expect(text).toContain('Criminal convictions or offences in “Description”');
    expect(text).toContain('does not belong in free-text notes');
    expect(text).toContain(`Masked: ${MASKED}`);
    expect(text).not.toContain(IBAN);
  });

  it('a policy change re-judges what was typed', async () => {
    h = startGuard();
    const notes = document.querySelector('textarea')!;
    typeInto(notes, `IBAN ${IBAN}`);
    await wait(60);
    expect(h.guard.warnings()[0]?.severity).toBe('override');
    h.setPolicy({ modes: { sensitive_identifier: 'off' } });
    expect(h.guard.warnings()).toEqual([]);
    expect(h.panel()?.textContent ?? '').not.toContain('Bank account found');
  });
});

describe('fixes', () => {
  it('mask sets the value through the native setter and fires input and change, then the warning goes', async () => {
    const page = salesforceForm();
    const changes: string[] = [];
    page.notes.addEventListener('change', () => changes.push(page.notes.value));
    h = startGuard();
    typeInto(page.notes, `Refund to ${IBAN} please.`);
    await wait(60);
    button(h.panel(), 'Bank account found').click();
    await wait(0);
    button(h.panel(), 'Mask').click();
    await wait(0);
    expect(page.notes.value).toBe(`Refund to ${MASKED} please.`);
    expect(page.inputs.at(-1)).toBe(`Refund to ${MASKED} please.`);
    expect(changes).toEqual([`Refund to ${MASKED} please.`]);
    expect(h.guard.warnings()).toEqual([]);
    expect(h.audits.map((a) => [a.event, a.data.decision])).toEqual([['input.warning_shown', 'warned'], ['input.fixed', 'masked']]);
    expect(h.panel()?.querySelector('[role="status"]')?.textContent).toBe('Bank account masked.');
  });

  it('remove deletes only the finding', async () => {
    const page = salesforceForm();
    h = startGuard();
    typeInto(page.notes, `Refund to ${IBAN} please.`);
    await wait(60);
    button(h.panel(), 'Bank account found').click();
    await wait(0);
    button(h.panel(), 'Remove').click();
    expect(page.notes.value).toBe('Refund to  please.');
  });

  it('a fix against text the rep changed meanwhile changes nothing', async () => {
    const page = salesforceForm();
    h = startGuard({ debounceMs: 40 });
    typeInto(page.notes, `IBAN ${IBAN}`);
    await wait(80);
    button(h.panel(), 'Bank account found').click();
    await wait(0);
    // The rep edits the IBAN away right before clicking: the fix rescans first and finds nothing to do.
    page.notes.value = 'IBAN removed by hand';
    page.notes.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    button(h.panel(), 'Mask').click();
    expect(page.notes.value).toBe('IBAN removed by hand');
  });

  it('contenteditable: the editor text is replaced in place and the editor hears an input event', async () => {
    document.body.innerHTML = `<div data-test-id="note-composer"><div contenteditable="true" role="textbox" aria-label="Note" data-test-id="rich-text-editor"><p>Call notes</p><p>IBAN ${IBAN} for refunds</p></div></div>`;
    const editor = document.querySelector<HTMLElement>('[contenteditable]')!;
    const heard: string[] = [];
    editor.addEventListener('input', () => heard.push(editor.textContent ?? ''));
    h = startGuard();
    editor.focus();
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    await wait(60);
    expect(h.guard.warnings()).toEqual([{ fieldLabel: 'Note', kind: 'bank_account', problem: 'sensitive', severity: 'override' }]);
    button(h.panel(), 'Bank account found').click();
    await wait(0);
    button(h.panel(), 'Mask').click();
    expect(editor.querySelectorAll('p')[1]?.textContent).toBe(`IBAN ${MASKED} for refunds`);
    expect(editor.querySelectorAll('p')[0]?.textContent).toBe('Call notes');
    expect(heard.length).toBeGreaterThan(0);
    // The rescan after the fix is a round trip to the background.
    await wait(5);
    expect(h.guard.warnings()).toEqual([]);
  });
});

describe('before save', () => {
  it('block: the page save handler never runs and the rep reads why', async () => {
    const page = salesforceForm();
    h = startGuard({ policy: { modes: { sensitive_identifier: 'block' } } });
    typeInto(page.notes, `IBAN ${IBAN}`);
    await wait(60);
    page.save.click();
    expect(page.saves).toEqual([]);
    expect(h.panel()?.querySelector('[role="alert"]')?.textContent).toContain('Not saved');
    expect(h.audits.at(-1)).toEqual({ event: 'input.save_blocked', data: expect.objectContaining({ kind: 'bank_account', decision: 'blocked', mode: 'block' }) });
    expect(page.notes.value).toBe(`IBAN ${IBAN}`);
  });

  it('block also holds when Save is clicked before the typing pause ended', async () => {
    const page = salesforceForm();
    h = startGuard({ policy: { modes: { sensitive_identifier: 'block' } }, debounceMs: 60_000 });
    typeInto(page.notes, `IBAN ${IBAN}`);
    page.save.click();
    expect(page.saves).toEqual([]);
    // Held for the background's answer, then decided on it.
    await wait(10);
    expect(page.saves).toEqual([]);
    expect(h.panel()?.querySelector('[role="alert"]')?.textContent).toContain('Not saved');
  });

  it('a save clicked while the answer is on its way is held, then goes on exactly once for clean text', async () => {
    const page = salesforceForm();
    h = startGuard({ policy: { modes: { sensitive_identifier: 'block' } }, debounceMs: 60_000 });
    typeInto(page.notes, 'Renewal call went well.');
    page.save.click();
    page.save.click();
    expect(page.saves).toEqual([]);
    await wait(10);
    expect(page.saves).toEqual(['Renewal call went well.']);
    expect(h.audits).toEqual([]);
  });

  it('Enter in a single-line field right after typing is held and replayed once when clean', async () => {
    const page = salesforceForm();
    h = startGuard({ debounceMs: 60_000 });
    typeInto(page.title, 'Head of Purchasing');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true });
    page.title.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    await wait(10);
    expect(page.saves).toEqual(['enter:']);
  });

  it('a background that cannot be reached is said so, and a save is not held forever', async () => {
    const page = salesforceForm();
    h = startGuard({ debounceMs: 60_000, scanText: () => Promise.reject(new Error('Extension context invalidated')) });
    typeInto(page.notes, `IBAN ${IBAN}`);
    page.save.click();
    await wait(10);
    expect(h.panel()?.textContent).toContain('could not check this text');
    // Nothing is known about the text: the save goes on (nothing the rep typed is lost) and the notice stays.
    expect(page.saves).toEqual([`IBAN ${IBAN}`]);
  });

  it('an answer for older text that arrives last is dropped', async () => {
    const page = salesforceForm();
    const calls: string[] = [];
    const slowFirst = (text: string, lang: string | undefined) => {
      calls.push(text);
      const delay = calls.length === 1 ? 40 : 0;
      return new Promise<Awaited<ReturnType<typeof backgroundScan>>>((resolve) => setTimeout(() => void backgroundScan(text, lang).then(resolve), delay));
    };
    h = startGuard({ debounceMs: 0, scanText: slowFirst });
    typeInto(page.notes, `IBAN ${IBAN}`);
    await wait(5);
    page.notes.value = 'IBAN on file';
    page.notes.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    await wait(80);
    expect(calls).toHaveLength(2);
    expect(h.guard.warnings()).toEqual([]);
    expect(h.panel()).toBeNull();
  });

  it('block stops Ctrl+S and Enter in a single-line field', async () => {
    const page = salesforceForm();
    h = startGuard({ policy: { modes: { criminal: 'block' } } });
    typeInto(page.notes, 'He was convicted of fraud in 2019.');
    await wait(60);
    const ctrlS = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true, composed: true });
    page.notes.dispatchEvent(ctrlS);
    expect(ctrlS.defaultPrevented).toBe(true);
    page.title.focus();
    page.title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true }));
    expect(page.saves).toEqual([]);
  });

  it('warn: the save goes on exactly once and is logged', async () => {
    const page = salesforceForm();
    h = startGuard({ policy: { modes: { sensitive_identifier: 'warn' } } });
    typeInto(page.notes, `IBAN ${IBAN}`);
    await wait(60);
    page.save.click();
    expect(page.saves).toEqual([`IBAN ${IBAN}`]);
    expect(h.audits.at(-1)).toEqual({ event: 'input.warning_shown', data: expect.objectContaining({ decision: 'allowed', mode: 'warn' }) });
  });

  it('override: a reason below the minimum keeps the save stopped; a valid one saves exactly once', async () => {
    const page = salesforceForm();
    h = startGuard({ policy: { modes: { sensitive_identifier: 'override' }, override: { minReasonLength: 20 } } });
    typeInto(page.notes, `IBAN ${IBAN}`);
    await wait(60);
    page.save.click();
    await wait(0);
    expect(page.saves).toEqual([]);
    const panel = h.panel()!;
    const reason = panel.querySelector('textarea')!;
    expect(panel.activeElement).toBe(reason);
    reason.value = 'too short';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await wait(0);
    button(panel, 'Save with reason').click();
    await wait(0);
    expect(panel.textContent).toContain('at least 20 characters (9 so far)');
    expect(page.saves).toEqual([]);
    reason.value = 'Customer asked for refund to this account';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await wait(0);
    button(panel, 'Save with reason').click();
    await wait(0);
    expect(page.saves).toEqual([`IBAN ${IBAN}`]);
    expect(h.audits.at(-1)).toEqual({ event: 'input.overridden', data: expect.objectContaining({ kind: 'bank_account', decision: 'overridden', reason: 'Customer asked for refund to this account' }) });
    // Overridden once: the next save of the same text does not ask again.
    page.save.click();
    expect(page.saves).toHaveLength(2);
  });

  it('override: cancel keeps the text and does not save', async () => {
    const page = salesforceForm();
    h = startGuard();
    typeInto(page.notes, `IBAN ${IBAN}`);
    await wait(60);
    page.save.click();
    await wait(0);
    button(h.panel(), 'Cancel').click();
    await wait(0);
    expect(page.saves).toEqual([]);
    expect(h.panel()?.querySelector('form')).toBeNull();
    expect(page.notes.value).toBe(`IBAN ${IBAN}`);
  });

  it('override via Ctrl+S replays the shortcut once after the reason', async () => {
    const page = salesforceForm();
    h = startGuard();
    typeInto(page.notes, `IBAN ${IBAN}`);
    await wait(60);
    page.notes.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true, composed: true }));
    await wait(0);
    expect(page.saves).toEqual([]);
    const reason = h.panel()!.querySelector('textarea')!;
    reason.value = 'Needed for the refund booking today';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await wait(0);
    button(h.panel(), 'Save with reason').click();
    expect(page.saves).toEqual([`ctrl+s:IBAN ${IBAN}`]);
  });

  it('clicks elsewhere and saves without problems pass untouched', async () => {
    const page = salesforceForm();
    h = startGuard();
    typeInto(page.notes, 'Nothing personal here.');
    await wait(60);
    page.save.click();
    expect(page.saves).toEqual(['Nothing personal here.']);
    expect(h.audits).toEqual([]);
  });
});

describe('shadow DOM', () => {
  it('guards a textarea inside an open shadow root and blocks a save button in another', async () => {
    document.body.innerHTML = `<records-record-layout-item field-label="Description"><x-textarea></x-textarea></records-record-layout-item><x-footer></x-footer>`;
    const field = document.querySelector('x-textarea')!.attachShadow({ mode: 'open' });
    field.innerHTML = '<label for="d">Description</label><textarea id="d" name="Description"></textarea>';
    const footer = document.querySelector('x-footer')!.attachShadow({ mode: 'open' });
    footer.innerHTML = '<button name="SaveEdit">Save</button>';
    const saves: number[] = [];
    document.querySelector('x-footer')!.addEventListener('click', () => saves.push(1));
    h = startGuard({ policy: { modes: { special_category: 'block' } } });
    const notes = field.querySelector('textarea')!;
    typeInto(notes, 'He has diabetes and was treated in hospital last year.');
    await wait(60);
    expect(h.guard.warnings()).toEqual([{ fieldLabel: 'Description', kind: 'health', problem: 'sensitive', severity: 'block' }]);
    footer.querySelector('button')!.click();
    expect(saves).toEqual([]);
  });

  it('guards a textarea inside a closed shadow root, found through the injected opener', async () => {
    document.body.innerHTML = `<records-record-layout-item field-label="Description"><x-closed></x-closed></records-record-layout-item><button name="SaveEdit">Save</button>`;
    const host = document.querySelector('x-closed')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<label for="d">Description</label><textarea id="d" name="Description"></textarea>';
    expect(host.shadowRoot).toBeNull();
    const saves: number[] = [];
    document.querySelector('button')!.addEventListener('click', () => saves.push(1));
    const env = { shadowOf: (el: Element) => (el === host ? closed : el.shadowRoot) };
    h = startGuard({ env, policy: { modes: { sensitive_identifier: 'block' } } });
    const notes = closed.querySelector('textarea')!;
    typeInto(notes, `Please refund to ${IBAN}.`);
    await wait(60);
    expect(h.guard.warnings()).toEqual([{ fieldLabel: 'Description', kind: 'bank_account', problem: 'sensitive', severity: 'block' }]);
    document.querySelector('button')!.click();
    expect(saves).toEqual([]);
    expect(notes.value).toBe(`Please refund to ${IBAN}.`);
  });
});
