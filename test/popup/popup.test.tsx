// @vitest-environment happy-dom
import { describe, expect, it, vi, afterEach } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PopupApp } from '@/components/popup/PopupApp';
import { setLocale } from '@/lib/i18n/strings';
import type { PageReport } from '@/lib/messages/protocol';

const base: PageReport = {
  url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000DEMO01AAA/view',
  crm: 'salesforce',
  objectType: 'Contact',
  recordId: '0035g00000DEMO01AAA',
  contentScript: true,
  context: { crm: 'salesforce', host: 'acme.lightning.force.com', objectType: 'Contact', recordId: '0035g00000DEMO01AAA', view: 'record' },
  fields: [
    { label: 'Email', kind: 'email', confidence: 0.98, inShadowRoot: false },
    { label: 'Mobile', kind: 'phone', confidence: 0.9, inShadowRoot: false },
    { label: 'Religion', kind: 'religion', confidence: 0.95, inShadowRoot: true },
    { label: 'Other Email', kind: 'email', confidence: 0.9, inShadowRoot: false },
  ],
  warnings: [{ fieldLabel: 'Description', kind: 'health', problem: 'sensitive', severity: 'block' }],
  consent: null,
};

async function show(report: PageReport | Error) {
  const root = document.createElement('div');
  document.body.append(root);
  const load = () => (report instanceof Error ? Promise.reject(report) : Promise.resolve(report));
  await act(async () => {
    render(<PopupApp loadReport={load} openOptions={vi.fn()} />, root);
  });
  await act(async () => {});
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
  setLocale('en');
});

describe('PopupApp', () => {
  it('lists kinds by count, special categories first', async () => {
    const root = await show(base);
    const items = [...root.querySelectorAll('[data-testid="kinds"] li')].map((li) => li.textContent);
    expect(items).toEqual(['Religious belief 1×', 'Email address 2×', 'Phone number 1×']);
    expect(root.querySelector('[data-testid="record"]')?.textContent).toBe('Contact 0035g00000DEMO01AAA');
    expect(root.querySelector('[data-testid="warnings"]')?.textContent).toContain('Description: Health data');
  });

  it('speaks German when the browser does', async () => {
    setLocale('de-DE');
    const root = await show(base);
    expect(root.textContent).toContain('Felder mit personenbezogenen Daten');
    expect(root.textContent).toContain('Religiöse Überzeugung');
  });

  it('says when the tab is no CRM page', async () => {
    const root = await show({ ...base, crm: null, contentScript: false, fields: [], context: null });
    expect(root.querySelector('[data-testid="not-crm"]')).not.toBeNull();
  });

  it('says when the guard is not running on a CRM tab', async () => {
    const root = await show({ ...base, contentScript: false });
    expect(root.querySelector('[data-testid="no-content-script"]')).not.toBeNull();
  });

  it('shows why it could not read the tab', async () => {
    const root = await show(new Error('No tab with id 9'));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('No tab with id 9');
  });
});
