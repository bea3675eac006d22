// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDbName, manualClock, openLog, readStored, tamper, viewed } from './helpers';
import { openAuditDb } from '../../lib/audit/store';
import { verifyChain } from '../../lib/audit/chain';
import { AuditEventError } from '../../lib/audit/events';

describe('append', () => {
  it('chains concurrent appends linearly with consecutive seq', async () => {
    const name = freshDbName();
    const log = await openLog(name);
    const entries = await Promise.all(Array.from({ length: 300 }, (_, i) => log.append(viewed(`003${i}`))));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const all = await readStored(name);
    expect(all).toHaveLength(300);
    expect((await verifyChain(all, { deviceId: 'device-1' })).ok).toBe(true);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort());
    log.close();
  });

  it('resolves only after the entry is readable from a fresh connection, and a reopened log continues the chain', async () => {
    const name = freshDbName();
    const log = await openLog(name);
    const e = await log.append(viewed('003A'));
    expect(await readStored(name)).toEqual([e]);
    log.close();
    const again = await openLog(name);
    const next = await again.append(viewed('003B'));
    expect(next).toMatchObject({ seq: 2, prevHash: e.hash });
    expect((await again.verify()).ok).toBe(true);
    again.close();
  });

  it('refuses a device id, version or pseudonym that would make every entry malformed', async () => {
    await expect(openLog(freshDbName(), { deviceId: '' })).rejects.toThrow(/deviceId/);
    await expect(openLog(freshDbName(), { extVersion: 'x'.repeat(65) })).rejects.toThrow(/extVersion/);
    await expect(openLog(freshDbName(), { pseudonym: '' })).rejects.toThrow(/pseudonym/);
  });

  it('fills envelope fields and uses the pseudonym when no CRM user is known', async () => {
    const clock = manualClock();
    const log = await openLog(freshDbName(), { now: clock.now, pseudonym: 'pseud-42' });
    const e = await log.append({ type: 'extension.started', data: { reason: 'startup' } });
    expect(e).toMatchObject({
      v: 1,
      seq: 1,
      deviceId: 'device-1',
      time: '2026-01-01T00:00:00.000Z',
      user: 'pseud-42',
      crm: null,
      recordId: null,
      extVersion: '0.1.0',
      data: { reason: 'startup' },
    });
    log.close();
  });

  it('rejects an event carrying a field value under an extra key, and stores nothing', async () => {
    const log = await openLog(freshDbName());
    await expect(
      log.append({ type: 'fields.shown', data: { kinds: ['email'], fieldCount: 1, value: 'jane@example.com' } }),
    ).rejects.toBeInstanceOf(AuditEventError);
    await expect(log.append({ ...viewed('1'), fieldValue: 'x' })).rejects.toThrow(/Unrecognized key/);
    await expect(log.append({ type: 'nope', data: {} })).rejects.toThrow(/unknown audit event type/);
    expect((await log.stats()).total).toBe(0);
    log.close();
  });

  it('masks the override reason with the injected redact function', async () => {
    const redact = (t: string) => t.replace(/[\w.]+@[\w.]+/g, '[email]');
    const log = await openLog(freshDbName(), { redact });
    const e = await log.append({
      type: 'input.overridden',
      data: { kinds: ['email'], field: 'Description', reason: 'customer jane@example.com asked for it' },
      crm: 'hubspot',
    });
    expect(e.data['reason']).toBe('customer [email] asked for it');
    const d = await (await openLog(freshDbName())).append({ type: 'input.overridden', data: { kinds: [], reason: 'Jane Doe' } });
    expect(d.data['reason']).toBe('[redacted: 8 chars]');
    log.close();
  });

  it('keeps time monotonic when the clock steps back', async () => {
    const clock = manualClock();
    const log = await openLog(freshDbName(), { now: clock.now });
    const a = await log.append(viewed('1'));
    clock.advance(-60_000);
    const b = await log.append(viewed('2'));
    expect(b.time).toBe(a.time);
    expect(b.id > a.id).toBe(true);
    log.close();
  });
});

