import { describe, expect, it } from 'vitest';
import { KINDS, KIND_CLASSES } from '../../lib/detect/kinds';
import {
  DEFAULT_MODES,
  HOST_PATTERN,
  LOCAL_KEYS,
  MODES,
  MODE_STRICTNESS,
  PolicySchema,
  defaultPolicy,
  secureUrlProblem,
} from '../../lib/policy/schema';
import { LEAVES, POLICY_KEYS, getPath } from '../../lib/policy/keys';
import { migratePolicy } from '../../lib/policy/migrate';
import type { Issue } from '../../lib/policy/salvage';

describe('policy schema', () => {
  it('lists every leaf exactly once in POLICY_KEYS, in schema order', () => {
    expect(LEAVES.map((l) => l.path)).toEqual([...POLICY_KEYS]);
  });

  it('has a mode leaf for every kind class, and every local key is a leaf', () => {
    for (const cls of KIND_CLASSES) expect(POLICY_KEYS).toContain(`modes.${cls}`);
    for (const key of LOCAL_KEYS) expect(POLICY_KEYS).toContain(key);
  });

  it('defaults validate against the schema and are the documented safe values', () => {
    const d = defaultPolicy();
    const { paused, ...settings } = d;
    expect(paused).toBe(false);
    expect(PolicySchema.safeParse(settings).success).toBe(true);
    expect(d.detection.enabled).toBe(true);
    expect(d.modes).toEqual(DEFAULT_MODES);
    expect(d.modes.criminal).toBe('block');
    // No class is off by default, and Art. 9/10 data is never merely warned about.
    for (const cls of KIND_CLASSES) expect(MODE_STRICTNESS[d.modes[cls]]).toBeGreaterThanOrEqual(MODE_STRICTNESS.warn);
    expect(MODE_STRICTNESS[d.modes.special_category]).toBeGreaterThanOrEqual(MODE_STRICTNESS.override);
    expect(d.rules.neverInFreeText).toEqual(expect.arrayContaining(['health', 'criminal', 'national_id', 'payment_card', 'credential']));
    expect(d.consent.url).toBe('');
    expect(d.audit.endpoint).toBe('');
    expect(d.ui.repMayChange).not.toContain('modes.criminal');
  });

  it('orders modes from weakest to strictest', () => {
    const sorted = [...MODES].sort((a, b) => MODE_STRICTNESS[a] - MODE_STRICTNESS[b]);
    expect(sorted).toEqual(['off', 'warn', 'override', 'block']);
  });

  const leaf = (path: string) => {
    const found = LEAVES.find((l) => l.path === path);
    if (!found) throw new Error(path);
    return found.schema;
  };

  it.each([
    ['modes.ordinary', 'block', true],
    ['modes.ordinary', 'Block', false],
    ['modes.criminal', 'none', false],
    ['badges', 'hover', true],
    ['badges', true, false],
    ['override.minReasonLength', 20, true],
    ['override.minReasonLength', 4, false],
    ['override.minReasonLength', 20.5, false],
    ['consent.cacheSeconds', 0, true],
    ['consent.cacheSeconds', -1, false],
    ['consent.outreachGuard', 'override', false],
    ['consent.purposes', ['marketing_email', 'phone'], true],
    ['consent.purposes', ['has space'], false],
    ['audit.retentionDays', 3650, true],
    ['audit.retentionDays', 3651, false],
    ['audit.format', 'otlp', true],
    ['audit.format', 'syslog', false],
    ['audit.batchSize', 0, false],
    ['detection.languages', ['de'], true],
    ['detection.languages', [], false],
    ['detection.languages', ['pl'], false],
    ['rules.neverInFreeText', [...KINDS], true],
    ['rules.neverInFreeText', ['diagnosis'], false],
    ['rules.salesforce', { Lead: { fields: { Birthdate: ['birthdate'] } } }, true],
    ['rules.salesforce', { Lead: { fields: { Birthdate: ['age'] } } }, false],
    ['rules.hubspot', { '0-1': { neverInFreeText: ['health'] } }, true],
    ['rules.hubspot', { 'bad key!': {} }, false],
    ['crm.extraHosts', [{ pattern: 'https://crm.example.com/*', adapter: 'generic' }], true],
    ['crm.extraHosts', [{ pattern: 'https://crm.example.com/*', adapter: 'sap' }], false],
    ['ui.repMayChange', ['badges', 'modes.ordinary'], true],
    ['ui.repMayChange', ['consent.url', 'audit.token'], true],
    ['ui.repMayChange', ['audit.retentionDays'], false],
    ['ui.repMayChange', ['ui.repMayChange'], false],
    ['ui.language', 'de', true],
    ['ui.language', 'fr', false],
  ])('%s = %j valid: %s', (path, value, valid) => {
    expect(leaf(path).safeParse(value).success).toBe(valid);
  });

  it.each([
    ['https://consent.example.com/api', null],
    ['http://localhost:8787', null],
    ['http://127.0.0.1:8787/v1', null],
    ['http://[::1]:8787', null],
    ['', null],
    ['http://consent.example.com', 'must be https'],
    ['http://localhost.evil.com', 'must be https'],
    ['http://127.0.0.1.evil.com', 'must be https'],
    ['ftp://example.com', 'must be https'],
    ['https://user:pw@example.com', 'credentials'],
    ['not a url', 'not a valid URL'],
    ['javascript:alert(1)', 'must be https'],
  ])('URL %s → %s', (url, problem) => {
    const result = secureUrlProblem(url);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });

  it.each([
    ['https://crm.example.com/*', true],
    ['https://*.example.com/*', true],
    ['https://crm.example.com/app/*', true],
    ['https://crm.example.com:8443/app/*', false],
    ['http://crm.example.com/*', false],
    ['*://crm.example.com/*', false],
    ['<all_urls>', false],
    ['https://*/*', false],
    ['https://*.com/*', false],
    ['https://crm.example.com', false],
  ])('host pattern %s valid: %s', (pattern, valid) => {
    expect(HOST_PATTERN.test(pattern)).toBe(valid);
  });
});

