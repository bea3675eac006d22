import type { PolicyProblem } from '@/lib/policy/resolve';
import { isPolicyKey } from '@/lib/policy/keys';
import { keyLabel } from './format';
import { policyStrings } from './strings';

export interface PolicyProblemsBannerProps {
  errors: readonly PolicyProblem[];
  /** How many problems to list before "and N more". */
  limit?: number;
  onOpenDetails?: () => void;
}

/** Compact notice for the popup: the policy has problems, safe defaults apply. */
export function PolicyProblemsBanner({ errors, limit = 3, onOpenDetails }: PolicyProblemsBannerProps) {
  const { t } = policyStrings;
  if (errors.length === 0) return null;
  const shown = errors.slice(0, limit);
  return (
    <section class="policy-banner" role="status" data-testid="policy-problems-banner">
      <p class="policy-banner-title">{t('bannerTitle', { count: errors.length })}</p>
      <ul>
        {shown.map((p, i) => (
          <li key={i}>
            <code>{p.path || '(policy)'}</code>
            {isPolicyKey(p.path) ? ` (${keyLabel(p.path)})` : ''}: {p.message}
          </li>
        ))}
      </ul>
      {errors.length > shown.length && <p>{t('bannerMore', { count: errors.length - shown.length })}</p>}
      {onOpenDetails && (
        <button type="button" class="link" onClick={onOpenDetails}>
          {t('bannerOpen')}
        </button>
      )}
    </section>
  );
}
