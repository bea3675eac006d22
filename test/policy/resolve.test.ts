import { describe, expect, it } from 'vitest';
import { contentPolicy, redactState, resolvePolicy, REDACTED } from '../../lib/policy/resolve';
import { LOCAL_KEYS, SELF_MANAGED_KEYS, defaultPolicy } from '../../lib/policy/schema';
import { POLICY_KEYS, getPath } from '../../lib/policy/keys';

const local = (settings: Record<string, unknown>, paused = false) => ({ version: 1, settings, paused });

describe('resolvePolicy: merge order defaults < local < managed', () => {
  it('gives the defaults with no policy and no local settings (plus the self-managed connection keys)', () => {
    const state = resolvePolicy({ managed: undefined, local: undefined });
    const defaults = defaultPolicy();
    expect(state.effective).toEqual({ ...defaults, ui: { ...defaults.ui, repMayChange: [...defaults.ui.repMayChange, ...SELF_MANAGED_KEYS] } });
    expect(state.lockedKeys).toEqual([]);
    expect(state.errors).toEqual([]);
    for (const key of POLICY_KEYS) expect(state.sources[key]).toBe('default');
  });

  it.each([
    // [description, managed, local settings, path, expected value, expected source, locked]
    ['local beats default where reps may change it', {}, { badges: 'off' }, 'badges', 'off', 'local', false],
    ['managed beats local', { badges: 'hover' }, { badges: 'off' }, 'badges', 'hover', 'managed', true],
    ['local ignored where reps may not change it', {}, { 'modes.criminal': 'off' }, 'modes.criminal', 'block', 'default', false],
    ['admin can let reps change a mode', { ui: { repMayChange: ['modes.ordinary'] } }, { 'modes.ordinary': 'off' }, 'modes.ordinary', 'off', 'local', false],
    ['admin can take a local key away', { ui: { repMayChange: [] } }, { badges: 'off' }, 'badges', 'always', 'default', false],
    ['a locked key ignores the rep even if listed as changeable', { badges: 'always', ui: { repMayChange: ['badges'] } }, { badges: 'off' }, 'badges', 'always', 'managed', true],
    ['invalid managed value falls back to the default and stays locked', { modes: { criminal: 'allow' } }, {}, 'modes.criminal', 'block', 'default', true],
    [
      'invalid managed value does not let the rep take over',
      { modes: { ordinary: 42 }, ui: { repMayChange: ['modes.ordinary'] } },
      { 'modes.ordinary': 'off' },
      'modes.ordinary',
      'warn',
      'default',
      true,
    ],
    ['out-of-range number is clamped to the nearest bound', { override: { minReasonLength: 1 } }, {}, 'override.minReasonLength', 5, 'managed', true],
    ['enum spelled in capitals is read case-insensitively', { modes: { ordinary: ' BLOCK ' } }, {}, 'modes.ordinary', 'block', 'managed', true],
    ['invalid list items are dropped, valid ones kept', { rules: { neverInFreeText: ['health', 'diagnosis'] } }, {}, 'rules.neverInFreeText', ['health'], 'managed', true],
    ['empty language list falls back to all languages', { detection: { languages: [] } }, {}, 'detection.languages', ['en', 'de', 'fr', 'es', 'it', 'nl'], 'default', true],
    ['invalid local value falls back to the default', {}, { badges: 'sometimes' }, 'badges', 'always', 'default', false],
    ['http consent URL is refused', { consent: { url: 'http://consent.example.com' } }, {}, 'consent.url', '', 'default', true],
    ['loopback http consent URL is allowed', { consent: { url: 'http://127.0.0.1:8787' } }, {}, 'consent.url', 'http://127.0.0.1:8787', 'managed', true],
  ])('%s', (_name, managed, settings, path, value, source, locked) => {
    const state = resolvePolicy({ managed, local: local(settings) });
    expect(getPath(state.effective, path)).toEqual(value);
    expect(state.sources[path]).toBe(source);
    expect(state.lockedKeys.includes(path)).toBe(locked);
  });

  it('locks exactly the leaves the admin set, as dotted paths', () => {
    const state = resolvePolicy({
      managed: { modes: { criminal: 'block' }, consent: { url: 'https://c.example.com', token: 't' }, rules: { hubspot: {} } },
      local: undefined,
    });
    expect([...state.lockedKeys].sort()).toEqual(['consent.token', 'consent.url', 'modes.criminal', 'rules.hubspot']);
  });

  it('keeps valid record entries and reports each invalid one with its path', () => {
    // JSON.parse, as a real policy file would: an object literal's __proto__ would set the prototype instead.
    const managed: unknown = JSON.parse(
      '{"rules":{"salesforce":{"Lead":{"fields":{"Birthdate":["birthdate","age"]},"neverInFreeText":["health"]},' +
        '"No spaces allowed":{"neverInFreeText":["health"]},"__proto__":{"polluted":true}}}}',
    );
    const state = resolvePolicy({ managed, local: undefined });
    expect(state.effective.rules.salesforce).toEqual({ Lead: { fields: { Birthdate: ['birthdate'] }, neverInFreeText: ['health'] } });
    const paths = state.errors.map((e) => e.path);
    expect(paths).toContain('rules.salesforce.Lead.fields.Birthdate[1]');
    expect(paths).toContain('rules.salesforce.No spaces allowed');
    expect(paths).toContain('rules.salesforce.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports unknown and misplaced keys with their path and source', () => {
    const state = resolvePolicy({ managed: { mdoes: { criminal: 'warn' }, consent: 'https://x', audit: { retention: 3 } }, local: local({ theme: 'dark' }) });
    expect(state.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'mdoes', source: 'managed', message: expect.stringContaining('unknown') }),
        expect.objectContaining({ path: 'consent', source: 'managed', message: expect.stringContaining('must be an object') }),
        expect.objectContaining({ path: 'audit.retention', source: 'managed' }),
        expect.objectContaining({ path: 'theme', source: 'local' }),
      ]),
    );
    expect(state.effective.modes.criminal).toBe('block');
  });

  it.each([[42], ['{"badges":"off"}'], [[1, 2]], [true]])('treats a managed policy of %j as an error, never a crash', (managed) => {
    const state = resolvePolicy({ managed, local: undefined });
    // Strict: a broken policy is still the admin's, so it grants nothing beyond the defaults.
    expect(state.effective).toEqual(defaultPolicy());
    expect(state.errors).toEqual([expect.objectContaining({ path: '', source: 'managed' })]);
  });

  it.each([[42], [{ version: 7, settings: { badges: 'off' } }], [{ version: 1, settings: 'x' }]])('survives unreadable local settings %j', (bad) => {
    const state = resolvePolicy({ managed: undefined, local: bad });
    expect(state.effective.badges).toBe('always');
    expect(state.errors.length).toBeGreaterThan(0);
    expect(state.errors.every((e) => e.source === 'local')).toBe(true);
  });

  it('pauses only while the admin allows it', () => {
    expect(resolvePolicy({ managed: {}, local: local({}, true) }).effective.paused).toBe(true);
    const forbidden = resolvePolicy({ managed: { ui: { repMayPause: false } }, local: local({}, true) });
    expect(forbidden.effective.paused).toBe(false);
    expect(forbidden.sources.paused).toBe('default');
  });

  it('migrates a version-1 policy and locks the keys it maps to', () => {
    const state = resolvePolicy({ managed: { mode: 'block', consentUrl: 'https://c.example.com' }, local: undefined });
    expect(state.effective.modes).toEqual({ ordinary: 'block', sensitive_identifier: 'block', special_category: 'block', criminal: 'block' });
    expect(state.lockedKeys).toEqual(expect.arrayContaining(['modes.ordinary', 'consent.url']));
    expect(state.errors).toEqual([]);
  });

  it('returns a frozen effective policy', () => {
    const state = resolvePolicy({ managed: {}, local: undefined });
    expect(Object.isFrozen(state.effective)).toBe(true);
    expect(Object.isFrozen(state.effective.modes)).toBe(true);
  });
});

