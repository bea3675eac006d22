import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AuditView, formToFilter, type AuditViewProps } from '../../components/audit/AuditView';
import { setLocale } from '../../lib/i18n/strings';
import type { AuditEntry } from '../../lib/audit/chain';
import type { AuditFilter } from '../../lib/audit/events';
import type { QueryPage, QueryResult } from '../../lib/audit/service';
import { freshDbName, openLog, viewed } from './helpers';

const TOTAL = 100_000;

function synthetic(seq: number): AuditEntry {
  return {
    v: 1,
    id: `01J${String(seq).padStart(23, '0')}`,
    seq,
    deviceId: 'd',
    time: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
    type: seq % 5 === 0 ? 'fields.shown' : 'record.viewed',
    user: `user-${seq % 7}`,
    crm: 'salesforce',
    objectType: 'Contact',
    recordId: `003${seq % 1000}`,
    host: 'acme.lightning.force.com',
    extVersion: '0.1.0',
    data: seq % 5 === 0 ? { kinds: ['email'], fieldCount: 1 } : { mode: 'view' },
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
  };
}

/** 100,000 entries served page by page, as the background would. */
function fakeLoader() {
  const calls: Array<{ filter: AuditFilter; page: QueryPage }> = [];
  const loadPage = async (filter: AuditFilter, page: QueryPage): Promise<QueryResult> => {
    calls.push({ filter, page });
    const entries: AuditEntry[] = [];
    let seq = (page.before ?? TOTAL + 1) - 1;
    for (; seq >= 1 && entries.length < page.limit; seq--) {
      const e = synthetic(seq);
      if (filter.recordId && e.recordId !== filter.recordId) continue;
      if (filter.type && e.type !== filter.type) continue;
      entries.push(e);
    }
    const last = entries[entries.length - 1];
    return seq >= 1 && last ? { entries, nextBefore: last.seq } : { entries };
  };
  return { loadPage, calls };
}

