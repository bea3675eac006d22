/**
 * Aggregates for the review app's pictures: access volume, warnings over time
 * and the kind × object data map. Days are calendar days in the configured
 * time zone, so a late-evening view lands on the day the reviewer expects.
 */
import type { Queryable } from '../db';
import type { Range } from './range';

/** What counts as one access to personal data in the volume figures. */
export const ACCESS_TYPE = 'record.viewed';
/** Events in which the guard warned about typed personal data. */
export const WARNING_TYPES = ['input.warning_shown', 'input.save_blocked', 'input.overridden'] as const;
export type WarningType = (typeof WARNING_TYPES)[number];
/** Events that name the personal-data kinds a record holds or a rep typed. */
export const KIND_TYPES = ['fields.shown', 'input.warning_shown', 'input.fixed', 'input.save_blocked', 'input.overridden'] as const;

const inRange = 'time >= $1::timestamptz AND time < $2::timestamptz';
const day = (tzParam: string) => `to_char(time AT TIME ZONE ${tzParam}, 'YYYY-MM-DD')`;

export interface Volume {
  range: Range;
  timeZone: string;
  days: { day: string; count: number; users: number }[];
  users: { user: string; count: number; records: number }[];
}

export const TOP_USERS = 50;

export async function accessVolume(db: Queryable, range: Range, timeZone: string): Promise<Volume> {
  const params = [range.from, range.to, timeZone, ACCESS_TYPE];
  const days = await db.query<{ day: string; count: number; users: number }>(
    `SELECT ${day('$3')} AS day, count(*)::int AS count, count(DISTINCT user_name)::int AS users
       FROM audit_entries WHERE type = $4 AND ${inRange} GROUP BY 1 ORDER BY 1`,
    params,
  );
  const users = await db.query<{ user: string; count: number; records: number }>(
    `SELECT user_name AS "user", count(*)::int AS count,
            count(DISTINCT (coalesce(crm, ''), coalesce(object_type, ''), coalesce(record_id, '')))::int AS records
       FROM audit_entries WHERE type = $3 AND ${inRange}
      GROUP BY user_name ORDER BY count DESC, user_name LIMIT ${TOP_USERS}`,
    [range.from, range.to, ACCESS_TYPE],
  );
  return { range, timeZone, days, users };
}

export interface Warnings {
  range: Range;
  timeZone: string;
  byDayKind: { day: string; kind: string; count: number }[];
  byDayObject: { day: string; crm: string | null; objectType: string | null; count: number }[];
  byKind: { kind: string; warned: number; blocked: number; overridden: number }[];
  overrides: {
    id: string;
    time: string;
    user: string;
    crm: string | null;
    objectType: string | null;
    recordId: string | null;
    kinds: string[];
    field: string | null;
    reason: string;
  }[];
  overridesTruncated: boolean;
}

export const MAX_OVERRIDES = 500;

export async function warningsOverTime(db: Queryable, range: Range, timeZone: string, kind?: string): Promise<Warnings> {
  const types = JSON.stringify(WARNING_TYPES);
  // $1 from, $2 to, $3 kind filter (null: all kinds), $4 event types, $5 time zone (only where days are grouped).
  const base = [range.from, range.to, kind ?? null, types];
  const withTz = [...base, timeZone];
  const scope = `type IN (SELECT jsonb_array_elements_text($4::jsonb)) AND ${inRange} AND ($3::text IS NULL OR data->'kinds' @> to_jsonb($3::text))`;
  const byDayKind = await db.query<{ day: string; kind: string; count: number }>(
    `SELECT ${day('$5')} AS day, k.kind, count(*)::int AS count
       FROM audit_entries, jsonb_array_elements_text(coalesce(data->'kinds', '[]'::jsonb)) AS k(kind)
      WHERE ${scope} GROUP BY 1, 2 ORDER BY 1, 2`,
    withTz,
  );
  const byDayObject = await db.query<{ day: string; crm: string | null; objectType: string | null; count: number }>(
    `SELECT ${day('$5')} AS day, crm, object_type AS "objectType", count(*)::int AS count
       FROM audit_entries WHERE ${scope} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    withTz,
  );
  const byKind = await db.query<{ kind: string; warned: number; blocked: number; overridden: number }>(
    `SELECT k.kind,
            count(*) FILTER (WHERE type = 'input.warning_shown')::int AS warned,
            count(*) FILTER (WHERE type = 'input.save_blocked')::int AS blocked,
            count(*) FILTER (WHERE type = 'input.overridden')::int AS overridden
       FROM audit_entries, jsonb_array_elements_text(coalesce(data->'kinds', '[]'::jsonb)) AS k(kind)
      WHERE ${scope} GROUP BY 1 ORDER BY count(*) DESC, 1`,
    base,
  );
  const overrideRows = await db.query<{
    id: string; time: Date; user_name: string; crm: string | null; object_type: string | null; record_id: string | null; data: Record<string, unknown>;
  }>(
    `SELECT id, time, user_name, crm, object_type, record_id, data FROM audit_entries
      WHERE type = 'input.overridden' AND ${inRange} AND ($3::text IS NULL OR data->'kinds' @> to_jsonb($3::text))
      ORDER BY time DESC, id DESC LIMIT ${MAX_OVERRIDES + 1}`,
    [range.from, range.to, kind ?? null],
  );
  return {
    range,
    timeZone,
    byDayKind,
    byDayObject,
    byKind,
    overrides: overrideRows.slice(0, MAX_OVERRIDES).map((r) => ({
      id: r.id,
      time: r.time.toISOString(),
      user: r.user_name,
      crm: r.crm,
      objectType: r.object_type,
      recordId: r.record_id,
      kinds: stringArray(r.data.kinds),
      field: typeof r.data.field === 'string' ? r.data.field : null,
      reason: typeof r.data.reason === 'string' ? r.data.reason : '',
    })),
    overridesTruncated: overrideRows.length > MAX_OVERRIDES,
  };
}

export interface DataMap {
  range: Range;
  cells: { kind: string; crm: string | null; objectType: string | null; count: number }[];
}

/** Which personal-data kinds were seen in which CRM objects: the data map for a DPIA or the Art. 30 record. */
export async function kindObjectMap(db: Queryable, range: Range): Promise<DataMap> {
  const cells = await db.query<{ kind: string; crm: string | null; objectType: string | null; count: number }>(
    `SELECT k.kind, crm, object_type AS "objectType", count(*)::int AS count
       FROM audit_entries, jsonb_array_elements_text(coalesce(data->'kinds', '[]'::jsonb)) AS k(kind)
      WHERE type IN (SELECT jsonb_array_elements_text($3::jsonb)) AND ${inRange}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [range.from, range.to, JSON.stringify(KIND_TYPES)],
  );
  return { range, cells };
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
