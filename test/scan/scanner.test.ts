// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../lib/scan/scanner';
import { salesforce } from '../../lib/crm/salesforce';
import { generic } from '../../lib/crm/generic';
import type { CrmAdapter } from '../../lib/crm/adapter';
import type { ScanDelta } from '../../lib/scan/scanner';
import { FIELDS, ShadowKeeper, genericRecord, page, salesforceView, type ShadowMode } from '../crm/fixtures';
import { fakeDetector, heldDetector, tick } from './fake-detector';

const URL_SF = 'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000AbCdEIAV/view';

function setup(mode: ShadowMode) {
  const { window, document } = page(URL_SF);
  const keeper = new ShadowKeeper();
  const host = salesforceView(document, keeper, mode);
  const { detector, calls } = fakeDetector();
  const roots: Element[] = [];
  // The scan's walk calls `enter` on every element it hands the adapter outside a field scope.
  const spy: CrmAdapter = { ...salesforce, walk: { ...salesforce.walk, enter: (el, out, env) => (roots.push(el), salesforce.walk.enter(el, out, env)) } };
  const scanner = createScanner({ adapter: spy, detector, env: keeper.env });
  return { window, document, keeper, host, scanner, calls, roots };
}

const summary = (fields: { label: string; kind: string; source: string }[]) => fields.map((f) => `${f.label}:${f.kind}:${f.source}`).sort();

