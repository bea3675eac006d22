/**
 * RFC 9457 problem details. Every error the service answers goes through here, so
 * clients parse one shape and nothing internal (stack, SQL) ever leaks.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const PROBLEM_TYPES = {
  'invalid-request': 'The request is malformed',
  unauthorized: 'A valid API token is required',
  forbidden: 'This token may not do that',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'too-large': 'Request body too large',
  'unsupported-media-type': 'Unsupported media type',
  'invalid-import': 'Some rows are invalid; nothing was imported',
  'inconsistent-batch': 'The batch is inconsistent',
  unavailable: 'The database is unavailable',
  internal: 'Internal server error',
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export interface FieldIssue {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

export function problemBody(status: number, type: ProblemType, detail?: string, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `urn:crm-privacy-guard:problem:${type}`,
    title: PROBLEM_TYPES[type],
    status,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  type: ProblemType,
  detail?: string,
  extra: Record<string, unknown> = {},
): Response {
  const body = problemBody(status, type, detail, extra);
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}

/** Zod issues as JSON pointers, capped so a hostile body cannot make a huge answer. */
export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, prefix = ''): FieldIssue[] {
  return error.issues.slice(0, 50).map((i) => ({
    path: prefix + (i.path.length === 0 ? '' : `/${i.path.map((p) => String(p)).join('/')}`),
    message: i.message,
  }));
}
