// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createExportSessions, ExportNotFound, MAX_CHUNK_BYTES, utf8Cut } from '@/entrypoints/background/audit-exports';
import { createAuditSink } from '@/entrypoints/background/audit-sink';
import { verifyChain, type AuditEntry } from '@/lib/audit/chain';
import { freshDbName, openLog, viewed } from '../audit/helpers';

const bytes = (s: string) => new TextEncoder().encode(s).length;

async function* pieces(parts: string[], log?: string[]): AsyncGenerator<string, void, undefined> {
  try {
    for (const p of parts) yield p;
    log?.push('completed');
  } finally {
    log?.push('finally');
  }
}

async function drain(sessions: ReturnType<typeof createExportSessions>, id: string) {
  const chunks: string[] = [];
  for (;;) {
    const { chunk, done } = await sessions.next(id);
    chunks.push(chunk);
    if (done) return chunks;
  }
}

describe('utf8Cut', () => {
  it('cuts at the byte limit without splitting a character or a surrogate pair', () => {
    expect(utf8Cut('abcdef', 4)).toBe(4);
    expect(utf8Cut('aé', 2)).toBe(1); // é is 2 bytes
    expect(utf8Cut('a€b', 3)).toBe(1); // € is 3 bytes
    expect(utf8Cut('a😀b', 4)).toBe(1); // the emoji is a pair, 4 bytes
    expect(utf8Cut('a😀b', 5)).toBe(3);
    expect(utf8Cut('short', 100)).toBe(5);
  });
});

describe('streamed export sessions', () => {
  it('merges small pieces and cuts large ones so every chunk is at most the limit, and loses nothing', async () => {
    const sessions = createExportSessions({ maxChunkBytes: 10 });
    const parts = ['ab', 'cdé', '€€€€€€€€', 'x'.repeat(25), '😀😀😀', 'end\n'];
    const id = sessions.start(pieces(parts));
    const chunks = await drain(sessions, id);
    expect(chunks.join('')).toBe(parts.join(''));
    for (const c of chunks) expect(bytes(c)).toBeLessThanOrEqual(10);
    // Every chunk but the last is filled to within one character of the limit.
    for (const c of chunks.slice(0, -1)) expect(bytes(c)).toBeGreaterThanOrEqual(7);
    expect(sessions.open()).toBe(0);
    await expect(sessions.next(id)).rejects.toBeInstanceOf(ExportNotFound);
  });

  it('answers concurrent pulls of one export in order', async () => {
    const sessions = createExportSessions({ maxChunkBytes: 4 });
    const id = sessions.start(pieces(['0123456789abcdef']));
    const got = await Promise.all([sessions.next(id), sessions.next(id), sessions.next(id), sessions.next(id)]);
    expect(got.map((g) => g.chunk)).toEqual(['0123', '4567', '89ab', 'cdef']);
    expect(got.map((g) => g.done)).toEqual([false, false, false, true]);
  });

  it('closes a cancelled, idle or pushed-out export through the generator’s finally', async () => {
    vi.useFakeTimers();
    try {
      const sessions = createExportSessions({ maxChunkBytes: 2, idleMs: 1000, maxOpen: 2 });
      const logA: string[] = [];
      const a = sessions.start(pieces(['aaaa', 'bbbb'], logA));
      await sessions.next(a);
      await sessions.cancel(a);
      expect(logA).toEqual(['finally']);
      await expect(sessions.next(a)).rejects.toBeInstanceOf(ExportNotFound);

      const logB: string[] = [];
      const b = sessions.start(pieces(['bbbb', 'cccc'], logB));
      await sessions.next(b);
      await vi.advanceTimersByTimeAsync(1001);
      expect(logB).toEqual(['finally']);
      expect(sessions.open()).toBe(0);

      const logs = [[], [], []] as string[][];
      const first = sessions.start(pieces(['xxxx', 'yyyy'], logs[0]));
      const second = sessions.start(pieces(['xxxx', 'yyyy'], logs[1]));
      await sessions.next(first);
      await sessions.next(second);
      sessions.start(pieces(['xxxx', 'yyyy'], logs[2]));
      await vi.advanceTimersByTimeAsync(0);
      expect(sessions.open()).toBe(2);
      expect(logs).toEqual([['finally'], [], []]);
      await expect(sessions.next(first)).rejects.toBeInstanceOf(ExportNotFound);
    } finally {
      vi.useRealTimers();
    }
  });

  it('streams a real log export of 6,000 entries in chunks of at most 1 MB that verify as one chain', async () => {
    const log = await openLog(freshDbName());
    for (let i = 0; i < 6000; i += 500) await Promise.all(Array.from({ length: 500 }, (_, j) => log.append(viewed(`003Dn0000${String(i + j).padStart(6, '0')}`))));
    const sessions = createExportSessions({ maxChunkBytes: 200_000 });
    const id = sessions.start(log.exportNdjson({}));
    const chunks = await drain(sessions, id);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(bytes(c)).toBeLessThanOrEqual(200_000);
    const entries = chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    expect(entries).toHaveLength(6000);
    expect((await verifyChain(entries, { deviceId: 'device-1' })).ok).toBe(true);
    const exported = await log.query({ type: 'log.exported' }, { limit: 10 });
    expect(exported.entries[0]?.data).toMatchObject({ format: 'ndjson', count: 6000, completed: true });
    expect(MAX_CHUNK_BYTES).toBeLessThanOrEqual(1_000_000);
    log.close();
  });
});

