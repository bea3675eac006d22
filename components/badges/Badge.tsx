import { useState } from 'preact/hooks';
import type { BadgeModel } from './model';
import { badgeStrings } from './strings';
import type { Locale } from '@/lib/i18n/strings';

export interface BadgeProps {
  id: string;
  model: BadgeModel;
  locale: Locale;
  /** Show the tooltip without hover or focus (the field itself has focus). */
  open?: boolean;
  /** The positioned wrapper, for the layer to move without re-rendering. */
  wrapRef?: (el: HTMLDivElement | null) => void;
}

/**
 * One badge: a button whose accessible name says which personal data the field
 * holds, and a tooltip (hover or keyboard focus) with the reasons. Never takes
 * focus by itself; Escape hides the tooltip until the pointer or focus leaves.
 */
export function Badge({ id, model, locale, open = false, wrapRef }: BadgeProps) {
  const [dismissed, setDismissed] = useState(false);
  const tipId = `${id}-tip`;
  const classes = ['pg-wrap', open && !dismissed ? 'pg-open' : '', dismissed ? 'pg-dismissed' : ''].filter(Boolean).join(' ');
  return (
    <div
      class={classes}
      ref={wrapRef}
      data-severity={model.severity}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setDismissed(true);
      }}
      onMouseLeave={() => setDismissed(false)}
      onFocusOut={() => setDismissed(false)}
    >
      <button type="button" class={`pg-badge pg-${model.severity}`} aria-label={model.name} aria-describedby={tipId}>
        {model.short}
      </button>
      <div class="pg-tip" role="tooltip" id={tipId} lang={locale}>
        <strong>{model.title}</strong>
        {model.lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
        <small>{badgeStrings.t('dismissHint', undefined, locale)}</small>
      </div>
    </div>
  );
}
