// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { scanText, scanTextWindow, type Finding } from '../../lib/detect/index';

const spans = (text: string, lang?: string) => scanText(text, { lang }).map((f) => [f.rule, text.slice(f.start, f.end)]);

describe('scanText finds and locates identifiers', () => {
  it.each([
    ['Mail an jan.maier@example.de bitte.', 'de', 'email', 'jan.maier@example.de'],
    ['IBAN DE89 3704 0044 0532 0130 00, danke.', 'de', 'iban', 'DE89 3704 0044 0532 0130 00'],
    ['iban: DE89370400440532013000', 'de', 'iban', 'DE89370400440532013000'],
    ['Card 4111 1111 1111 1111 exp 12/26', 'en', 'payment-card', '4111 1111 1111 1111'],
    ['Amex 3782 822463 10005 on file', 'en', 'payment-card', '3782 822463 10005'],
    ['Steuer-ID 86095742719 liegt vor', 'de', 'de-steuer-id', '86095742719'],
    ['Personalausweis: L01X00T47.', 'de', 'de-id-card', 'L01X00T47'],
    ['SV-Nummer 14 160899 E 605', 'de', 'de-svnr', '14 160899 E 605'],
    ['SSN 536-22-1234 on file', 'en', 'us-ssn', '536-22-1234'],
    ['NINO AB 12 34 56 C', 'en', 'uk-nino', 'AB 12 34 56 C'],
    ['BSN 111222333 gecontroleerd', 'nl', 'nl-bsn', '111222333'],
    ['NIR 1 83 04 18 726 550 97', 'fr', 'fr-nir', '1 83 04 18 726 550 97'],
    ['DNI 12345678Z verificado', 'es', 'es-dni-nie', '12345678Z'],
    ['CF RSSMRA85T10A562S', 'it', 'it-codice-fiscale', 'RSSMRA85T10A562S'],
    ['Login von 192.168.178.21 gesehen', 'de', 'ipv4', '192.168.178.21'],
    ['Gateway 2001:db8:85a3::8a2e:370:7334 used', 'en', 'ipv6', '2001:db8:85a3::8a2e:370:7334'],
    ['Ruf an: +49 30 1234567', 'de', 'phone', '+49 30 1234567'],
    ['Tel. 0171 2345678 ab 9 Uhr', 'de', 'phone', '0171 2345678'],
    ['call her on (415) 555-0132 today', 'en', 'phone', '(415) 555-0132'],
    ['Her mobile is 07700 900123, call after 6.', 'en', 'phone', '07700 900123'],
    ['Il cellulare di Marco è 333 1234567.', 'it', 'phone', '333 1234567'],
    ['Son portable : 06 12 34 56 78.', 'fr', 'phone', '06 12 34 56 78'],
    ['Bel hem op 020-1234567.', 'nl', 'phone', '020-1234567'],
    ['Su móvil es 612 34 56 78.', 'es', 'phone', '612 34 56 78'],
    ['Handy: 0151/12345678', 'de', 'phone', '0151/12345678'],
    ['Tel.: +49 (0)89 123456-78', 'de', 'phone', '+49 (0)89 123456-78'],
    ['IBAN: DE89 3704 0044 0532 0130 00 BIC: COBADEFFXXX', 'de', 'bic', 'COBADEFFXXX'],
    ['Born on 14 March 1979 in Leeds', 'en', 'birthdate-context', '14 March 1979'],
    ['DOB: March 14, 1979', 'en', 'birthdate-context', 'March 14, 1979'],
    ['geboren am 03.07.1981', 'de', 'birthdate-context', '03.07.1981'],
    ['Password: Winter2024!x for the portal', 'en', 'credential-keyword', 'Winter2024!x'],
    ['key AKIAIOSFODNN7EXAMPLE leaked', 'en', 'credential-token', 'AKIAIOSFODNN7EXAMPLE'],
  ])('%s', (text, lang, rule, value) => {
    expect(spans(text, lang)).toContainEqual([rule, value]);
  });
});

