// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { deriveConsent } from '../../server/consent/derive';
import { parseCsv } from '../../server/consent/csv';
import { canonicalRecordId, type StoredEvent } from '../../server/consent/model';
import { splitSql } from '../../server/migrate';

// PGlite start-up and a PostgreSQL cluster take seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

const NOW = new Date('2026-06-01T00:00:00Z');
let seq = 0;
const ev = (over: Partial<StoredEvent>): StoredEvent => ({
  seq: ++seq,
  type: 'consent',
  purpose: 'newsletter',
  channel: 'email',
  status: 'granted',
  lawfulBasis: 'consent',
  occurredAt: new Date('2026-01-01T00:00:00Z'),
  source: null,
  expiresAt: null,
  noticeVersion: null,
  ...over,
});

describe('deriveConsent', () => {
  it('takes the latest event per purpose and channel, the later recorded on equal times', () => {
    const { consents } = deriveConsent(
      [
        ev({ status: 'denied', seq: 10 }),
        ev({ status: 'granted', seq: 5 }),
        ev({ channel: 'sms', status: 'pending' }),
      ],
      NOW,
    );
    expect(consents.map((c) => [c.channel, c.status])).toEqual([
      ['email', 'denied'],
      ['sms', 'pending'],
    ]);
  });

  it('turns a granted consent past its expiry into expired, at read time only', () => {
    const events = [ev({ expiresAt: new Date('2026-06-01T00:00:00Z') })];
    expect(deriveConsent(events, new Date('2026-05-31T23:59:59Z')).consents[0]!.status).toBe('granted');
    const expired = deriveConsent(events, NOW).consents[0]!;
    expect(expired).toMatchObject({ status: 'expired', since: '2026-06-01T00:00:00.000Z', givenAt: '2026-01-01T00:00:00.000Z' });
    // A withdrawal with an old expiry is still a withdrawal.
    expect(deriveConsent([ev({ status: 'withdrawn', expiresAt: new Date('2026-02-01T00:00:00Z') })], NOW).consents[0]!.status).toBe('withdrawn');
  });

  it('never lets a later event lift an erasure request; restriction and objection can be lifted', () => {
    const { flags } = deriveConsent(
      [
        ev({ type: 'erasure_requested', occurredAt: new Date('2026-02-01T00:00:00Z') }),
        ev({ type: 'erasure_requested', occurredAt: new Date('2026-03-01T00:00:00Z') }),
        ev({ type: 'restriction', occurredAt: new Date('2026-02-01T00:00:00Z') }),
        ev({ type: 'restriction_lifted', occurredAt: new Date('2026-04-01T00:00:00Z') }),
        ev({ type: 'objection_withdrawn', occurredAt: new Date('2026-01-01T00:00:00Z') }),
        ev({ type: 'objection', occurredAt: new Date('2026-05-01T00:00:00Z') }),
      ],
      NOW,
    );
    expect(flags).toEqual({
      erasureRequested: { active: true, since: '2026-02-01T00:00:00.000Z' },
      processingRestricted: { active: false, since: '2026-04-01T00:00:00.000Z' },
      objection: { active: true, since: '2026-05-01T00:00:00.000Z' },
    });
  });

  it('has nothing to say without events', () => {
    expect(deriveConsent([], NOW)).toEqual({
      consents: [],
      flags: { erasureRequested: { active: false, since: null }, processingRestricted: { active: false, since: null }, objection: { active: false, since: null } },
    });
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded newlines, CRLF, blank lines and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x,1","say ""hi"""\r\n\r\n"multi\nline",\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x,1', 'say "hi"'] },
      { line: 4, cells: ['multi\nline', ''] },
    ]);
  });

  it('keeps a final record without a newline, and an empty quoted cell', () => {
    expect(parseCsv('a\n""')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
    ]);
  });

  it('names the line of a syntax error', () => {
    expect(() => parseCsv('a\nb"c')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n"b"c')).toThrow(/line 2: text after a closing quote/);
    expect(() => parseCsv('a\n\n"b\n\n')).toThrow(/line 3: a quoted field is never closed/);
  });

  it('runs in linear time on hostile input', () => {
    const start = performance.now();
    parseCsv(`${'"",'.repeat(200_000)}\n${'x'.repeat(1_000_000)}`);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('canonicalRecordId', () => {
  it('extends Salesforce 15-character ids with their case checksum', () => {
    expect(canonicalRecordId('salesforce', '003Dn00000QX7bG')).toBe('003Dn00000QX7bGIAT');
    expect(canonicalRecordId('salesforce', '001Dn00000Rk2Pq')).toBe('001Dn00000Rk2PqIAJ');
    expect(canonicalRecordId('salesforce', '003Dn00000QX7bGIAT')).toBe('003Dn00000QX7bGIAT');
    expect(canonicalRecordId('hubspot', '123456789012345')).toBe('123456789012345');
  });
});

describe('splitSql', () => {
  it('splits at semicolons outside quotes, comments and dollar-quoted bodies', () => {
    expect(splitSql("-- a; comment\nSELECT ';';\nCREATE FUNCTION f() AS $$ BEGIN x; END $$;\n-- trailing")).toEqual([
      "-- a; comment\nSELECT ';'",
      'CREATE FUNCTION f() AS $$ BEGIN x; END $$',
    ]);
  });
});