describe('forward after a burst of appends', () => {
  const settings = (endpoint: string) =>
    ({ effective: { audit: { endpoint, token: 't', format: 'reference', batchSize: 100, retentionDays: 90, repMayView: true, userPseudonym: '' } }, lockedKeys: [], sources: {} }) as never;

  it('forwards once, quietMs after the last append of a burst, bounded by maxWaitMs, and reports the attempt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const forwards: number[] = [];
      const fake = {
        append: async () => ({}) as AuditEntry,
        forward: async () => {
          forwards.push(Date.now());
          return { at: new Date().toISOString(), status: 'ok', sent: 3, duplicates: 0, batches: 1, pending: 0 };
        },
      };
      const sink = createAuditSink({ quietMs: 5000, maxWaitMs: 12_000 });
      sink.watchPolicy(() => settings('https://audit.example'));
      sink.attach(fake as never);
      await vi.advanceTimersByTimeAsync(6000); // the start-up nudge
      expect(forwards).toHaveLength(1);
      const t0 = Date.now();
      for (let i = 0; i < 3; i++) {
        await sink.append({ type: 'record.viewed', data: { mode: 'view' } });
        await vi.advanceTimersByTimeAsync(1000);
      }
      expect(forwards).toHaveLength(1);
      expect(sink.forwarding().burstDueAt).not.toBeNull();
      await vi.advanceTimersByTimeAsync(5000);
      expect(forwards).toHaveLength(2);
      expect(forwards[1]! - t0).toBe(2000 + 5000);
      // A steady stream (an append every 2 s) is still forwarded within maxWaitMs.
      const t1 = Date.now();
      for (let i = 0; i < 10; i++) {
        await sink.append({ type: 'record.viewed', data: { mode: 'view' } });
        await vi.advanceTimersByTimeAsync(2000);
      }
      expect(forwards[2]! - t1).toBe(12_000);
      expect(sink.forwarding()).toMatchObject({ configured: true, format: 'reference', lastAttempt: { trigger: 'burst', status: 'ok', sent: 3, pending: 0 } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing without an endpoint and records a failed attempt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      let endpoint = '';
      let calls = 0;
      const fake = {
        append: async () => ({}) as AuditEntry,
        forward: async () => {
          calls++;
          throw new Error('disk on fire');
        },
      };
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const sink = createAuditSink({ quietMs: 100, maxWaitMs: 1000 });
      sink.watchPolicy(() => settings(endpoint));
      sink.attach(fake as never);
      await sink.append({ type: 'record.viewed', data: { mode: 'view' } });
      await vi.advanceTimersByTimeAsync(500);
      expect(calls).toBe(0);
      expect(sink.forwarding()).toMatchObject({ configured: false, lastAttempt: null });
      endpoint = 'https://audit.example';
      await sink.append({ type: 'record.viewed', data: { mode: 'view' } });
      await vi.advanceTimersByTimeAsync(500);
      expect(calls).toBe(1);
      expect(sink.forwarding().lastAttempt).toMatchObject({ trigger: 'burst', status: 'failed', error: 'Error: disk on fire' });
      warn.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });
});
