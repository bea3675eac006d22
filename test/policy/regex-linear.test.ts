// @vitest-environment node
/**
 * The policy code reads admin files (JSON, .reg, PowerShell, plist) with regular
 * expressions. None may backtrack catastrophically: every regex literal in
 * lib/policy and components/policy is collected from the source and checked.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSync } from 'recheck';
import { extractPolicy } from '../../lib/policy/formats';

const DIRS = ['../../lib/policy', '../../components/policy'].map((d) => resolve(import.meta.dirname, d));
const LITERAL = /(?:[(,=:!&|?]|return)\s*(\/(?![/*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+\/[dgimsuvy]*)/g;

function collect(): [string, RegExp][] {
  const found: [string, RegExp][] = [];
  for (const dir of DIRS) {
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.trimStart();
          if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
          for (const m of line.matchAll(LITERAL)) {
            const literal = m[1] ?? '';
            const end = literal.lastIndexOf('/');
            found.push([`${file}:${i + 1}`, new RegExp(literal.slice(1, end), literal.slice(end + 1))]);
          }
        });
    }
  }
  return found;
}

describe('policy regexes run in linear time', () => {
  const all = collect();

  it('finds the regexes of the file readers', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all)('%s %s is safe (recheck)', (where, re) => {
    const result = checkSync(re.source, re.flags.replace('g', ''), { timeout: 10_000 });
    expect(result.status, `${where}: ${result.status === 'vulnerable' ? result.complexity.summary : ''}`).toBe('safe');
  });

  it.each([
    ['unterminated tags', 'x.mobileconfig', `<plist>${'<a'.repeat(20_000)}`],
    ['endless entities', 'x.mobileconfig', `<plist><string>${'&amp'.repeat(50_000)}</string></plist>`],
    ['escaped quotes', 'x.reg', `Windows Registry Editor Version 5.00\n"${'\\"'.repeat(50_000)}`],
    ['no here-string end', 'x.ps1', `$PolicyJson = @'\n${'x'.repeat(100_000)}`],
  ])('rejects 100 KB of %s quickly', (_name, file, content) => {
    const t0 = performance.now();
    expect(() => extractPolicy(content, file)).toThrow();
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
