/**
 * Turning backend values into text for the rep: ids into labels where we know
 * them (unknown ids are shown as the backend sent them, clipped), ISO dates into
 * local dates, seconds into a short age.
 */
import type { Locale } from '@/lib/i18n/strings';
import { clip } from '@/lib/consent/status';
import { consentStrings, type ConsentStringKey } from './strings';

const t = consentStrings.t;

function known(key: string): key is ConsentStringKey {
  return Object.hasOwn(consentStrings.tables.en, key);
}

/** A label for an id the backend sends (purpose, channel, status, basis); the raw id when we have none. */
export function labelOf(prefix: 'purpose' | 'channel' | 'status' | 'basis', id: string, locale: Locale): string {
  const key = `${prefix}_${id}`;
  return known(key) ? t(key, undefined, locale) : clip(id, 64);
}

export function formatDate(iso: string | null, locale: Locale): string {
  if (iso === null) return t('never', undefined, locale);
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return clip(iso, 32);
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium' }).format(ms);
}

export function formatAge(seconds: number, locale: Locale): string {
  if (seconds < 60) return t('ageSeconds', { n: Math.max(0, Math.round(seconds)) }, locale);
  if (seconds < 3600) return t('ageMinutes', { n: Math.round(seconds / 60) }, locale);
  if (seconds < 86_400) return t('ageHours', { n: Math.round(seconds / 3600) }, locale);
  return t('ageDays', { n: Math.round(seconds / 86_400) }, locale);
}
