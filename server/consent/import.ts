/**
 * Turns an import body (JSON array, NDJSON or CSV) into validated consent events,
 * row by row. Nothing is written here: the store imports all rows or none, so a
 * bad row never leaves half an import behind.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseCsv, CsvSyntaxError } from './csv';
import {
  EVENT_TYPES,
  LAWFUL_BASES,
  STORED_STATUSES,
  canonicalRecordId,
  channelSchema,
  crmSchema,
  emailSha256Schema,
  normaliseEmail,
  objectTypeSchema,
  purposeSchema,
  recordIdSchema,
  type EventType,
  type LawfulBasis,
  type RecordRef,
  type StoredStatus,
} from './model';

export const IMPORT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Bad rows listed in one answer; the count of all of them is given beside. */
const MAX_LISTED_ERRORS = 100;
/** Events dated further ahead than this are typos, and would override everything. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

export const FIELDS = [
  'eventId', 'type', 'subjectId', 'crm', 'objectType', 'recordId', 'email', 'emailSha256',
  'purpose', 'channel', 'status', 'lawfulBasis', 'occurredAt', 'source', 'expiresAt', 'noticeVersion',
] as const;

const dateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:00:00Z' });
const CONSENT_ONLY = ['purpose', 'channel', 'status', 'lawfulBasis', 'expiresAt'] as const;

export const consentEventInputSchema = z
  .strictObject({
    eventId: z.string().min(1).max(128).optional(),
    type: z.enum(EVENT_TYPES, { message: `type must be one of ${EVENT_TYPES.join(', ')}` }).default('consent'),
    subjectId: z.string().min(1).max(128).optional(),
    crm: crmSchema.optional(),
    objectType: objectTypeSchema.optional(),
    recordId: recordIdSchema.optional(),
    email: z.string().max(300).transform(normaliseEmail).pipe(z.email({ message: 'email is not a valid address' }).max(254)).optional(),
    emailSha256: emailSha256Schema.optional(),
    purpose: purposeSchema.optional(),
    channel: channelSchema.optional(),
    status: z
      .enum(STORED_STATUSES, { message: `status must be one of ${STORED_STATUSES.join(', ')} (expired is derived from expiresAt)` })
      .optional(),
    lawfulBasis: z.enum(LAWFUL_BASES, { message: `lawfulBasis must be one of ${LAWFUL_BASES.join(', ')}` }).optional(),
    occurredAt: dateTime,
    source: z.string().min(1).max(200).optional(),
    expiresAt: dateTime.optional(),
    noticeVersion: z.string().min(1).max(64).optional(),
  })
  .superRefine((row, ctx) => {
    const recordParts = [row.crm, row.objectType, row.recordId].filter((v) => v !== undefined).length;
    if (recordParts !== 0 && recordParts !== 3) {
      ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'a CRM record needs crm, objectType and recordId together' });
    }
    if (recordParts === 0 && !row.subjectId && !row.email && !row.emailSha256) {
      ctx.addIssue({ code: 'custom', path: ['subjectId'], message: 'name the person: subjectId, crm+objectType+recordId, email or emailSha256' });
    }
    if (row.email && row.emailSha256 && sha256(normaliseEmail(row.email)) !== row.emailSha256) {
      ctx.addIssue({ code: 'custom', path: ['emailSha256'], message: 'emailSha256 is not the hash of email' });
    }
    if (row.type === 'consent') {
      for (const field of ['purpose', 'channel', 'status', 'lawfulBasis'] as const) {
        if (row[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required for a consent event` });
      }
    } else {
      for (const field of CONSENT_ONLY) {
        if (row[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${field} belongs to consent events only, not ${row.type}` });
      }
    }
    const occurred = Date.parse(row.occurredAt);
    if (occurred > Date.now() + FUTURE_TOLERANCE_MS) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'occurredAt is in the future' });
    }
    if (row.expiresAt !== undefined && Date.parse(row.expiresAt) <= occurred) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expiresAt must be after occurredAt' });
    }
  });

/** A validated row, identifiers canonical, email replaced by its hash. */
export interface ImportRow {
  position: RowPosition;
  eventId: string | null;
  type: EventType;
  subjectId: string | null;
  record: RecordRef | null;
  emailSha256: string | null;
  purpose: string | null;
  channel: string | null;
  status: StoredStatus | null;
  lawfulBasis: LawfulBasis | null;
  occurredAt: Date;
  source: string | null;
  expiresAt: Date | null;
  noticeVersion: string | null;
}

/** CSV and NDJSON rows have a line; JSON array rows a 1-based index. */
export type RowPosition = { line: number } | { index: number };

export interface RowError {
  line?: number;
  index?: number;
  field: string;
  message: string;
}

