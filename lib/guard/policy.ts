/**
 * The input guard's part of the content policy, read key by key from the
 * untyped object the background sends (`cs:hello`, `bg:policy-changed`): a
 * missing or malformed key falls back to its built-in default and changes that
 * setting only. Defaults come from lib/policy/defaults.ts, the zod-free module the
 * schema uses too, so the content script does not carry the policy schema.
 */
import { KINDS, KIND_CLASSES, type Kind, type KindClass } from '../detect/kinds';
import type { CrmId } from '../messages/record';
import type { ObjectRule } from '../policy/schema';
import { DEFAULT_MIN_REASON_LENGTH, DEFAULT_MODES, DEFAULT_NEVER_IN_FREE_TEXT, MODES, type Mode } from '../policy/defaults';
import type { GuardPolicy } from './problems';

export interface GuardSettings extends GuardPolicy {
  override: { minReasonLength: number };
}

export const GUARD_DEFAULT_MODES = DEFAULT_MODES;
export const GUARD_DEFAULT_NEVER_IN_FREE_TEXT = DEFAULT_NEVER_IN_FREE_TEXT;
export const GUARD_DEFAULT_MIN_REASON = DEFAULT_MIN_REASON_LENGTH;
const CRMS: readonly CrmId[] = ['salesforce', 'hubspot', 'generic'];
const IDENTIFIER = /^[A-Za-z0-9_.:-]{1,100}$/;

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const kinds = (v: unknown): Kind[] | null => (Array.isArray(v) && v.every((k) => (KINDS as readonly unknown[]).includes(k)) ? [...(v as Kind[])] : null);

function objectRules(raw: unknown): Record<string, ObjectRule> {
  const out: Record<string, ObjectRule> = {};
  for (const [objectType, value] of Object.entries(obj(raw))) {
    if (!IDENTIFIER.test(objectType)) continue;
    const rule = obj(value);
    const fields: Record<string, Kind[]> = {};
    for (const [field, list] of Object.entries(obj(rule.fields))) {
      const allowed = kinds(list);
      if (IDENTIFIER.test(field) && allowed) fields[field] = allowed;
    }
    out[objectType] = { fields, neverInFreeText: kinds(rule.neverInFreeText) ?? [] };
  }
  return out;
}

export function readGuardPolicy(raw: unknown): GuardSettings {
  const policy = obj(raw);
  const detection = obj(policy.detection);
  const rules = obj(policy.rules);
  const modes = obj(policy.modes);
  const minReason = obj(policy.override).minReasonLength;
  const byCrm = Object.fromEntries(CRMS.map((crm) => [crm, objectRules(rules[crm])])) as Record<CrmId, Record<string, ObjectRule>>;
  return {
    detection: {
      enabled: typeof detection.enabled === 'boolean' ? detection.enabled : true,
      languages: Array.isArray(detection.languages) ? (detection.languages.filter((l) => typeof l === 'string') as GuardPolicy['detection']['languages']) : ['en', 'de', 'fr', 'es', 'it', 'nl'],
    },
    rules: { neverInFreeText: kinds(rules.neverInFreeText) ?? [...GUARD_DEFAULT_NEVER_IN_FREE_TEXT], ...byCrm },
    modes: Object.fromEntries(KIND_CLASSES.map((c) => [c, MODES.includes(modes[c] as Mode) ? modes[c] : GUARD_DEFAULT_MODES[c]])) as Record<KindClass, Mode>,
    override: { minReasonLength: typeof minReason === 'number' && Number.isInteger(minReason) && minReason >= 5 && minReason <= 500 ? minReason : GUARD_DEFAULT_MIN_REASON },
    paused: policy.paused === true,
  };
}