describe('query', () => {
  async function seeded() {
    const clock = manualClock();
    const log = await openLog(freshDbName(), { now: clock.now });
    for (let i = 0; i < 400; i++) {
      clock.advance(60_000);
      await log.append(viewed(`003${i % 40}`, `user-${i % 4}`));
      if (i % 10 === 0) await log.append({ type: 'fields.shown', data: { kinds: ['email', 'phone'], fieldCount: 2 }, crm: 'salesforce', objectType: 'Contact', recordId: `003${i % 40}`, user: `user-${i % 4}` });
    }
    return { log, clock };
  }

  it('returns one record history newest first, paged', async () => {
    const { log } = await seeded();
    const filter = { crm: 'salesforce', objectType: 'Contact', recordId: '0037' };
    const p1 = await log.query(filter, { limit: 6 });
    expect(p1.entries).toHaveLength(6);
    expect(p1.entries.every((e) => e.recordId === '0037')).toBe(true);
    const seqs = p1.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const all: number[] = [...seqs];
    let before = p1.nextBefore;
    while (before !== undefined) {
      const p = await log.query(filter, { limit: 6, before });
      all.push(...p.entries.map((e) => e.seq));
      before = p.nextBefore;
    }
    expect(all).toHaveLength(10); // viewed at i = 7, 47, …, 367; fields.shown (i % 10 == 0) never hits it
    expect(new Set(all).size).toBe(all.length);
    log.close();
  });

  it('filters by recordId alone, user, type and time, combined', async () => {
    const { log } = await seeded();
    const byRecord = await log.query({ recordId: '0030' }, { limit: 100 });
    expect(byRecord.entries).toHaveLength(20); // 10 views + 10 fields.shown
    const byType = await log.query({ type: 'fields.shown', user: 'user-0' }, { limit: 100 });
    expect(byType.entries).toHaveLength(20);
    expect(byType.entries.every((e) => e.type === 'fields.shown' && e.user === 'user-0')).toBe(true);
    const from = '2026-01-01T01:00:00.000Z';
    const to = '2026-01-01T02:00:00.000Z';
    const window = await log.query({ from, to }, { limit: 1000 });
    expect(window.entries.length).toBeGreaterThan(0);
    expect(window.entries.every((e) => e.time >= from && e.time <= to)).toBe(true);
    // minutes 60..120 inclusive: 61 views, plus fields.shown at i = 60, 70, …, 110 sharing those minutes
    expect(window.entries.filter((e) => e.type === 'record.viewed')).toHaveLength(61);
    expect(await log.query({ from: '2030-01-01T00:00:00.000Z' }, { limit: 10 })).toEqual({ entries: [] });
    log.close();
  });

  it('rejects bad filters and limits with a clear error', async () => {
    const log = await openLog(freshDbName());
    await expect(log.query({ from: 'yesterday' }, { limit: 10 })).rejects.toThrow(/ISO|Invalid/);
    await expect(log.query({}, { limit: 0 })).rejects.toThrow(/limit/);
    log.close();
  });
});

describe('retention', () => {
  it('prunes old entries, leaves a checkpoint and still verifies; nothing unforwarded by default', async () => {
    const clock = manualClock();
    const log = await openLog(freshDbName(), { now: clock.now });
    for (let i = 0; i < 30; i++) {
      await log.append(viewed(`r${i}`));
      clock.advance(24 * 3600_000); // one per day
    }
    // Nothing was forwarded, so by default nothing may go.
    expect((await log.prune(10)).pruned).toBe(0);
    const r = await log.prune(10, clock.now(), { keepUnforwarded: false });
    expect(r.pruned).toBe(20);
    expect(r.anchor.seq).toBe(20);
    expect(r.checkpoint).toMatchObject({ type: 'log.checkpoint', seq: 31, data: { prunedThrough: r.anchor, prunedCount: 20, reason: 'retention' } });
    const stats = await log.stats();
    expect(stats.total).toBe(11);
    expect(stats.anchor).toEqual(r.anchor);
    const v = await log.verify();
    expect(v).toMatchObject({ ok: true, checked: 11 });
    // A second round prunes past the first checkpoint and writes a new one.
    clock.advance(15 * 24 * 3600_000);
    const r2 = await log.prune(10, clock.now(), { keepUnforwarded: false });
    expect(r2.pruned).toBeGreaterThan(0);
    expect((await log.verify()).ok).toBe(true);
    log.close();
  });

  it('verification fails when pruned entries lack a checkpoint (anchor moved by hand)', async () => {
    const name = freshDbName();
    const log = await openLog(name);
    const entries = [];
    for (let i = 0; i < 10; i++) entries.push(await log.append(viewed(`r${i}`)));
    await tamper(name, (all) => all.filter((e) => e.seq > 3));
    const db = await openAuditDb(name);
    await db.put('meta', { seq: 3, hash: entries[2]!.hash }, 'anchor');
    db.close();
    const v = await log.verify();
    expect(v).toMatchObject({ ok: false, firstProblem: { seq: 3, reason: 'checkpoint_missing' } });
    log.close();
  });
});

