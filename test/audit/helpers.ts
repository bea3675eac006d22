import 'fake-indexeddb/auto';
import { blockOf, openAuditDb } from '../../lib/audit/store';
import type { AuditEntry } from '../../lib/audit/chain';
import { createAuditLog, type AuditLogDeps } from '../../lib/audit/service';
import type { AuditEventInput } from '../../lib/audit/events';

let dbCounter = 0;
export function freshDbName(): string {
  dbCounter += 1;
  return `audit-test-${Date.now()}-${dbCounter}`;
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-01-01T00:00:00.000Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

export async function openLog(name: string, deps: Partial<AuditLogDeps> = {}) {
  return createAuditLog({ deviceId: 'device-1', extVersion: '0.1.0', openDb: () => openAuditDb(name), durability: 'relaxed', ...deps });
}

export function viewed(recordId: string, user = 'sf-user-1'): AuditEventInput {
  return { type: 'record.viewed', data: { mode: 'view' }, user, crm: 'salesforce', objectType: 'Contact', recordId, host: 'acme.lightning.force.com' };
}

/** Every stored entry in seq order, read straight from the database (as an attacker or a forensic reader would). */
export async function readStored(name: string): Promise<AuditEntry[]> {
  const db = await openAuditDb(name);
  const blocks = await db.getAll('blocks');
  db.close();
  return blocks.flat();
}

/** Rewrite the stored entries behind the log's back (tampering), keeping the block layout. */
export async function tamper(name: string, edit: (entries: AuditEntry[]) => AuditEntry[]): Promise<void> {
  const entries = edit(await readStored(name));
  const db = await openAuditDb(name);
  const tx = db.transaction('blocks', 'readwrite');
  await tx.store.clear();
  const grouped = new Map<number, AuditEntry[]>();
  for (const e of entries) grouped.set(blockOf(e.seq), [...(grouped.get(blockOf(e.seq)) ?? []), e]);
  for (const [no, arr] of grouped) await tx.store.put(arr, no);
  await tx.done;
  db.close();
}
