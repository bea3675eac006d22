/**
 * Thousands of random, partly valid and thoroughly malformed policies: resolve
 * never throws, always yields a policy the schema accepts, keeps every valid key
 * the admin set, and never lets local settings touch a locked key.
 */
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../lib/detect/kinds';
import { isSelfManaged, resolvePolicy } from '../../lib/policy/resolve';
import { ADAPTERS, BADGE_DISPLAYS, DETECTION_LANGUAGES, GUARD_MODES, LOCAL_KEYS, MODES, PolicySchema, SELF_MANAGED_KEYS, UI_LANGUAGES, AUDIT_FORMATS, defaultPolicy } from '../../lib/policy/schema';
import { LEAVES, POLICY_KEYS, getPath, setPath, type PolicyKey } from '../../lib/policy/keys';
import { prng } from '../support/prng';


const rand = prng(20261129);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T,>(items: readonly T[]): T => items[int(items.length)] as T;
const some = <T,>(items: readonly T[], min = 0): T[] => {
  const out = items.filter(() => rand() < 0.4);
  return out.length >= min ? out : items.slice(0, min);
};
const STRINGS = ['', 'block', 'BLOCK', 'warn ', 'https://x.example.com', 'http://evil.example.com', '<script>', '\u0000', 'a'.repeat(5000), '__proto__', 'toString', '0-1', 'Lead'];

function garbage(depth = 0): unknown {
  switch (int(depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return pick([0, -1, 1e308, -0, 3.7, Number.MAX_SAFE_INTEGER, 2 ** 31, NaN, Infinity]);
    case 3:
      return pick(STRINGS);
    case 4:
      return undefined;
    case 5:
      return int(1000);
    case 6:
      return Array.from({ length: int(5) }, () => garbage(depth + 1));
    case 7: {
      const o: Record<string, unknown> = {};
      for (let i = int(5); i > 0; i--) o[pick([...STRINGS, 'modes', 'rules', 'fields', 'neverInFreeText', 'pattern'])] = garbage(depth + 1);
      return o;
    }
    default:
      return JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}') as unknown;
  }
}

const objectRule = () => ({
  fields: Object.fromEntries(some(['Email', 'Phone', 'Birthdate', 'Description']).map((f) => [f, some(KINDS)])),
  neverInFreeText: some(KINDS),
});

/** A valid value for every leaf; exhaustive, so a new key without a generator fails to compile. */
const VALID: Record<PolicyKey, () => unknown> = {
  policyVersion: () => 2,
  'crm.extraHosts': () => some([{ pattern: 'https://crm.example.com/*', adapter: pick(ADAPTERS) }, { pattern: 'https://*.example.org/*', adapter: pick(ADAPTERS) }]),
  'detection.enabled': () => rand() < 0.5,
  'detection.languages': () => some(DETECTION_LANGUAGES, 1),
  'rules.neverInFreeText': () => some(KINDS),
  'rules.salesforce': () => ({ Lead: objectRule(), Opportunity: objectRule() }),
  'rules.hubspot': () => ({ '0-1': objectRule() }),
  'rules.generic': () => ({}),
  'modes.ordinary': () => pick(MODES),
  'modes.sensitive_identifier': () => pick(MODES),
  'modes.special_category': () => pick(MODES),
  'modes.criminal': () => pick(MODES),
  'override.minReasonLength': () => 5 + int(496),
  badges: () => pick(BADGE_DISPLAYS),
  'consent.url': () => pick(['', 'https://consent.example.com', 'http://localhost:8787']),
  'consent.token': () => pick(['', 'tok-123']),
  'consent.cacheSeconds': () => int(604801),
  'consent.purposes': () => some(['marketing_email', 'newsletter', 'phone']),
  'consent.channels': () => some(['email', 'phone', 'sms']),
  'consent.outreachGuard': () => pick(GUARD_MODES),
  'audit.retentionDays': () => 1 + int(3650),
  'audit.endpoint': () => pick(['', 'https://audit.example.com/ingest']),
  'audit.token': () => pick(['', 'tok-456']),
  'audit.format': () => pick(AUDIT_FORMATS),
  'audit.batchSize': () => 1 + int(1000),
  'audit.repMayView': () => rand() < 0.5,
  'audit.userPseudonym': () => pick(['', 'rep-17']),
  'ui.repMayChange': () => some(LOCAL_KEYS),
  'ui.repMayPause': () => rand() < 0.5,
  'ui.language': () => pick(UI_LANGUAGES),
};

