import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { GuardPanel, type GuardPanelProps } from '@/components/guard/GuardPanel';
import { guardStrings } from '@/components/guard/strings';

const base: GuardPanelProps = {
  fieldLabel: 'Beschreibung',
  problems: [{ id: 'a', kind: 'health', problem: 'sensitive', reason: 'never-in-free-text', severity: 'block', masked: '[health data removed]' }],
  prompt: null,
  announcement: 'Gesundheitsdaten in „Beschreibung“.',
  notice: null,
  locale: 'de',
  onFix: () => {},
  onOverride: () => {},
  onCancel: () => {},
};

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function show(props: Partial<GuardPanelProps>): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(<GuardPanel {...base} {...props} />, host);
  return host;
}

describe('GuardPanel', () => {
  it('speaks German, with every key translated', () => {
    expect(Object.keys(guardStrings.tables.de).sort()).toEqual(Object.keys(guardStrings.tables.en).sort());
    const el = show({ prompt: { type: 'blocked' } });
    expect(el.textContent).toContain('Gesundheitsdaten in „Beschreibung“');
    expect(el.textContent).toContain('Speichern ist gesperrt');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Nicht gespeichert');
    expect(el.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('renders nothing but the live region when there is nothing to say', () => {
    const el = show({ problems: [], announcement: '' });
    expect(el.querySelectorAll('button')).toHaveLength(0);
    expect(el.querySelector('[role="status"]')).not.toBeNull();
  });

  it('hands the fix choice back by problem id', async () => {
    const onFix = vi.fn();
    const el = show({ onFix, locale: 'en', prompt: { type: 'blocked' } });
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Remove')!.click();
    expect(onFix).toHaveBeenCalledWith('a', 'remove');
  });

  it('validates the reason before handing it over', async () => {
    const onOverride = vi.fn();
    const el = show({ onOverride, locale: 'en', prompt: { type: 'override', minLength: 10 } });
    const reason = el.querySelector('textarea')!;
    reason.value = '   short   ';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(onOverride).not.toHaveBeenCalled();
    expect(el.querySelector('.pg-error')?.textContent).toContain('at least 10 characters (5 so far)');
    reason.value = '  Customer   asked for it  ';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(onOverride).toHaveBeenCalledWith('Customer asked for it');
  });
});
