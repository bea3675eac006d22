/**
 * Consent storage: appending imported events (all rows or none) and reading the
 * events behind a lookup. The state itself is derived in derive.ts.
 */
import type { Db, Queryable } from '../db';
import { RowErrors, type ImportRow } from './import';
import { canonicalRecordId, type StoredEvent, type SubjectRef } from './model';

export interface ImportResult {
  importId: number;
  imported: number;
  duplicates: number;
  subjectsCreated: number;
}

/** Serialises imports across instances, so two cannot create the same person twice. */
const IMPORT_LOCK = 774_210_002;

const recordKey = (r: { crm: string; objectType: string; recordId: string }) => `${r.crm}\u0000${r.objectType}\u0000${r.recordId}`;

export async function importEvents(db: Db, rows: readonly ImportRow[], format: 'json' | 'ndjson' | 'csv' | 'seed', tokenId: string | null): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    const errors = new RowErrors();

    // Who each identifier already belongs to, loaded in three queries.
    const bySubjectId = new Map<string, number>();
    const byRecord = new Map<string, number>();
    const byEmail = new Map<string, number>();
    const externalIds = unique(rows.map((r) => r.subjectId));
    for (const r of await tx.query<{ id: number; external_id: string }>(
      `SELECT id, external_id FROM subjects WHERE external_id = ANY($1::text[])`,
      [externalIds],
    )) bySubjectId.set(r.external_id, r.id);
    const records = rows.flatMap((r) => (r.record ? [r.record] : []));
    for (const r of await tx.query<{ crm: string; object_type: string; record_id: string; subject_id: number }>(
      `SELECT s.crm, s.object_type, s.record_id, s.subject_id
         FROM jsonb_to_recordset($1::jsonb) AS q(crm text, "objectType" text, "recordId" text)
         JOIN subject_records s ON s.crm = q.crm AND s.object_type = q."objectType" AND s.record_id = q."recordId"`,
      [JSON.stringify(records)],
    )) byRecord.set(recordKey({ crm: r.crm, objectType: r.object_type, recordId: r.record_id }), r.subject_id);
    for (const r of await tx.query<{ email_sha256: string; subject_id: number }>(
      `SELECT email_sha256, subject_id FROM subject_emails WHERE email_sha256 = ANY($1::text[])`,
      [unique(rows.map((r) => r.emailSha256))],
    )) byEmail.set(r.email_sha256, r.subject_id);

    const existingEvents = new Map<string, { subjectId: number; fingerprint: string }>();
    for (const e of await tx.query<EventRow & { event_id: string; subject_id: number }>(
      `SELECT ${EVENT_COLUMNS}, event_id, subject_id FROM consent_events WHERE event_id = ANY($1::text[])`,
      [unique(rows.map((r) => r.eventId))],
    )) existingEvents.set(e.event_id, { subjectId: e.subject_id, fingerprint: fingerprint(toStored(e)) });

    // Resolve each row to one person; new people get negative placeholders until inserted.
    let nextNew = -1;
    const newSubjects: { placeholder: number; externalId: string | null }[] = [];
    const newRecords: { crm: string; objectType: string; recordId: string; subject: number }[] = [];
    const newEmails: { emailSha256: string; subject: number }[] = [];
    const accepted: { row: ImportRow; subject: number }[] = [];
    let duplicates = 0;
    for (const row of rows) {
      const found = new Map<number, string>();
      if (row.subjectId !== null && bySubjectId.has(row.subjectId)) found.set(bySubjectId.get(row.subjectId)!, 'subjectId');
      if (row.record && byRecord.has(recordKey(row.record))) found.set(byRecord.get(recordKey(row.record))!, 'recordId');
      if (row.emailSha256 !== null && byEmail.has(row.emailSha256)) found.set(byEmail.get(row.emailSha256)!, 'emailSha256');
      if (found.size > 1) {
        errors.add(row.position, [...found.values()].join('+'), 'these identifiers already belong to different people');
        continue;
      }
      let subject = [...found.keys()][0];
      if (row.eventId !== null && existingEvents.has(row.eventId)) {
        const prior = existingEvents.get(row.eventId)!;
        if (prior.subjectId === subject && prior.fingerprint === fingerprint(toStoredFromRow(row))) duplicates++;
        else errors.add(row.position, 'eventId', `event ${row.eventId} was imported before with different content`);
        continue;
      }
      if (subject === undefined) {
        subject = nextNew--;
        newSubjects.push({ placeholder: subject, externalId: row.subjectId });
      }
      if (row.subjectId !== null && !bySubjectId.has(row.subjectId)) {
        const claimed =
          subject < 0
            ? claimPlaceholder(newSubjects, subject, row.subjectId)
            : (await tx.query('UPDATE subjects SET external_id = $2 WHERE id = $1 AND external_id IS NULL RETURNING id', [subject, row.subjectId])).length === 1;
        if (!claimed) {
          errors.add(row.position, 'subjectId', 'this person already has another subjectId');
          continue;
        }
        bySubjectId.set(row.subjectId, subject);
      }
      if (row.record && !byRecord.has(recordKey(row.record))) {
        byRecord.set(recordKey(row.record), subject);
        newRecords.push({ ...row.record, subject });
      }
      if (row.emailSha256 !== null && !byEmail.has(row.emailSha256)) {
        byEmail.set(row.emailSha256, subject);
        newEmails.push({ emailSha256: row.emailSha256, subject });
      }
      if (row.eventId !== null) existingEvents.set(row.eventId, { subjectId: subject, fingerprint: fingerprint(toStoredFromRow(row)) });
      accepted.push({ row, subject });
    }
    errors.throwIfAny();

    const ids = newSubjects.length
      ? (await tx.query<{ id: number }>(`SELECT nextval('subjects_id_seq') AS id FROM generate_series(1, $1::int)`, [newSubjects.length])).map((r) => r.id)
      : [];
    const real = new Map(newSubjects.map((s, i) => [s.placeholder, ids[i]!]));
    const subjectOf = (s: number) => (s > 0 ? s : real.get(s)!);
    if (newSubjects.length) {
      await tx.query(
        `INSERT INTO subjects (id, external_id) SELECT id, "externalId" FROM jsonb_to_recordset($1::jsonb) AS q(id bigint, "externalId" text)`,
        [JSON.stringify(newSubjects.map((s) => ({ id: subjectOf(s.placeholder), externalId: s.externalId })))],
      );
    }
    if (newRecords.length) {
      await tx.query(
        `INSERT INTO subject_records (crm, object_type, record_id, subject_id)
         SELECT crm, "objectType", "recordId", subject FROM jsonb_to_recordset($1::jsonb) AS q(crm text, "objectType" text, "recordId" text, subject bigint)`,
        [JSON.stringify(newRecords.map((r) => ({ ...r, subject: subjectOf(r.subject) })))],
      );
    }
    if (newEmails.length) {
      await tx.query(
        `INSERT INTO subject_emails (email_sha256, subject_id)
         SELECT "emailSha256", subject FROM jsonb_to_recordset($1::jsonb) AS q("emailSha256" text, subject bigint)`,
        [JSON.stringify(newEmails.map((e) => ({ ...e, subject: subjectOf(e.subject) })))],
      );
    }
    const [imp] = await tx.query<{ id: number }>('INSERT INTO consent_imports (format, row_count, token_id) VALUES ($1, $2, $3) RETURNING id', [
      format,
      rows.length,
      tokenId,
    ]);
    if (accepted.length) {
      await tx.query(
        `INSERT INTO consent_events (subject_id, import_id, event_id, type, purpose, channel, status, lawful_basis, occurred_at, source, expires_at, notice_version)
         SELECT subject, $2, "eventId", type, purpose, channel, status, "lawfulBasis", "occurredAt", source, "expiresAt", "noticeVersion"
           FROM jsonb_to_recordset($1::jsonb) AS q(subject bigint, "eventId" text, type text, purpose text, channel text, status text,
                "lawfulBasis" text, "occurredAt" timestamptz, source text, "expiresAt" timestamptz, "noticeVersion" text, ord bigint)
          ORDER BY ord`,
        [
          JSON.stringify(
            accepted.map(({ row, subject }, ord) => ({
              ord,
              subject: subjectOf(subject),
              eventId: row.eventId,
              type: row.type,
              purpose: row.purpose,
              channel: row.channel,
              status: row.status,
              lawfulBasis: row.lawfulBasis,
              occurredAt: row.occurredAt.toISOString(),
              source: row.source,
              expiresAt: row.expiresAt?.toISOString() ?? null,
              noticeVersion: row.noticeVersion,
            })),
          ),
          imp!.id,
        ],
      );
    }
    return { importId: imp!.id, imported: accepted.length, duplicates, subjectsCreated: newSubjects.length };
  });
}

