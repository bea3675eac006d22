/** A list row's consent at a glance: one word and a colour, the age in the tooltip. */
import type { Locale } from '@/lib/i18n/strings';
import type { ChipLevel } from '@/lib/consent/status';
import { consentStrings } from './strings';
import { formatAge } from './format';

export interface ConsentChipProps {
  level: ChipLevel | 'checking';
  ageSeconds: number | null;
  stale: boolean;
  locale: Locale;
}

export function ConsentChip({ level, ageSeconds, stale, locale }: ConsentChipProps) {
  const t = consentStrings.t;
  if (level === 'checking') return <span class="chip chip-unknown" data-level="checking" aria-busy="true">…</span>;
  const status = t(`chip_${level}`, undefined, locale);
  const age = ageSeconds !== null && (stale || ageSeconds >= 60) ? t('chipAge', { age: formatAge(ageSeconds, locale) }, locale) : '';
  return (
    <span class={`chip chip-${level}${stale ? ' chip-stale' : ''}`} data-level={level} title={t('chipTitle', { status, age }, locale)} role="status">
      {status}
    </span>
  );
}
