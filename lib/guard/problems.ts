/**
 * The input guard's decision: given what the detection engine found in a field's
 * text, what the field is for, which record it belongs to and the policy, which
 * findings are problems, of which sort, and what saving does about them.
 * Pure: no DOM; the content script feeds it and renders the answer.
 */
import type { Finding, RuleId } from '../detect/finding';
import type { FieldDescriptor } from '../detect/field-descriptor';
import { classOf, type Kind, type KindClass } from '../detect/kinds';
import type { RecordContext } from '../messages/record';
import type { ContentPolicy } from '../policy/resolve';
import type { Mode, ObjectRule } from '../policy/schema';
import { isFreeTextField } from './free-text';

export type ProblemSort = 'sensitive' | 'excess';
/** What a problem does on save; `off` problems are never reported. */
export type Severity = Exclude<Mode, 'off'>;

/** Why a finding is a problem; the UI explains each, the audit log records it. */
export const PROBLEM_REASONS = ['never-in-free-text', 'not-allowed-in-field', 'not-kept-for-object', 'sensitive-not-for-field'] as const;
export type ProblemReason = (typeof PROBLEM_REASONS)[number];

export interface Problem {
  kind: Kind;
  kindClass: KindClass;
  rule: RuleId;
  problem: ProblemSort;
  reason: ProblemReason;
  severity: Severity;
  /** Where the finding sits in the field's text (UTF-16, end exclusive). */
  start: number;
  end: number;
}

/** What the guard knows about the field being typed into. */
export interface GuardField {
  descriptor: FieldDescriptor;
  /** The kind the field itself is for (the classifier's verdict on its label), or null. */
  fieldKind: Kind | null;
}

/** The parts of the content policy the decision reads. */
export type GuardPolicy = Pick<ContentPolicy, 'detection' | 'rules' | 'modes' | 'paused'>;

/** Findings below this confidence are too weak to interrupt a rep. */
export const MIN_CONFIDENCE = 0.5;

export function objectRuleFor(policy: GuardPolicy, context: RecordContext | null, descriptor: FieldDescriptor): ObjectRule | null {
  const crm = context?.crm;
  const objectType = context?.objectType ?? descriptor.objectType;
  if (!crm || !objectType) return null;
  const rules = policy.rules[crm];
  return Object.hasOwn(rules, objectType) ? (rules[objectType] ?? null) : null;
}

interface FieldRules {
  freeText: boolean;
  neverInFreeText: ReadonlySet<Kind>;
  /** Kinds the policy lists for this very field, or null when it does not list the field. */
  fieldAllows: ReadonlySet<Kind> | null;
  /** Kinds the object keeps in any field, or null when the policy has no field rules for the object. */
  objectKeeps: ReadonlySet<Kind> | null;
  fieldKind: Kind | null;
}

function fieldRules(field: GuardField, context: RecordContext | null, policy: GuardPolicy): FieldRules {
  const rule = objectRuleFor(policy, context, field.descriptor);
  const apiName = field.descriptor.apiName;
  const listed = rule && apiName && Object.hasOwn(rule.fields, apiName) ? rule.fields[apiName] : undefined;
  const fieldLists = rule ? Object.values(rule.fields) : [];
  return {
    freeText: isFreeTextField(field.descriptor),
    neverInFreeText: new Set([...policy.rules.neverInFreeText, ...(rule?.neverInFreeText ?? [])]),
    fieldAllows: listed ? new Set(listed) : null,
    objectKeeps: fieldLists.length > 0 ? new Set(fieldLists.flat()) : null,
    fieldKind: field.fieldKind,
  };
}

/** Whether the field is meant to hold `kind`: the policy lists it for the field, or (unlisted) the field's own label says so. */
function fieldIsFor(kind: Kind, rules: FieldRules): boolean {
  if (rules.fieldAllows) return rules.fieldAllows.has(kind);
  return rules.fieldKind === kind;
}

function judge(kind: Kind, rules: FieldRules): { problem: ProblemSort; reason: ProblemReason } | null {
  const sensitive = classOf(kind) !== 'ordinary';
  const sort: ProblemSort = sensitive ? 'sensitive' : 'excess';
  if (rules.freeText && rules.neverInFreeText.has(kind)) return { problem: sort, reason: 'never-in-free-text' };
  if (fieldIsFor(kind, rules)) return null;
  if (rules.fieldAllows) return { problem: sort, reason: 'not-allowed-in-field' };
  if (sensitive) return { problem: 'sensitive', reason: 'sensitive-not-for-field' };
  // An ordinary kind the object keeps nowhere (a birth date on a Lead whose rules list no birth-date field).
  if (rules.objectKeeps && !rules.objectKeeps.has(kind)) return { problem: 'excess', reason: 'not-kept-for-object' };
  return null;
}

/**
 * The problems among `findings` for one field, in text order. Findings the
 * policy allows, findings of a class whose mode is `off`, weak findings, and
 * everything while detection is disabled or the rep paused the extension, yield
 * nothing.
 */
export function decideProblems(findings: readonly Finding[], field: GuardField, context: RecordContext | null, policy: GuardPolicy): Problem[] {
  if (!policy.detection.enabled || policy.paused) return [];
  const rules = fieldRules(field, context, policy);
  const out: Problem[] = [];
  for (const f of findings) {
    if (f.confidence < MIN_CONFIDENCE) continue;
    const kindClass = classOf(f.kind);
    const mode = policy.modes[kindClass];
    if (mode === 'off') continue;
    const verdict = judge(f.kind, rules);
    if (!verdict) continue;
    out.push({ kind: f.kind, kindClass, rule: f.rule, ...verdict, severity: mode, start: f.start, end: f.end });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