describe('resolvePolicy: self-managed installs (no managed policy at all)', () => {
  const mine = {
    'consent.url': 'http://127.0.0.1:8787',
    'consent.token': 'cpg_demo_reader_LOCAL_ONLY',
    'audit.endpoint': 'https://audit.example.com/v1/audit',
    'audit.token': 'ingest-tok',
    'audit.format': 'otlp',
  };

  it.each([
    // [description, managed, user's consent.url applies]
    ['managed absent', undefined, true],
    ['managed null', null, true],
    ['managed an empty object (Chrome without policy)', {}, true],
    ['managed with any key', { badges: 'hover' }, false],
    ['managed with only the version', { policyVersion: 2 }, false],
    ['managed with only an unknown key', { mdoes: {} }, false],
    ['managed with only an invalid value', { modes: { criminal: 'allow' } }, false],
    ['managed a number', 42, false],
    ['managed a string', '{}', false],
    ['managed a list', [], false],
    ['managed true', true, false],
    ['managed an empty list of changeable keys', { ui: { repMayChange: [] } }, false],
  ])('%s', (_name, managed, applies) => {
    const state = resolvePolicy({ managed, local: local(mine) });
    for (const key of SELF_MANAGED_KEYS) {
      expect(state.lockedKeys).not.toContain(key);
      expect(state.effective.ui.repMayChange.includes(key)).toBe(applies);
      expect(state.sources[key]).toBe(applies ? 'local' : 'default');
    }
    expect(state.effective.consent.url).toBe(applies ? 'http://127.0.0.1:8787' : '');
    expect(state.effective.consent.token).toBe(applies ? 'cpg_demo_reader_LOCAL_ONLY' : '');
    expect(state.effective.audit.format).toBe(applies ? 'otlp' : 'reference');
    expect(contentPolicy(state.effective).consent.enabled).toBe(applies);
  });

  it('keeps the other local keys as strict as before and orders the list like LOCAL_KEYS', () => {
    const state = resolvePolicy({ managed: {}, local: local({ 'modes.criminal': 'off' }) });
    expect(state.effective.modes.criminal).toBe('block');
    expect(state.effective.ui.repMayChange).toEqual(LOCAL_KEYS.filter((k) => ['badges', 'ui.language', 'detection.languages', ...SELF_MANAGED_KEYS].includes(k)));
  });

  it.each([
    ['http://consent.example.com', '', 'must be https'],
    ['https://user:pw@consent.example.com', '', 'credentials'],
    ['http://localhost:8787', 'http://localhost:8787', null],
    ['http://[::1]:8787', 'http://[::1]:8787', null],
  ])('applies the URL rules to a local consent.url %s exactly as to a managed one', (url, expected, problem) => {
    const state = resolvePolicy({ managed: undefined, local: local({ 'consent.url': url, 'audit.endpoint': url }) });
    expect(state.effective.consent.url).toBe(expected);
    expect(state.effective.audit.endpoint).toBe(expected);
    const managed = resolvePolicy({ managed: { consent: { url } }, local: undefined });
    expect(managed.effective.consent.url).toBe(expected);
    if (problem) {
      expect(state.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'consent.url', source: 'local', message: expect.stringContaining(problem) })]));
    } else expect(state.errors).toEqual([]);
  });

  it('admin-granted connection keys work the same under a managed policy', () => {
    const state = resolvePolicy({ managed: { ui: { repMayChange: ['consent.url'] } }, local: local(mine) });
    expect(state.effective.consent.url).toBe('http://127.0.0.1:8787');
    expect(state.effective.consent.token).toBe('');
    expect(state.effective.ui.repMayChange).toEqual(['consent.url']);
  });

  it('redacts locally set tokens in diagnostics', () => {
    const redacted = redactState(resolvePolicy({ managed: undefined, local: local(mine) }));
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('cpg_demo_reader_LOCAL_ONLY');
    expect(text).not.toContain('ingest-tok');
    expect(redacted.effective.consent).toMatchObject({ url: 'http://127.0.0.1:8787', token: REDACTED });
    expect(redacted.effective.audit.token).toBe(REDACTED);
  });
});