const EVENT_COLUMNS = 'id, type, purpose, channel, status, lawful_basis, occurred_at, source, expires_at, notice_version';
const EVENT_COLUMNS_E = EVENT_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ');

interface EventRow {
  id: number;
  type: StoredEvent['type'];
  purpose: string | null;
  channel: string | null;
  status: StoredEvent['status'];
  lawful_basis: StoredEvent['lawfulBasis'];
  occurred_at: Date;
  source: string | null;
  expires_at: Date | null;
  notice_version: string | null;
}

function toStored(r: EventRow): StoredEvent {
  return {
    seq: r.id,
    type: r.type,
    purpose: r.purpose,
    channel: r.channel,
    status: r.status,
    lawfulBasis: r.lawful_basis,
    occurredAt: r.occurred_at,
    source: r.source,
    expiresAt: r.expires_at,
    noticeVersion: r.notice_version,
  };
}

function toStoredFromRow(r: ImportRow): StoredEvent {
  return { ...r, seq: 0 };
}

function fingerprint(e: StoredEvent): string {
  return JSON.stringify([e.type, e.purpose, e.channel, e.status, e.lawfulBasis, e.occurredAt.getTime(), e.source, e.expiresAt?.getTime() ?? null, e.noticeVersion]);
}

function claimPlaceholder(list: { placeholder: number; externalId: string | null }[], placeholder: number, externalId: string): boolean {
  const entry = list.find((s) => s.placeholder === placeholder)!;
  if (entry.externalId !== null && entry.externalId !== externalId) return false;
  entry.externalId = externalId;
  return true;
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

/** Matched as stored: Salesforce ids in their 18-character form. */
function canonicalRef(ref: SubjectRef): SubjectRef {
  return 'crm' in ref ? { ...ref, recordId: canonicalRecordId(ref.crm, ref.recordId) } : ref;
}

/** The events behind one reference (empty when the person is unknown). */
export async function eventsForRef(db: Queryable, ref: SubjectRef): Promise<StoredEvent[]> {
  const key = canonicalRef(ref);
  const rows =
    'crm' in key
      ? await db.query<EventRow>(
          `SELECT ${EVENT_COLUMNS_E} FROM subject_records r JOIN consent_events e ON e.subject_id = r.subject_id
            WHERE r.crm = $1 AND r.object_type = $2 AND r.record_id = $3`,
          [key.crm, key.objectType, key.recordId],
        )
      : await db.query<EventRow>(
          `SELECT ${EVENT_COLUMNS_E} FROM subject_emails m JOIN consent_events e ON e.subject_id = m.subject_id
            WHERE m.email_sha256 = $1`,
          [key.emailSha256],
        );
  return rows.map(toStored);
}

/** The events behind up to 200 references in two queries, in the order asked. */
export async function eventsForRefs(db: Queryable, refs: readonly SubjectRef[]): Promise<StoredEvent[][]> {
  const query = refs.map((ref, i) => {
    const key = canonicalRef(ref);
    return 'crm' in key ? { i, crm: key.crm, objectType: key.objectType, recordId: key.recordId } : { i, emailSha256: key.emailSha256 };
  });
  const subjects = await db.query<{ i: number; subject_id: number | null }>(
    `SELECT q.i, COALESCE(r.subject_id, m.subject_id) AS subject_id
       FROM jsonb_to_recordset($1::jsonb) AS q(i int, crm text, "objectType" text, "recordId" text, "emailSha256" text)
       LEFT JOIN subject_records r ON r.crm = q.crm AND r.object_type = q."objectType" AND r.record_id = q."recordId"
       LEFT JOIN subject_emails m ON m.email_sha256 = q."emailSha256"`,
    [JSON.stringify(query)],
  );
  const subjectOfRef = new Map(subjects.map((s) => [s.i, s.subject_id]));
  const ids = [...new Set(subjects.flatMap((s) => (s.subject_id === null ? [] : [s.subject_id])))];
  const events = new Map<number, StoredEvent[]>();
  if (ids.length) {
    for (const row of await db.query<EventRow & { subject_id: number }>(
      `SELECT ${EVENT_COLUMNS}, subject_id FROM consent_events WHERE subject_id = ANY($1::bigint[])`,
      [ids],
    )) {
      const list = events.get(row.subject_id) ?? [];
      list.push(toStored(row));
      events.set(row.subject_id, list);
    }
  }
  return refs.map((_, i) => {
    const subject = subjectOfRef.get(i);
    return subject == null ? [] : (events.get(subject) ?? []);
  });
}
