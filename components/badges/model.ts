/**
 * What one badge shows, derived from the detected fields at one element. Pure:
 * no DOM, so the wording (EN/DE) and the severity order are unit-tested in node.
 */
import type { Kind, KindClass } from '@/lib/detect/kinds';
import { REASON_CODES, type ReasonCode } from '@/lib/detect/reason-codes';
import type { Locale } from '@/lib/i18n/strings';
import { kindStrings } from '@/components/common/kind-strings';
import { badgeStrings } from './strings';

/** The fields of one element, as the badge needs them (a subset of DetectedField). */
export interface BadgeField {
  kind: Kind;
  kindClass: KindClass;
  confidence: number;
  reasonCode: string;
  label: string;
  editable: boolean;
  source: 'field' | 'value';
}

export interface BadgeModel {
  /** Most severe class among the element's kinds: decides colour and short text. */
  severity: KindClass;
  short: string;
  /** Accessible name of the badge button. */
  name: string;
  title: string;
  lines: string[];
}

/** Higher = stands out more. */
export const SEVERITY: Readonly<Record<KindClass, number>> = { ordinary: 0, sensitive_identifier: 1, special_category: 2, criminal: 3 };

const isReasonCode = (code: string): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code);

export function badgeModel(fields: readonly BadgeField[], locale: Locale): BadgeModel {
  const sorted = [...fields].sort((a, b) => SEVERITY[b.kindClass] - SEVERITY[a.kindClass] || b.confidence - a.confidence);
  const top = sorted[0];
  if (!top) throw new Error('badgeModel needs at least one field');
  const kinds = [...new Set(sorted.map((f) => f.kind))];
  const kindNames = kinds.map((k) => kindStrings.t(k, undefined, locale)).join(', ');
  const t = badgeStrings.t;
  const label = top.label;
  const lines: string[] = [];
  for (const f of sorted) {
    const kindName = kindStrings.t(f.kind, undefined, locale);
    const className = kindStrings.t(`class_${f.kindClass}`, undefined, locale);
    const reason =
      f.source === 'value'
        ? t('reason_value', { kind: kindName }, locale)
        : t(isReasonCode(f.reasonCode) ? `reason_${f.reasonCode}` : 'reason_none', { label: f.label }, locale);
    lines.push(`${kindName} · ${className}. ${reason} ${t('confidence', { percent: Math.round(f.confidence * 100) }, locale)}`);
  }
  return {
    severity: top.kindClass,
    short: t(`short_${top.kindClass}`, undefined, locale),
    name: label ? t('badgeName', { kinds: kindNames, label }, locale) : t('badgeNameUnlabelled', { kinds: kindNames }, locale),
    title: `${kindNames}${label ? ` — ${label}` : ''}`,
    lines: [...lines, top.editable ? t('editable', undefined, locale) : t('readOnly', undefined, locale)],
  };
}
