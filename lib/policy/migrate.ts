/**
 * Brings an admin's policy object to the current `policyVersion`. Version 1 was the
 * pre-release flat shape (one `mode` for every finding, `consentUrl`,
 * `retentionDays`, `badges: boolean`); it is still read so early pilots keep their
 * settings. A policy from a newer extension is read as far as this one understands it.
 */
import { z } from 'zod';
import { POLICY_VERSION } from './schema';
import { isPlainObject } from './keys';
import type { Issue } from './salvage';

/** Top-level keys that only exist in version 1. */
export const V1_KEYS = ['mode', 'consentUrl', 'consentToken', 'retentionDays', 'extraHosts'] as const;

export function migratePolicy(raw: Record<string, unknown>, issues: Issue[]): Record<string, unknown> {
  const declared = raw.policyVersion;
  const version = declared === undefined ? guessVersion(raw) : declared;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    issues.push({ path: 'policyVersion', message: `must be an integer 1–${POLICY_VERSION}; read as version ${POLICY_VERSION}` });
    return { ...raw, policyVersion: POLICY_VERSION };
  }
  if (version > POLICY_VERSION) {
    issues.push({
      path: 'policyVersion',
      message: `version ${version} is newer than this extension understands (${POLICY_VERSION}); settings it does not know are ignored — update the extension`,
    });
    return { ...raw, policyVersion: POLICY_VERSION };
  }
  if (version === 1) return fromV1(raw, issues);
  return raw;
}

function guessVersion(raw: Record<string, unknown>): number {
  return V1_KEYS.some((key) => Object.hasOwn(raw, key)) || typeof raw.badges === 'boolean' ? 1 : POLICY_VERSION;
}

function fromV1(raw: Record<string, unknown>, issues: Issue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Current-version keys mixed into a v1 policy are kept; the v1 key wins only where
  // the current key is absent, since it is the older spelling.
  for (const [key, value] of Object.entries(raw)) {
    if (!(V1_KEYS as readonly string[]).includes(key) && key !== 'badges' && key !== 'policyVersion') out[key] = value;
  }
  const section = (name: string): Record<string, unknown> => {
    const existing = out[name];
    const target = isPlainObject(existing) ? { ...existing } : {};
    out[name] = target;
    return target;
  };
  if (raw.mode !== undefined) {
    // v1 had one mode for every finding; it applies to each class.
    const modes = section('modes');
    for (const cls of ['ordinary', 'sensitive_identifier', 'special_category', 'criminal']) modes[cls] ??= raw.mode;
  }
  if (raw.consentUrl !== undefined) section('consent').url ??= raw.consentUrl;
  if (raw.consentToken !== undefined) section('consent').token ??= raw.consentToken;
  if (raw.retentionDays !== undefined) section('audit').retentionDays ??= raw.retentionDays;
  if (raw.extraHosts !== undefined) {
    const crm = section('crm');
    if (Array.isArray(raw.extraHosts)) {
      crm.extraHosts ??= raw.extraHosts.map((pattern) => ({ pattern, adapter: 'generic' }));
    } else {
      issues.push({ path: 'extraHosts', message: 'must be a list of match patterns' });
    }
  }
  if (raw.badges !== undefined) {
    if (typeof raw.badges === 'boolean') out.badges = raw.badges ? 'always' : 'off';
    else out.badges = raw.badges;
  }
  return out;
}

/**
 * The version-1 keys as a schema, so Chrome's managed-storage schema still declares
 * them (Chrome drops undeclared keys before the extension could migrate them).
 */
export const LegacyV1Schema = z.object({
  mode: z.string().meta({ description: 'Deprecated (policyVersion 1): one mode for every class; use modes.* instead.' }),
  consentUrl: z.string().meta({ description: 'Deprecated (policyVersion 1): use consent.url.' }),
  consentToken: z.string().meta({ description: 'Deprecated (policyVersion 1): use consent.token.', sensitive: true }),
  retentionDays: z.number().int().meta({ description: 'Deprecated (policyVersion 1): use audit.retentionDays.' }),
  extraHosts: z.array(z.string()).meta({ description: 'Deprecated (policyVersion 1): use crm.extraHosts.' }),
});