describe('verify on the stored log', () => {
  it('reports a changed stored entry and records the result in stats and in the log', async () => {
    const name = freshDbName();
    const log = await openLog(name);
    for (let i = 0; i < 50; i++) await log.append(viewed(`r${i}`));
    await tamper(name, (all) => all.map((e) => (e.seq === 17 ? { ...e, recordId: 'other' } : e)));
    const v = await log.verify();
    expect(v).toMatchObject({ ok: false, checked: 50, firstProblem: { seq: 17, reason: 'hash_mismatch' } });
    const stats = await log.stats();
    expect(stats.lastVerification).toMatchObject({ ok: false });
    expect(stats.byType['log.verified']).toBe(1);
    log.close();
  });

  it('reports entries swapped inside the stored log, and an entry inserted with a forged hash', async () => {
    const name = freshDbName();
    const log = await openLog(name);
    for (let i = 0; i < 40; i++) await log.append(viewed(`r${i}`));
    await tamper(name, (all) => {
      [all[10], all[11]] = [all[11]!, all[10]!];
      return all;
    });
    expect(await log.verify()).toMatchObject({ ok: false, firstProblem: { seq: 12, reason: 'seq_gap' } });

    const name2 = freshDbName();
    const log2 = await openLog(name2);
    for (let i = 0; i < 10; i++) await log2.append(viewed(`r${i}`));
    const { hashEntry } = await import('../../lib/audit/chain');
    await tamper(name2, (all) => {
      const { hash: _h, ...base } = all[4]!;
      const forged = { ...base, recordId: 'planted' };
      return [...all.slice(0, 4), { ...forged, hash: '' }, ...all.slice(4)];
    });
    const stored = await readStored(name2);
    // Blocks keep array order; the planted copy of seq 5 sits before the real one.
    expect(stored.filter((e) => e.seq === 5)).toHaveLength(2);
    const v = await log2.verify();
    expect(v.ok).toBe(false);
    expect(v.firstProblem?.seq).toBe(5);
    expect(await hashEntry(stored[4]!)).not.toBe(stored[4]!.hash);
    log.close();
    log2.close();
  });

  it('reports entries cut from the end (meta head kept)', async () => {
    const name = freshDbName();
    const log = await openLog(name);
    for (let i = 0; i < 10; i++) await log.append(viewed(`r${i}`));
    await tamper(name, (all) => all.filter((e) => e.seq < 9));
    const v = await log.verify();
    expect(v).toMatchObject({ ok: false, firstProblem: { seq: 10, reason: 'head_mismatch' } });
    log.close();
  });
});

describe('with the detection engine as redactor', () => {
  it('masks personal data in override reasons and field labels, keeps the rest', async () => {
    const { redactText } = await import('../../lib/detect/index');
    const log = await openLog(freshDbName(), { redact: (t) => redactText(t) });
    const e = await log.append({
      type: 'input.overridden',
      data: { kinds: ['email'], fieldLabel: 'Notes', reason: 'Customer max.mustermann@example.de confirmed by phone' },
      crm: 'salesforce',
    });
    const reason = String(e.data['reason']);
    expect(reason).not.toContain('max.mustermann@example.de');
    expect(reason).toContain('confirmed by phone');
    expect(e.data['fieldLabel']).toBe('Notes');
    const huge = await log.append({ type: 'input.overridden', data: { kinds: [], reason: 'x'.repeat(50_000) } });
    expect(huge.data['reason']).toBe('[redacted: 50000 chars]');
    log.close();
  });
});

