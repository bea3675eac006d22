// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { setLocale } from '../../lib/i18n/strings';
import { redactState, resolvePolicy, type PolicyState } from '../../lib/policy/resolve';
import { PolicyView } from '../../components/policy/PolicyView';
import { LocalSettingsForm } from '../../components/policy/LocalSettingsForm';
import { PolicyProblemsBanner } from '../../components/policy/PolicyProblemsBanner';
import { PolicyPanel } from '../../components/policy/PolicyPanel';
import { PolicyTab } from '../../components/policy/PolicyTab';
import { policyStrings } from '../../components/policy/strings';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  setLocale('en');
});
afterEach(() => {
  render(null, root);
  root.remove();
  setLocale('en');
});

const mount = (node: preact.ComponentChild) => act(() => render(node, root));
const $ = <T extends Element = HTMLElement>(selector: string) => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const state = (managed: unknown, local?: unknown): PolicyState => redactState(resolvePolicy({ managed, local }));

describe('PolicyView', () => {
  it('groups the effective policy and marks what the organisation locked', async () => {
    await mount(<PolicyView state={state({ badges: 'hover', modes: { criminal: 'block' }, consent: { token: 'secret-token' } })} />);
    const badges = $('[data-testid="policy-row-badges"]');
    expect(badges.dataset.locked).toBe('true');
    expect(badges.textContent).toContain('On hover');
    expect(badges.textContent).toContain('Set by your organisation');
    const ordinary = $('[data-testid="policy-row-modes.ordinary"]');
    expect(ordinary.dataset.locked).toBe('false');
    expect(ordinary.textContent).toContain('Warn');
    expect(ordinary.textContent).not.toContain('Set by your organisation');
    expect($('[data-testid="policy-row-modes.criminal"]').textContent).toContain('Block saving');
    expect($('[data-testid="policy-row-consent.token"]').textContent).toContain('Set (hidden)');
    expect(root.textContent).not.toContain('secret-token');
    expect(root.querySelectorAll('.policy-group h3')).toHaveLength(9);
    expect(root.querySelector('[data-testid="policy-problems"]')).toBeNull();
  });

  it('lists every problem with its path and reason', async () => {
    await mount(<PolicyView state={state({ modes: { criminal: 'allow' }, audit: { endpoint: 'http://audit.example.com' } }, { version: 1, settings: { badges: 7 } })} />);
    const items = [...root.querySelectorAll('[data-testid="policy-problems"] li')];
    expect(items.map((li) => (li as HTMLElement).dataset.path)).toEqual(['modes.criminal', 'audit.endpoint', 'badges']);
    expect(items[0]?.textContent).toContain('Criminal data (Art. 10)');
    expect(items[0]?.textContent).toContain('Invalid option');
    expect(items[1]?.textContent).toContain('must be https');
    expect(items[2]?.textContent).toContain('Your settings');
  });

  it('renders everything from a policy as text, never as markup', async () => {
    await mount(<PolicyView state={state({ '<img src=x onerror=alert(1)>': 1, audit: { userPseudonym: '<b id="inj">rep</b>' } })} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('#inj')).toBeNull();
    expect(root.textContent).toContain('<b id="inj">rep</b>');
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('speaks German', async () => {
    setLocale('de');
    await mount(<PolicyView state={state({ badges: 'hover' })} />);
    expect($('[data-testid="policy-row-badges"]').textContent).toContain('Beim Überfahren');
    expect($('[data-testid="policy-row-badges"]').textContent).toContain('Von Ihrer Organisation festgelegt');
    expect(root.textContent).toContain('Geltende Richtlinie');
  });

  it('has a German string for every English one', () => {
    expect(Object.keys(policyStrings.tables.de).sort()).toEqual(Object.keys(policyStrings.tables.en).sort());
    for (const value of Object.values(policyStrings.tables.de)) expect(value.trim()).not.toBe('');
  });
});

describe('LocalSettingsForm', () => {
  it('disables what the organisation locked or does not let reps change, with the reason', async () => {
    await mount(<LocalSettingsForm state={state({ badges: 'off', ui: { repMayPause: false } })} onSave={() => {}} />);
    const badges = $<HTMLSelectElement>('select[name="badges"]');
    expect(badges.disabled).toBe(true);
    expect(badges.value).toBe('off');
    expect($('[data-testid="setting-badges"]').dataset.locked).toBe('true');
    expect($('[data-testid="setting-badges"]').textContent).toContain('Set by your organisation’s policy');
    const criminal = $<HTMLSelectElement>('select[name="modes.criminal"]');
    expect(criminal.disabled).toBe(true);
    expect($('[data-testid="setting-modes.criminal"]').textContent).toContain('does not let reps change');
    expect($<HTMLSelectElement>('select[name="ui.language"]').disabled).toBe(false);
    expect($<HTMLInputElement>('input[name="paused"]').disabled).toBe(true);
    expect($('[data-testid="setting-paused"]').textContent).toContain('does not allow pausing');
  });

  it('sends only what changed to onSave and reports success', async () => {
    const onSave = vi.fn(async () => undefined);
    await mount(<LocalSettingsForm state={state({})} onSave={onSave} />);
    const language = $<HTMLSelectElement>('select[name="ui.language"]');
    await act(() => {
      language.value = 'de';
      language.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const german = $<HTMLInputElement>('input[name="detection.languages.de"]');
    await act(() => {
      german.checked = false;
      german.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => {
      $<HTMLInputElement>('input[name="paused"]').click();
    });
    await act(async () => {
      $<HTMLFormElement>('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).toHaveBeenCalledWith({ 'ui.language': 'de', 'detection.languages': ['en', 'fr', 'es', 'it', 'nl'], paused: true });
    expect($('[data-testid="settings-status"]').textContent).toBe('Saved.');
  });

  it('shows why a save was refused and keeps the rep’s input', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('“badges” is set by your organisation’s policy and cannot be changed.');
    });
    await mount(<LocalSettingsForm state={state({})} onSave={onSave} />);
    const badges = $<HTMLSelectElement>('select[name="badges"]');
    await act(() => {
      badges.value = 'hover';
      badges.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {
      $<HTMLFormElement>('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect($('[data-testid="settings-status"] [role="alert"]').textContent).toContain('cannot be changed');
    expect($<HTMLSelectElement>('select[name="badges"]').value).toBe('hover');
  });

  it('resets the rep’s own values to the organisation’s or default ones', async () => {
    const onSave = vi.fn(async () => undefined);
    await mount(<LocalSettingsForm state={state({}, { version: 1, settings: { badges: 'off', 'ui.language': 'de' }, paused: true })} onSave={onSave} />);
    await act(async () => {
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Reset my settings')?.click();
    });
    expect(onSave).toHaveBeenCalledWith({ badges: null, 'ui.language': null, paused: false });
  });

  it('does not submit an empty language list', async () => {
    await mount(<LocalSettingsForm state={state({ detection: { languages: ['de'] }, ui: { repMayChange: ['detection.languages'] } })} onSave={() => {}} />);
    // Locked by the admin: boxes disabled, nothing to warn about.
    expect($<HTMLInputElement>('input[name="detection.languages.de"]').disabled).toBe(true);
    render(null, root);
    await mount(<LocalSettingsForm state={state({ ui: { repMayChange: ['detection.languages'] } })} onSave={() => {}} />);
    for (const box of root.querySelectorAll<HTMLInputElement>('input[name^="detection.languages."]')) {
      if (!box.checked) continue;
      await act(() => {
        box.checked = false;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }
    expect(root.textContent).toContain('Choose at least one language.');
    expect($<HTMLButtonElement>('button[type="submit"]').disabled).toBe(true);
  });

  it('says so when the organisation fixed everything', async () => {
    await mount(<LocalSettingsForm state={state({ ui: { repMayChange: [], repMayPause: false } })} onSave={() => {}} />);
    expect(root.querySelector('[data-testid="nothing-to-change"]')).not.toBeNull();
    expect($<HTMLButtonElement>('button[type="submit"]').disabled).toBe(true);
  });
});

describe('LocalSettingsForm: connections', () => {
  const TOKEN = 'cpg_demo_reader_LOCAL_ONLY';
  const mine = (settings: Record<string, unknown>) => ({ version: 1, settings, paused: false });
  const type = async (selector: string, value: string) => {
    const input = $<HTMLInputElement>(selector);
    await act(() => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const submit = () =>
    act(async () => {
      $<HTMLFormElement>('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });

  it.each([
    // [description, managed, section shown, enabled connection keys]
    ['no managed policy', undefined, true, ['consent.url', 'consent.token', 'audit.endpoint', 'audit.token', 'audit.format']],
    ['an empty managed policy', {}, true, ['consent.url', 'consent.token', 'audit.endpoint', 'audit.token', 'audit.format']],
    ['a managed policy with any key', { badges: 'off' }, false, []],
    ['a broken managed policy', 42, false, []],
    ['an admin who grants only the consent URL', { ui: { repMayChange: ['consent.url'] } }, true, ['consent.url']],
  ])('with %s', async (_name, managed, shown, enabled) => {
    await mount(<LocalSettingsForm state={state(managed)} onSave={() => {}} />);
    const section = root.querySelector('[data-testid="connections"]');
    expect(section !== null).toBe(shown);
    if (!section) {
      expect(root.querySelector('[name="consent.url"]')).toBeNull();
      expect(root.textContent).not.toContain('Connections');
      return;
    }
    expect(section.querySelector('h3')?.textContent).toBe('Connections');
    for (const key of ['consent.url', 'consent.token', 'audit.endpoint', 'audit.token', 'audit.format']) {
      const control = section.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
      expect(control, key).not.toBeNull();
      expect(control!.disabled, key).toBe(!(enabled as string[]).includes(key));
    }
    expect(section.querySelector<HTMLInputElement>('[name="consent.token"]')!.type).toBe('password');
    expect(section.querySelector<HTMLInputElement>('[name="consent.url"]')!.type).toBe('text');
    expect([...section.querySelectorAll('select[name="audit.format"] option')].map((o) => o.textContent)).toEqual(['Reference service', 'OpenTelemetry (OTLP/HTTP JSON)']);
  });

  it.each([
    ['http://consent.example.com', 'must start with https://'],
    ['consent.example.com', 'not a valid address'],
    ['https://me:pw@consent.example.com', 'must not contain a user name'],
    ['http://127.0.0.1:8787', null],
    ['https://consent.example.com/api', null],
    ['', null],
  ])('validates the URL %j inline', async (value, message) => {
    const onSave = vi.fn(async () => undefined);
    await mount(<LocalSettingsForm state={state(undefined)} onSave={onSave} />);
    await type('input[name="consent.url"]', value);
    const issue = root.querySelector('[data-testid="issue-consent.url"]');
    const input = $<HTMLInputElement>('input[name="consent.url"]');
    if (message) {
      expect(issue?.textContent).toContain(message);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toContain(issue!.id);
      expect($<HTMLButtonElement>('button[type="submit"]').disabled).toBe(true);
      await submit();
      expect(onSave).not.toHaveBeenCalled();
    } else {
      expect(issue).toBeNull();
      expect(input.getAttribute('aria-invalid')).toBeNull();
      expect($<HTMLButtonElement>('button[type="submit"]').disabled).toBe(false);
    }
  });

  it('explains a refused URL in German', async () => {
    setLocale('de');
    await mount(<LocalSettingsForm state={state(undefined)} onSave={() => {}} />);
    expect($('[data-testid="connections"] h3').textContent).toBe('Verbindungen');
    await type('input[name="audit.endpoint"]', 'http://audit.example.com');
    expect($('[data-testid="issue-audit.endpoint"]').textContent).toContain('muss mit https:// beginnen');
    expect($('[data-testid="token-status-consent.token"]').textContent).toBe('Kein Token hinterlegt.');
  });

  it('sends a new URL, token and format, and never shows the token afterwards', async () => {
    let current = state(undefined);
    const onSave = vi.fn(async (patch: Record<string, unknown>) => {
      current = state(undefined, mine(patch));
    });
    await mount(<LocalSettingsForm state={current} onSave={onSave} />);
    expect($('[data-testid="token-status-consent.token"]').textContent).toBe('No token set.');
    expect(root.querySelector('[data-testid="token-remove-consent.token"]')).toBeNull();
    await type('input[name="consent.url"]', '  http://127.0.0.1:8787 ');
    await type('input[name="consent.token"]', TOKEN);
    const format = $<HTMLSelectElement>('select[name="audit.format"]');
    await act(() => {
      format.value = 'otlp';
      format.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.innerHTML).not.toContain(TOKEN);
    await submit();
    expect(onSave).toHaveBeenCalledWith({ 'consent.url': 'http://127.0.0.1:8787', 'consent.token': TOKEN, 'audit.format': 'otlp' });
    // The background answers with the new state; the form shows only that a token is set.
    await mount(<LocalSettingsForm state={current} onSave={onSave} />);
    expect($<HTMLInputElement>('input[name="consent.token"]').value).toBe('');
    expect($('[data-testid="token-status-consent.token"]').textContent).toContain('A token is set');
    expect($<HTMLInputElement>('input[name="consent.url"]').value).toBe('http://127.0.0.1:8787');
    expect(root.innerHTML).not.toContain(TOKEN);
    expect(root.textContent).not.toContain(TOKEN);
    // Saving again without typing leaves the stored token alone.
    onSave.mockClear();
    await type('input[name="audit.endpoint"]', 'https://audit.example.com/v1');
    await submit();
    expect(onSave).toHaveBeenCalledWith({ 'audit.endpoint': 'https://audit.example.com/v1' });
  });

  it('never echoes the stored token, even when handed an unredacted state', async () => {
    await mount(<LocalSettingsForm state={resolvePolicy({ managed: undefined, local: mine({ 'consent.token': TOKEN, 'audit.token': 'ingest-secret' }) })} onSave={() => {}} />);
    for (const input of root.querySelectorAll('input')) expect(input.value).not.toContain(TOKEN);
    expect(root.innerHTML).not.toContain(TOKEN);
    expect(root.innerHTML).not.toContain('ingest-secret');
    expect($('[data-testid="token-status-audit.token"]').textContent).toContain('A token is set');
  });

  it('replaces a stored token with a typed one and removes it only on an explicit remove', async () => {
    const onSave = vi.fn(async () => undefined);
    await mount(<LocalSettingsForm state={state(undefined, mine({ 'consent.token': TOKEN }))} onSave={onSave} />);
    await act(() => {
      $<HTMLButtonElement>('[data-testid="token-remove-consent.token"]').click();
    });
    expect($('[data-testid="token-status-consent.token"]').textContent).toBe('The token will be removed when you save.');
    expect($<HTMLInputElement>('input[name="consent.token"]').disabled).toBe(true);
    // Changing one's mind keeps it.
    await act(() => {
      $<HTMLButtonElement>('[data-testid="token-remove-consent.token"]').click();
    });
    expect($('[data-testid="token-status-consent.token"]').textContent).toContain('A token is set');
    await act(() => {
      $<HTMLButtonElement>('[data-testid="token-remove-consent.token"]').click();
    });
    await submit();
    expect(onSave).toHaveBeenLastCalledWith({ 'consent.token': null });

    render(null, root);
    await mount(<LocalSettingsForm state={state(undefined, mine({ 'consent.token': TOKEN }))} onSave={onSave} />);
    await type('input[name="consent.token"]', 'new-token');
    await submit();
    expect(onSave).toHaveBeenLastCalledWith({ 'consent.token': 'new-token' });
  });

  it('offers no remove for a token the organisation set', async () => {
    await mount(<LocalSettingsForm state={state({ consent: { token: 'org-token' }, ui: { repMayChange: ['consent.url'] } })} onSave={() => {}} />);
    expect($<HTMLInputElement>('input[name="consent.token"]').disabled).toBe(true);
    expect($('[data-testid="setting-consent.token"]').dataset.locked).toBe('true');
    expect(root.querySelector('[data-testid="token-remove-consent.token"]')).toBeNull();
    expect(root.innerHTML).not.toContain('org-token');
  });
});

describe('PolicyProblemsBanner', () => {
  it('renders nothing without problems', async () => {
    await mount(<PolicyProblemsBanner errors={[]} />);
    expect(root.innerHTML).toBe('');
  });

  it('summarises problems for the popup and links to the details', async () => {
    const errors = state({ a: 1, b: 2, c: 3, modes: { criminal: 'x' }, badges: 9 }).errors;
    expect(errors).toHaveLength(5);
    const open = vi.fn();
    await mount(<PolicyProblemsBanner errors={errors} onOpenDetails={open} />);
    const banner = $('[data-testid="policy-problems-banner"]');
    expect(banner.textContent).toContain('The policy has 5 problem(s)');
    expect(banner.querySelectorAll('li')).toHaveLength(3);
    expect(banner.textContent).toContain('and 2 more');
    await act(() => $('button').click());
    expect(open).toHaveBeenCalledOnce();
  });
});

describe('PolicyPanel', () => {
  it('shows the rep’s settings and the effective policy together', async () => {
    await mount(<PolicyPanel state={state({ badges: 'hover' })} onSave={() => {}} />);
    expect(root.querySelector('[data-testid="local-settings"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="policy-view"]')).not.toBeNull();
  });
});

describe('PolicyTab', () => {
  it('loads, saves through the background and reloads when told the policy changed', async () => {
    let managed: unknown = { badges: 'hover' };
    const load = vi.fn(async () => state(managed));
    const save = vi.fn(async () => state(managed, { version: 1, settings: { 'ui.language': 'de' }, paused: false }));
    let trigger: () => void = () => {};
    const watch = (reload: () => void) => {
      trigger = reload;
      return () => {};
    };
    await act(async () => render(<PolicyTab load={load} save={save} watch={watch} />, root));
    await act(async () => {});
    expect($('[data-testid="policy-row-badges"]').textContent).toContain('On hover');
    managed = { badges: 'off' };
    await act(async () => trigger());
    await act(async () => {});
    expect($('[data-testid="policy-row-badges"]').textContent).toContain('Off');
    const language = $<HTMLSelectElement>('select[name="ui.language"]');
    await act(() => {
      language.value = 'de';
      language.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {
      $<HTMLFormElement>('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(save).toHaveBeenCalledWith({ 'ui.language': 'de' });
    expect($('[data-testid="policy-row-ui.language"]').textContent).toContain('German');
  });

  it('says when the background cannot be reached', async () => {
    await act(async () => render(<PolicyTab load={() => Promise.reject(new Error('no background'))} save={vi.fn()} />, root));
    await act(async () => {});
    expect(root.textContent).toContain('The policy could not be loaded: no background');
  });
});
