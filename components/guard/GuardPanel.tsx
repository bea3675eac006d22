/**
 * The inline warning next to a guarded field: a compact chip that expands to
 * what was found, why it matters and one-click fixes, plus the save prompts
 * (blocked, override with reason). Rendered in a shadow root; never receives
 * the field's text, only kinds and masked previews.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Kind } from '@/lib/detect/kinds';
import type { Locale } from '@/lib/i18n/strings';
import type { ProblemReason, ProblemSort, Severity } from '@/lib/guard/problems';
import { MAX_REASON_LENGTH, normalizeReason, reasonProblem } from '@/lib/guard/save';
import { kindStrings } from '../common/kind-strings';
import { guardStrings } from './strings';

export interface ProblemView {
  id: string;
  kind: Kind;
  problem: ProblemSort;
  reason: ProblemReason;
  severity: Severity;
  /** The finding as `maskFinding` renders it; never the value itself. */
  masked: string;
}

export type Prompt = null | { type: 'blocked' } | { type: 'override'; minLength: number };

export interface GuardPanelProps {
  fieldLabel: string;
  problems: readonly ProblemView[];
  prompt: Prompt;
  /** Polite announcement for screen readers; changes only when something new appears. */
  announcement: string;
  notice: string | null;
  locale: Locale;
  onFix(id: string, how: 'mask' | 'remove'): void;
  onOverride(reason: string): void;
  onCancel(): void;
}

const WHY: Readonly<Record<ProblemReason, 'why_never_in_free_text' | 'why_not_allowed_in_field' | 'why_not_kept_for_object' | 'why_sensitive_not_for_field'>> = {
  'never-in-free-text': 'why_never_in_free_text',
  'not-allowed-in-field': 'why_not_allowed_in_field',
  'not-kept-for-object': 'why_not_kept_for_object',
  'sensitive-not-for-field': 'why_sensitive_not_for_field',
};
const SEVERITY_TEXT: Readonly<Record<Severity, 'severity_warn' | 'severity_override' | 'severity_block'>> = {
  warn: 'severity_warn',
  override: 'severity_override',
  block: 'severity_block',
};

export function GuardPanel(props: GuardPanelProps) {
  const { problems, prompt, locale } = props;
  const t = (key: Parameters<typeof guardStrings.t>[0], params?: Record<string, string | number>) => guardStrings.t(key, params, locale);
  const kindName = (kind: Kind) => kindStrings.t(kind, undefined, locale);
  const [open, setOpen] = useState(false);
  const expanded = open || prompt !== null;
  if (problems.length === 0 && !props.notice) return <Live text={props.announcement} />;
  const first = problems[0];
  const chip = problems.length === 1 && first ? t('chip_one', { kind: kindName(first.kind) }) : t('chip_many', { count: problems.length });
  const worst = problems.some((p) => p.severity === 'block') ? 'block' : problems.some((p) => p.severity === 'override') ? 'override' : 'warn';
  return (
    <div class={`pg pg-${worst}`} role="group" aria-label={chip}>
      <Live text={props.announcement} />
      {problems.length > 0 && (
        <button type="button" class="pg-chip" aria-expanded={expanded} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">⚠</span> {chip}
          <span class="pg-sr"> – {expanded ? t('hide') : t('details')}</span>
        </button>
      )}
      {props.notice && <p class="pg-notice">{props.notice}</p>}
      {expanded && problems.length > 0 && (
        <div class="pg-card">
          <ul class="pg-list">
            {problems.map((p) => (
              <li key={p.id} class="pg-item">
                <p class="pg-title">
                  <strong>{props.fieldLabel ? t('found_in', { kind: kindName(p.kind), field: props.fieldLabel }) : t('found_in_unlabelled', { kind: kindName(p.kind) })}</strong>
                  <span class={`pg-tag pg-tag-${p.problem}`}>{t(p.problem)}</span>
                </p>
                <p class="pg-why">{t(WHY[p.reason])}</p>
                <p class="pg-why">{t(SEVERITY_TEXT[p.severity])}</p>
                <p class="pg-masked">{t('becomes', { masked: p.masked })}</p>
                <div class="pg-actions">
                  <button type="button" onClick={() => props.onFix(p.id, 'mask')}>{t('mask')}</button>
                  <button type="button" onClick={() => props.onFix(p.id, 'remove')}>{t('remove')}</button>
                </div>
              </li>
            ))}
          </ul>
          {prompt?.type === 'blocked' && (
            <p class="pg-blocked" role="alert">
              {t('blocked')}
            </p>
          )}
          {prompt?.type === 'override' && <OverrideForm minLength={prompt.minLength} locale={locale} onSubmit={props.onOverride} onCancel={props.onCancel} />}
        </div>
      )}
    </div>
  );
}

function Live({ text }: { text: string }) {
  return (
    <div class="pg-sr" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

function OverrideForm(props: { minLength: number; locale: Locale; onSubmit(reason: string): void; onCancel(): void }) {
  const t = (key: Parameters<typeof guardStrings.t>[0], params?: Record<string, string | number>) => guardStrings.t(key, params, props.locale);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  // The rep asked to save: the reason field is the next thing they need.
  useLayoutEffect(() => field.current?.focus({ preventScroll: true }), []);
  const submit = (event: Event) => {
    event.preventDefault();
    const problem = reasonProblem(reason, props.minLength);
    if (problem === 'empty') setError(t('reason_empty'));
    else if (problem === 'too-short') setError(t('reason_too_short', { min: props.minLength, count: [...normalizeReason(reason)].length }));
    else if (problem === 'too-long') setError(t('reason_too_long', { max: MAX_REASON_LENGTH }));
    else props.onSubmit(normalizeReason(reason));
  };
  return (
    <form class="pg-override" onSubmit={submit} aria-labelledby="pg-override-title">
      <p id="pg-override-title" class="pg-title">
        <strong>{t('override_title')}</strong>
      </p>
      <p id="pg-override-help" class="pg-why">
        {t('override_help', { min: props.minLength })}
      </p>
      <label>
        {t('override_label')}
        <textarea
          ref={field}
          rows={2}
          maxLength={MAX_REASON_LENGTH + 100}
          aria-describedby="pg-override-help pg-override-error"
          aria-invalid={error !== null}
          value={reason}
          onInput={(e) => {
            setReason((e.currentTarget as HTMLTextAreaElement).value);
            setError(null);
          }}
        />
      </label>
      <p id="pg-override-error" class="pg-error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </p>
      <div class="pg-actions">
        <button type="submit">{t('override_submit')}</button>
        <button type="button" onClick={props.onCancel}>
          {t('override_cancel')}
        </button>
      </div>
    </form>
  );
}
