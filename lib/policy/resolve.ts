/**
 * Merges built-in defaults < the rep's local settings < the managed (admin) policy
 * into the effective policy, key by key. Pure and total: any input, however
 * malformed, yields a valid effective policy plus a list of problems. Every key the
 * admin set is locked, including keys whose value was invalid (those run with the
 * built-in default, which is the safe value), so a broken policy never hands
 * control to the rep.
 */
import { LOCAL_KEYS, POLICY_VERSION, SELF_MANAGED_KEYS, defaultPolicy, SENSITIVE_KEYS, type LocalKey, type Policy } from './schema';
import { BRANCHES, LEAVES, getPath, isPlainObject, isPolicyKey, setPath, type PolicyKey } from './keys';
import { migratePolicy } from './migrate';
import { salvage, type Issue } from './salvage';
import { readLocalSettings, type LocalSettings } from './local';

export type ProblemSource = 'managed' | 'local';
export interface PolicyProblem {
  /** Dotted path in the admin's policy (or the rep's settings), `[n]` for list items; '' for the whole. */
  path: string;
  message: string;
  source: ProblemSource;
}

export type ValueSource = 'default' | 'local' | 'managed';

export interface PolicyState {
  effective: Policy;
  /** Dotted leaf paths the admin set; the rep cannot change them. */
  lockedKeys: string[];
  errors: PolicyProblem[];
  /** Where each leaf's effective value came from, plus `paused`. */
  sources: Record<string, ValueSource>;
}

export interface PolicyInput {
  managed: unknown;
  local: unknown;
}

export function resolvePolicy(input: PolicyInput): PolicyState {
  const managedIssues: Issue[] = [];
  const localIssues: Issue[] = [];
  const managed = readManaged(input.managed, managedIssues);
  const local = readLocalSettings(input.local, localIssues);

  const effective = defaultPolicy() as unknown as Record<string, unknown>;
  const lockedKeys: string[] = [];
  const sources: Record<string, ValueSource> = {};

  const resolveLeaf = (path: PolicyKey, repMayChange: readonly string[]): void => {
    const leaf = LEAVES.find((l) => l.path === path);
    if (!leaf) return;
    if (path === 'policyVersion') {
      sources[path] = Object.hasOwn(managed, 'policyVersion') ? 'managed' : 'default';
      return;
    }
    const fromAdmin = getPath(managed, path);
    if (fromAdmin !== undefined) {
      lockedKeys.push(path);
      const result = salvage(leaf.schema, fromAdmin, path, managedIssues);
      if (result.ok) setPath(effective, path, result.value);
      sources[path] = result.ok ? 'managed' : 'default';
      return;
    }
    const fromRep = local.settings[path as LocalKey];
    if (fromRep !== undefined && repMayChange.includes(path)) {
      const result = salvage(leaf.schema, fromRep, path, localIssues);
      if (result.ok) setPath(effective, path, result.value);
      sources[path] = result.ok ? 'local' : 'default';
      return;
    }
    sources[path] = 'default';
  };

  // Which keys the rep may change is itself policy, so it is settled first.
  resolveLeaf('ui.repMayChange', []);
  if (isSelfManaged(input.managed)) {
    const granted = getPath(effective, 'ui.repMayChange') as LocalKey[];
    const widened = LOCAL_KEYS.filter((key) => granted.includes(key) || (SELF_MANAGED_KEYS as readonly string[]).includes(key));
    setPath(effective, 'ui.repMayChange', widened);
  }
  const repMayChange = getPath(effective, 'ui.repMayChange') as string[];
  for (const leaf of LEAVES) if (leaf.path !== 'ui.repMayChange') resolveLeaf(leaf.path, repMayChange);

  const policy = effective as unknown as Policy;
  policy.paused = local.paused && policy.ui.repMayPause;
  sources.paused = policy.paused ? 'local' : 'default';

  const errors: PolicyProblem[] = [
    ...managedIssues.map((issue) => ({ ...issue, source: 'managed' as const })),
    ...localIssues.map((issue) => ({ ...issue, source: 'local' as const })),
  ];
  return { effective: deepFreeze(policy), lockedKeys, errors, sources };
}

/**
 * No organisation manages this install: no managed storage at all, or an empty
 * one (what Chrome returns without policy). Anything else, including a policy
 * that is not even an object, means an admin is trying to be in charge, so the
 * user gets nothing beyond what that policy grants.
 */
export function isSelfManaged(managed: unknown): boolean {
  return managed === undefined || managed === null || (isPlainObject(managed) && Object.keys(managed).length === 0);
}

/** Unwraps, migrates and checks the shape of the admin's object; unknown keys are reported. */
function readManaged(raw: unknown, issues: Issue[]): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (!isPlainObject(raw)) {
    issues.push({ path: '', message: `policy must be an object, got ${describe(raw)}; built-in defaults used` });
    return {};
  }
  const migrated = migratePolicy(raw, issues);
  reportUnknown(migrated, '', issues);
  return migrated;
}

function reportUnknown(node: Record<string, unknown>, prefix: string, issues: Issue[]): void {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPolicyKey(path)) continue;
    if (BRANCHES.has(path)) {
      if (isPlainObject(value)) reportUnknown(value, path, issues);
      else issues.push({ path, message: `must be an object, got ${describe(value)}` });
      continue;
    }
    issues.push({ path, message: 'unknown setting (ignored); check the spelling against the admin guide' });
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** What content scripts may know: no URLs, tokens, pseudonyms or audit routing. */
export interface ContentPolicy {
  crm: Policy['crm'];
  detection: Policy['detection'];
  rules: Policy['rules'];
  modes: Policy['modes'];
  override: Policy['override'];
  badges: Policy['badges'];
  consent: { enabled: boolean; purposes: string[]; channels: string[]; outreachGuard: Policy['consent']['outreachGuard'] };
  ui: { language: Policy['ui']['language'] };
  paused: boolean;
}

export function contentPolicy(effective: Policy): ContentPolicy {
  const copy = structuredClone(effective);
  return {
    crm: copy.crm,
    detection: copy.detection,
    rules: copy.rules,
    modes: copy.modes,
    override: copy.override,
    badges: copy.badges,
    consent: {
      enabled: copy.consent.url !== '',
      purposes: copy.consent.purposes,
      channels: copy.consent.channels,
      outreachGuard: copy.consent.outreachGuard,
    },
    ui: { language: copy.ui.language },
    paused: copy.paused,
  };
}

export const REDACTED = '[set]';

/** The state with credentials replaced, for diagnostics, the options page and logs. */
export function redactState(state: PolicyState): PolicyState {
  const effective = structuredClone(state.effective) as unknown as Record<string, unknown>;
  for (const key of SENSITIVE_KEYS) {
    if (getPath(effective, key) !== '') setPath(effective, key, REDACTED);
  }
  return { ...state, effective: effective as unknown as Policy };
}

export { POLICY_VERSION };
export type { LocalSettings };
