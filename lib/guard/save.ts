/**
 * What a save does when problems remain: the strictest mode among them wins.
 */
import type { Problem, Severity } from './problems';

/** Same order as lib/policy/schema.ts MODE_STRICTNESS, without pulling the schema into the content script. */
const STRICTNESS: Readonly<Record<Severity, number>> = { warn: 1, override: 2, block: 3 };

export type SaveAction = 'proceed' | Severity;

export function saveAction(problems: readonly Pick<Problem, 'severity'>[]): SaveAction {
  let action: SaveAction = 'proceed';
  for (const p of problems) {
    if (action === 'proceed' || STRICTNESS[p.severity] > STRICTNESS[action]) action = p.severity;
  }
  return action;
}

export type ReasonProblem = 'empty' | 'too-short' | 'too-long';
export const MAX_REASON_LENGTH = 2000;

/**
 * Checks an override reason. Length counts characters a rep typed (code points)
 * after trimming and collapsing whitespace, so padding with spaces does not pass.
 */
export function reasonProblem(reason: string, minLength: number): ReasonProblem | null {
  const clean = normalizeReason(reason);
  const length = [...clean].length;
  if (length === 0) return 'empty';
  if (length < minLength) return 'too-short';
  if (length > MAX_REASON_LENGTH) return 'too-long';
  return null;
}

export function normalizeReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').trim();
}
