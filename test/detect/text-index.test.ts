// @vitest-environment node
/**
 * The candidate index (lib/detect/text-context.ts) lets each rule try its pattern
 * only where a match can start. That is safe only while every match of the
 * rule's global pattern starts at a listed candidate: these tests check that
 * contract on generated text, and that scanning falls back to the whole pattern
 * where the index cannot tell.
 */
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../lib/detect/text-context';
import { IDENTIFIER_RULES } from '../../lib/detect/text-identifiers';
import { BIRTHDATE_RULES } from '../../lib/detect/text-birthdate';
import { PHONE_RULE } from '../../lib/detect/text-phone';
import { scanText, scanTextWindow } from '../../lib/detect/index';

const PIECES = [
  'DE89 3704 0044 0532 0130 00', 'de89370400440532013000', 'GB29NWBK60161331926819', '4111 1111 1111 1111', '3782-822463-10005',
  '86095742719', '86 095 742 719', '65 170839 J 003', '65170839J003', '536-22-1234', '536.22.1234', '111222333', '1112.22.333',
  '1 83 04 18 726 550 97', '2 84 12 2A 123 456 78', '12345678Z', 'X1234567L', 'RSSMRA85T10A562S', 'L01X00T47', 't22000129', 'LZ6311T475',
  'AB 12 34 56 C', 'QQ123456C', '192.168.178.21', '10.0.0.1', '2001:db8:85a3::8a2e:370:7334', 'fe80::1', 'abcd:ef01:2345:6789:abcd:ef01:2345:6789',
  'AKIAIOSFODNN7EXAMPLE', 'sk_live_abcdefghijklmnop1234', 'ghp_' + 'a'.repeat(36), 'xoxb-1234567890-abcdef',
  'Password: Winter2024!x', 'PIN ist 4711', 'api_key=abc123', 'Kennwort lautet xyz', 'token: t0k3n', 'mot de passe : secret', 'contraseña es clave1',
  'anna@example.com', 'x.y@firma.de', '14 March 1979', 'March 14, 1979', '3. Mai 1981', '03.07.1981', '1981-07-03', '14th June 1980',
  '+49 30 1234567', '0171 2345678', '(415) 555-0132', '0171 2345678 x 1234567', '030 123 ext 12', '+ (030) 1234567', '+(40) 12 34 56', '12 DW 345678', '12:30', '1 2 3 4 5 6 7 8 9 0 1 2 3', '1999', '7', '42', '2024-05',
  'Kunde', 'born', 'geb.', 'BIC', 'COBADEFFXXX', 'Ausweis', 'BSN', 'tel', 'x', '_', ':', '-', '.', '/', '(', ')', 'é', 'İ',
];
const SEPARATORS = [' ', ' ', ' ', '\n', ', ', '. ', ': ', '-', '.', '/', '', '_', '(', ') '];

function generate(count: number, seed: number): string[] {
  let s = seed;
  // The high bits: the low bits of this generator cycle quickly.
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s >>> 12) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const parts = 1 + next(25);
    for (let p = 0; p < parts; p++) text += PIECES[next(PIECES.length)]! + SEPARATORS[next(SEPARATORS.length)]!;
    out.push(text);
  }
  return out;
}

const RULES = [...IDENTIFIER_RULES, ...BIRTHDATE_RULES].filter((r) => r.starts);

/** Starts of the global pattern's matches in [from, to), as the engine used to scan. */
function globalStarts(re: RegExp, text: string, from: number, to: number): number[] {
  const out: number[] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) {
    out.push(m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

describe('candidate index', () => {
  const texts = generate(400, 11);

  it('has rules that use it', () => {
    expect(RULES.length).toBeGreaterThan(12);
  });

  it.each(RULES.map((r, i) => [`${r.rule} #${i}`, r] as const))('%s: every match of the pattern starts at a candidate', (_name, rule) => {
    let matches = 0;
    for (const text of texts) {
      for (const [from, to] of [[0, text.length], [Math.floor(text.length / 3), Math.floor((2 * text.length) / 3)]] as const) {
        const starts = rule.starts!(new TextIndex(text, from, to));
        if (starts === null) continue;
        const listed = new Set(starts);
        for (const s of globalStarts(rule.pattern, text, from, to)) {
          matches++;
          expect(listed.has(s), `${rule.rule} match at ${s} in ${JSON.stringify(text)} not a candidate`).toBe(true);
        }
      }
    }
    expect(matches).toBeGreaterThan(0);
  });

  it('phone candidates read off the digit runs are the plausible matches of the global pattern', () => {
    let matches = 0;
    for (const text of texts) {
      for (const [from, to] of [[0, text.length], [Math.floor(text.length / 3), Math.floor((2 * text.length) / 3)]] as const) {
        const seen: [number, string][] = [];
        if (!PHONE_RULE.scan!(new TextIndex(text, from, to), from, to, (m) => seen.push([m.index, m[0]]))) continue;
        const expected: [number, string][] = [];
        PHONE_RULE.pattern.lastIndex = from;
        let m: RegExpExecArray | null;
        while ((m = PHONE_RULE.pattern.exec(text)) !== null && m.index < to) expected.push([m.index, m[0]]);
        const plausible = (x: [number, string]) => PHONE_RULE.plausible!(x[1]);
        expect(seen.filter(plausible), JSON.stringify(text)).toEqual(expected.filter(plausible));
        matches += expected.length;
      }
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('gives up on walls of digits, so the whole pattern is scanned instead', () => {
    const wall = '1 '.repeat(20_000);
    const index = new TextIndex(wall, 0, wall.length);
    expect(index.runsReaching(12)).toBeNull();
    // The card pattern still matches there when scanned whole: the engine finds what it found before.
    expect(scanText(`card ${'4111 1111 1111 1111 '.repeat(400)}`).filter((f) => f.rule === 'payment-card')).toHaveLength(400);
  });

  it('leaves credential keywords to the whole pattern when ſ or the Kelvin sign could fold into them', () => {
    expect(new TextIndex('paſsword: geheim123', 0, 19).credentialStarts()).toBeNull();
    // The keyword pattern is Unicode case-insensitive: ſ reads as s once another credential word lets the rule run.
    expect(scanText('paſsword: geheim123 (api)').map((f) => f.rule)).toEqual(['credential-keyword']);
    expect(scanText('\u212aennwort: geheim123').map((f) => f.rule)).toEqual(['credential-keyword']);
  });

  it('finds an identifier that starts just before the end of a rescan window', () => {
    const text = `${'Notiz ohne Daten. '.repeat(20)}IBAN DE89 3704 0044 0532 0130 00 danke`;
    const at = text.indexOf('DE89');
    const found = scanTextWindow(text, at - 60, at + 1, { lang: 'de' });
    expect(found.map((f) => [f.rule, text.slice(f.start, f.end)])).toContainEqual(['iban', 'DE89 3704 0044 0532 0130 00']);
  });
});
