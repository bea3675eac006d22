/**
 * CSV and NDJSON of the anomaly list, with the audit log's formula-safe CSV
 * cells (lib/audit/export.ts). Searches are exported by /v1/audit/export.
 */
import { csvCell } from '../../lib/audit/export';
import type { Anomaly } from './anomalies';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
};

export const ANOMALY_CSV_COLUMNS = ['id', 'rule', 'user', 'deviceId', 'from', 'to', 'count', 'detail', 'evidence', 'evidenceTruncated'] as const satisfies readonly (keyof Anomaly)[];

export function exportAnomalies(anomalies: readonly Anomaly[], format: ExportFormat): string {
  if (format === 'ndjson') return anomalies.map((a) => `${JSON.stringify(a)}\n`).join('');
  const rows = anomalies.map((a) =>
    ANOMALY_CSV_COLUMNS.map((c) => csvCell(c === 'evidence' ? a.evidence.join(' ') : c === 'evidenceTruncated' ? String(a.evidenceTruncated) : a[c])).join(','),
  );
  return `${ANOMALY_CSV_COLUMNS.join(',')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}
