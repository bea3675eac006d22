import { POLICY_GROUPS, POLICY_KEYS, groupOf, isPolicyKey, type PolicyGroup, type PolicyKey } from '@/lib/policy/keys';
import type { PolicyProblem, PolicyState } from '@/lib/policy/resolve';
import { formatValue, keyLabel } from './format';
import { LockIcon } from './LockIcon';
import { policyStrings } from './strings';

export interface PolicyViewProps {
  /** The state as the background hands it to pages: credentials already redacted. */
  state: PolicyState;
}

const KEYS_BY_GROUP = Object.fromEntries(
  POLICY_GROUPS.map((group) => [group, POLICY_KEYS.filter((key) => groupOf(key) === group)]),
) as Record<PolicyGroup, PolicyKey[]>;

/** The effective policy grouped by topic; what the organisation set is marked as locked. */
export function PolicyView({ state }: PolicyViewProps) {
  const { t } = policyStrings;
  const locked = new Set(state.lockedKeys);
  return (
    <section class="policy-view" data-testid="policy-view" aria-labelledby="policy-view-heading">
      <h2 id="policy-view-heading">{t('heading')}</h2>
      <p>{t('intro')}</p>
      <PolicyProblemsList errors={state.errors} />
      {POLICY_GROUPS.map((group) => (
        <section key={group} class="policy-group" aria-labelledby={`policy-group-${group}`}>
          <h3 id={`policy-group-${group}`}>{t(`group_${group}`)}</h3>
          <dl>
            {KEYS_BY_GROUP[group].map((key) => {
              const isLocked = locked.has(key);
              return (
                <div
                  key={key}
                  class={`policy-row${isLocked ? ' locked' : ''}`}
                  data-testid={`policy-row-${key}`}
                  data-locked={isLocked ? 'true' : 'false'}
                  data-source={state.sources[key] ?? 'default'}
                >
                  <dt>{keyLabel(key)}</dt>
                  <dd>
                    <div class="policy-value">{formatValue(state.effective, key)}</div>
                    {isLocked && (
                      <span class="policy-lock" title={t('lockedHint')}>
                        <LockIcon /> {t('locked')}
                      </span>
                    )}
                    {!isLocked && state.sources[key] === 'local' && <span class="policy-local">{t('fromLocal')}</span>}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </section>
  );
}

/** Every problem with its path and reason; shown in full on the options page. */
export function PolicyProblemsList({ errors }: { errors: readonly PolicyProblem[] }) {
  const { t } = policyStrings;
  if (errors.length === 0) return null;
  return (
    <section class="policy-problems" role="alert" data-testid="policy-problems" aria-labelledby="policy-problems-heading">
      <h3 id="policy-problems-heading">{t('problemsHeading')}</h3>
      <p>{t('problemsIntro')}</p>
      <ul>
        {errors.map((problem, index) => (
          <li key={index} data-path={problem.path} data-source={problem.source}>
            <code>{problem.path || '(policy)'}</code>
            {isPolicyKey(problem.path) ? ` (${keyLabel(problem.path)})` : ''}: {problem.message}{' '}
            <span class="policy-problem-source">[{problem.source === 'managed' ? t('problemSourceManaged') : t('problemSourceLocal')}]</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
