/**
 * Realistic central-log content for the review tests and the e2e run: reps on
 * their own devices, each device a real hash chain (lib/audit/chain.ts) ingested
 * through the service's own ingest in batches, as the extension forwards them.
 * Deterministic (seeded PRNG), with one instance of every anomaly planted:
 * a bulk export-like burst, late-night access, repeated overrides, a device
 * with a gap and a device whose log was rewritten.
 */
import { GENESIS_HASH, sealEntry, type AuditEntry } from '../../lib/audit/chain';
import { createIdFactory } from '../../lib/audit/id';
import { MAX_BATCH_ENTRIES } from '../../lib/audit/wire';
import { ingestBatch } from '../../server/audit/ingest';
import type { Db } from '../../server/db';
import { DEMO_RECORDS } from '../../server/seed';
import { prng } from '../support/prng';

export interface SeedOptions {
  /** Total entries, roughly (default 30,000). */
  entries?: number;
  /** Last day of activity (default: now). */
  end?: Date;
  days?: number;
  users?: number;
  seed?: number;
}

export interface SeedSummary {
  entries: number;
  devices: string[];
  users: string[];
  from: string;
  to: string;
  planted: {
    bulkUser: string;
    offHoursUser: string;
    overrideUser: string;
    gapDevice: string;
    rewriteDevice: string;
    /** A record many reps saw, for the record-history view. */
    record: { crm: string; objectType: string; recordId: string };
  };
}


interface Rec {
  crm: 'salesforce' | 'hubspot';
  objectType: string;
  recordId: string;
  kinds: string[];
}

const OBJECT_KINDS: Readonly<Record<string, string[]>> = {
  'salesforce/Contact': ['name', 'email', 'phone', 'address', 'birthdate'],
  'salesforce/Lead': ['name', 'email', 'phone', 'location'],
  'salesforce/Account': ['name', 'address', 'bank_account'],
  'salesforce/Opportunity': ['name'],
  'salesforce/Case': ['name', 'email', 'health'],
  'hubspot/0-1': ['name', 'email', 'phone', 'online_id'],
  'hubspot/0-2': ['name', 'address'],
  'hubspot/0-3': ['name'],
  'hubspot/0-5': ['name', 'email', 'health', 'national_id'],
};
const WARN_KINDS = ['health', 'national_id', 'bank_account', 'payment_card', 'religion', 'email', 'phone', 'political', 'criminal'];
const REASONS = [
  'Customer asked us to keep the allergy note for the event catering',
  'Bank details needed for the refund, customer confirmed by phone',
  'Ticket escalation requires the ID number per contract clause 7',
  'Approved by the data protection officer',
];
const FIRST = ['anna', 'ben', 'clara', 'david', 'eva', 'felix', 'greta', 'hannes', 'ida', 'jonas', 'katrin', 'lukas', 'mia', 'noah', 'olga', 'paul', 'rita', 'sven', 'tina', 'uwe'];

function recordPool(rand: () => number, size: number): Rec[] {
  const keys = Object.keys(OBJECT_KINDS);
  const pool: Rec[] = Object.values(DEMO_RECORDS).map((r) => ({ ...r, crm: r.crm as Rec['crm'], kinds: OBJECT_KINDS[`${r.crm}/${r.objectType}`] ?? ['name'] }));
  for (let i = 0; pool.length < size; i++) {
    const key = keys[Math.floor(rand() * keys.length)]!;
    const [crm, objectType] = key.split('/') as [Rec['crm'], string];
    const recordId = crm === 'salesforce' ? `${objectType.slice(0, 3).toUpperCase()}Dn0000${String(100000 + i).padStart(8, '0')}` : String(61000000000 + i);
    pool.push({ crm, objectType, recordId, kinds: OBJECT_KINDS[key]! });
  }
  return pool;
}

type Draft = Omit<AuditEntry, 'v' | 'id' | 'seq' | 'deviceId' | 'prevHash' | 'hash' | 'extVersion'> & { at: number };

/** Berlin is UTC+1 in winter; the e2e and tests only need "office hours", not DST precision. */
const BERLIN_OFFSET_H = 1;

