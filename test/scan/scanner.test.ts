// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../lib/scan/scanner';
import { salesforce } from '../../lib/crm/salesforce';
import { generic } from '../../lib/crm/generic';
import type { CrmAdapter, ScanRoot } from '../../lib/crm/adapter';
import { FIELDS, ShadowKeeper, genericRecord, page, salesforceView, type ShadowMode } from '../crm/fixtures';
import { fakeDetector } from './fake-detector';

const URL_SF = 'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000AbCdEIAV/view';

function setup(mode: ShadowMode) {
  const { window, document } = page(URL_SF);
  const keeper = new ShadowKeeper();
  const host = salesforceView(document, keeper, mode);
  const { detector, calls } = fakeDetector();
  const roots: ScanRoot[] = [];
  const spy: CrmAdapter = { ...salesforce, collectFields: (root, env) => (roots.push(root), salesforce.collectFields(root, env)) };
  const scanner = createScanner({ adapter: spy, detector, env: keeper.env });
  return { window, document, keeper, host, scanner, calls, roots };
}

const summary = (fields: { label: string; kind: string; source: string }[]) => fields.map((f) => `${f.label}:${f.kind}:${f.source}`).sort();

describe('scanner', () => {
  it.each(['none', 'open', 'closed'] as ShadowMode[])('finds label kinds and sensitive kinds in displayed values (shadow: %s)', (mode) => {
    const { document, scanner } = setup(mode);
    const delta = scanner.scanAll(document);
    expect(summary(delta.added)).toEqual(['Birthdate:birthdate:field', 'Email:email:field', 'Mobile:phone:field', 'Notes:bank_account:value']);
    expect(delta.added.every((f) => f.inShadowRoot === (mode !== 'none'))).toBe(true);
    expect(scanner.fields()).toHaveLength(4);
  });

  it('keeps displayed values out of everything it returns', () => {
    const { document, scanner } = setup('open');
    const out = JSON.stringify(scanner.scanAll(document).added.map(({ element: _e, scope: _s, ...rest }) => rest));
    for (const f of FIELDS) expect(out).not.toContain(f.value);
    expect(out).not.toContain('DE89');
  });

  it('does not turn an ordinary value (an email in a note) into a field kind', () => {
    const { document } = page('https://crm.example.org/customers/1');
    const keeper = new ShadowKeeper();
    document.body.innerHTML = '<dl><dt>Remarks</dt><dd>write to info@example.com</dd></dl>';
    const scanner = createScanner({ adapter: generic, detector: fakeDetector().detector, env: keeper.env });
    expect(scanner.scanAll(document).added).toEqual([]);
  });

  it('rescans only the subtree of a field added later', () => {
    const { document, scanner, calls, roots, host, keeper } = setup('open');
    scanner.scanAll(document);
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

  it('widens a change inside a field to the field scope and replaces its entry', () => {
    const { document, scanner, host, keeper } = setup('open');
    scanner.scanAll(document);
    const notes = [...keeper.env.shadowOf(host)!.querySelectorAll('records-record-layout-item')].find((i) => i.getAttribute('field-label') === 'Notes')!;
    const output = notes.querySelector('[data-output-element-id]')!;
    const textNode = keeper.env.shadowOf(output)!.firstChild!;
    textNode.nodeValue = 'no bank details any more';
    const delta = scanner.rescanScopes([textNode]);
    expect(summary(delta.removed)).toEqual(['Notes:bank_account:value']);
    expect(delta.added).toEqual([]);
    expect(scanner.fields()).toHaveLength(3);
  });

  it('forgets fields whose nodes were removed, and ignores nodes still connected', () => {
    const { document, scanner, host } = setup('closed');
    scanner.scanAll(document);
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
    expect(summary(slow.fields())).toEqual(summary(scanner.scanAll(document).added));
    expect(pauses).toBeGreaterThan(1);
    expect(stats.slices).toBe(pauses + 1);
    expect(pauses).toBeGreaterThan(2);
    expect(deltas.reduce((a, b) => a + b, 0)).toBe(4);
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