describe('scanner', () => {
  it.each(['none', 'open', 'closed'] as ShadowMode[])('finds label kinds at once and sensitive kinds in displayed values later (shadow: %s)', async (mode) => {
    const { document, scanner } = setup(mode);
    const late: ScanDelta[] = [];
    scanner.onValueFields((d) => late.push(d));
    const delta = scanner.scanAll(document);
    expect(summary(delta.added)).toEqual(['Birthdate:birthdate:field', 'Email:email:field', 'Mobile:phone:field']);
    expect(delta.added.every((f) => f.inShadowRoot === (mode !== 'none'))).toBe(true);
    expect(scanner.pendingValues()).toBeGreaterThan(0);
    await scanner.valuesSettled();
    expect(late.map((d) => summary(d.added))).toEqual([['Notes:bank_account:value']]);
    expect(late[0]!.added[0]!.inShadowRoot).toBe(mode !== 'none');
    expect(scanner.fields()).toHaveLength(4);
    expect(scanner.pendingValues()).toBe(0);
  });

  it('keeps displayed values out of everything it returns', async () => {
    const { document, scanner } = setup('open');
    scanner.scanAll(document);
    await scanner.valuesSettled();
    const out = JSON.stringify(scanner.fields().map(({ element: _e, scope: _s, ...rest }) => rest));
    for (const f of FIELDS) expect(out).not.toContain(f.value);
    expect(out).not.toContain('DE89');
  });

  it('does not turn an ordinary value (an email in a note) into a field kind', async () => {
    const { document } = page('https://crm.example.org/customers/1');
    const keeper = new ShadowKeeper();
    document.body.innerHTML = '<dl><dt>Remarks</dt><dd>write to info@example.com</dd></dl>';
    const { detector, calls } = fakeDetector();
    const scanner = createScanner({ adapter: generic, detector, env: keeper.env });
    expect(scanner.scanAll(document).added).toEqual([]);
    await scanner.valuesSettled();
    expect(calls.scan).toBe(1);
    expect(scanner.fields()).toEqual([]);
  });

  it('rescans only the subtree of a field added later', async () => {
    const { document, scanner, calls, roots, host, keeper } = setup('open');
    scanner.scanAll(document);
    await scanner.valuesSettled();
    const before = calls.classify;
    roots.length = 0;
    const section = keeper.env.shadowOf(host)!.querySelector('.slds-form')!;
    const item = document.createElement('records-record-layout-item');
    item.setAttribute('field-label', 'Diagnosis');
    item.innerHTML = '<span data-output-element-id="output-field">asthma</span>';
    section.append(item);
    const delta = scanner.scanChanged([item]);
    expect(summary(delta.added)).toEqual(['Diagnosis:health:field']);
    expect(delta.removed).toEqual([]);
    expect(calls.classify - before).toBe(1);
    expect(roots).toEqual([item]);
    expect(scanner.fields()).toHaveLength(5);
  });

  it('widens a change inside a field to the field scope and replaces its entry', async () => {
    const { document, scanner, host, keeper } = setup('open');
    scanner.scanAll(document);
    await scanner.valuesSettled();
    const notes = [...keeper.env.shadowOf(host)!.querySelectorAll('records-record-layout-item')].find((i) => i.getAttribute('field-label') === 'Notes')!;
    const output = notes.querySelector('[data-output-element-id]')!;
    const textNode = keeper.env.shadowOf(output)!.firstChild!;
    textNode.nodeValue = 'no bank details any more';
    const delta = scanner.rescanScopes([textNode]);
    expect(summary(delta.removed)).toEqual(['Notes:bank_account:value']);
    expect(delta.added).toEqual([]);
    expect(scanner.fields()).toHaveLength(3);
  });

  it('treats a change reported on a field scope’s own shadow root as a change of that scope', async () => {
    const { document, scanner, host, keeper } = setup('open');
    scanner.scanAll(document);
    await scanner.valuesSettled();
    const before = summary(scanner.fields());
    const item = [...keeper.env.shadowOf(host)!.querySelectorAll('records-record-layout-item')].find((i) => i.getAttribute('field-label') === 'Email')!;
    const itemRoot = keeper.env.shadowOf(item)!;
    // Rescanning from inside the item must neither report its parts loose nor lose the field.
    const delta = scanner.scanChanged([itemRoot]);
    expect(summary(delta.added)).toEqual(['Email:email:field']);
    expect(summary(delta.removed)).toEqual(['Email:email:field']);
    expect(scanner.rescanScopes([itemRoot]).added.map((f) => f.scope)).toEqual([item]);
    await scanner.valuesSettled();
    expect(summary(scanner.fields())).toEqual(before);
  });

  it('forgets fields whose nodes were removed, and ignores nodes still connected', async () => {
    const { document, scanner, host } = setup('closed');
    scanner.scanAll(document);
    await scanner.valuesSettled();
    expect(scanner.forget([document.body.firstElementChild!]).removed).toEqual([]);
    host.remove();
    const delta = scanner.forget([host]);
    expect(delta.removed).toHaveLength(4);
    expect(scanner.fields()).toEqual([]);
  });

  it('reaches same-origin iframes and reports them for load watching', async () => {
    const { window, document } = page('https://crm.example.org/customers/1');
    const frame = document.createElement('iframe');
    frame.setAttribute('srcdoc', '<dl><dt>Email</dt><dd>x@example.com</dd></dl>');
    document.body.append(frame);
    await window.happyDOM.waitUntilComplete();
    const scanner = createScanner({ adapter: generic, detector: fakeDetector().detector });
    const delta = scanner.scanAll(document);
    expect(summary(delta.added)).toEqual(['Email:email:field']);
    expect(delta.frames).toEqual([frame]);
    expect(delta.roots).toContain(frame.contentDocument);
  });

  it('never scans what `skip` excludes (our own overlay)', () => {
    const { document } = page('https://crm.example.org/customers/1');
    const keeper = new ShadowKeeper();
    genericRecord(document, keeper, 'open', true);
    const overlay = document.createElement('crm-privacy-guard-overlay');
    overlay.attachShadow({ mode: 'open' }).innerHTML = '<input aria-label="Email">';
    document.body.append(overlay);
    const scanner = createScanner({ adapter: generic, detector: fakeDetector().detector, env: keeper.env, skip: (el) => el.tagName === 'CRM-PRIVACY-GUARD-OVERLAY' });
    expect(scanner.scanAll(document).added.filter((f) => f.label === 'Email')).toHaveLength(1);
  });

  it('fills objectType and lang from the record context and page', () => {
    const { document } = page(URL_SF, 'de');
    document.body.innerHTML = '<label for="a">E-Mail</label><input id="a">';
    const seen: unknown[] = [];
    const { detector } = fakeDetector();
    const scanner = createScanner({
      adapter: salesforce,
      detector: { ...detector, classifyField: (d) => (seen.push(d), detector.classifyField(d)) },
      context: () => ({ crm: 'salesforce', host: 'x', objectType: 'Lead', recordId: null, view: 'new' }),
    });
    scanner.scanAll(document);
    expect(seen).toEqual([expect.objectContaining({ label: 'E-Mail', objectType: 'Lead', lang: 'de' })]);
  });
});