describe('scanText leaves look-alikes alone', () => {
  it.each([
    ['Order #100234987 shipped, tracking 1Z999AA10123456784', 'en'],
    ['Event timestamp 1717171717171 logged', 'en'],
    ['Quote valid until 2024-12-31, total EUR 12,450.00', 'en'],
    ['Close Date moved to 2025-03-14', 'en'],
    ['SKU 4006381333931 out of stock', 'en'],
    ['Bestellung 4711-0815 ist unterwegs, Sendungsnummer 00340434161094042557', 'de'],
    ['Angebot über 12.500,00 EUR netto, gültig bis 31.12.2024', 'de'],
    ['Release 2.4.1.7 fixes the sync', 'en'],
    ['Meeting on 14 March 2025 at the office', 'en'],
    ['Card 4111 1111 1111 1112 declined', 'en'], // Luhn fails
    ['IBAN DE89 3704 0044 0532 0130 01', 'de'], // mod-97 fails
    ['Zentrale erreichbar unter 089 1234 5670', 'de'],
    ['Price per seat is $49.99, minimum 25 seats', 'en'],
    ['Server 10.0.0.300 ist keine gültige Adresse', 'de'],
    ['Invoice 2024-118 for 3,200.00 USD', 'en'],
    ['Shipment 1,250 kg, PO 4500012345', 'en'],
    ['Revenue grew to 12 345 678 last year.', 'en'],
    ['Die Lieferung umfasst 1.234.567 Stück.', 'de'],
    ['Order 123-456-7890 was cancelled.', 'en'],
    ['Renewal on 03/14/2026, quote Q-7781', 'en'],
  ])('%s', (text, lang) => {
    expect(spans(text, lang)).toEqual([]);
  });
});

describe('scanText contract', () => {
  it('reports UTF-16 offsets, end exclusive, after astral characters', () => {
    const text = '👋🏽 Kontakt: anna@example.org';
    const [f] = scanText(text);
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe('anna@example.org');
    expect(f!.start).toBe(text.indexOf('anna'));
  });

  it('returns findings in text order with confidence in 0..1 and a stable rule id', () => {
    const text = 'Mail a@b.de, IBAN DE89370400440532013000, Tel. +49 30 1234567';
    const found = scanText(text, { lang: 'de' });
    expect(found.map((f) => f.kind)).toEqual(['email', 'bank_account', 'phone']);
    for (const f of found) {
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
    expect(found.map((f) => f.start)).toEqual([...found.map((f) => f.start)].sort((a, b) => a - b));
  });

  it('honours the kinds filter', () => {
    const text = 'Mail a@b.de, IBAN DE89370400440532013000. Kunde ist Diabetiker.';
    expect(scanText(text, { kinds: ['bank_account'] }).map((f) => f.kind)).toEqual(['bank_account']);
    expect(scanText(text, { kinds: ['health'] }).map((f) => f.kind)).toEqual(['health']);
  });

  it('does not report an identifier twice when rules overlap', () => {
    const found = scanText('Steuer-ID 86095742719');
    expect(found).toHaveLength(1);
  });
});

describe('scanTextWindow rescans only around an edit', () => {
  const text = `${'Notiz ohne Daten. '.repeat(50)}Kontakt: anna@example.org, IBAN DE89 3704 0044 0532 0130 00. ${'Noch mehr Text. '.repeat(50)}`;
  const ibanAt = text.indexOf('DE89');

  it('finds an identifier that crosses the window edge, whole', () => {
    const found = scanTextWindow(text, ibanAt + 10, ibanAt + 12, { lang: 'de' });
    const iban = found.find((f) => f.rule === 'iban');
    expect(iban && text.slice(iban.start, iban.end)).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('does not report findings far outside the window', () => {
    const found = scanTextWindow(text, 10, 20, { lang: 'de' });
    expect(found).toEqual([]);
  });

  it('agrees with a full scan on the findings it returns', () => {
    const full = scanText(text, { lang: 'de' });
    const windowed = scanTextWindow(text, ibanAt - 30, ibanAt + 5, { lang: 'de' });
    const key = (f: Finding) => `${f.rule}:${f.start}:${f.end}`;
    for (const f of windowed) expect(full.map(key)).toContain(key(f));
    expect(windowed.map((f) => f.kind).sort()).toEqual(['bank_account', 'email']);
  });

  it('judges a statement as a whole sentence when the edit is inside it', () => {
    const t = 'Erster Satz. Der Kunde ist seit Jahren Diabetiker und braucht Pausen. Letzter Satz.';
    const at = t.indexOf('Diabetiker');
    const found = scanTextWindow(t, at, at + 3);
    expect(found.map((f) => [f.kind, t.slice(f.start, f.end)])).toEqual([['health', 'Der Kunde ist seit Jahren Diabetiker und braucht Pausen.']]);
  });

  it('clamps out-of-range windows', () => {
    expect(() => scanTextWindow('a@b.de', -5, 999)).not.toThrow();
    expect(scanTextWindow('x a@b.de', 99, -1).map((f) => f.kind)).toEqual(['email']);
  });
});
