/**
 * Anomaly thresholds and the working-hours calendar. Read once from the
 * environment at start-up; a bad value stops the service with a message naming
 * the variable, rather than silently falling back to a default.
 */
import { z } from 'zod';

export interface AnalyticsConfig {
  /** Bulk access: more than `bulkRecords` distinct records viewed by one user within `bulkMinutes`. */
  bulkRecords: number;
  bulkMinutes: number;
  /** Working hours [start, end) in local time of `timeZone`, on ISO weekdays (1 = Monday … 7 = Sunday). */
  workStartHour: number;
  workEndHour: number;
  workDays: readonly number[];
  timeZone: string;
  /** Repeated overrides: at least `overrideCount` input.overridden by one user within `overrideHours`. */
  overrideCount: number;
  overrideHours: number;
}

export const DEFAULT_ANALYTICS_CONFIG: Readonly<AnalyticsConfig> = Object.freeze({
  bulkRecords: 50,
  bulkMinutes: 10,
  workStartHour: 7,
  workEndHour: 20,
  workDays: Object.freeze([1, 2, 3, 4, 5]),
  timeZone: 'Europe/Berlin',
  overrideCount: 5,
  overrideHours: 24,
});

/** Environment variable per setting; documented in docs/compliance-review.md. */
export const ANALYTICS_ENV: Readonly<Record<keyof AnalyticsConfig, string>> = {
  bulkRecords: 'REVIEW_BULK_RECORDS',
  bulkMinutes: 'REVIEW_BULK_MINUTES',
  workStartHour: 'REVIEW_WORK_START_HOUR',
  workEndHour: 'REVIEW_WORK_END_HOUR',
  workDays: 'REVIEW_WORK_DAYS',
  timeZone: 'REVIEW_TIME_ZONE',
  overrideCount: 'REVIEW_OVERRIDE_COUNT',
  overrideHours: 'REVIEW_OVERRIDE_HOURS',
};

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const analyticsConfigSchema = z
  .strictObject({
    bulkRecords: int(1, 100_000),
    bulkMinutes: int(1, 24 * 60),
    workStartHour: int(0, 23),
    workEndHour: int(1, 24),
    workDays: z.array(int(1, 7)).min(1).max(7),
    timeZone: z.string().min(1).max(64).refine(validTimeZone, 'not an IANA time zone'),
    overrideCount: int(2, 10_000),
    overrideHours: int(1, 24 * 31),
  })
  .refine((c) => c.workStartHour < c.workEndHour, { message: 'working hours must start before they end', path: ['workEndHour'] });

export class AnalyticsConfigError extends Error {
  override name = 'AnalyticsConfigError';
}

/** Defaults overlaid with whichever REVIEW_* variables are set. */
export function analyticsConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): AnalyticsConfig {
  const raw: Record<string, unknown> = { ...DEFAULT_ANALYTICS_CONFIG };
  for (const [key, name] of Object.entries(ANALYTICS_ENV) as [keyof AnalyticsConfig, string][]) {
    const value = env[name]?.trim();
    if (!value) continue;
    raw[key] = key === 'workDays' ? value.split(',').map((d) => d.trim()) : value;
  }
  const parsed = analyticsConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const key = i.path[0] as keyof AnalyticsConfig | undefined;
      return `${key ? ANALYTICS_ENV[key] : 'config'}: ${i.message}`;
    });
    throw new AnalyticsConfigError(`invalid compliance review configuration: ${issues.join('; ')}`);
  }
  return parsed.data;
}
