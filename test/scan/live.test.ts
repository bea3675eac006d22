// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createMutationBatcher, type MutationBatch } from '../../lib/scan/live';
import { page } from '../crm/fixtures';

async function settle(window: { happyDOM: { waitUntilComplete(): Promise<void> } }) {
  await new Promise((r) => setTimeout(r, 0));
  await window.happyDOM.waitUntilComplete();
}

function setup() {
  const { window, document } = page('https://app.hubspot.com/contacts/1/record/0-1/2');
  const Observer = (window as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
  (globalThis as { MutationObserver?: typeof MutationObserver }).MutationObserver = Observer;
  const batches: MutationBatch[] = [];
  const queue: (() => void)[] = [];
  let signals = 0;
  const batcher = createMutationBatcher({
    schedule: (flush) => queue.push(flush),
    onBatch: (b) => batches.push(b),
    onSignal: () => signals++,
    ignore: (n) => (n as Element).tagName === 'CRM-PRIVACY-GUARD-OVERLAY',
  });
  return { window, document, batcher, batches, queue, signals: () => signals };
}

describe('mutation batcher', () => {
  it('folds a burst of mutations into one scheduled batch', async () => {
    const { window, document, batcher, batches, queue, signals } = setup();
    batcher.observe(document);
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a);
    document.body.append(b);
    a.setAttribute('aria-label', 'Email');
    a.setAttribute('class', 'unwatched');
    await settle(window);
    expect(signals()).toBeGreaterThan(0);
    expect(queue).toHaveLength(1);
    queue.shift()!();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added).toEqual([a, b]);
    expect(batches[0]!.attributed).toEqual([a]);
  });

  it('watches shadow roots it is given, and drops nodes added and removed in the same batch', async () => {
    const { window, document, batcher, batches, queue } = setup();
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'closed' });
    batcher.observe(document);
    batcher.observe(root);
    const keep = document.createElement('p');
    const gone = document.createElement('span');
    root.append(keep, gone);
    gone.remove();
    await settle(window);
    queue.shift()!();
    expect(batches[0]!.added).toEqual([keep]);
    expect(batches[0]!.removed).toEqual([]);
    expect(batches[0]!.touched).toEqual([root]);
  });

  it('reports removals of nodes that were there before, and in-place text edits', async () => {
    const { window, document, batcher, batches, queue } = setup();
    document.body.innerHTML = '<div id="x">old</div><div id="y"></div>';
    batcher.observe(document);
    const text = document.getElementById('x')!.firstChild!;
    text.nodeValue = 'new';
    const y = document.getElementById('y')!;
    y.remove();
    await settle(window);
    queue.shift()!();
    expect(batches[0]!.removed).toEqual([y]);
    expect(batches[0]!.touched).toEqual(expect.arrayContaining([text, document.body]));
  });

  it('ignores our own UI and stops after disconnect', async () => {
    const { window, document, batcher, batches, queue } = setup();
    batcher.observe(document);
    document.body.append(document.createElement('crm-privacy-guard-overlay'));
    await settle(window);
    expect(queue).toHaveLength(0);
    batcher.disconnect();
    document.body.append(document.createElement('div'));
    await settle(window);
    expect(queue).toHaveLength(0);
    expect(batches).toHaveLength(0);
  });

  it('flush() delivers pending records synchronously', () => {
    const { document, batcher, batches } = setup();
    batcher.observe(document);
    const a = document.createElement('div');
    document.body.append(a);
    batcher.flush();
    expect(batches.map((b) => b.added)).toEqual([[a]]);
  });
});
