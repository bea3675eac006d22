/**
 * Regions whose phone metadata ships in the content script. The full
 * libphonenumber-js metadata is ~19 KB gzip; this subset (Europe, North
 * America and the largest markets elsewhere) is about half. Numbers from other
 * regions are not recognised. lib/detect/phone-metadata.json is generated from
 * the installed libphonenumber-js for exactly these regions; the test
 * test/detect/phone-metadata.test.ts fails when it is stale (UPDATE_PHONE_METADATA=1 rewrites it).
 */
export const PHONE_REGIONS = [
  'US', 'CA', 'GB', 'IE', 'DE', 'AT', 'CH', 'LI', 'FR', 'BE', 'LU', 'MC', 'NL', 'ES', 'PT', 'AD', 'IT', 'SM', 'VA', 'MT', 'GR', 'CY',
  'PL', 'CZ', 'SK', 'HU', 'SI', 'HR', 'RO', 'BG', 'RS', 'BA', 'ME', 'MK', 'AL', 'XK', 'SE', 'NO', 'DK', 'FI', 'IS', 'EE', 'LV', 'LT',
  'UA', 'BY', 'MD', 'RU', 'TR', 'IL', 'CN', 'HK', 'TW', 'JP', 'KR', 'IN', 'SG', 'AU', 'NZ', 'BR', 'MX', 'AR', 'CL', 'CO', 'ZA', 'AE',
  'SA', 'EG', 'MA', 'NG', 'GI', 'FO', 'GL',
] as const;

interface FullMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
}

/** The subset of libphonenumber-js metadata for PHONE_REGIONS (pure; used by the generator test). */
export function subsetMetadata(full: FullMetadata): FullMetadata {
  const keep = new Set<string>(PHONE_REGIONS);
  const codes: Record<string, string[]> = {};
  for (const [code, list] of Object.entries(full.country_calling_codes)) {
    const kept = list.filter((c) => keep.has(c));
    if (kept.length > 0) codes[code] = kept;
  }
  const countries: Record<string, unknown> = {};
  for (const c of PHONE_REGIONS) if (full.countries[c] !== undefined) countries[c] = full.countries[c];
  return { version: full.version, country_calling_codes: codes, countries };
}
