// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { PHONE_REGIONS, subsetMetadata } from '../../lib/detect/phone-regions';

const file = resolve(import.meta.dirname, '../../lib/detect/phone-metadata.json');
const full = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as Parameters<typeof subsetMetadata>[0];

describe('phone metadata subset', () => {
  it('is generated from the installed libphonenumber-js for exactly PHONE_REGIONS', () => {
    const expected = subsetMetadata(full);
    if (process.env.UPDATE_PHONE_METADATA === '1') writeFileSync(file, `${JSON.stringify(expected)}\n`);
    const actual = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(actual).toEqual(expected);
  });

  it('covers every region the scanner tries', () => {
    const { countries } = JSON.parse(readFileSync(file, 'utf8')) as { countries: Record<string, unknown> };
    for (const r of PHONE_REGIONS) expect(countries, r).toHaveProperty(r);
  });
});