export async function seedReviewEvents(db: Db, opts: SeedOptions = {}): Promise<SeedSummary> {
  const rand = prng(opts.seed ?? 9);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const total = opts.entries ?? 30_000;
  const days = opts.days ?? 14;
  const end = opts.end ?? new Date();
  // The last day whose office hours are over: seeded before 18:00 Berlin, "today's" visits would
  // lie in the future, outside every view's range (and the day counts would depend on the clock).
  const today = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate());
  const endDay = end.getTime() >= today + (18 - BERLIN_OFFSET_H) * 3_600_000 ? today : today - 86_400_000;
  const firstDay = endDay - (days - 1) * 86_400_000;
  const userCount = opts.users ?? 20;
  const users = Array.from({ length: userCount }, (_, i) => `${FIRST[i % FIRST.length]}.${i < FIRST.length ? 'rep' : `rep${i}`}@example.com`);
  const pool = recordPool(rand, 2_000);
  const shared = pool[0]!;
  const drafts = new Map<string, Draft[]>(users.map((u) => [u, []]));

  const visit = (user: string, at: number, rec: Rec, opts2: { warn?: boolean; override?: boolean } = {}) => {
    const list = drafts.get(user)!;
    const base = { user, crm: rec.crm, objectType: rec.objectType, recordId: rec.recordId, host: rec.crm === 'salesforce' ? 'acme.lightning.force.com' : 'app-eu1.hubspot.com' };
    list.push({ ...base, at, time: '', type: 'record.viewed', data: { mode: rand() < 0.85 ? 'view' : 'edit' } });
    const shown = rec.kinds.filter(() => rand() < 0.8);
    list.push({ ...base, at: at + 400, time: '', type: 'fields.shown', data: { kinds: shown.length ? shown : [rec.kinds[0]!], fieldCount: 4 + Math.floor(rand() * 20) } });
    if (rand() < 0.3) list.push({ ...base, at: at + 900, time: '', type: 'consent.checked', data: { status: pick(['granted', 'unknown', 'withdrawn'] as const), source: 'backend' } });
    if (opts2.warn || opts2.override) {
      const kinds = [pick(WARN_KINDS)];
      const field = pick(['Description', 'Notes__c', 'hs_content', 'Comments']);
      list.push({ ...base, at: at + 20_000, time: '', type: 'input.warning_shown', data: { kinds, field, mode: opts2.override ? 'override' : pick(['warn', 'block'] as const) } });
      if (opts2.override) list.push({ ...base, at: at + 40_000, time: '', type: 'input.overridden', data: { kinds, field, reason: pick(REASONS) } });
      else if (rand() < 0.4) list.push({ ...base, at: at + 30_000, time: '', type: 'input.save_blocked', data: { kinds, field, mode: 'block' } });
      else list.push({ ...base, at: at + 35_000, time: '', type: 'input.fixed', data: { kinds, field } });
    }
  };

  // Ordinary working days: visits spread over 08:00–18:00 Berlin time, weekdays only.
  const perVisit = 2.6;
  const visits = Math.round((total * 0.9) / perVisit);
  for (let n = 0; n < visits; n++) {
    const user = users[Math.floor(Math.pow(rand(), 1.4) * users.length)]!;
    let dayStart = firstDay + Math.floor(rand() * days) * 86_400_000;
    const dow = new Date(dayStart).getUTCDay();
    if (dow === 0 || dow === 6) dayStart -= (dow === 0 ? 2 : 1) * 86_400_000;
    if (dayStart < firstDay) dayStart += 3 * 86_400_000;
    const at = dayStart + (8 - BERLIN_OFFSET_H) * 3_600_000 + Math.floor(rand() * 10 * 3_600_000);
    visit(user, at, rand() < 0.01 ? shared : pick(pool), { warn: rand() < 0.05, override: rand() < 0.004 });
  }

  // Planted anomalies, on the last weekday of the range.
  let lastWeekday = endDay;
  while ([0, 6].includes(new Date(lastWeekday).getUTCDay())) lastWeekday -= 86_400_000;
  const [bulkUser, offHoursUser, overrideUser] = [users[1]!, users[2]!, users[3]!];
  const burstStart = lastWeekday + (10 - BERLIN_OFFSET_H) * 3_600_000;
  for (let i = 0; i < 120; i++) visit(bulkUser, burstStart + i * 2_000, pool[100 + i]!);
  for (let i = 0; i < 12; i++) visit(offHoursUser, lastWeekday - 86_400_000 + (23 - BERLIN_OFFSET_H) * 3_600_000 + i * 90_000, pool[300 + i]!);
  for (let i = 0; i < 7; i++) visit(overrideUser, lastWeekday + (11 - BERLIN_OFFSET_H) * 3_600_000 + i * 600_000, pool[400 + i]!, { override: true });

  // Devices: one per rep, two reps with a second (laptop and desktop).
  const ids = createIdFactory((b) => b.map(() => Math.floor(rand() * 256)));
  const devices: string[] = [];
  let count = 0;
  const gapDevice = `dev-${users[4]!.split('@')[0]}-1`;
  const rewriteDevice = `dev-${users[5]!.split('@')[0]}-1`;
  for (const [u, user] of users.entries()) {
    const list = drafts.get(user)!.sort((a, b) => a.at - b.at);
    const split = u % 7 === 0 ? 2 : 1;
    for (let d = 0; d < split; d++) {
      const deviceId = `dev-${user.split('@')[0]}-${d + 1}`;
      devices.push(deviceId);
      const mine = list.filter((_, i) => i % split === d);
      const chain: AuditEntry[] = [];
      let prevHash = GENESIS_HASH;
      for (const [i, draft] of mine.entries()) {
        const { at, ...rest } = draft;
        const entry = await sealEntry({ ...rest, v: 1, id: ids(at), seq: i + 1, deviceId, time: new Date(at).toISOString(), extVersion: '0.1.0', prevHash });
        prevHash = entry.hash;
        chain.push(entry);
      }
      // The gap device lost a stretch of its log before forwarding.
      const sent = deviceId === gapDevice ? chain.filter((e) => e.seq < 40 || e.seq > 55) : chain;
      for (let i = 0; i < sent.length; i += MAX_BATCH_ENTRIES) await ingestBatch(db, deviceId, sent.slice(i, i + MAX_BATCH_ENTRIES));
      count += sent.length;
      if (deviceId === rewriteDevice && chain.length > 10) {
        // Someone edited entry 10 on the device and re-sent it.
        const original = chain[9]!;
        const { hash: _h, ...unsigned } = original;
        const forged = await sealEntry({ ...unsigned, type: 'record.viewed', data: { mode: 'list' } });
        await ingestBatch(db, deviceId, [forged]);
      }
    }
  }
  return {
    entries: count,
    devices,
    users,
    from: new Date(firstDay).toISOString(),
    to: new Date(endDay + 86_400_000).toISOString(),
    planted: { bulkUser, offHoursUser, overrideUser, gapDevice, rewriteDevice, record: { crm: shared.crm, objectType: shared.objectType, recordId: shared.recordId } },
  };
}
