/**
 * The rep's own settings as stored locally: one versioned envelope holding a flat
 * map of dotted keys (only keys from LOCAL_KEYS) and the pause switch. Patches use
 * the same flat keys; `null` resets a key to the organisation's or built-in value.
 */
import { LOCAL_KEYS, type LocalKey } from './schema';
import { isLocalKey, isPlainObject, LEAVES } from './keys';
import { salvage, type Issue } from './salvage';

export const LOCAL_SETTINGS_VERSION = 1;

export interface LocalSettings {
  version: typeof LOCAL_SETTINGS_VERSION;
  settings: Partial<Record<LocalKey, unknown>>;
  paused: boolean;
}

export type LocalPatch = Partial<Record<LocalKey, unknown>> & { paused?: boolean | null };

export function emptyLocalSettings(): LocalSettings {
  return { version: LOCAL_SETTINGS_VERSION, settings: {}, paused: false };
}

/** Reads whatever is in local storage; anything unreadable is reported and dropped. */
export function readLocalSettings(raw: unknown, issues: Issue[]): LocalSettings {
  const result = emptyLocalSettings();
  if (raw === undefined || raw === null) return result;
  if (!isPlainObject(raw)) {
    issues.push({ path: '', message: 'stored local settings are not an object; defaults used' });
    return result;
  }
  if (raw.version !== LOCAL_SETTINGS_VERSION) {
    issues.push({ path: 'version', message: `stored local settings have version ${JSON.stringify(raw.version) ?? 'none'}, expected ${LOCAL_SETTINGS_VERSION}; ignored` });
    return result;
  }
  if (raw.paused !== undefined && typeof raw.paused !== 'boolean') issues.push({ path: 'paused', message: 'must be true or false' });
  result.paused = raw.paused === true;
  if (raw.settings === undefined) return result;
  if (!isPlainObject(raw.settings)) {
    issues.push({ path: 'settings', message: 'must be an object' });
    return result;
  }
  for (const [key, value] of Object.entries(raw.settings)) {
    if (!isLocalKey(key)) {
      issues.push({ path: key, message: 'not a setting reps can change (ignored)' });
      continue;
    }
    result.settings[key] = value;
  }
  return result;
}

export type SettingErrorReason = 'locked' | 'not-allowed' | 'pause-not-allowed' | 'invalid' | 'unknown';

/** Why a rep's change was refused; `path` names the setting so the UI can point at it. */
export class PolicySettingError extends Error {
  constructor(
    readonly path: string,
    readonly reason: SettingErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'PolicySettingError';
  }
}

export interface PatchContext {
  lockedKeys: readonly string[];
  repMayChange: readonly LocalKey[];
  repMayPause: boolean;
}

/**
 * Applies a rep's patch to the stored settings, or throws PolicySettingError for
 * the first key that may not be changed or has an invalid value. All-or-nothing:
 * nothing is applied when any key is refused.
 */
export function applyLocalPatch(current: LocalSettings, patch: unknown, ctx: PatchContext): LocalSettings {
  if (!isPlainObject(patch)) throw new PolicySettingError('', 'invalid', 'settings change must be an object');
  const next: LocalSettings = { version: LOCAL_SETTINGS_VERSION, settings: { ...current.settings }, paused: current.paused };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'paused') {
      if (value === null || value === false) {
        next.paused = false;
        continue;
      }
      if (value !== true) throw new PolicySettingError(key, 'invalid', '“paused” must be true or false');
      if (!ctx.repMayPause) throw new PolicySettingError(key, 'pause-not-allowed', 'Your organisation does not allow pausing CRM Privacy Guard.');
      next.paused = true;
      continue;
    }
    if (!isLocalKey(key)) throw new PolicySettingError(key, 'unknown', `“${key}” is not a setting that can be changed here (one of: ${LOCAL_KEYS.join(', ')}).`);
    if (ctx.lockedKeys.includes(key)) throw new PolicySettingError(key, 'locked', `“${key}” is set by your organisation’s policy and cannot be changed.`);
    if (!ctx.repMayChange.includes(key)) throw new PolicySettingError(key, 'not-allowed', `Your organisation does not let reps change “${key}”.`);
    if (value === null) {
      delete next.settings[key];
      continue;
    }
    const leaf = LEAVES.find((l) => l.path === key);
    const parsed = leaf?.schema.safeParse(value);
    if (!parsed?.success) {
      const issues: Issue[] = [];
      if (leaf) salvage(leaf.schema, value, key, issues);
      throw new PolicySettingError(key, 'invalid', `Invalid value for “${key}”: ${issues.at(-1)?.message ?? 'invalid value'}`);
    }
    next.settings[key] = parsed.data;
  }
  return next;
}