export class ImportRejected extends Error {
  constructor(
    readonly rows: RowError[],
    readonly rowErrorCount: number,
  ) {
    super(`${rowErrorCount} invalid row(s)`);
  }
}

/** The body cannot be read at all (not JSON, not CSV, too many rows). */
export class ImportUnreadable extends Error {}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Collects row errors, listing the first ones and counting all. */
export class RowErrors {
  readonly listed: RowError[] = [];
  count = 0;
  add(position: RowPosition, field: string, message: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push({ ...position, field, message });
  }
  throwIfAny(): void {
    if (this.count > 0) throw new ImportRejected(this.listed, this.count);
  }
}

export function parseImport(body: string, format: ImportFormat): ImportRow[] {
  const raw = readRows(body, format);
  if (raw.length === 0) throw new ImportUnreadable('the import has no rows');
  if (raw.length > MAX_IMPORT_ROWS) throw new ImportUnreadable(`at most ${MAX_IMPORT_ROWS} rows per import; split the file`);
  const errors = new RowErrors();
  const rows: ImportRow[] = [];
  for (const { position, value } of raw) {
    const parsed = consentEventInputSchema.safeParse(value);
    if (!parsed.success) {
      // One message per field is enough to fix a row.
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : String(issue.path[0] ?? '(row)');
        if (seen.has(field)) continue;
        seen.add(field);
        errors.add(position, field, issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message);
      }
      continue;
    }
    rows.push(normalise(parsed.data, position));
  }
  errors.throwIfAny();
  return rows;
}

function normalise(row: z.infer<typeof consentEventInputSchema>, position: RowPosition): ImportRow {
  const record =
    row.crm && row.objectType && row.recordId
      ? { crm: row.crm, objectType: row.objectType, recordId: canonicalRecordId(row.crm, row.recordId) }
      : null;
  return {
    position,
    eventId: row.eventId ?? null,
    type: row.type,
    subjectId: row.subjectId ?? null,
    record,
    emailSha256: row.emailSha256 ?? (row.email ? sha256(normaliseEmail(row.email)) : null),
    purpose: row.purpose ?? null,
    channel: row.channel ?? null,
    status: row.status ?? null,
    lawfulBasis: row.lawfulBasis ?? null,
    occurredAt: new Date(row.occurredAt),
    source: row.source ?? null,
    expiresAt: row.expiresAt ? new Date(row.expiresAt) : null,
    noticeVersion: row.noticeVersion ?? null,
  };
}

interface RawRow {
  position: RowPosition;
  value: unknown;
}

function readRows(body: string, format: ImportFormat): RawRow[] {
  switch (format) {
    case 'json':
      return readJson(body);
    case 'ndjson':
      return readNdjson(body);
    case 'csv':
      return readCsv(body);
  }
}

function readJson(body: string): RawRow[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new ImportUnreadable('the body is not valid JSON');
  }
  const list = Array.isArray(value) ? value : (value as { events?: unknown } | null)?.events;
  if (!Array.isArray(list)) throw new ImportUnreadable('expected a JSON array of events or { "events": [...] }');
  return list.map((v, i) => ({ position: { index: i + 1 }, value: v }));
}

function readNdjson(body: string): RawRow[] {
  const rows: RawRow[] = [];
  const errors = new RowErrors();
  body.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    const position = { line: i + 1 };
    try {
      rows.push({ position, value: JSON.parse(text) });
    } catch {
      errors.add(position, '(row)', 'not a valid JSON object');
    }
  });
  errors.throwIfAny();
  return rows;
}

function readCsv(body: string): RawRow[] {
  let records;
  try {
    records = parseCsv(body);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportRejected([{ line: error.line, field: '(row)', message: error.message }], 1);
    throw error;
  }
  const [header, ...data] = records;
  if (!header) return [];
  const columns = header.cells.map((c) => c.trim());
  const known = new Set<string>(FIELDS);
  const headerErrors = new RowErrors();
  const seen = new Set<string>();
  for (const column of columns) {
    if (!known.has(column)) headerErrors.add({ line: header.line }, column || '(empty)', `unknown column "${column}"; columns are ${FIELDS.join(', ')}`);
    else if (seen.has(column)) headerErrors.add({ line: header.line }, column, `column "${column}" appears twice`);
    seen.add(column);
  }
  headerErrors.throwIfAny();
  const errors = new RowErrors();
  const rows: RawRow[] = [];
  for (const record of data) {
    const position = { line: record.line };
    if (record.cells.length !== columns.length) {
      errors.add(position, '(row)', `expected ${columns.length} cells, found ${record.cells.length}`);
      continue;
    }
    const value: Record<string, string> = {};
    columns.forEach((column, i) => {
      const cell = record.cells[i]!.trim();
      if (cell !== '') value[column] = cell;
    });
    rows.push({ position, value });
  }
  errors.throwIfAny();
  return rows;
}