let container: HTMLElement;
beforeEach(() => {
  setLocale('en');
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const flush = () => act(async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
});

async function mount(props: Partial<AuditViewProps> = {}) {
  const loader = fakeLoader();
  const full: AuditViewProps = {
    loadPage: loader.loadPage,
    verify: vi.fn(async () => ({ at: '2026-01-01T00:00:00.000Z', ok: true, checked: 100000, problemCount: 0, durationMs: 1234 })),
    exportLog: vi.fn(async () => undefined),
    ...props,
  };
  await act(() => render(<AuditView {...full} />, container));
  await flush();
  return { ...loader, props: full };
}

const dataRows = () => container.querySelectorAll('[data-testid="audit-viewport"] [role="row"]');
const viewport = () => container.querySelector<HTMLElement>('[data-testid="audit-viewport"]')!;

describe('AuditView', () => {
  it('renders only the visible rows of a large log and pages in more on scrolling', async () => {
    const { calls } = await mount({ height: 520, rowHeight: 26 });
    expect(calls).toHaveLength(1);
    expect(dataRows().length).toBeLessThanOrEqual(20 + 8);
    expect(dataRows()[0]!.textContent).toContain('100000');
    // Scroll far down, page after page, the DOM stays small.
    for (let i = 0; i < 30; i++) {
      const vp = viewport();
      vp.scrollTop = (i + 1) * 180 * 26;
      await act(() => {
        vp.dispatchEvent(new Event('scroll'));
      });
      await flush();
    }
    expect(calls.length).toBeGreaterThan(25);
    expect(calls.every((c, i) => i === 0 || c.page.before === calls[i - 1]!.page.before! - 200 || c.page.before !== undefined)).toBe(true);
    const rows = dataRows();
    expect(rows.length).toBeLessThanOrEqual(40);
    const firstShown = Number(rows[0]!.querySelector('[role="cell"]')!.textContent);
    expect(firstShown).toBe(TOTAL - (30 * 180 - 8));
    expect(container.querySelector('[data-testid="audit-count"]')!.textContent).toMatch(/entries loaded, more on scrolling/);
  });

  it('applies filters: time as UTC ISO, type, record and user', async () => {
    const { calls } = await mount();
    const set = (name: string, value: string) => {
      const el = container.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(() => {
      set('from', '2026-01-02T10:00');
      set('type', 'fields.shown');
      set('recordId', ' 003500 ');
      set('user', 'user-3');
    });
    await act(() => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await flush();
    const last = calls[calls.length - 1]!;
    expect(last.filter).toEqual({ from: new Date('2026-01-02T10:00').toISOString(), type: 'fields.shown', recordId: '003500', user: 'user-3' });
    expect(last.page.before).toBeUndefined();
    expect([...dataRows()].every((r) => r.textContent!.includes('003500'))).toBe(true);
  });

  it('refuses an invalid date with a message and keeps the previous results', async () => {
    expect(formToFilter({ from: 'garbage', to: '', type: '', recordId: '', user: '' })).toBeNull();
    expect(formToFilter({ from: '', to: '2026-01-01T00:00', type: 'nope', recordId: '', user: '' })).toEqual({
      to: new Date(new Date('2026-01-01T00:00').getTime() + 59_999).toISOString(),
    });
  });

  it('shows the verification result, good and broken', async () => {
    await mount();
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="audit-verify"]')!.click());
    await flush();
    expect(container.querySelector('[data-testid="audit-verify-result"]')!.textContent).toBe('Chain intact: 100,000 entries checked in 1,234 ms.');

    render(null, container);
    await mount({
      verify: async () => ({
        at: 'x',
        ok: false,
        checked: 50,
        problemCount: 2,
        durationMs: 3,
        firstProblem: { seq: 17, reason: 'hash_mismatch', detail: 'content does not match its hash' },
      }),
    });
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="audit-verify"]')!.click());
    await flush();
    const result = container.querySelector('[data-testid="audit-verify-result"]')!;
    expect(result.textContent).toBe('Chain broken at entry 17: entry was changed (2 problems in 50 entries).');
    expect(result.className).toContain('bad');
  });

  it('exports through the callback with the current filter and reports failures', async () => {
    const exportLog = vi.fn(async () => undefined);
    await mount({ exportLog });
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="audit-export-csv"]')!.click());
    await flush();
    expect(exportLog).toHaveBeenCalledWith('csv', {});
    expect(container.textContent).toContain('Export ready.');
    render(null, container);
    await mount({ exportLog: async () => Promise.reject(new Error('no permission')) });
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="audit-export-ndjson"]')!.click());
    await flush();
    expect(container.textContent).toContain('Export failed: no permission');
  });

  it('shows load errors as text, never as markup', async () => {
    await mount({ loadPage: async () => Promise.reject(new Error('<img src=x onerror=alert(1)>')) });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('speaks German', async () => {
    setLocale('de');
    await mount({ loadStats: async () => ({ total: 1234, outboxSize: 5, lastForward: null, lastVerification: null }) });
    expect(container.querySelector('[data-testid="audit-verify"]')!.textContent).toBe('Kette prüfen');
    expect(container.querySelector('[data-testid="audit-stats"]')!.textContent).toContain('1.234 Einträge gespeichert, 5 warten auf Weiterleitung.');
    expect(container.textContent).toContain('Datensatz angesehen');
  });

  it('works against the real audit service', async () => {
    const log = await openLog(freshDbName());
    for (let i = 0; i < 30; i++) await log.append(viewed(i % 2 ? 'odd' : 'even'));
    await mount({ loadPage: (f, p) => log.query(f, p), verify: () => log.verify(), loadStats: () => log.stats() });
    await vi.waitFor(() => expect(container.querySelector('[data-testid="audit-count"]')!.textContent).toBe('30 entries'));
    expect(dataRows().length).toBeLessThan(30); // windowed: only what fits in 480 px plus overscan
    await vi.waitFor(() => expect(container.querySelector('[data-testid="audit-stats"]')!.textContent).toContain('30 entries stored, 30 waiting'));
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="audit-verify"]')!.click());
    await vi.waitFor(() =>
      expect(container.querySelector('[data-testid="audit-verify-result"]')!.textContent).toMatch(/^Chain intact: 30 entries checked/),
    );
    log.close();
  });
});

describe('AuditView with unstable callbacks', () => {
  it('does not reload when the parent re-renders with new function identities', async () => {
    const { loadPage, calls } = fakeLoader();
    const host = document.createElement('div');
    document.body.append(host);
    const draw = () =>
      render(<AuditView loadPage={(f, p) => loadPage(f, p)} verify={async () => Promise.reject(new Error('n/a'))} exportLog={async () => undefined} />, host);
    await act(draw);
    await act(async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    });
    await act(draw);
    await act(draw);
    await act(async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    });
    expect(calls).toHaveLength(1);
    render(null, host);
    host.remove();
  });
});
