import { describe, expect, it } from 'vitest';
import { reasonProblem, saveAction } from '@/lib/guard/save';

describe('saveAction', () => {
  const table: [string, ('warn' | 'override' | 'block')[], string][] = [
    ['no problems', [], 'proceed'],
    ['warn only', ['warn', 'warn'], 'warn'],
    ['override beats warn', ['warn', 'override'], 'override'],
    ['block beats everything', ['override', 'block', 'warn'], 'block'],
  ];
  for (const [name, severities, expected] of table) {
    it(name, () => expect(saveAction(severities.map((severity) => ({ severity })))).toBe(expected));
  }
});

describe('reasonProblem', () => {
  const table: [string, string, number, string | null][] = [
    ['empty', '', 20, 'empty'],
    ['only spaces', '      ', 5, 'empty'],
    ['padding does not count', 'ok        ok', 6, 'too-short'],
    ['exactly the minimum', 'Customer asked us', 17, null],
    ['one short', 'Customer asked u', 17, 'too-short'],
    ['emoji count once', '😀😀😀😀😀', 5, null],
    ['too long', 'x'.repeat(2001), 5, 'too-long'],
  ];
  for (const [name, reason, min, expected] of table) it(name, () => expect(reasonProblem(reason, min)).toBe(expected));
});