describe('database upgrade', () => {
  it('moves a version-1 database (one record per entry) into blocks without losing or changing an entry', async () => {
    const { openDB } = await import('idb');
    const { sealEntry, GENESIS_HASH } = await import('../../lib/audit/chain');
    const { createIdFactory } = await import('../../lib/audit/id');
    const name = freshDbName();
    const ids = createIdFactory();
    const legacy = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 70; seq++) {
      const e = await sealEntry({ v: 1, id: ids(1_750_000_000_000 + seq), seq, deviceId: 'device-1', time: new Date(1_750_000_000_000 + seq).toISOString(), type: 'record.viewed', user: 'u', crm: 'salesforce', objectType: 'Contact', recordId: `r${seq % 3}`, host: 'a.lightning.force.com', extVersion: '0.1.0', data: { mode: 'view' }, prevHash: prev });
      legacy.push(e);
      prev = e.hash;
    }
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        const s = db.createObjectStore('entries', { keyPath: 'seq' });
        s.createIndex('id', 'id', { unique: true });
        db.createObjectStore('meta');
      },
    });
    for (const e of legacy) await v1.put('entries', e);
    await v1.put('meta', { seq: 70, hash: prev }, 'head');
    v1.close();

    const log = await openLog(name);
    expect(await readStored(name)).toEqual(legacy);
    expect(log.head()).toEqual({ seq: 70, hash: prev });
    expect((await log.query({ recordId: 'r1' }, { limit: 100 })).entries).toHaveLength(24);
    const next = await log.append(viewed('r9'));
    expect(next).toMatchObject({ seq: 71, prevHash: prev });
    expect(await log.verify()).toMatchObject({ ok: true, checked: 71 });
    log.close();
  });
});

describe('block layout edges', () => {
  it('continues the chain after a prune that cut a block in half and a reopen', async () => {
    const clock = manualClock();
    const name = freshDbName();
    const log = await openLog(name, { now: clock.now });
    for (let i = 0; i < 100; i++) {
      await log.append(viewed(`r${i}`));
      clock.advance(3600_000);
    }
    const r = await log.prune(2, clock.now(), { keepUnforwarded: false }); // keeps the last 48 hours
    expect(r.anchor.seq).toBe(52); // mid-block: block 1 holds 33..64
    log.close();
    const again = await openLog(name, { now: clock.now });
    expect(again.head()).toEqual({ seq: 101, hash: r.checkpoint!.hash });
    await again.append(viewed('after'));
    expect((await readStored(name)).map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 53 + i));
    expect(await again.verify()).toMatchObject({ ok: true, checked: 50 });
    const page = await again.query({}, { limit: 1000 });
    expect(page.entries.map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => 103 - i));
    again.close();
  });

  it('query results come from the hashed entries: a lookup row edited to point elsewhere finds nothing', async () => {
    const name = freshDbName();
    const log = await openLog(name);
    for (let i = 0; i < 40; i++) await log.append(viewed(i === 5 ? 'target' : `r${i}`));
    const db = await openAuditDb(name);
    await db.put('rows', { seq: 9, time: '2026-01-01T00:00:00.000Z', type: 'record.viewed', user: 'sf-user-1', crm: 'salesforce', objectType: 'Contact', recordId: 'target' });
    db.close();
    const found = await log.query({ recordId: 'target' }, { limit: 10 });
    expect(found.entries.map((e) => e.seq)).toEqual([6]);
    log.close();
  });

  it('pages through many blocks without gaps or repeats', async () => {
    const log = await openLog(freshDbName());
    await Promise.all(Array.from({ length: 1000 }, (_, i) => log.append(viewed(`r${i % 10}`, `user-${i % 3}`))));
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const p: Awaited<ReturnType<typeof log.query>> = await log.query({ user: 'user-1' }, before === undefined ? { limit: 37 } : { limit: 37, before });
      seen.push(...p.entries.map((e) => e.seq));
      before = p.nextBefore;
    } while (before !== undefined);
    expect(seen).toEqual(Array.from({ length: 333 }, (_, i) => 998 - 3 * i));
    log.close();
  });
});
