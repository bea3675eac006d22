// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDbName, openLog, viewed } from './helpers';
import { CSV_COLUMNS, csvCell, csvRow, parseCsv } from '../../lib/audit/export';
import { verifyChain, type AuditEntry } from '../../lib/audit/chain';

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
}

describe('csv cells', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('round-trips through a parser', () => {
    const e = { seq: 1, id: 'X', time: 't', type: 'record.viewed', user: '=cmd|"/c calc"!A0', crm: null, objectType: 'Con,tact', recordId: 'a\nb', host: null, extVersion: '1', deviceId: 'd', data: { k: 'v"' }, prevHash: 'p', hash: 'h', v: 1 } as unknown as AuditEntry;
    const [row] = parseCsv(csvRow(e));
    expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(row![4]).toBe(`'=cmd|"/c calc"!A0`);
    expect(row![6]).toBe('Con,tact');
    expect(row![7]).toBe('a\nb');
    expect(JSON.parse(row![11]!)).toEqual({ k: 'v"' });
  });
});

describe('export', () => {
  it('streams CSV of the filtered entries and logs the export', async () => {
    const log = await openLog(freshDbName());
    for (let i = 0; i < 2500; i++) await log.append(viewed(i % 2 ? 'odd' : 'even'));
    const chunks: string[] = [];
    for await (const c of log.exportCsv({ recordId: 'odd' })) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(2); // streamed in chunks, not one string
    const rows = parseCsv(chunks.join(''));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 1250);
    expect(rows.slice(1).every((r) => r[7] === 'odd')).toBe(true);
    const logged = await log.query({ type: 'log.exported' }, { limit: 10 });
    expect(logged.entries).toHaveLength(1);
    expect(logged.entries[0]!.data).toEqual({ format: 'csv', count: 1250, completed: true, filter: { recordId: 'odd' } });
    log.close();
  });

  it('NDJSON exports verify as a chain on their own', async () => {
    const log = await openLog(freshDbName());
    for (let i = 0; i < 300; i++) await log.append(viewed(`r${i}`));
    const text = await collect(log.exportNdjson({}));
    const entries = text.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(entries).toHaveLength(300);
    expect(await verifyChain(entries)).toMatchObject({ ok: true, checked: 300 });
    log.close();
  });

  it('logs an export abandoned half-way as incomplete', async () => {
    const log = await openLog(freshDbName());
    for (let i = 0; i < 2500; i++) await log.append(viewed(`r${i}`));
    for await (const _chunk of log.exportNdjson({})) break;
    const logged = await log.query({ type: 'log.exported' }, { limit: 10 });
    const data = logged.entries[0]!.data as { count: number };
    expect(data).toMatchObject({ format: 'ndjson', completed: false });
    expect(data.count).toBeGreaterThan(0);
    expect(data.count).toBeLessThan(2500);
    log.close();
  });
});
