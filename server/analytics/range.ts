/**
 * The time window every analytics answer covers. Both ends optional: `to`
 * defaults to now, `from` to 30 days before `to`; at most 366 days, so an
 * aggregate never scans the whole log by accident.
 */
import { z } from 'zod';

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

const dateTime = z.iso.datetime({ offset: true }).optional();
export const rangeQuerySchema = z.strictObject({ from: dateTime, to: dateTime });
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

export interface Range {
  from: string;
  to: string;
}

/** Resolves defaults; a string error when the window is empty or too long. */
export function resolveRange(q: RangeQuery, now: Date): Range | string {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (from >= to) return '`from` must be before `to`.';
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) return `At most ${MAX_RANGE_DAYS} days per request.`;
  return { from: from.toISOString(), to: to.toISOString() };
}
