// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  auditEntrySchema,
  canonicalUnsigned,
  looksLikeEntry,
  canonicalJson,
  hashEntry,
  sealEntry,
  verifyChain,
  type AuditEntry,
  type UnsignedEntry,
} from '../../lib/audit/chain';
import { createIdFactory, idTime } from '../../lib/audit/id';

async function buildChain(n: number, deviceId = 'dev-A'): Promise<AuditEntry[]> {
  const ids = createIdFactory();
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const t = Date.parse('2026-03-01T10:00:00.000Z') + i * 1000;
    const unsigned: UnsignedEntry = {
      v: 1,
      id: ids(t),
      seq: i,
      deviceId,
      time: new Date(t).toISOString(),
      type: 'record.viewed',
      user: `user-${i % 3}`,
      crm: 'salesforce',
      objectType: 'Contact',
      recordId: `003${i}`,
      host: 'acme.lightning.force.com',
      extVersion: '0.1.0',
      data: { mode: 'view' },
      prevHash: prev,
    };
    const e = await sealEntry(unsigned);
    out.push(e);
    prev = e.hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":1}]},"b":1}');
  });
  it('is independent of insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('escapes strings like JSON and omits undefined members', () => {
    expect(canonicalJson({ s: 'a"\n\u2028', u: undefined })).toBe('{"s":"a\\"\\n\u2028"}');
  });
  it('rejects values without a single JSON form', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ n: Infinity })).toThrow(/non-finite/);
    expect(() => canonicalJson({ b: 1n })).toThrow(/bigint/);
  });
});

describe('hashEntry', () => {
  it('is sha256 of prevHash, newline and the canonical entry without hash (known vector)', async () => {
    const [e] = await buildChain(1);
    const { hash: _h, ...rest } = e!;
    const bytes = new TextEncoder().encode(`${GENESIS_HASH}\n${canonicalJson(rest)}`);
    const expected = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
    expect(e!.hash).toBe(expected);
    expect(await hashEntry(e!)).toBe(expected);
  });
});

