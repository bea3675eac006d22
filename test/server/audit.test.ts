// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GENESIS_HASH, sealEntry, type AuditEntry, type UnsignedEntry } from '../../lib/audit/chain';
import { createIdFactory } from '../../lib/audit/id';
import { MAX_BATCH_ENTRIES } from '../../lib/audit/wire';
import { ENGINES, harness, usePostgresCluster, type Harness } from './helpers';
import { postgresAvailable } from './pg-cluster';

// PGlite start-up and a PostgreSQL cluster take seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

usePostgresCluster();
const nextId = createIdFactory();
const T0 = Date.parse('2026-11-02T08:00:00.000Z');

interface ChainOptions {
  from?: { seq: number; hash: string };
  user?: string;
  recordId?: string;
  type?: string;
  data?: Record<string, unknown>;
  minutes?: number;
}

/** n sealed entries of one device, continuing from `from` (default genesis). */
async function chain(deviceId: string, n: number, opts: ChainOptions = {}): Promise<AuditEntry[]> {
  let prev = opts.from ?? { seq: 0, hash: GENESIS_HASH };
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const seq = prev.seq + 1;
    const unsigned: UnsignedEntry = {
      v: 1,
      id: nextId(),
      seq,
      deviceId,
      time: new Date(T0 + (opts.minutes ?? 1) * 60_000 * seq).toISOString(),
      type: opts.type ?? 'record.viewed',
      user: opts.user ?? 'rep.one',
      crm: 'salesforce',
      objectType: 'Contact',
      recordId: opts.recordId ?? '003A',
      host: 'acme.lightning.force.com',
      extVersion: '0.1.0',
      data: opts.data ?? { kinds: ['email', 'phone'] },
      prevHash: prev.hash,
    };
    const entry = await sealEntry(unsigned);
    out.push(entry);
    prev = { seq, hash: entry.hash };
  }
  return out;
}

