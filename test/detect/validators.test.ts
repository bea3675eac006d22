// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { luhnValid, mod97, iso7064Mod11_10Valid, icao731 } from '../../lib/detect/checksums';
import { validIban } from '../../lib/detect/iban';
import {
  validDeIdCard,
  validDeSteuerId,
  validDeSvnr,
  validEsDniNie,
  validFrNir,
  validItCodiceFiscale,
  validNlBsn,
  validUkNino,
  validUsSsn,
} from '../../lib/detect/national-ids';

type Case = [string, boolean];

const table: Record<string, [(s: string) => boolean, Case[]]> = {
  'IBAN (mod-97, per-country length)': [
    validIban,
    [
      ['DE89370400440532013000', true],
      ['GB82WEST12345698765432', true],
      ['FR1420041010050500013M02606', true],
      ['NL91ABNA0417164300', true],
      ['BE68539007547034', true],
      ['DE89370400440532013001', false], // check digits do not match
      ['DE8937040044053201300', false], // one character short for DE
      ['XX89370400440532013000', false], // no such country
      ['NL91ABNA041716430', false],
    ],
  ],
  'German Steuer-ID (ISO 7064 MOD 11,10 + repetition rule)': [
    validDeSteuerId,
    [
      ['86095742719', true],
      ['41956053721', true],
      ['86 095 742 719', true],
      ['86095742718', false], // wrong check digit
      ['12345678903', false], // ten distinct digits: repetition rule fails although the check digit fits
      ['06095742719', false], // leading zero
      ['11111111116', false],
    ],
  ],
  'German ID card number': [
    validDeIdCard,
    [
      ['T22000129', true],
      ['L01X00T47', true],
      ['l01x00t44', true],
      ['TL4HGC75V4', true], // serial + 7-3-1 check digit
      ['TL4HGC75V5', false], // wrong check digit
      ['T220001290', false],
      ['123456789', false], // must start with a letter
      ['L01X00T4A', false], // 'A' is not in the alphabet
      ['T2200012', false],
    ],
  ],
  'German social-insurance number': [
    validDeSvnr,
    [
      ['14160899E605', true],
      ['87170970W005', true],
      ['14 160899 E 605', true],
      ['14160899E606', false],
      ['14320899E605', false], // day 32
    ],
  ],
  'US SSN': [
    validUsSsn,
    [
      ['536-22-1234', true],
      ['078-05-1123', true],
      ['000-12-3456', false],
      ['666-12-3456', false],
      ['900-12-3456', false],
      ['536-00-1234', false],
      ['536-22-0000', false],
      ['078-05-1120', false], // the voided Woolworth specimen
    ],
  ],
  'UK NINO': [
    validUkNino,
    [
      ['AB123456C', true],
      ['JH 51 24 97 D', true],
      ['QQ123456C', false], // Q is not allowed as first letter
      ['GB123456A', false], // reserved prefix
      ['AB123456E', false], // suffix must be A-D
    ],
  ],
  'Dutch BSN (11-test)': [
    validNlBsn,
    [
      ['111222333', true],
      ['387552145', true],
      ['111222334', false],
      ['000000000', false],
    ],
  ],
  'French NIR (key)': [
    validFrNir,
    [
      ['183041872655097', true],
      ['1 83 04 18 726 550 97', true],
      ['183041872655098', false],
      ['583041872655097', false], // sex digit 5
    ],
  ],
  'Spanish DNI/NIE (letter)': [
    validEsDniNie,
    [
      ['12345678Z', true],
      ['12345678-Z', true],
      ['X1874143B', true],
      ['12345678A', false],
      ['X1874143C', false],
    ],
  ],
  'Italian codice fiscale (check character)': [
    validItCodiceFiscale,
    [
      ['RSSMRA85T10A562S', true],
      ['BNCGLI90A41F205H', true],
      ['RSSMRA85T10A562T', false],
      ['RSSMRA85Z10A562S', false], // Z is no month letter
    ],
  ],
};

describe('identifier validators', () => {
  for (const [name, [fn, cases]] of Object.entries(table)) {
    it.each(cases)(`${name}: %s → %s`, (value, valid) => {
      expect(fn(value)).toBe(valid);
    });
  }
});

describe('check-digit primitives', () => {
  it('Luhn accepts test card numbers and rejects a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('41x1')).toBe(false);
  });
  it('mod97 of a rearranged valid IBAN is 1', () => {
    expect(mod97('370400440532013000DE89')).toBe(1);
    expect(mod97('abc')).toBe(-1);
  });
  it('ISO 7064 MOD 11,10 and ICAO 7-3-1', () => {
    expect(iso7064Mod11_10Valid('86095742719')).toBe(true);
    expect(iso7064Mod11_10Valid('86095742710')).toBe(false);
    // ICAO 9303 specimen: document number L898902C3 has check digit 6.
    expect(icao731('L898902C3')).toBe(6);
  });
});