describe('sliced first scan', () => {
  it('finds the same fields as scanAll, in several slices, yielding between them', async () => {
    const { document, scanner } = setup('open');
    const slowDetector = fakeDetector().detector;
    const perSlice = [0];
    const slow = createScanner({
      adapter: salesforce,
      detector: {
        ...slowDetector,
        classifyField: (d) => {
          perSlice[perSlice.length - 1]!++;
          const until = performance.now() + 3;
          while (performance.now() < until);
          return slowDetector.classifyField(d);
        },
      },
      env: new ShadowKeeper().env,
    });
    const deltas: number[] = [];
    let pauses = 0;
    const stats = await slow.scanAllSliced(document, {
      sliceMs: 4,
      pause: async () => {
        pauses++;
        perSlice.push(0);
      },
      onDelta: (d) => deltas.push(d.added.length),
    });
    await slow.valuesSettled();
    scanner.scanAll(document);
    await scanner.valuesSettled();
    expect(summary(slow.fields())).toEqual(summary(scanner.fields()));
    // Five verdicts of 3 ms against 4 ms slices: at least three slices.
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(stats.slices).toBe(pauses + 1);
    // The three label kinds in the slices; the IBAN in Notes arrives as a value answer.
    expect(deltas.reduce((a, b) => a + b, 0)).toBe(3);
    // 3 ms per verdict against a 4 ms slice: never more than two verdicts between pauses.
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(2);
    expect(stats.workMs).toBeGreaterThanOrEqual(stats.longestSliceMs);
  });

  it('lets a change handled during the job win over the job’s older view', async () => {
    const { document, keeper, host } = setup('open');
    const { detector } = fakeDetector();
    const scanner = createScanner({ adapter: salesforce, detector, env: keeper.env });
    const items = [...keeper.env.shadowOf(host)!.querySelectorAll('records-record-layout-item')];
    const email = items.find((i) => i.getAttribute('field-label') === 'Email')!;
    let first = true;
    await scanner.scanAllSliced(document, {
      sliceMs: 0,
      onDelta: () => {},
      pause: async () => {
        if (!first) return;
        first = false;
        // While the job waits: the Email item is removed by the page.
        email.remove();
        scanner.forget([email]);
      },
    });
    expect(scanner.fields().map((f) => f.label)).not.toContain('Email');
  });

  it('stops between slices when cancelled', async () => {
    const { document, keeper } = setup('open');
    const scanner = createScanner({ adapter: salesforce, detector: fakeDetector().detector, env: keeper.env });
    const stats = await scanner.scanAllSliced(document, { sliceMs: 0, pause: async () => {}, onDelta: () => {}, cancelled: () => true });
    expect(stats.slices).toBe(1);
    expect(scanner.fields().length).toBeLessThan(4);
  });
});

describe('person links', () => {
  it('reports a lookup that links to a Contact as a name, and one to an Account not at all', () => {
    const { document } = page(URL_SF);
    document.body.innerHTML = `
      <records-record-layout-item field-label="Reports To" field-api="ReportsToId"><force-lookup slot="outputField" data-output-element-id="output-field"><a href="/lightning/r/Contact/003Dn00000QX7bHIAT/view">Marco Rossi</a></force-lookup></records-record-layout-item>
      <records-record-layout-item field-label="Account Name" field-api="AccountId"><force-lookup slot="outputField" data-output-element-id="output-field"><a href="/lightning/r/Account/001Dn00000Rk2PqIAJ/view">Nordwind GmbH</a></force-lookup></records-record-layout-item>`;
    const scanner = createScanner({ adapter: salesforce, detector: fakeDetector().detector });
    expect(summary(scanner.scanAll(document).added)).toEqual(['Reports To:name:value']);
  });
});

