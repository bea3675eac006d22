/**
 * The outreach guard's dialog: why this email, call or meeting has no valid basis,
 * and — in warn mode — a deliberate choice to go on anyway. Focus starts on the
 * safe button; Escape cancels.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Locale } from '@/lib/i18n/strings';
import type { GuardStatus, OutreachChannel } from '@/lib/consent/guard';
import { consentStrings } from './strings';

export type GuardDialogState =
  | { kind: 'checking'; channel: OutreachChannel }
  | { kind: 'block' | 'confirm'; channel: OutreachChannel; status: GuardStatus };

export interface GuardDialogProps {
  state: GuardDialogState;
  locale: Locale;
  onProceed(): void;
  onCancel(): void;
}

export function GuardDialog({ state, locale, onProceed, onCancel }: GuardDialogProps) {
  const t = consentStrings.t;
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), [state.kind]);
  const channel = t(`guardChannel_${state.channel}`, undefined, locale);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  if (state.kind === 'checking') {
    return (
      <div class="backdrop">
        <div class="dialog" role="dialog" aria-modal="true" data-guard="checking" aria-busy="true" onKeyDown={onKey}>
          <p>{t('guardChecking', { channel }, locale)}</p>
          <div class="actions">
            <button type="button" ref={safe} onClick={onCancel}>
              {t('guardCancel', undefined, locale)}
            </button>
          </div>
        </div>
      </div>
    );
  }
  const block = state.kind === 'block';
  const title = block ? t('guardTitleBlock', undefined, locale) : t('guardTitleWarn', { channel }, locale);
  return (
    <div class="backdrop">
      <div class={block ? 'dialog block' : 'dialog warn'} role="alertdialog" aria-modal="true" aria-labelledby="cpg-guard-title" data-guard={state.kind} data-status={state.status} onKeyDown={onKey}>
        <h2 id="cpg-guard-title">{title}</h2>
        <p>{t(`guardBody_${state.status}`, { channel }, locale)}</p>
        <p class="note">{t(block ? 'guardBlockedNote' : 'guardWarnNote', undefined, locale)}</p>
        <div class="actions">
          {block ? (
            <button type="button" class="primary" ref={safe} onClick={onCancel} data-action="close">
              {t('guardClose', undefined, locale)}
            </button>
          ) : (
            <>
              <button type="button" class="danger" onClick={onProceed} data-action="proceed">
                {t('guardProceed', undefined, locale)}
              </button>
              <button type="button" class="primary" ref={safe} onClick={onCancel} data-action="cancel">
                {t('guardCancel', undefined, locale)}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