const last = (entries: AuditEntry[]) => ({ seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash });

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !postgresAvailable)(`audit ingest and review on ${engine}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(engine);
    }, 60_000);
    afterAll(async () => {
      await h?.close();
    });
    const send = (deviceId: string, entries: unknown[], token = h.tokens.reader) => h.call('POST', '/v1/audit/batches', { token, body: { deviceId, entries } });
    const stored = async (deviceId: string) =>
      (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entries WHERE device_id = $1', [deviceId]))[0]!.n;

    it('stores a batch once however often it is delivered', async () => {
      const entries = await chain('dev-a', 10);
      const first = await send('dev-a', entries);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ accepted: 10, duplicates: 0, head: last(entries), chain: 'ok' });
      const again = await send('dev-a', entries);
      expect(again.body).toEqual({ accepted: 0, duplicates: 10, head: last(entries), chain: 'ok' });
      const more = await chain('dev-a', 5, { from: last(entries) });
      const overlap = await send('dev-a', [...entries.slice(7), ...more].reverse());
      expect(overlap.body).toEqual({ accepted: 5, duplicates: 3, head: last(more), chain: 'ok' });
      expect(await stored('dev-a')).toBe(15);
    });

    it('stores each entry exactly once when the same batch arrives twice at the same time', async () => {
      const entries = await chain('dev-race', 40);
      const [a, b] = await Promise.all([send('dev-race', entries), send('dev-race', entries)]);
      expect(a!.body.accepted + b!.body.accepted).toBe(40);
      expect(a!.body.duplicates + b!.body.duplicates).toBe(40);
      expect(await stored('dev-race')).toBe(40);
    });

    it('flags a gap until the missing entries arrive', async () => {
      const entries = await chain('dev-gap', 7);
      expect((await send('dev-gap', entries.slice(0, 3))).body.chain).toBe('ok');
      const gap = await send('dev-gap', entries.slice(5));
      expect(gap.body).toMatchObject({ accepted: 2, chain: 'gap', head: last(entries) });
      const filled = await send('dev-gap', entries.slice(3, 5));
      expect(filled.body).toMatchObject({ accepted: 2, chain: 'ok' });
    });

    it('flags a chain that starts after seq 1 as a gap, unless a checkpoint commits to the pruned head', async () => {
      const pruned = await chain('dev-cp', 10);
      const after = await chain('dev-cp', 2, { from: last(pruned) });
      expect((await send('dev-cp', after)).body.chain).toBe('gap');
      const checkpoint = await chain('dev-cp', 1, { from: last(after), type: 'log.checkpoint', data: { prunedThrough: last(pruned), pruned: 10 } });
      expect((await send('dev-cp', checkpoint)).body).toMatchObject({ chain: 'ok', head: last(checkpoint) });
    });

    it('keeps an entry whose hash does not match its content, and reports the chain broken', async () => {
      const entries = await chain('dev-bad', 3);
      const tampered = { ...entries[2]!, user: 'someone.else' };
      const r = await send('dev-bad', [entries[0], entries[1], tampered]);
      expect(r.body).toMatchObject({ accepted: 3, duplicates: 0, chain: 'broken', head: last(entries.slice(0, 2)) });
      const flagged = await h.db.query<{ reason: string; entry: { user: string } }>('SELECT reason, entry FROM audit_flagged WHERE device_id = $1', ['dev-bad']);
      expect(flagged).toEqual([{ reason: 'bad_hash', entry: expect.objectContaining({ user: 'someone.else' }) }]);
      // Delivered again: acknowledged, not stored twice.
      expect((await send('dev-bad', [tampered])).body).toMatchObject({ accepted: 0, duplicates: 1 });
      expect((await h.db.query('SELECT 1 FROM audit_flagged WHERE device_id = $1', ['dev-bad'])).length).toBe(1);
    });

    it('detects a rewritten local log: another entry for a stored seq', async () => {
      const original = await chain('dev-rw', 5);
      await send('dev-rw', original);
      // The device rewrote history from seq 3 on: valid hashes, but different entries.
      const rewritten = await chain('dev-rw', 3, { from: { seq: 2, hash: original[1]!.hash }, user: 'rep.two' });
      const r = await send('dev-rw', rewritten);
      expect(r.body).toMatchObject({ accepted: 3, duplicates: 0, chain: 'broken', head: last(original) });
      const kept = await h.db.query<{ user_name: string }>('SELECT user_name FROM audit_entries WHERE device_id = $1 ORDER BY seq', ['dev-rw']);
      expect(kept.map((k) => k.user_name)).toEqual(Array(5).fill('rep.one'));
      expect((await h.db.query('SELECT 1 FROM audit_flagged WHERE device_id = $1 AND reason = $2', ['dev-rw', 'rewrite'])).length).toBe(3);
    });

    it('detects a link to a different predecessor, whichever side arrives first', async () => {
      const a = await chain('dev-link', 3);
      const b = await chain('dev-link', 2, { from: { seq: 3, hash: 'f'.repeat(64) } });
      await send('dev-link', a);
      expect((await send('dev-link', b)).body.chain).toBe('broken');

      const c = await chain('dev-link2', 4);
      const forged = await chain('dev-link2', 1, { from: { seq: 2, hash: c[1]!.hash }, user: 'forger' });
      await send('dev-link2', [c[0]!, c[1]!, c[3]!]);
      // seq 3 arrives late and does not match what seq 4 committed to.
      expect((await send('dev-link2', forged)).body).toMatchObject({ accepted: 1, chain: 'broken' });
      const flags = await h.db.query<{ seq: number; reason: string }>('SELECT seq, reason FROM audit_flagged WHERE device_id = $1', ['dev-link2']);
      expect(flags).toEqual([{ seq: 4, reason: 'broken_link' }]);
    });

    it('refuses malformed and inconsistent batches without storing anything', async () => {
      const entries = await chain('dev-x', 2);
      const foreign = await send('dev-y', entries);
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors[0].path).toBe('/entries/0/deviceId');
      const missingField = { ...entries[0]! } as Partial<AuditEntry>;
      delete missingField.prevHash;
      const bad = await send('dev-x', [missingField]);
      expect(bad.status).toBe(400);
      expect(bad.body.errors.some((e: { path: string }) => e.path.startsWith('/entries/0'))).toBe(true);
      const extra = await send('dev-x', [{ ...entries[0], fieldValue: 'Jane Doe' }]);
      expect(extra.status).toBe(400);
      const many = await chain('dev-x', MAX_BATCH_ENTRIES + 1);
      expect((await send('dev-x', many)).status).toBe(400);
      expect((await send('dev-x', [])).status).toBe(400);
      expect(await stored('dev-x')).toBe(0);
    });

    describe('compliance review', () => {
      beforeAll(async () => {
        const mine = await chain('dev-rev', 30, { user: 'rep.review', recordId: '003REV', minutes: 10 });
        const other = await chain('dev-rev2', 5, { user: 'rep.other', recordId: '003REV', type: 'input.warning_shown', data: { kind: 'iban' } });
        await send('dev-rev', mine);
        await send('dev-rev2', other);
      });
      const reads = async () => (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM compliance_reads'))[0]!.n;
      const asCompliance = (path: string) => h.call('GET', path, { token: h.tokens.compliance });

      it('pages through a search newest first without repeats, and logs each read', async () => {
        const before = await reads();
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: { body: { entries: AuditEntry[]; nextCursor: string | null } } = await asCompliance(
            `/v1/audit/events?user=rep.review&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
          );
          seen.push(...page.body.entries.map((e) => e.id));
          cursor = page.body.nextCursor;
          pages++;
        } while (cursor);
        expect(pages).toBe(5);
        expect(new Set(seen).size).toBe(30);
        expect(await reads()).toBe(before + 5);
        const logged = await h.db.query<{ route: string; params: { user: string } }>('SELECT route, params FROM compliance_reads ORDER BY id DESC LIMIT 1');
        expect(logged[0]).toMatchObject({ route: 'search', params: { user: 'rep.review' } });
      });

      it('filters by time, type and kind, and rejects a bad cursor', async () => {
        const windowed = await asCompliance(`/v1/audit/events?deviceId=dev-rev&from=${new Date(T0 + 10 * 60_000 * 11).toISOString()}&to=${new Date(T0 + 10 * 60_000 * 21).toISOString()}`);
        expect(windowed.body.entries.map((e: AuditEntry) => e.seq)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
        const warnings = await asCompliance('/v1/audit/events?type=input.warning_shown&kind=iban');
        expect(warnings.body.entries).toHaveLength(5);
        const kinds = await asCompliance('/v1/audit/events?kind=phone&user=rep.review&limit=500');
        expect(kinds.body.entries).toHaveLength(30);
        expect((await asCompliance('/v1/audit/events?cursor=nonsense')).status).toBe(400);
        expect((await asCompliance('/v1/audit/events?limit=501')).status).toBe(400);
        expect((await asCompliance('/v1/audit/events?colour=red')).status).toBe(400);
      });

      it('answers a record history with everyone who accessed it', async () => {
        const r = await asCompliance('/v1/audit/records/salesforce/Contact/003REV');
        expect(r.body.users.map((u: { user: string; count: number }) => [u.user, u.count])).toEqual([
          ['rep.other', 5],
          ['rep.review', 30],
        ]);
        expect(r.body.entries).toHaveLength(35);
        expect(r.body.truncated).toBe(false);
        // Entries come back byte-for-byte verifiable.
        const { hashEntry } = await import('../../lib/audit/chain');
        const { receivedAt, ...entry } = r.body.entries[0];
        expect(receivedAt).toEqual(expect.any(String));
        expect(await hashEntry(entry)).toBe(entry.hash);
      });

      it("answers one user's activity per record, type and day", async () => {
        const r = await asCompliance('/v1/audit/users/rep.review');
        expect(r.body.records).toEqual([{ crm: 'salesforce', objectType: 'Contact', recordId: '003REV', count: 30, last: new Date(T0 + 10 * 60_000 * 30).toISOString() }]);
        expect(r.body.types).toEqual([{ type: 'record.viewed', count: 30 }]);
        expect(r.body.days).toEqual([{ day: '2026-11-02', count: 30 }]);
        const empty = await asCompliance('/v1/audit/users/rep.review?from=2027-01-01T00:00:00Z');
        expect(empty.body.records).toEqual([]);
      });

      it('exports a search as CSV and NDJSON, formulas defused, and logs it', async () => {
        const before = await reads();
        const csv = await asCompliance('/v1/audit/export?format=csv&deviceId=dev-rev2');
        expect(csv.status).toBe(200);
        expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
        expect(csv.headers.get('X-Truncated')).toBe('false');
        expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
        const lines = csv.text.trimEnd().split('\n');
        expect(lines[0]).toBe('id,seq,deviceId,time,type,user,crm,objectType,recordId,host,extVersion,data,prevHash,hash,receivedAt');
        expect(lines).toHaveLength(6);
        expect(lines[1]).toContain(',5,dev-rev2,');
        expect(lines[1]).toContain(',"{""kind"":""iban""}",');
        const ndjson = await asCompliance('/v1/audit/export?format=ndjson&user=rep.review');
        const entries = ndjson.text.trimEnd().split('\n').map((l: string) => JSON.parse(l) as AuditEntry);
        expect(entries).toHaveLength(30);
        expect(entries[0]!.seq).toBe(30);
        expect(await reads()).toBe(before + 2);

        const formula = await chain('dev-formula', 1, { user: '=HYPERLINK("http://x")' });
        await send('dev-formula', formula);
        const defused = await asCompliance('/v1/audit/export?format=csv&deviceId=dev-formula');
        expect(defused.text).toContain(`,"'=HYPERLINK(""http://x"")",`);
        expect((await asCompliance('/v1/audit/export?format=xml')).status).toBe(400);
        expect((await h.call('GET', '/v1/audit/export?format=csv', { token: h.tokens.reader })).status).toBe(403);
      });

      it('lists integrity per device with gaps and rewrites', async () => {
        const r = await asCompliance('/v1/audit/devices');
        const byId = Object.fromEntries(r.body.devices.map((d: { deviceId: string }) => [d.deviceId, d]));
        expect(byId['dev-a']).toMatchObject({ chain: 'ok', entries: 15, missing: 0, firstSeq: 1, head: { seq: 15 } });
        expect(byId['dev-rw']).toMatchObject({ chain: 'broken', rewrites: 3, problems: expect.arrayContaining([expect.objectContaining({ reason: 'rewrite', seq: 3 })]) });
        expect(byId['dev-bad']).toMatchObject({ chain: 'broken', badHashes: 1 });
        expect(byId['dev-link2']).toMatchObject({ chain: 'broken', brokenLinks: 1 });
        expect(byId['dev-cp']).toMatchObject({ chain: 'ok', firstSeq: 11 });
      });
    });
  });
}
