import { describe, expect, it } from 'vitest';
import { GUARD_DEFAULT_MIN_REASON, GUARD_DEFAULT_MODES, GUARD_DEFAULT_NEVER_IN_FREE_TEXT, readGuardPolicy } from '@/lib/guard/policy';
import { DEFAULT_MODES, DEFAULT_NEVER_IN_FREE_TEXT, defaultPolicy } from '@/lib/policy/schema';
import { contentPolicy } from '@/lib/policy/resolve';

describe('readGuardPolicy', () => {
  it('keeps the same defaults as the policy schema', () => {
    expect(GUARD_DEFAULT_MODES).toEqual(DEFAULT_MODES);
    expect([...GUARD_DEFAULT_NEVER_IN_FREE_TEXT]).toEqual([...DEFAULT_NEVER_IN_FREE_TEXT]);
    expect(GUARD_DEFAULT_MIN_REASON).toBe(defaultPolicy().override.minReasonLength);
  });

  it('reads a real content policy unchanged', () => {
    const effective = defaultPolicy();
    const cp = contentPolicy({ ...effective, modes: { ...effective.modes, ordinary: 'block' }, rules: { ...effective.rules, salesforce: { Lead: { fields: { Email: ['email'] }, neverInFreeText: ['phone'] } } } });
    const read = readGuardPolicy(cp);
    expect(read.modes).toEqual(cp.modes);
    expect(read.rules.salesforce).toEqual({ Lead: { fields: { Email: ['email'] }, neverInFreeText: ['phone'] } });
    expect(read.override.minReasonLength).toBe(cp.override.minReasonLength);
  });

  it('falls back key by key on malformed input', () => {
    const read = readGuardPolicy({ modes: { criminal: 'explode', ordinary: 'off' }, override: { minReasonLength: 2 }, detection: { enabled: 'yes' }, rules: { neverInFreeText: ['nonsense'], hubspot: { '0-3': { fields: { 'bad key!': ['email'], amount: ['phone'] } } } } });
    expect(read.modes.criminal).toBe('block');
    expect(read.modes.ordinary).toBe('off');
    expect(read.override.minReasonLength).toBe(20);
    expect(read.detection.enabled).toBe(true);
    expect(read.rules.neverInFreeText).toEqual([...DEFAULT_NEVER_IN_FREE_TEXT]);
    expect(read.rules.hubspot).toEqual({ '0-3': { fields: { amount: ['phone'] }, neverInFreeText: [] } });
    expect(readGuardPolicy(null).paused).toBe(false);
    expect(readGuardPolicy('garbage').modes).toEqual(DEFAULT_MODES);
  });
});
