// @vitest-environment node
/**
 * Every regex the engine runs over user text must match in linear time. The
 * patterns are collected through the registry (lib/detect/regex-registry.ts);
 * a source check makes sure no regex literal in lib/detect bypasses it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSync } from 'recheck';
import { registeredRegexes, scanText, classifyField } from '../../lib/detect/index';

const dir = resolve(import.meta.dirname, '../../lib/detect');

describe('linear-time regular expressions', () => {
  const all = [...registeredRegexes()];

  it('registers the engine’s patterns', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all)('%s is not vulnerable to catastrophic backtracking (recheck)', (id, re) => {
    const result = checkSync(re.source, re.flags.replace('g', ''), { timeout: 10_000 });
    expect(result.status, `${id}: ${result.status === 'vulnerable' ? result.complexity.summary : ''}`).toBe('safe');
  });

  it('no regex literal in lib/detect escapes the registry', () => {
    // A regex literal starts after one of ( , = : ! & | ? or `return`; every such line must go through rx(…).
    const literal = /(?:[(,=:!&|?]|return)\s*\/(?![/*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+\/[dgimsuvy]*/;
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.trimStart();
          if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
          if (literal.test(line) && !line.includes('rx(')) offenders.push(`${file}:${i + 1}: ${code}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});

describe('adversarial input', () => {
  const attacks: Record<string, string> = {
    'digits and spaces': '1 '.repeat(50_000),
    'email local part without @': 'a.'.repeat(50_000),
    'at signs and dots': '@a.'.repeat(33_000),
    'IBAN-like run': `DE89${'3'.repeat(100_000)}`,
    'separators': '-./ ()'.repeat(16_000),
    'hex and colons': '1:'.repeat(50_000),
    'one long word': 'x'.repeat(100_000),
    'no sentence ends': 'kunde ist '.repeat(10_000),
  };

  it.each(Object.entries(attacks))('scans 100 KB of %s in well under a second', (_name, text) => {
    const t0 = performance.now();
    scanText(text);
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('classifies a field with a 100 KB label quickly', () => {
    const t0 = performance.now();
    classifyField({ label: 'name '.repeat(20_000), name: '_'.repeat(50_000) });
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
