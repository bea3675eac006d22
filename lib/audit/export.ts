/**
 * Export encodings. CSV follows RFC 4180 (CRLF rows, fields with comma, quote or
 * line break quoted, quotes doubled) and is safe to open in a spreadsheet: a cell
 * starting with = + - @ (or tab / carriage return) gets a leading apostrophe so it
 * is never evaluated as a formula. NDJSON keeps each entry in canonical JSON, so a
 * reader can recompute every hash from the export.
 */
import { canonicalJson, type AuditEntry } from './chain';

export const CSV_COLUMNS = [
  'seq',
  'id',
  'time',
  'type',
  'user',
  'crm',
  'objectType',
  'recordId',
  'host',
  'extVersion',
  'deviceId',
  'data',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditEntry)[];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? canonicalJson(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(entry: AuditEntry): string {
  return `${CSV_COLUMNS.map((c) => csvCell(entry[c])).join(',')}\r\n`;
}

export function ndjsonLine(entry: AuditEntry): string {
  return `${canonicalJson(entry)}\n`;
}

/** Parse one CSV document (RFC 4180) into rows; used by tests and by anyone re-importing an export. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
