import 'fake-indexeddb/auto';
import { openAuditDb } from '../../lib/audit/store';
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
