import { useEffect, useState } from 'preact/hooks';
import type { PolicyState } from '@/lib/policy/resolve';
import type { LocalPatch } from '@/lib/policy/local';
import { getPath } from '@/lib/policy/keys';
import { BADGE_DISPLAYS, DETECTION_LANGUAGES, GUARD_MODES, LOCAL_KEYS, MODES, UI_LANGUAGES, type LocalKey } from '@/lib/policy/schema';
import { keyLabel } from './format';
import { LockIcon } from './LockIcon';
import { policyStrings } from './strings';

export interface LocalSettingsFormProps {
  state: PolicyState;
  /** Sends the change to the background; a rejection's message is shown to the rep. */
  onSave: (patch: LocalPatch) => Promise<unknown> | void;
}

type Control =
  | { type: 'select'; options: readonly string[]; optionLabel: (value: string) => string }
  | { type: 'languages' }
  | { type: 'number'; min: number; max: number };

const { t } = policyStrings;
const languageLabel = (l: string): string => (l === 'en' || l === 'de' ? t(`language_${l}`) : t(`lang_${l as 'fr' | 'es' | 'it' | 'nl'}`));
const modeSelect: Control = { type: 'select', options: MODES, optionLabel: (v) => t(`mode_${v as (typeof MODES)[number]}`) };

/** Exhaustive: every setting a rep may be allowed to change has a control. */
const CONTROLS: Readonly<Record<LocalKey, Control>> = {
  badges: { type: 'select', options: BADGE_DISPLAYS, optionLabel: (v) => t(`badge_${v as (typeof BADGE_DISPLAYS)[number]}`) },
  'ui.language': { type: 'select', options: UI_LANGUAGES, optionLabel: (v) => t(`language_${v as (typeof UI_LANGUAGES)[number]}`) },
  'detection.languages': { type: 'languages' },
  'modes.ordinary': modeSelect,
  'modes.sensitive_identifier': modeSelect,
  'modes.special_category': modeSelect,
  'modes.criminal': modeSelect,
  'override.minReasonLength': { type: 'number', min: 5, max: 500 },
  'consent.outreachGuard': { type: 'select', options: GUARD_MODES, optionLabel: (v) => t(`guard_${v as (typeof GUARD_MODES)[number]}`) },
};

type Draft = Record<LocalKey, unknown> & { paused: boolean };
type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

