import type { ComponentChildren } from 'preact';
import { isKind } from '@/lib/detect/kinds';
import { kindStrings } from '@/components/common/kind-strings';
import { REDACTED } from '@/lib/policy/resolve';
import type { ObjectRule, Policy } from '@/lib/policy/schema';
import { getPath, isPolicyKey, type PolicyKey } from '@/lib/policy/keys';
import { policyStrings } from './strings';

const { t } = policyStrings;

type Table = typeof policyStrings.tables.en;
const has = (key: string): key is keyof Table & string => Object.hasOwn(policyStrings.tables.en, key);
/** Translates a value with a known label, or shows it verbatim (as text) when there is none. */
const label = (key: string, fallback: string): string => (has(key) ? t(key) : fallback);

export function keyLabel(path: string): string {
  return isPolicyKey(path) ? t(`key_${path}`) : path;
}

const kindList = (kinds: readonly string[]): string =>
  kinds.length === 0 ? t('none') : kinds.map((k) => (isKind(k) ? kindStrings.t(k) : k)).join(', ');

function objectRules(rules: Record<string, ObjectRule>): ComponentChildren {
  const entries = Object.entries(rules);
  if (entries.length === 0) return t('noObjectRules');
  return (
    <dl class="policy-rules">
      {entries.map(([object, rule]) => (
        <div key={object}>
          <dt>{object}</dt>
          <dd>
            {Object.keys(rule.fields).length > 0 && (
              <p>
                {t('rulesFields')}:{' '}
                {Object.entries(rule.fields)
                  .map(([field, kinds]) => `${field} → ${kindList(kinds)}`)
                  .join('; ')}
              </p>
            )}
            {rule.neverInFreeText.length > 0 && (
              <p>
                {t('rulesNeverInFreeText')}: {kindList(rule.neverInFreeText)}
              </p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One effective value, readably and always as text (values may come from an admin's file). */
export function formatValue(policy: Policy, key: PolicyKey): ComponentChildren {
  const value = getPath(policy, key);
  switch (key) {
    case 'crm.extraHosts':
      return policy.crm.extraHosts.length === 0
        ? t('none')
        : policy.crm.extraHosts.map((h) => `${h.pattern} (${t(`adapter_${h.adapter}`)})`).join(', ');
    case 'detection.languages':
      return policy.detection.languages.map((l) => label(`language_${l}`, label(`lang_${l}`, l))).join(', ');
    case 'rules.neverInFreeText':
      return kindList(policy.rules.neverInFreeText);
    case 'rules.salesforce':
    case 'rules.hubspot':
    case 'rules.generic':
      return objectRules(value as Record<string, ObjectRule>);
    case 'modes.ordinary':
    case 'modes.sensitive_identifier':
    case 'modes.special_category':
    case 'modes.criminal':
      return t(`mode_${value as Policy['modes']['ordinary']}`);
    case 'override.minReasonLength':
      return t('characters', { n: policy.override.minReasonLength });
    case 'badges':
      return t(`badge_${policy.badges}`);
    case 'consent.cacheSeconds':
      return t('seconds', { n: policy.consent.cacheSeconds });
    case 'consent.purposes':
    case 'consent.channels':
      return (value as string[]).length === 0 ? t('all') : (value as string[]).join(', ');
    case 'consent.outreachGuard':
      return t(`guard_${policy.consent.outreachGuard}`);
    case 'audit.retentionDays':
      return t('days', { n: policy.audit.retentionDays });
    case 'audit.format':
      return t(`format_${policy.audit.format}`);
    case 'audit.batchSize':
      return t('events', { n: policy.audit.batchSize });
    case 'ui.repMayChange':
      return policy.ui.repMayChange.length === 0 ? t('none') : policy.ui.repMayChange.map(keyLabel).join(', ');
    case 'ui.language':
      return t(`language_${policy.ui.language}`);
    case 'consent.token':
    case 'audit.token':
      return value === '' ? t('notSet') : value === REDACTED ? t('secretSet') : t('secretSet');
    default:
      if (typeof value === 'boolean') return value ? t('yes') : t('no');
      if (value === '') return t('notSet');
      return String(value);
  }
}
