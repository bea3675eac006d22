import { useEffect, useState } from 'preact/hooks';
import type { PolicyState } from '@/lib/policy/resolve';
import type { LocalPatch } from '@/lib/policy/local';
import { getPath } from '@/lib/policy/keys';
import {
  AUDIT_FORMATS,
  BADGE_DISPLAYS,
  DETECTION_LANGUAGES,
  GUARD_MODES,
  LOCAL_KEYS,
  MODES,
  SELF_MANAGED_KEYS,
  SENSITIVE_KEYS,
  UI_LANGUAGES,
  secureUrlIssue,
  type LocalKey,
} from '@/lib/policy/schema';
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
  | { type: 'number'; min: number; max: number }
  | { type: 'url' }
  | { type: 'secret' };

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
  'consent.url': { type: 'url' },
  'consent.token': { type: 'secret' },
  'audit.endpoint': { type: 'url' },
  'audit.token': { type: 'secret' },
  'audit.format': { type: 'select', options: AUDIT_FORMATS, optionLabel: (v) => t(`format_${v as (typeof AUDIT_FORMATS)[number]}`) },
};

/** Connection settings get their own section; the rest are the general settings. */
const CONNECTION_KEYS: readonly LocalKey[] = SELF_MANAGED_KEYS;
const GENERAL_KEYS: readonly LocalKey[] = LOCAL_KEYS.filter((key) => !CONNECTION_KEYS.includes(key));
const isSecret = (key: LocalKey): boolean => (SENSITIVE_KEYS as readonly string[]).includes(key);

/**
 * For a secret the draft is never the stored value: '' means "keep what is
 * stored", a string is a replacement typed by the rep, null means "remove".
 */
type Draft = Record<LocalKey, unknown> & { paused: boolean };
type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

function draftFrom(state: PolicyState): Draft {
  const draft = { paused: state.effective.paused } as Draft;
  for (const key of LOCAL_KEYS) draft[key] = isSecret(key) ? '' : getPath(state.effective, key);
  return draft;
}

const urlIssueOf = (value: unknown): string | null => {
  const issue = typeof value === 'string' ? secureUrlIssue(value.trim()) : 'invalid';
  return issue ? t(`urlIssue_${issue}`) : null;
};

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
  const showConnections = CONNECTION_KEYS.some(editable);
  const urlInvalid = CONNECTION_KEYS.some((key) => editable(key) && CONTROLS[key].type === 'url' && urlIssueOf(draft[key]) !== null);

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
    if (urlInvalid) {
      setStatus({ kind: 'error', message: t('fixErrors') });
      return;
    }
    for (const key of LOCAL_KEYS) {
      if (!editable(key)) continue;
      const value = draft[key];
      if (isSecret(key)) {
        if (value === null || (typeof value === 'string' && value !== '')) patch[key] = value;
      } else if (!same(value, current[key])) {
        patch[key] = CONTROLS[key].type === 'url' && typeof value === 'string' ? value.trim() : value;
      }
    }
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

  const renderUrl = (key: LocalKey, id: string, enabled: boolean, hintId: string | null) => {
    const value = typeof draft[key] === 'string' ? draft[key] : '';
    const issue = enabled ? urlIssueOf(value) : null;
    const helpId = `${id}-help`;
    const issueId = `${id}-issue`;
    return (
      <>
        <input
          id={id}
          name={key}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="https://"
          disabled={!enabled}
          aria-invalid={issue ? 'true' : undefined}
          aria-describedby={[hintId, enabled ? helpId : null, issue ? issueId : null].filter(Boolean).join(' ') || undefined}
          value={value}
          onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value)}
        />
        {enabled && (
          <p id={helpId} class="policy-hint">
            {t('urlHint')}
          </p>
        )}
        {issue && (
          <p id={issueId} class="policy-issue" role="alert" data-testid={`issue-${key}`}>
            {issue}
          </p>
        )}
      </>
    );
  };

  /** Shows only whether a token is stored; the input holds nothing but what the rep types now. */
  const renderSecret = (key: LocalKey, id: string, enabled: boolean, hintId: string | null) => {
    const stored = getPath(state.effective, key) !== '';
    const pending = draft[key];
    const removing = pending === null;
    const statusId = `${id}-status`;
    return (
      <>
        <input
          id={id}
          name={key}
          type="password"
          autoComplete="new-password"
          spellcheck={false}
          disabled={!enabled || removing}
          aria-describedby={[hintId, statusId].filter(Boolean).join(' ')}
          value={typeof pending === 'string' ? pending : ''}
          onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value)}
        />
        <p id={statusId} class="policy-hint" data-testid={`token-status-${key}`}>
          {removing ? t('tokenWillBeRemoved') : stored ? `${t('tokenIsSet')} ${t('tokenReplaceHint')}` : t('tokenNotSet')}
        </p>
        {enabled && stored && state.sources[key] === 'local' && (
          <span>
            <button type="button" data-testid={`token-remove-${key}`} onClick={() => set(key, removing ? '' : null)}>
              {removing ? t('tokenKeep') : t('tokenRemove')}
            </button>
          </span>
        )}
      </>
    );
  };

  const renderSetting = (key: LocalKey) => {
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
              ) : control.type === 'number' ? (
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
              ) : control.type === 'url' ? (
                renderUrl(key, id, enabled, hint ? hintId : null)
              ) : (
                renderSecret(key, id, enabled, hint ? hintId : null)
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
  };

  return (
    <form class="policy-settings" data-testid="local-settings" onSubmit={onSubmit} aria-labelledby="policy-settings-heading">
      <h2 id="policy-settings-heading">{t('settingsHeading')}</h2>
      <p>{t('settingsIntro')}</p>
      {!anyEditable && <p data-testid="nothing-to-change">{t('nothingToChange')}</p>}
      {GENERAL_KEYS.map(renderSetting)}
      {showConnections && (
        <section class="policy-connections" data-testid="connections" aria-labelledby="policy-connections-heading">
          <h3 id="policy-connections-heading">{t('connectionsHeading')}</h3>
          <p>{t('connectionsIntro')}</p>
          {CONNECTION_KEYS.map(renderSetting)}
        </section>
      )}
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
        <button type="submit" disabled={!anyEditable || status.kind === 'saving' || languagesEmpty || urlInvalid}>
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
