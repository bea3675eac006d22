// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { freshDbName, openLog, readStored, viewed } from './helpers';
import { FakeReferenceService } from './fake-endpoint';
import { AuditStoreFullError } from '../../lib/audit/store';

/**
 * Storage quota modelled on the fake IndexedDB: adding an entry's row
 * throws QuotaExceededError (as browsers report it) once more than `capacity`
 * entries would be live after the pruning anchor.
 */
function installQuota(capacity: number) {
  const proto = IDBObjectStore.prototype;
  const add = proto.add;
  const put = proto.put;
  let anchorSeq = 0;
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === 'meta' && key === 'anchor') anchorSeq = (value as { seq: number }).seq;
    return put.call(this, value, key);
  };
  proto.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === 'rows' && (value as { seq: number }).seq - anchorSeq > capacity) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return add.call(this, value, key);
  };
  return () => {
    proto.add = add;
    proto.put = put;
  };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('quota pressure', () => {
  it('fails with a clear error and prunes nothing while nothing is forwarded', async () => {
    restore = installQuota(40);
    const log = await openLog(freshDbName());
    for (let i = 0; i < 40; i++) await log.append(viewed(`r${i}`));
    const err = await log.append(viewed('overflow')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuditStoreFullError);
    expect((err as AuditStoreFullError).unforwarded).toBe(40);
    expect((err as Error).message).toMatch(/storage is full: 40 entries are not forwarded yet and are kept/);
    const stats = await log.stats();
    expect(stats.total).toBe(40);
    expect(stats.anchor.seq).toBe(0);
    const v = await log.verify();
    expect(v.ok).toBe(true);
    expect(v.logError).toMatch(/storage is full/);
    log.close();
  });

  it('prunes the oldest forwarded entries first, keeps every unforwarded one, and the failed append succeeds', async () => {
    restore = installQuota(50);
    const svc = new FakeReferenceService();
    const name = freshDbName();
    const log = await openLog(name, { fetch: svc.fetch });
    for (let i = 0; i < 50; i++) await log.append(viewed(`r${i}`));
    await log.forward({ endpoint: 'https://a.example', token: svc.token, format: 'reference', batchSize: 30, maxBatches: 1 });
    const e = await log.append(viewed('after-quota'));
    const all = await readStored(name);
    // 1..30 (forwarded) pruned; 31..50 unforwarded kept; 51 checkpoint; 52 the append that hit the quota.
    expect(all.map((x) => x.seq)).toEqual([...Array.from({ length: 20 }, (_, i) => 31 + i), 51, 52]);
    expect(all[20]).toMatchObject({ type: 'log.checkpoint', data: { reason: 'quota', prunedCount: 30, prunedThrough: { seq: 30 } } });
    expect(e.seq).toBe(52);
    expect((await log.verify()).ok).toBe(true);
    // The unforwarded rest still reaches the service, continuing its chain.
    await log.forward({ endpoint: 'https://a.example', token: svc.token, format: 'reference', batchSize: 100 });
    expect(svc.stored.size).toBe(53); // 52 + log.verified
    expect(svc.chainBreaks).toEqual([]);
    log.close();
  });
});