describe('what leaves the background', () => {
  const state = resolvePolicy({
    managed: {
      consent: { url: 'https://consent.example.com', token: 'secret-reader-token' },
      audit: { endpoint: 'https://audit.example.com', token: 'secret-ingest-token', userPseudonym: 'rep-17' },
    },
    local: undefined,
  });

  it('gives content scripts no URLs, tokens or pseudonyms', () => {
    const text = JSON.stringify(contentPolicy(state.effective));
    for (const secret of ['secret-reader-token', 'secret-ingest-token', 'consent.example.com', 'audit.example.com', 'rep-17']) {
      expect(text).not.toContain(secret);
    }
    expect(contentPolicy(state.effective).consent.enabled).toBe(true);
    expect(contentPolicy(state.effective).modes).toEqual(state.effective.modes);
  });

  it('redacts credentials for diagnostics but keeps everything else', () => {
    const redacted = redactState(state);
    expect(JSON.stringify(redacted)).not.toContain('secret-');
    expect(redacted.effective.consent.token).toBe(REDACTED);
    expect(redacted.effective.consent.url).toBe('https://consent.example.com');
    expect(redacted.lockedKeys).toEqual(state.lockedKeys);
    expect(resolvePolicy({ managed: {}, local: undefined }).effective.consent.token).toBe('');
    expect(redactState(resolvePolicy({ managed: {}, local: undefined })).effective.consent.token).toBe('');
  });
});
