// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function run(mode: string, lines: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pii.ts', mode], { cwd: root, input: lines.join('\n') + '\n', encoding: 'utf8' });
  return { status: res.status, out: res.stdout.split('\n').filter((l) => l !== ''), err: res.stderr };
}

describe('npm run -s pii', () => {
  it('fields: one JSON line per input, same order', () => {
    const { status, out, err } = run('fields', [
      JSON.stringify({ label: 'Geburtsdatum', lang: 'de' }),
      JSON.stringify({ label: 'Close Date' }),
      JSON.stringify({ name: 'email', type: 'email' }),
    ]);
    expect(status).toBe(0);
    expect(err).toBe('');
    const parsed = out.map((l) => JSON.parse(l) as { kind: string | null; confidence: number });
    expect(parsed.map((p) => p.kind)).toEqual(['birthdate', null, 'email']);
    for (const p of parsed) expect(Object.keys(p).sort()).toEqual(['confidence', 'kind']);
  });

  it('text: findings with kind, start and end', () => {
    const text = 'Ruf an: +49 30 1234567. Kunde ist Diabetiker.';
    const { out } = run('text', [JSON.stringify({ text, lang: 'de' })]);
    expect(out).toHaveLength(1);
    const { findings } = JSON.parse(out[0]!) as { findings: { kind: string; start: number; end: number }[] };
    expect(findings.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['phone', '+49 30 1234567'],
      ['health', 'Kunde ist Diabetiker.'],
    ]);
  });

  it('keeps going after a malformed line: an error line in its place and a message on stderr', () => {
    const { status, out, err } = run('text', ['{"text":"a@b.de"}', 'not json', '{"text": 42}', '[]', '', '{"text":"x"}']);
    expect(status).toBe(0);
    expect(out).toHaveLength(6);
    expect(JSON.parse(out[0]!)).toEqual({ findings: [{ kind: 'email', start: 0, end: 6 }] });
    for (const i of [1, 2, 3, 4]) expect(JSON.parse(out[i]!)).toHaveProperty('error');
    expect(JSON.parse(out[5]!)).toEqual({ findings: [] });
    expect(err).toMatch(/line 2/);
    expect(err).toMatch(/line 3: "text" must be a string/);
  });

  it('rejects an unknown mode with usage on stderr and nothing on stdout', () => {
    const { status, out, err } = run('nope', []);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toMatch(/usage/);
  });
});