describe('fast paths agree with the general ones', () => {
  it('canonicalUnsigned equals canonicalJson of the entry without hash, also for odd shapes', async () => {
    const [e] = await buildChain(1);
    const { hash: _h, ...rest } = e!;
    expect(canonicalUnsigned(e!)).toBe(canonicalJson(rest));
    const odd = { ...rest, extra: 1, data: { b: [1, { d: 2, c: 'x' }], a: null } };
    const { ...oddRest } = odd;
    expect(canonicalUnsigned(odd as never)).toBe(canonicalJson(oddRest));
    const missing = { ...rest, host: undefined };
    expect(canonicalUnsigned(missing as never)).toBe(canonicalJson(missing));
  });

  it('looksLikeEntry accepts exactly what the schema accepts', async () => {
    const [e] = await buildChain(1);
    const variants: unknown[] = [
      e,
      { ...e, crm: null, objectType: null, recordId: null, host: null },
      { ...e, extra: 'x' },
      { ...e, v: 2 },
      { ...e, seq: 0 },
      { ...e, seq: 1.5 },
      { ...e, id: 'lowercase-not-ulid-000000000' },
      { ...e, time: '2026-01-01T00:00:00Z' },
      { ...e, type: 'Record.Viewed' },
      { ...e, user: '' },
      { ...e, user: 'x'.repeat(257) },
      { ...e, crm: '' },
      { ...e, extVersion: 'v'.repeat(65) },
      { ...e, data: [] },
      { ...e, data: null },
      { ...e, prevHash: 'A'.repeat(64) },
      { ...e, hash: '0'.repeat(63) },
      (({ user: _u, ...r }) => r)(e!),
      null,
      [],
      'entry',
    ];
    for (const v of variants) expect([v, looksLikeEntry(v)]).toEqual([v, auditEntrySchema.safeParse(v).success]);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head', async () => {
    const chain = await buildChain(50);
    const r = await verifyChain(chain, { expectedHead: { seq: 50, hash: chain[49]!.hash } });
    expect(r).toMatchObject({ ok: true, checked: 50, problemCount: 0, head: { seq: 50, hash: chain[49]!.hash } });
  });

  it('detects a changed entry at its seq', async () => {
    const chain = await buildChain(20);
    chain[9] = { ...chain[9]!, user: 'someone-else' };
    const r = await verifyChain(chain);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ seq: 10, reason: 'hash_mismatch' })]);
  });

  it('detects a changed entry whose hash was recomputed (the next link breaks)', async () => {
    const chain = await buildChain(20);
    const forged = { ...chain[9]!, data: { mode: 'edit' } };
    chain[9] = { ...forged, hash: await hashEntry(forged) };
    const r = await verifyChain(chain);
    expect(r.problems).toEqual([expect.objectContaining({ seq: 11, reason: 'broken_link' })]);
  });

  it('detects a removed entry in the middle', async () => {
    const chain = await buildChain(20);
    chain.splice(6, 1);
    const r = await verifyChain(chain);
    expect(r.problems.map((p) => [p.seq, p.reason])).toEqual([
      [8, 'seq_gap'],
      [8, 'broken_link'],
    ]);
  });

  it('detects a removed first entry', async () => {
    const chain = await buildChain(5);
    const r = await verifyChain(chain.slice(1));
    expect(r.problems.map((p) => [p.seq, p.reason])).toEqual([
      [2, 'seq_gap'],
      [2, 'broken_link'],
    ]);
  });

  it('detects an inserted entry, even one with a valid hash of its own', async () => {
    const chain = await buildChain(10);
    const { hash: _h, ...base } = chain[4]!;
    const inserted = await sealEntry({ ...base, id: createIdFactory()(Date.now()), seq: 6, prevHash: chain[4]!.hash, recordId: 'forged' });
    chain.splice(5, 0, inserted);
    const r = await verifyChain(chain);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 6, index: 6, reason: 'seq_order' }));
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 6, index: 6, reason: 'broken_link' }));
  });

  it('detects reordered entries', async () => {
    const chain = await buildChain(10);
    [chain[3], chain[4]] = [chain[4]!, chain[3]!];
    const r = await verifyChain(chain);
    expect(r.problems.map((p) => [p.seq, p.reason])).toEqual([
      [5, 'seq_gap'],
      [5, 'broken_link'],
      [4, 'seq_order'],
      [4, 'broken_link'],
      [6, 'seq_gap'],
      [6, 'broken_link'],
    ]);
  });

  it('detects a truncated head only against an expected head or a witness', async () => {
    const chain = await buildChain(10);
    const head = { seq: 10, hash: chain[9]!.hash };
    const truncated = chain.slice(0, 8);
    expect((await verifyChain(truncated)).ok).toBe(true);
    const r = await verifyChain(truncated, { expectedHead: head });
    expect(r.problems).toEqual([expect.objectContaining({ seq: 10, reason: 'head_mismatch' })]);
    const w = await verifyChain(truncated, { witnesses: [head] });
    expect(w.problems).toEqual([expect.objectContaining({ seq: 10, reason: 'witness_mismatch' })]);
  });

  it('detects a fully rewritten chain against a witness', async () => {
    const original = await buildChain(6);
    const rewritten = await buildChain(6);
    const r = await verifyChain(rewritten, { witnesses: [{ seq: 4, hash: original[3]!.hash }] });
    expect(r.problems).toEqual([expect.objectContaining({ seq: 4, reason: 'witness_mismatch' })]);
  });

  it('rejects malformed entries, foreign devices and duplicate ids', async () => {
    const chain = await buildChain(3);
    const bad = await verifyChain([chain[0], { ...chain[1], extra: 'value' }, chain[2]]);
    expect(bad.problems[0]).toMatchObject({ seq: 2, reason: 'malformed' });
    const foreign = await verifyChain(chain, { deviceId: 'dev-B' });
    expect(foreign.problems.filter((p) => p.reason === 'wrong_device')).toHaveLength(3);
    const dupSource = await buildChain(2);
    const { hash: _h, ...second } = dupSource[1]!;
    const dup = await sealEntry({ ...second, id: dupSource[0]!.id });
    expect((await verifyChain([dupSource[0], dup])).problems).toEqual([expect.objectContaining({ seq: 2, reason: 'duplicate_id' })]);
  });

  it('needs a checkpoint for a pruned anchor', async () => {
    const chain = await buildChain(10);
    const anchor = { seq: 4, hash: chain[3]!.hash };
    const r = await verifyChain(chain.slice(4), { anchor });
    expect(r.problems).toEqual([expect.objectContaining({ seq: 4, reason: 'checkpoint_missing' })]);
    const { hash: _h, ...last } = chain[9]!;
    const cp = await sealEntry({
      ...last,
      id: createIdFactory()(Date.now()),
      seq: 11,
      prevHash: chain[9]!.hash,
      type: 'log.checkpoint',
      data: { prunedThrough: anchor, prunedCount: 4, reason: 'retention' },
    });
    expect((await verifyChain([...chain.slice(4), cp], { anchor })).ok).toBe(true);
  });

  it('caps the problem list but counts every problem', async () => {
    const chain = await buildChain(30);
    const tampered = chain.map((e) => ({ ...e, user: 'x' }));
    const r = await verifyChain(tampered, { maxProblems: 5 });
    expect(r.problems).toHaveLength(5);
    expect(r.problemCount).toBe(30);
  });
});

describe('ULID ids', () => {
  it('are time-ordered and monotonic within one millisecond', () => {
    const next = createIdFactory();
    const ids = Array.from({ length: 1000 }, () => next(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    expect(idTime(ids[0]!)).toBe(1_700_000_000_000);
    const later = next(1_700_000_000_001);
    expect(later > ids[999]!).toBe(true);
  });
  it('stay monotonic when the clock steps back', () => {
    const next = createIdFactory();
    const a = next(2_000_000);
    const b = next(1_000_000);
    expect(b > a).toBe(true);
  });
});
