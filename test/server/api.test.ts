// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CORS_EXTRA, ENGINES, harness, usePostgresCluster, type Harness } from './helpers';
import { POSTGRES_SKIP_REASON, postgresAvailable } from './pg-cluster';

// PGlite start-up and a PostgreSQL cluster take seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

if (!postgresAvailable) console.warn(POSTGRES_SKIP_REASON);
usePostgresCluster();

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const REC = '/v1/consent/records/salesforce/Contact';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !postgresAvailable)(`consent API on ${engine}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(engine);
    }, 60_000);
    afterAll(async () => {
      await h?.close();
    });

    const importJson = (events: unknown) => h.call('POST', '/v1/admin/consent-events', { token: h.tokens.admin, body: events });
    const importCsv = (csv: string) => h.call('POST', '/v1/admin/consent-events', { token: h.tokens.admin, raw: csv, contentType: 'text/csv' });

    describe('authentication and roles', () => {
      it('answers 401 problem details without a token or with an unknown one', async () => {
        for (const token of [null, 'cpg_not_a_real_token']) {
          const r = await h.call('GET', `${REC}/003A`, { token });
          expect(r.status).toBe(401);
          expect(r.headers.get('Content-Type')).toBe('application/problem+json');
          expect(r.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
          expect(r.body).toMatchObject({ status: 401, type: 'urn:crm-privacy-guard:problem:unauthorized' });
        }
        const malformed = await h.call('GET', `${REC}/003A`, { token: null, headers: { Authorization: 'Basic abc' } });
        expect(malformed.status).toBe(401);
      });

      it('keeps a reader to lookups and ingest', async () => {
        const reader = h.tokens.reader;
        expect((await h.call('POST', '/v1/admin/consent-events', { token: reader, body: [] })).status).toBe(403);
        expect((await h.call('GET', '/v1/admin/tokens', { token: reader })).status).toBe(403);
        expect((await h.call('POST', '/v1/admin/tokens', { token: reader, body: { role: 'admin' } })).status).toBe(403);
        for (const path of ['/v1/audit/events', '/v1/audit/devices', '/v1/audit/users/someone', '/v1/audit/records/salesforce/Contact/003A']) {
          const r = await h.call('GET', path, { token: reader });
          expect(r.status, path).toBe(403);
          expect(r.body.detail).toContain('reader');
        }
        expect((await h.call('GET', `${REC}/003A`, { token: reader })).status).toBe(200);
      });

      it('keeps compliance away from consent and admin, and admin away from the audit log and ingest', async () => {
        expect((await h.call('GET', `${REC}/003A`, { token: h.tokens.compliance })).status).toBe(403);
        expect((await h.call('GET', '/v1/admin/tokens', { token: h.tokens.compliance })).status).toBe(403);
        expect((await h.call('GET', '/v1/audit/events', { token: h.tokens.admin })).status).toBe(403);
        expect((await h.call('POST', '/v1/audit/batches', { token: h.tokens.admin, body: { deviceId: 'd', entries: [] } })).status).toBe(403);
        expect((await h.call('GET', `${REC}/003A`, { token: h.tokens.admin })).status).toBe(200);
      });

      it('creates, lists and revokes tokens; secrets are stored hashed and never listed', async () => {
        const created = await h.call('POST', '/v1/admin/tokens', { token: h.tokens.admin, body: { role: 'reader', label: 'fleet' } });
        expect(created.status).toBe(201);
        expect(created.body.token).toMatch(/^cpg_[A-Za-z0-9_-]{43}$/);
        expect((await h.call('GET', `${REC}/003A`, { token: created.body.token })).status).toBe(200);
        const stored = await h.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.id]);
        expect(stored[0]!.token_hash).toBe(sha(created.body.token));
        const list = await h.call('GET', '/v1/admin/tokens', { token: h.tokens.admin });
        expect(list.text).not.toContain(created.body.token);
        expect(list.body.tokens.find((t: { id: string }) => t.id === created.body.id)).toMatchObject({ role: 'reader', label: 'fleet', revokedAt: null });
        expect((await h.call('DELETE', `/v1/admin/tokens/${created.body.id}`, { token: h.tokens.admin })).status).toBe(204);
        expect((await h.call('GET', `${REC}/003A`, { token: created.body.token })).status).toBe(401);
        expect((await h.call('DELETE', '/v1/admin/tokens/tok_0000000000000000', { token: h.tokens.admin })).status).toBe(404);
        expect((await h.call('POST', '/v1/admin/tokens', { token: h.tokens.admin, body: { role: 'root' } })).status).toBe(400);
      });
    });

    describe('CORS', () => {
      it('allows the extension origins only', async () => {
        for (const origin of ['chrome-extension://indjfoacpnghahilniekfepigbmajebm', CORS_EXTRA]) {
          const pre = await h.call('OPTIONS', `${REC}/003A`, {
            token: null,
            headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
          });
          expect(pre.status).toBe(204);
          expect(pre.headers.get('Access-Control-Allow-Origin')).toBe(origin);
          expect(pre.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
        }
        const evil = await h.call('GET', `${REC}/003A`, { headers: { Origin: 'https://evil.example' } });
        expect(evil.headers.get('Access-Control-Allow-Origin')).toBeNull();
        const other = await h.call('GET', `${REC}/003A`, { headers: { Origin: 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } });
        expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
      });
    });

    describe('import and derived state', () => {
      it('derives the latest state per purpose and channel, expiry at read time', async () => {
        const r = await importJson([
          { eventId: 'a1', crm: 'salesforce', objectType: 'Contact', recordId: '003A', email: '  Ann.Example@Example.COM ', purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-01T10:00:00Z', source: 'web-form', noticeVersion: 'v3' },
          // Imported later but happened earlier: does not supersede.
          { eventId: 'a0', crm: 'salesforce', objectType: 'Contact', recordId: '003A', purpose: 'newsletter', channel: 'email', status: 'denied', lawfulBasis: 'consent', occurredAt: '2025-06-01T10:00:00Z' },
          { eventId: 'a2', crm: 'salesforce', objectType: 'Contact', recordId: '003A', purpose: 'marketing_email', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-01T10:00:00Z', expiresAt: '2026-12-01T00:00:00Z' },
          { eventId: 'a3', crm: 'salesforce', objectType: 'Contact', recordId: '003A', type: 'restriction', occurredAt: '2026-02-01T00:00:00Z' },
          { eventId: 'a4', crm: 'salesforce', objectType: 'Contact', recordId: '003A', type: 'restriction_lifted', occurredAt: '2026-03-01T00:00:00Z' },
          { eventId: 'a5', crm: 'salesforce', objectType: 'Contact', recordId: '003A', type: 'objection', occurredAt: '2026-04-01T00:00:00Z' },
        ]);
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ imported: 6, duplicates: 0, subjectsCreated: 1 });

        const one = await h.call('GET', `${REC}/003A`);
        expect(one.body.known).toBe(true);
        expect(one.body.consents.map((c: { purpose: string; status: string }) => [c.purpose, c.status])).toEqual([
          ['marketing_email', 'granted'],
          ['newsletter', 'granted'],
        ]);
        expect(one.body.consents[1]).toMatchObject({ source: 'web-form', noticeVersion: 'v3', givenAt: '2026-01-01T10:00:00.000Z', lawfulBasis: 'consent' });
        expect(one.body.flags).toEqual({
          erasureRequested: { active: false, since: null },
          processingRestricted: { active: false, since: '2026-03-01T00:00:00.000Z' },
          objection: { active: true, since: '2026-04-01T00:00:00.000Z' },
        });

        h.now.value = new Date('2026-12-02T00:00:00Z');
        const later = await h.call('GET', `${REC}/003A`);
        expect(later.body.consents[0]).toMatchObject({ purpose: 'marketing_email', status: 'expired', since: '2026-12-01T00:00:00.000Z' });
        expect(later.headers.get('ETag')).not.toBe(one.headers.get('ETag'));
        h.now.value = new Date('2026-11-29T12:00:00Z');

        const byEmail = await h.call('GET', `/v1/consent/emails/${sha('ann.example@example.com')}`);
        expect(byEmail.body.known).toBe(true);
        expect(byEmail.body.consents).toEqual(one.body.consents);
        expect(byEmail.body.ref).toEqual({ emailSha256: sha('ann.example@example.com') });
      });

      it('a withdrawal supersedes the grant and keeps when it was given', async () => {
        await importJson([{ crm: 'salesforce', objectType: 'Contact', recordId: '003A', purpose: 'newsletter', channel: 'email', status: 'withdrawn', lawfulBasis: 'consent', occurredAt: '2026-05-01T00:00:00Z', source: 'unsubscribe' }]);
        const r = await h.call('GET', `${REC}/003A`);
        expect(r.body.consents.find((c: { purpose: string }) => c.purpose === 'newsletter')).toMatchObject({
          status: 'withdrawn',
          since: '2026-05-01T00:00:00.000Z',
          givenAt: '2026-01-01T10:00:00.000Z',
          source: 'unsubscribe',
        });
      });

      it('answers unknown records with known: false, and 304 for a matching ETag', async () => {
        const r = await h.call('GET', `${REC}/003NOBODY`);
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ known: false, consents: [] });
        expect(r.headers.get('Cache-Control')).toBe('private, no-cache');
        const etag = r.headers.get('ETag')!;
        expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
        const again = await h.call('GET', `${REC}/003NOBODY`, { headers: { 'If-None-Match': etag } });
        expect(again.status).toBe(304);
        expect(again.text).toBe('');
        expect(again.headers.get('ETag')).toBe(etag);
      });

      it('matches a Salesforce 15-character id to its 18-character form', async () => {
        await importJson([{ crm: 'salesforce', objectType: 'Contact', recordId: '003Dn00000QX7bG', purpose: 'phone', channel: 'phone', status: 'granted', lawfulBasis: 'legitimate_interests', occurredAt: '2026-01-01T00:00:00Z' }]);
        const long = await h.call('GET', `${REC}/003Dn00000QX7bGIAT`);
        expect(long.body.known).toBe(true);
        expect(long.body.ref.recordId).toBe('003Dn00000QX7bGIAT');
        const short = await h.call('GET', `${REC}/003Dn00000QX7bG`);
        expect(short.body.consents).toEqual(long.body.consents);
      });

      it('reports every bad CSV row with its line number and imports nothing', async () => {
        const before = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM consent_events');
        const csv = [
          'crm,objectType,recordId,purpose,channel,status,lawfulBasis,occurredAt,source',
          'salesforce,Contact,003CSV1,newsletter,email,granted,consent,2026-01-01T00:00:00Z,"form, page ""A"""',
          'salesforce,Contact,003CSV2,newsletter,email,expired,consent,2026-01-01T00:00:00Z,x',
          'salesforce,Contact,003CSV3,newsletter,email,granted,consent,yesterday,"multi',
          'line source"',
          'salesforce,Contact,003CSV4,newsletter,email,granted,gdpr,2026-01-01T00:00:00Z,x',
          'salesforce,,003CSV5,newsletter,email,granted,consent,2026-01-01T00:00:00Z,x',
        ].join('\r\n');
        const r = await importCsv(csv);
        expect(r.status).toBe(422);
        expect(r.body.type).toBe('urn:crm-privacy-guard:problem:invalid-import');
        expect(r.body.rows).toEqual([
          { line: 3, field: 'status', message: expect.stringContaining('expired is derived') },
          { line: 4, field: 'occurredAt', message: expect.stringContaining('ISO 8601') },
          { line: 6, field: 'lawfulBasis', message: expect.stringContaining('legitimate_interests') },
          { line: 7, field: 'recordId', message: expect.stringContaining('together') },
        ]);
        const after = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM consent_events');
        expect(after[0]!.n).toBe(before[0]!.n);
        expect((await h.call('GET', `${REC}/003CSV1`)).body.known).toBe(false);
      });

      it('imports valid CSV with quoting, and rejects unknown columns and broken quoting', async () => {
        const ok = await importCsv(
          '\ufeffrecordId,crm,objectType,purpose,channel,status,lawfulBasis,occurredAt,source,expiresAt\n' +
            '003CSV1,salesforce,Contact,newsletter,email,granted,consent,2026-01-01T00:00:00+01:00,"form, page ""A""",\n',
        );
        expect(ok.status).toBe(200);
        expect(ok.body.imported).toBe(1);
        const r = await h.call('GET', `${REC}/003CSV1`);
        expect(r.body.consents[0]).toMatchObject({ source: 'form, page "A"', since: '2025-12-31T23:00:00.000Z', expiresAt: null });

        const unknown = await importCsv('crm,objectType,recordId,colour\nsalesforce,Contact,1,red\n');
        expect(unknown.status).toBe(422);
        expect(unknown.body.rows[0]).toMatchObject({ line: 1, field: 'colour' });
        const unclosed = await importCsv('crm,objectType,recordId,purpose\nsalesforce,Contact,1,"open\n');
        expect(unclosed.status).toBe(422);
        expect(unclosed.body.rows[0]).toMatchObject({ line: 2, message: expect.stringContaining('never closed') });
        const ragged = await importCsv('crm,objectType,recordId\nsalesforce,Contact\n');
        expect(ragged.body.rows[0]).toMatchObject({ line: 2, message: 'expected 3 cells, found 2' });
      });

      it('reports bad JSON rows by position and field, and unreadable bodies as 400', async () => {
        const r = await importJson({
          events: [
            { subjectId: 'S-1', purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-01T00:00:00Z' },
            { purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-01T00:00:00Z' },
            { subjectId: 'S-2', type: 'erasure_requested', purpose: 'newsletter', occurredAt: '2026-01-01T00:00:00Z' },
            { subjectId: 'S-3', type: 'consent', occurredAt: '2026-01-01T00:00:00Z', colour: 'red', purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent' },
            { subjectId: 'S-4', purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-01T00:00:00Z', expiresAt: '2025-01-01T00:00:00Z' },
            { subjectId: 'S-5', purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2099-01-01T00:00:00Z' },
          ],
        });
        expect(r.status).toBe(422);
        expect(r.body.rowErrorCount).toBe(5);
        expect(r.body.rows.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
          [2, 'subjectId'],
          [3, 'purpose'],
          [4, 'colour'],
          [5, 'expiresAt'],
          [6, 'occurredAt'],
        ]);
        expect((await h.db.query('SELECT 1 FROM subjects WHERE external_id = $1', ['S-1'])).length).toBe(0);

        expect((await h.call('POST', '/v1/admin/consent-events', { token: h.tokens.admin, raw: '{not json', contentType: 'application/json' })).status).toBe(400);
        expect((await importJson({ rows: [] })).status).toBe(400);
        expect((await importJson([])).status).toBe(400);
        expect((await h.call('POST', '/v1/admin/consent-events', { token: h.tokens.admin, raw: 'x', contentType: 'application/xml' })).status).toBe(415);
      });

      it('imports NDJSON and reports its bad lines', async () => {
        const good = JSON.stringify({ subjectId: 'N-1', purpose: 'newsletter', channel: 'email', status: 'pending', lawfulBasis: 'consent', occurredAt: '2026-01-01T00:00:00Z' });
        const bad = await h.call('POST', '/v1/admin/consent-events', { token: h.tokens.admin, raw: `${good}\n\n{oops\n`, contentType: 'application/x-ndjson' });
        expect(bad.status).toBe(422);
        expect(bad.body.rows).toEqual([{ line: 3, field: '(row)', message: 'not a valid JSON object' }]);
        const ok = await h.call('POST', '/v1/admin/consent-events', { token: h.tokens.admin, raw: `${good}\n`, contentType: 'application/x-ndjson' });
        expect(ok.body).toMatchObject({ imported: 1, subjectsCreated: 1 });
      });

      it('is idempotent by eventId and refuses the same eventId with other content', async () => {
        const again = await importJson([{ eventId: 'a1', crm: 'salesforce', objectType: 'Contact', recordId: '003A', email: 'ann.example@example.com', purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-01T10:00:00Z', source: 'web-form', noticeVersion: 'v3' }]);
        expect(again.body).toMatchObject({ imported: 0, duplicates: 1 });
        const changed = await importJson([{ eventId: 'a1', crm: 'salesforce', objectType: 'Contact', recordId: '003A', purpose: 'newsletter', channel: 'email', status: 'denied', lawfulBasis: 'consent', occurredAt: '2026-01-01T10:00:00Z' }]);
        expect(changed.status).toBe(422);
        expect(changed.body.rows[0]).toMatchObject({ index: 1, field: 'eventId' });
      });

      it('links identifiers of one row to one person and refuses rows that join two people', async () => {
        await importJson([
          { subjectId: 'P-1', crm: 'hubspot', objectType: '0-1', recordId: '101', purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-01T00:00:00Z' },
          { subjectId: 'P-2', email: 'two@example.com', purpose: 'newsletter', channel: 'email', status: 'denied', lawfulBasis: 'consent', occurredAt: '2026-01-01T00:00:00Z' },
          { subjectId: 'P-1', email: 'one@example.com', type: 'erasure_requested', occurredAt: '2026-02-01T00:00:00Z' },
        ]);
        const byEmail = await h.call('GET', `/v1/consent/emails/${sha('one@example.com')}`);
        expect(byEmail.body.flags.erasureRequested).toEqual({ active: true, since: '2026-02-01T00:00:00.000Z' });
        expect(byEmail.body.consents[0].status).toBe('granted');
        const joined = await importJson([{ crm: 'hubspot', objectType: '0-1', recordId: '101', email: 'two@example.com', type: 'objection', occurredAt: '2026-03-01T00:00:00Z' }]);
        expect(joined.status).toBe(422);
        expect(joined.body.rows[0].message).toContain('different people');
      });

      it('is append-only in the database itself', async () => {
        await expect(h.db.query('UPDATE consent_events SET status = $1', ['granted'])).rejects.toThrow(/append-only/);
        await expect(h.db.query('DELETE FROM consent_events')).rejects.toThrow(/append-only/);
      });
    });

    describe('batch lookup', () => {
      it('answers each reference in order, records and email hashes mixed', async () => {
        const r = await h.call('POST', '/v1/consent/lookup', {
          body: { refs: [{ crm: 'salesforce', objectType: 'Contact', recordId: '003NOBODY' }, { emailSha256: sha('one@example.com') }, { crm: 'salesforce', objectType: 'Contact', recordId: '003A' }] },
        });
        expect(r.status).toBe(200);
        expect(r.headers.get('Cache-Control')).toBe('no-store');
        expect(r.body.results.map((x: { known: boolean }) => x.known)).toEqual([false, true, true]);
        expect(r.body.results[2]).toEqual((await h.call('GET', `${REC}/003A`)).body);
      });

      it('takes 200 references and refuses 201, bad refs and non-JSON', async () => {
        const refs = Array.from({ length: 200 }, (_, i) => ({ crm: 'salesforce', objectType: 'Contact', recordId: `003X${i}` }));
        expect((await h.call('POST', '/v1/consent/lookup', { body: { refs } })).body.results).toHaveLength(200);
        const over = await h.call('POST', '/v1/consent/lookup', { body: { refs: [...refs, refs[0]] } });
        expect(over.status).toBe(400);
        expect(over.body.errors[0]).toMatchObject({ path: '/refs', message: expect.stringContaining('200') });
        const bad = await h.call('POST', '/v1/consent/lookup', { body: { refs: [{ emailSha256: 'ABC' }] } });
        expect(bad.status).toBe(400);
        expect((await h.call('POST', '/v1/consent/lookup', { raw: 'refs=1', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
        expect((await h.call('POST', '/v1/consent/lookup', { raw: '{', contentType: 'application/json' })).status).toBe(400);
        expect((await h.call('POST', '/v1/consent/lookup', { raw: JSON.stringify({ refs, pad: 'x'.repeat(70_000) }), contentType: 'application/json' })).status).toBe(413);
      });

      it('refuses malformed path parameters with a problem', async () => {
        expect((await h.call('GET', '/v1/consent/records/Sales%20Force/Contact/1')).status).toBe(400);
        expect((await h.call('GET', '/v1/consent/emails/not-a-hash')).status).toBe(400);
      });
    });
  });
}
