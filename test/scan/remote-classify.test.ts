// @vitest-environment node
/**
 * The scanner with an out-of-process classifier (the content script's: verdicts
 * come from the background by message): fields arrive as a later delta, verdicts
 * are remembered so a rescan is immediate, stale and failed answers are handled.
 */
import { describe, expect, it } from 'vitest';
import { createScanner, type ScanDelta } from '../../lib/scan/scanner';
import { salesforce } from '../../lib/crm/salesforce';
import type { RemoteDetector } from '../../lib/scan/detector';
import type { FieldDescriptor } from '../../lib/detect/field-descriptor';
import { ShadowKeeper, page, salesforceView, type ShadowMode } from '../crm/fixtures';
import { fakeDetector, tick } from './fake-detector';

const URL_SF = 'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000AbCdEIAV/view';

/** The fake classifier behind a message-like boundary; batches held until released (or failed). */
function remote() {
  const { detector: local, calls } = fakeDetector();
  const asked: FieldDescriptor[][] = [];
  const held: { resolve: () => void; reject: (e: Error) => void }[] = [];
  let hold = false;
  const detector: RemoteDetector = {
    scanTexts: local.scanTexts,
    classifyFields(descs) {
      asked.push([...descs]);
      const answer = () => descs.map((d) => local.classifyField!(d));
      if (!hold) return Promise.resolve(answer());
      return new Promise((resolve, reject) => held.push({ resolve: () => resolve(answer()), reject }));
    },
  };
  return { detector, calls, asked, held, holdAnswers: (on: boolean) => (hold = on) };
}

function setup(mode: ShadowMode = 'open') {
  const { document } = page(URL_SF);
  const keeper = new ShadowKeeper();
  const host = salesforceView(document, keeper, mode);
  const r = remote();
  let context = { crm: 'salesforce' as const, host: 'acme.lightning.force.com', objectType: 'Contact', recordId: '003Dn00000AbCdEIAV', view: 'record' as const };
  const scanner = createScanner({ adapter: salesforce, detector: r.detector, env: keeper.env, context: () => context });
  const late: ScanDelta[] = [];
  scanner.onValueFields((d) => late.push(d));
  return { document, host, scanner, late, ...r, setRecord: (id: string) => (context = { ...context, recordId: id }) };
}

const summary = (fields: { label: string; kind: string; source: string }[]) => fields.map((f) => `${f.label}:${f.kind}:${f.source}`).sort();

describe('scanner with a classifier in the background', () => {
  it.each(['none', 'open', 'closed'] as ShadowMode[])('returns no fields at once, then label kinds and value kinds as they are answered (shadow: %s)', async (mode) => {
    const { document, scanner, late, asked } = setup(mode);
    expect(scanner.scanAll(document).added).toEqual([]);
    expect(scanner.pendingValues()).toBeGreaterThan(0);
    await scanner.valuesSettled();
    expect(asked).toHaveLength(1);
    expect(summary(late.flatMap((d) => d.added))).toEqual(['Birthdate:birthdate:field', 'Email:email:field', 'Mobile:phone:field', 'Notes:bank_account:value']);
    expect(summary(scanner.fields())).toEqual(summary(late.flatMap((d) => d.added)));
    // Descriptions only ever leave: labels and names, never a displayed value.
    expect(JSON.stringify(asked)).not.toContain('DE89');
  });

  it('remembers verdicts: a rescan of known fields is immediate and asks nothing', async () => {
    const { document, scanner, asked } = setup();
    scanner.scanAll(document);
    await scanner.valuesSettled();
    const again = scanner.scanAll(document);
    expect(summary(again.added)).toEqual(['Birthdate:birthdate:field', 'Email:email:field', 'Mobile:phone:field']);
    expect(asked).toHaveLength(1);
  });

  it('the sliced first scan sends one batch per slice and reports every field once answered', async () => {
    const { document, scanner, late, asked } = setup();
    const deltas: ScanDelta[] = [];
    await scanner.scanAllSliced(document, { pause: tick, onDelta: (d) => deltas.push(d) });
    await scanner.valuesSettled();
    expect(deltas.flatMap((d) => d.added)).toEqual([]);
    expect(asked.length).toBeGreaterThanOrEqual(1);
    expect(summary(late.flatMap((d) => d.added))).toContain('Email:email:field');
  });

  it('drops the answer for a scope rescanned meanwhile: each field appears once, from the newer request', async () => {
    const { document, host, scanner, late, held, holdAnswers } = setup('none');
    holdAnswers(true);
    scanner.scanAll(document);
    await tick();
    const items = [...host.querySelectorAll('records-record-layout-item')];
    scanner.rescanScopes(items);
    await tick();
    expect(held).toHaveLength(2);
    held[1]!.resolve();
    await tick();
    held[0]!.resolve();
    await tick();
    const labels = late.flatMap((d) => d.added).filter((f) => f.source === 'field').map((f) => f.label).sort();
    expect(labels).toEqual(['Birthdate', 'Email', 'Mobile']);
  });

  it('drops answers for a record the page has left', async () => {
    const { document, scanner, late, held, holdAnswers, setRecord } = setup('none');
    holdAnswers(true);
    scanner.scanAll(document);
    await tick();
    setRecord('003Dn00000ZzZzZIAV');
    for (const h of held) h.resolve();
    await tick();
    expect(late).toEqual([]);
    expect(scanner.fields()).toEqual([]);
  });

  it('a background that fails is asked again with the next change, and nothing is lost meanwhile', async () => {
    const { document, host, scanner, late, held, holdAnswers } = setup('none');
    holdAnswers(true);
    scanner.scanAll(document);
    await tick();
    held.shift()!.reject(new Error('Extension context invalidated'));
    await tick();
    expect(scanner.fields()).toEqual([]);
    holdAnswers(false);
    scanner.rescanScopes([host.querySelector('records-record-layout-item')!]);
    await scanner.valuesSettled();
    expect(summary(late.flatMap((d) => d.added))).toEqual(['Birthdate:birthdate:field', 'Email:email:field', 'Mobile:phone:field', 'Notes:bank_account:value']);
  });

  it('ignores malformed verdicts', async () => {
    const { document } = page(URL_SF);
    const keeper = new ShadowKeeper();
    salesforceView(document, keeper, 'none');
    const { detector: local } = fakeDetector();
    const scanner = createScanner({
      adapter: salesforce,
      env: keeper.env,
      detector: { scanTexts: local.scanTexts, classifyFields: async (descs) => descs.map(() => ({ kind: 'not-a-kind', confidence: 1, reasonCode: 'x', reason: 'x' }) as never) },
    });
    scanner.scanAll(document);
    await scanner.valuesSettled();
    expect(scanner.fields().filter((f) => f.source === 'field')).toEqual([]);
  });
});
