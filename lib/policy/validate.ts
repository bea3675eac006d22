/**
 * Validation for admins: every problem in a policy object, with its path. Unlike
 * resolvePolicy it reports only the admin's side (no local settings) and says
 * which keys would be locked.
 */
import { resolvePolicy, type PolicyProblem } from './resolve';

export interface ValidationReport {
  problems: PolicyProblem[];
  lockedKeys: string[];
}

export function validatePolicy(policy: unknown): ValidationReport {
  const state = resolvePolicy({ managed: policy, local: undefined });
  return { problems: state.errors.filter((p) => p.source === 'managed'), lockedKeys: state.lockedKeys };
}

export function formatProblem(problem: Pick<PolicyProblem, 'path' | 'message'>): string {
  return `${problem.path || '(policy)'}: ${problem.message}`;
}
