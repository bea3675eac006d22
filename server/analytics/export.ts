/**
 * CSV and NDJSON of a search or of the anomaly list. Search exports reuse the
 * audit log's own encodings (lib/audit/export.ts: formula-safe CSV, canonical
 * JSON lines whose hashes a reader can recompute) and are paged like the search:
 * a `nextCursor` header continues a long export.
 */
import { csvCell, csvHeader, csvRow, ndjsonLine } from '../../lib/audit/export';
import { searchEntries, type SearchQuery, type StoredAuditEntry } from '../audit/review';
import type { Queryable } from '../db';
import type { Anomaly } from './anomalies';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
};

/** Rows per export response; the search's own page limit is 500, an export may take more. */
export const MAX_EXPORT_ROWS = 50_000;
const PAGE = 500;

export interface SearchExport {
  body: string;
  count: number;
  nextCursor: string | null;
}

/** The stored envelope without receivedAt, so an NDJSON line is exactly the entry the device hashed. */
function asEntry(e: StoredAuditEntry) {
  const { receivedAt: _received, ...entry } = e;
  return entry;
}

export async function exportSearch(
  db: Queryable,
  q: SearchQuery,
  cursor: { t: string; id: string } | null,
  format: ExportFormat,
  decode: (s: string) => { t: string; id: string } | null,
  maxRows = MAX_EXPORT_ROWS,
): Promise<SearchExport> {
  const parts: string[] = format === 'csv' ? [csvHeader()] : [];
  let count = 0;
  let next = cursor;
  let nextCursor: string | null = null;
  while (count < maxRows) {
    const page = await searchEntries(db, { ...q, limit: Math.min(PAGE, maxRows - count) }, next);
    for (const e of page.entries) parts.push(format === 'csv' ? csvRow(asEntry(e)) : ndjsonLine(asEntry(e)));
    count += page.entries.length;
    nextCursor = page.nextCursor;
    if (!nextCursor) break;
    next = decode(nextCursor);
  }
  return { body: parts.join(''), count, nextCursor };
}

export const ANOMALY_CSV_COLUMNS = ['id', 'rule', 'user', 'deviceId', 'from', 'to', 'count', 'detail', 'evidence', 'evidenceTruncated'] as const satisfies readonly (keyof Anomaly)[];

export function exportAnomalies(anomalies: readonly Anomaly[], format: ExportFormat): string {
  if (format === 'ndjson') return anomalies.map((a) => `${JSON.stringify(a)}\n`).join('');
  const rows = anomalies.map((a) =>
    ANOMALY_CSV_COLUMNS.map((c) => csvCell(c === 'evidence' ? a.evidence.join(' ') : c === 'evidenceTruncated' ? String(a.evidenceTruncated) : a[c])).join(','),
  );
  return `${ANOMALY_CSV_COLUMNS.join(',')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}