describe('policy migrations', () => {
  const run = (raw: Record<string, unknown>) => {
    const issues: Issue[] = [];
    return { out: migratePolicy(raw, issues), issues };
  };

  it('spreads the version-1 single mode over every class', () => {
    const { out, issues } = run({ policyVersion: 1, mode: 'block' });
    for (const cls of KIND_CLASSES) expect(getPath(out, `modes.${cls}`)).toBe('block');
    expect(issues).toEqual([]);
  });

  it('recognises an unversioned version-1 policy by its keys', () => {
    const { out } = run({ consentUrl: 'https://c.example.com', retentionDays: 30, badges: false, extraHosts: ['https://crm.example.com/*'] });
    expect(out).toEqual({
      consent: { url: 'https://c.example.com' },
      audit: { retentionDays: 30 },
      badges: 'off',
      crm: { extraHosts: [{ pattern: 'https://crm.example.com/*', adapter: 'generic' }] },
    });
  });

  it('lets a current key mixed into a v1 policy win over its v1 spelling', () => {
    const { out } = run({ mode: 'warn', modes: { criminal: 'block' } });
    expect(getPath(out, 'modes.criminal')).toBe('block');
    expect(getPath(out, 'modes.ordinary')).toBe('warn');
  });

  it('reads a newer version as far as it can and says so', () => {
    const { out, issues } = run({ policyVersion: 9, badges: 'off' });
    expect(out.badges).toBe('off');
    expect(issues[0]?.path).toBe('policyVersion');
    expect(issues[0]?.message).toContain('newer');
  });

  it.each([[0], [-1], ['2'], [1.5]])('reports policyVersion %j', (version) => {
    const { issues } = run({ policyVersion: version });
    expect(issues.map((i) => i.path)).toEqual(['policyVersion']);
  });
});