function draftFrom(state: PolicyState): Draft {
  const draft = { paused: state.effective.paused } as Draft;
  for (const key of LOCAL_KEYS) draft[key] = getPath(state.effective, key);
  return draft;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The rep's own settings; what the organisation fixed is shown disabled with the reason. */
export function LocalSettingsForm({ state, onSave }: LocalSettingsFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(state));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => setDraft(draftFrom(state)), [state]);

  const locked = new Set(state.lockedKeys);
  const allowed = new Set<string>(state.effective.ui.repMayChange);
  const editable = (key: LocalKey): boolean => !locked.has(key) && allowed.has(key);
  const canPause = state.effective.ui.repMayPause;
  const anyEditable = LOCAL_KEYS.some(editable) || canPause;
  const languagesEmpty = Array.isArray(draft['detection.languages']) && draft['detection.languages'].length === 0;

  const save = async (patch: LocalPatch): Promise<void> => {
    if (Object.keys(patch).length === 0) return;
    setStatus({ kind: 'saving' });
    try {
      await onSave(patch);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const current = draftFrom(state);
    const patch: LocalPatch = {};
    for (const key of LOCAL_KEYS) if (editable(key) && !same(draft[key], current[key])) patch[key] = draft[key];
    if (canPause && draft.paused !== current.paused) patch.paused = draft.paused;
    void save(patch);
  };

  const onReset = (): void => {
    const patch: LocalPatch = {};
    for (const key of LOCAL_KEYS) if (editable(key) && state.sources[key] === 'local') patch[key] = null;
    if (state.effective.paused) patch.paused = false;
    void save(patch);
  };

  const set = (key: LocalKey | 'paused', value: unknown): void => {
    setStatus({ kind: 'idle' });
    setDraft((d) => ({ ...d, [key]: value }));
  };

  return (
    <form class="policy-settings" data-testid="local-settings" onSubmit={onSubmit} aria-labelledby="policy-settings-heading">
      <h2 id="policy-settings-heading">{t('settingsHeading')}</h2>
      <p>{t('settingsIntro')}</p>
      {!anyEditable && <p data-testid="nothing-to-change">{t('nothingToChange')}</p>}
      {LOCAL_KEYS.map((key) => {
        const control = CONTROLS[key];
        const id = `setting-${key.replace(/\./g, '-')}`;
        const enabled = editable(key);
        const hint = locked.has(key) ? t('lockedHint') : enabled ? null : t('notAllowedHint');
        const hintId = `${id}-hint`;
        return (
          <div key={key} class={`policy-setting${locked.has(key) ? ' locked' : ''}`} data-testid={`setting-${key}`} data-locked={locked.has(key) ? 'true' : 'false'}>
            {control.type === 'languages' ? (
              <fieldset disabled={!enabled} aria-describedby={hint ? hintId : undefined}>
                <legend>{keyLabel(key)}</legend>
                {DETECTION_LANGUAGES.map((lang) => {
                  const list = (draft[key] as string[]) ?? [];
                  return (
                    <label key={lang} class="policy-check">
                      <input
                        type="checkbox"
                        name={`${key}.${lang}`}
                        checked={list.includes(lang)}
                        disabled={!enabled}
                        onChange={(e) => {
                          const on = (e.currentTarget as HTMLInputElement).checked;
                          set(key, on ? DETECTION_LANGUAGES.filter((l) => l === lang || list.includes(l)) : list.filter((l) => l !== lang));
                        }}
                      />{' '}
                      {languageLabel(lang)}
                    </label>
                  );
                })}
                {enabled && languagesEmpty && <p role="alert">{t('languagesRequired')}</p>}
              </fieldset>
            ) : (
              <>
                <label for={id}>{keyLabel(key)}</label>
                {control.type === 'select' ? (
                  <select
                    id={id}
                    name={key}
                    disabled={!enabled}
                    aria-describedby={hint ? hintId : undefined}
                    value={String(draft[key])}
                    onChange={(e) => set(key, (e.currentTarget as HTMLSelectElement).value)}
                  >
                    {control.options.map((option) => (
                      <option key={option} value={option}>
                        {control.optionLabel(option)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    name={key}
                    type="number"
                    min={control.min}
                    max={control.max}
                    step={1}
                    disabled={!enabled}
                    aria-describedby={hint ? hintId : undefined}
                    value={String(draft[key])}
                    onInput={(e) => set(key, Number((e.currentTarget as HTMLInputElement).value))}
                  />
                )}
              </>
            )}
            {hint && (
              <p id={hintId} class="policy-hint">
                {locked.has(key) && (
                  <>
                    <LockIcon />{' '}
                  </>
                )}
                {hint}
              </p>
            )}
          </div>
        );
      })}
      <div class={`policy-setting${canPause ? '' : ' locked'}`} data-testid="setting-paused">
        <label class="policy-check">
          <input
            type="checkbox"
            name="paused"
            checked={draft.paused}
            disabled={!canPause}
            aria-describedby="setting-paused-hint"
            onChange={(e) => set('paused', (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('pause')}
        </label>
        <p id="setting-paused-hint" class="policy-hint">
          {canPause ? t('pauseHint') : t('pauseNotAllowed')}
        </p>
      </div>
      <div class="policy-actions">
        <button type="submit" disabled={!anyEditable || status.kind === 'saving' || languagesEmpty}>
          {status.kind === 'saving' ? t('saving') : t('save')}
        </button>
        <button type="button" disabled={!anyEditable || status.kind === 'saving'} onClick={onReset}>
          {t('resetMine')}
        </button>
        <span aria-live="polite" data-testid="settings-status">
          {status.kind === 'saved' && t('saved')}
          {status.kind === 'error' && <span role="alert">{t('saveFailed', { message: status.message })}</span>}
        </span>
      </div>
    </form>
  );
}
