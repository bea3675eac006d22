// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { maskFinding, redactText, scanText } from '../../lib/detect/index';

const maskOf = (text: string, lang?: string) => {
  const [f] = scanText(text, { lang });
  if (!f) throw new Error(`no finding in ${text}`);
  return maskFinding(text, f);
};

describe('maskFinding', () => {
  it.each([
    ['IBAN DE89 3704 0044 0532 0130 00', 'DE89 **** **** **** **30 00'],
    ['Card 4111 1111 1111 1111', '**** **** **** 1111'],
    ['Mail anna.meier@example.org', 'a***@example.org'],
    ['Tel. +49 30 1234567', '+** ** *****67'],
    ['SSN 536-22-1234', '***-**-****'],
  ])('%s → %s', (text, masked) => {
    expect(maskOf(text, 'de')).toBe(masked);
  });

  it('replaces a special-category statement with a neutral placeholder', () => {
    expect(maskOf('Kunde ist Diabetiker.')).toBe('[health data removed]');
    expect(maskOf('She is a member of IG Metall.')).toBe('[trade-union membership removed]');
  });
});

describe('redactText', () => {
  it('masks every finding and keeps the rest', () => {
    const text = 'Override: Kunde ist Diabetiker. Rückruf unter +49 30 1234567, Mail a.b@example.de.';
    expect(redactText(text)).toBe('Override: [health data removed] Rückruf unter +** ** *****67, Mail a***@example.de.');
  });

  it('leaves clean text unchanged', () => {
    const text = 'Customer asked for the price list and a demo next week.';
    expect(redactText(text)).toBe(text);
  });

  it('masks identifiers inside a statement once, as part of the statement', () => {
    const text = 'Herr Maier (Tel. 0171 2345678) ist vorbestraft.';
    expect(redactText(text)).toBe('[criminal record removed]');
  });
});