describe('displayed values answered later', () => {
  const URL_GENERIC = 'https://crm.example.org/customers/1';
  const IBAN = 'DE89 3704 0044 0532 0130 00';

  /** A definition list of `n` read-only values, the first `withIban` holding an IBAN. */
  function values(n: number, withIban = 1) {
    const { window, document } = page(URL_GENERIC);
    document.body.innerHTML = `<dl>${Array.from({ length: n }, (_, i) => `<dt>Remark ${i}</dt><dd>${i < withIban ? `refund to ${IBAN}` : `note ${i}`}</dd>`).join('')}</dl>`;
    return { window, document };
  }
  const context = { crm: 'generic' as const, host: 'crm.example.org', objectType: 'customers', recordId: '1', view: 'record' as const };

  it('sends the texts of one scan in one call, and the answer adds the value kind as a further delta', async () => {
    const { document } = values(3);
    const { detector, calls, held } = heldDetector();
    const scanner = createScanner({ adapter: generic, detector });
    const late: ScanDelta[] = [];
    scanner.onValueFields((d) => late.push(d));
    expect(scanner.scanAll(document).added).toEqual([]);
    await tick();
    expect(calls.batches.map((b) => b.length)).toEqual([3]);
    expect(scanner.pendingValues()).toBe(3);
    let settled = false;
    void scanner.valuesSettled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    held[0]!.resolve();
    await tick();
    expect(settled).toBe(true);
    expect(late.map((d) => summary(d.added))).toEqual([['Remark 0:bank_account:value']]);
    expect(late[0]!.removed).toEqual([]);
    expect(summary(scanner.fields())).toEqual(['Remark 0:bank_account:value']);
    expect(scanner.pendingValues()).toBe(0);
  });

  it('caps a batch at 200 texts and at 256 KB of text', async () => {
    const { document } = values(450);
    const { detector, calls } = fakeDetector();
    createScanner({ adapter: generic, detector }).scanAll(document);
    await tick();
    expect(calls.batches.map((b) => b.length)).toEqual([200, 200, 50]);

    const big = page(URL_GENERIC).document;
    const long = 'x'.repeat(3000);
    big.body.innerHTML = `<dl>${Array.from({ length: 150 }, (_, i) => `<dt>Long ${i}</dt><dd>${long}</dd>`).join('')}</dl>`;
    const second = fakeDetector();
    createScanner({ adapter: generic, detector: second.detector }).scanAll(big);
    await tick();
    // composedText keeps 3000 characters of each: 87 texts fit in 256 KiB characters.
    expect(second.calls.batches.map((b) => b.length)).toEqual([87, 63]);
    for (const batch of second.calls.batches) expect(batch.reduce((n, t) => n + t.text.length, 0)).toBeLessThanOrEqual(256 * 1024);
  });

  it('one call per change batch: several scanner calls in one task share it', async () => {
    const { document } = values(2);
    const { detector, calls } = fakeDetector();
    const scanner = createScanner({ adapter: generic, detector });
    scanner.scanAll(document);
    await scanner.valuesSettled();
    calls.batches.length = 0;
    const [dd0, dd1] = [...document.querySelectorAll('dd')];
    dd0!.textContent = `new ${IBAN}`;
    dd1!.textContent = 'changed';
    scanner.rescanScopes([dd0!.firstChild!]);
    scanner.scanChanged([dd1!]);
    await scanner.valuesSettled();
    expect(calls.batches.map((b) => b.length)).toEqual([2]);
  });

  it('drops an answer for a scope rescanned meanwhile, and keeps the newer one', async () => {
    const { document } = values(1);
    const { detector, held } = heldDetector();
    const scanner = createScanner({ adapter: generic, detector });
    const late: ScanDelta[] = [];
    scanner.onValueFields((d) => late.push(d));
    scanner.scanAll(document);
    await tick();
    const dd = document.querySelector('dd')!;
    dd.textContent = 'no bank details any more';
    scanner.rescanScopes([dd.firstChild!]);
    await tick();
    expect(held).toHaveLength(2);
    held[0]!.resolve(); // the old text, with the IBAN: stale
    held[1]!.resolve();
    await scanner.valuesSettled();
    expect(late).toEqual([]);
    expect(scanner.fields()).toEqual([]);
  });

  it('drops an answer for a scope removed meanwhile', async () => {
    const { document } = values(1);
    const { detector, held } = heldDetector();
    const scanner = createScanner({ adapter: generic, detector });
    scanner.scanAll(document);
    await tick();
    const dl = document.querySelector('dl')!;
    dl.remove();
    scanner.forget([dl]);
    held[0]!.resolve();
    await scanner.valuesSettled();
    expect(scanner.fields()).toEqual([]);
  });

  it('drops an answer read on a record the page has left', async () => {
    const { document } = values(1);
    const { detector, held } = heldDetector();
    let current = context;
    const scanner = createScanner({ adapter: generic, detector, context: () => current });
    scanner.scanAll(document);
    await tick();
    current = { ...context, recordId: '2' };
    held[0]!.resolve();
    await scanner.valuesSettled();
    expect(scanner.fields()).toEqual([]);
  });

  it('survives an unreachable detector: no value findings, and the next change sends the text again', async () => {
    const { document } = values(2);
    const { detector, held, calls } = heldDetector();
    const scanner = createScanner({ adapter: generic, detector });
    scanner.scanAll(document);
    await tick();
    held[0]!.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await scanner.valuesSettled();
    expect(scanner.fields()).toEqual([]);
    expect(scanner.pendingValues()).toBe(0);
    // An unrelated change elsewhere on the page: the failed texts go out with it.
    const p = document.createElement('p');
    document.body.append(p);
    scanner.scanChanged([p]);
    await tick();
    expect(calls.batches.map((b) => b.length)).toEqual([2, 2]);
    held[1]!.resolve();
    await scanner.valuesSettled();
    expect(summary(scanner.fields())).toEqual(['Remark 0:bank_account:value']);
  });

  it('ignores malformed answers (missing entries, unknown kinds) instead of failing', async () => {
    const { document } = values(3, 3);
    const scanner = createScanner({
      adapter: generic,
      detector: {
        classifyField: fakeDetector().detector.classifyField,
        scanTexts: async () => [[{ kind: 'nonsense' as never, start: 0, end: 1, confidence: 1, rule: 'x' }], null as never],
      },
    });
    scanner.scanAll(document);
    await scanner.valuesSettled();
    expect(scanner.fields()).toEqual([]);
  });

  it('a sliced first scan sends one batch per slice and merges the answers after it', async () => {
    const { document } = values(40, 40);
    const { detector, calls } = fakeDetector();
    const slow: typeof detector = {
      ...detector,
      classifyField: (d) => {
        const until = performance.now() + 0.5;
        while (performance.now() < until);
        return detector.classifyField(d);
      },
    };
    const scanner = createScanner({ adapter: generic, detector: slow });
    const late: number[] = [];
    scanner.onValueFields((d) => late.push(d.added.length));
    const stats = await scanner.scanAllSliced(document, { sliceMs: 4, pause: tick, onDelta: () => {} });
    await scanner.valuesSettled();
    expect(stats.slices).toBeGreaterThan(2);
    // At most one call per slice (a slice that read no text sends none), never one per field.
    expect(calls.batches.length).toBeGreaterThan(1);
    expect(calls.batches.length).toBeLessThanOrEqual(stats.slices);
    expect(calls.batches.flat()).toHaveLength(40);
    expect(late.reduce((a, b) => a + b, 0)).toBe(40);
    expect(scanner.fields()).toHaveLength(40);
  });
});
