/** Response shapes of the API the app reads (server/openapi.yaml is the contract). */
import type { Anomaly, AnomalyRule } from '../../analytics/anomalies';

export interface Entry {
  id: string;
  seq: number;
  deviceId: string;
  time: string;
  type: string;
  user: string;
  crm: string | null;
  objectType: string | null;
  recordId: string | null;
  data: Record<string, unknown>;
  hash: string;
}
export interface Page {
  entries: Entry[];
  nextCursor: string | null;
}
export interface History {
  record: { crm: string; objectType: string; recordId: string };
  users: { user: string; count: number; first: string; last: string }[];
  entries: Entry[];
  truncated: boolean;
}
export interface Activity {
  user: string;
  records: { crm: string | null; objectType: string | null; recordId: string | null; count: number; last: string }[];
  types: { type: string; count: number }[];
  days: { day: string; count: number }[];
}
export interface Device {
  deviceId: string;
  chain: 'ok' | 'gap' | 'broken';
  head: { seq: number; hash: string };
  entries: number;
  firstSeq: number | null;
  missing: number;
  rewrites: number;
  badHashes: number;
  brokenLinks: number;
  lastReceivedAt: string | null;
  problems: { seq: number; id: string; reason: 'rewrite' | 'bad_hash' | 'broken_link'; receivedAt: string }[];
}
export interface Volume {
  days: { day: string; count: number; users: number }[];
  users: { user: string; count: number; records: number }[];
}
export interface Warnings {
  byDayKind: { day: string; kind: string; count: number }[];
  byDayObject: { day: string; crm: string | null; objectType: string | null; count: number }[];
  byKind: { kind: string; warned: number; blocked: number; overridden: number }[];
  overrides: { id: string; time: string; user: string; crm: string | null; objectType: string | null; recordId: string | null; kinds: string[]; field: string | null; reason: string }[];
  overridesTruncated: boolean;
}
export interface DataMap {
  cells: { kind: string; crm: string | null; objectType: string | null; count: number }[];
}
// The anomaly endpoint returns the analytics' own findings: one type, so the app cannot drift from it.
export type { Anomaly };
export type Rule = AnomalyRule;
export interface AnomalyReport {
  config: { bulkRecords: number; bulkMinutes: number; workStartHour: number; workEndHour: number; workDays: number[]; timeZone: string; overrideCount: number; overrideHours: number };
  anomalies: Anomaly[];
}