function randomPolicy(): { policy: unknown; valid: Map<PolicyKey, unknown> } {
  const valid = new Map<PolicyKey, unknown>();
  const roll = rand();
  if (roll < 0.05) return { policy: garbage(), valid };
  // No policy at all: the self-managed case.
  if (roll < 0.08) return { policy: pick([undefined, null, {}]), valid };
  const policy: Record<string, unknown> = {};
  for (const key of POLICY_KEYS) {
    const r = rand();
    if (r < 0.3) {
      const value = VALID[key]();
      setPath(policy, key, value);
      valid.set(key, value);
    } else if (r < 0.45) {
      const value = garbage();
      if (value !== undefined) setPath(policy, key, value);
    }
  }
  // Now and then a whole section is replaced by garbage or an unknown key appears.
  if (rand() < 0.1) {
    const section = pick(['modes', 'consent', 'audit', 'rules', 'ui']);
    policy[section] = garbage();
    for (const key of [...valid.keys()]) if (key.startsWith(`${section}.`)) valid.delete(key);
  }
  if (rand() < 0.2) policy[pick(['mdoes', 'consnet', 'x'])] = garbage();
  return { policy, valid };
}

function randomLocal(): unknown {
  if (rand() < 0.1) return garbage();
  const settings: Record<string, unknown> = {};
  for (const key of LOCAL_KEYS) {
    const r = rand();
    if (r < 0.4) settings[key] = VALID[key]();
    else if (r < 0.5) settings[key] = garbage();
  }
  if (rand() < 0.1) settings[pick(['theme', 'consent.url', 'modes'])] = garbage();
  return { version: rand() < 0.95 ? 1 : garbage(), settings, paused: rand() < 0.5 ? rand() < 0.5 : garbage() };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('policy fuzz', () => {
  it('resolves 5,000 random policies: total, valid, faithful to the admin, deaf to reps on locked keys', () => {
    const settingsSchema = PolicySchema.strict();
    for (let run = 0; run < 5000; run++) {
      const { policy, valid } = randomPolicy();
      const local = randomLocal();
      let state;
      try {
        state = resolvePolicy({ managed: policy, local });
      } catch (error) {
        throw new Error(`run ${run} threw for ${JSON.stringify(policy)}: ${String(error)}`);
      }
      const { paused, ...settings } = state.effective;
      expect(typeof paused).toBe('boolean');
      const parsed = settingsSchema.safeParse(settings);
      if (!parsed.success) throw new Error(`run ${run}: invalid effective policy ${parsed.error.message}`);

      for (const [key, value] of valid) {
        if (key === 'policyVersion') continue;
        if (!state.lockedKeys.includes(key)) throw new Error(`run ${run}: ${key} set by admin but not locked`);
        if (!same(getPath(state.effective, key), value)) throw new Error(`run ${run}: admin's valid ${key} not applied`);
      }
      // Locked keys resolve the same with or without the rep's settings.
      const adminOnly = resolvePolicy({ managed: policy, local: undefined });
      for (const key of state.lockedKeys) {
        if (!same(getPath(state.effective, key), getPath(adminOnly.effective, key))) throw new Error(`run ${run}: local settings changed locked ${key}`);
      }
      // Keys the rep may not change never move away from the admin-only result either.
      for (const leaf of LEAVES) {
        if (!state.effective.ui.repMayChange.includes(leaf.path as never)) {
          if (!same(getPath(state.effective, leaf.path), getPath(adminOnly.effective, leaf.path))) throw new Error(`run ${run}: rep changed ${leaf.path}`);
        }
      }
      // Only an install with no policy at all widens what the rep may change; any
      // admin policy, even a broken one, grants no more than it says.
      const granted = state.effective.ui.repMayChange as readonly string[];
      if (isSelfManaged(policy)) {
        for (const key of SELF_MANAGED_KEYS) if (!granted.includes(key)) throw new Error(`run ${run}: self-managed install lacks ${key}`);
      } else {
        const adminList = (valid.get('ui.repMayChange') as string[] | undefined) ?? (state.lockedKeys.includes('ui.repMayChange') ? null : defaultPolicy().ui.repMayChange);
        if (adminList && !same(granted, adminList)) throw new Error(`run ${run}: reps may change ${JSON.stringify(granted)}, admin said ${JSON.stringify(adminList)}`);
      }
      for (const problem of state.errors) {
        if (typeof problem.path !== 'string' || problem.message.length === 0 || !['managed', 'local'].includes(problem.source)) {
          throw new Error(`run ${run}: malformed problem ${JSON.stringify(problem)}`);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
