/**
 * Validate one value against its leaf schema and keep whatever valid part there is:
 * array items and record entries are checked one by one, numbers outside their
 * range are clamped to the nearest bound, enum values differing only in case or
 * surrounding space are normalised. Every repair is reported. Never throws.
 */
import { z } from 'zod';

export interface Issue {
  path: string;
  message: string;
}

export type Salvaged = { ok: true; value: unknown } | { ok: false };

const MAX_DEPTH = 8;
/** Names that would reach Object.prototype when copied into a plain object. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function salvage(schema: z.ZodType, value: unknown, path: string, issues: Issue[], depth = 0): Salvaged {
  const direct = schema.safeParse(value);
  if (direct.success) return { ok: true, value: direct.data };
  if (depth > MAX_DEPTH) return fail(direct.error, path, issues);
  const inner = unwrapDefault(schema);

  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const kept: unknown[] = [];
    const seen = new Set<string>();
    value.forEach((item, index) => {
      const result = salvage(inner.element as z.ZodType, item, `${path}[${index}]`, issues, depth + 1);
      if (!result.ok) return;
      // Duplicates are harmless but noisy in the UI; keep the first.
      const key = JSON.stringify(result.value);
      if (seen.has(key)) return;
      seen.add(key);
      kept.push(result.value);
    });
    const retry = inner.safeParse(kept);
    if (retry.success) return { ok: true, value: retry.data };
    return fail(retry.error, path, issues);
  }

  if (inner instanceof z.ZodRecord && isRecordLike(value)) {
    const kept: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (UNSAFE_KEYS.has(key)) {
        issues.push({ path: `${path}.${key}`, message: 'reserved name (ignored)' });
        continue;
      }
      const keyResult = (inner.keyType as z.ZodType).safeParse(key);
      if (!keyResult.success) {
        issues.push({ path: `${path}.${key}`, message: `invalid name: ${firstMessage(keyResult.error)}` });
        continue;
      }
      const result = salvage(inner.valueType as z.ZodType, entry, `${path}.${key}`, issues, depth + 1);
      if (result.ok) kept[key] = result.value;
    }
    const retry = inner.safeParse(kept);
    if (retry.success) return { ok: true, value: retry.data };
    return fail(retry.error, path, issues);
  }

  if (inner instanceof z.ZodObject && isRecordLike(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const kept: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (!Object.hasOwn(shape, key)) {
        issues.push({ path: `${path}.${key}`, message: 'unknown setting (ignored)' });
        continue;
      }
      const result = salvage(shape[key] as z.ZodType, entry, `${path}.${key}`, issues, depth + 1);
      if (result.ok) kept[key] = result.value;
    }
    const retry = inner.safeParse(kept);
    if (retry.success) return { ok: true, value: retry.data };
    return fail(retry.error, path, issues);
  }

  if (inner instanceof z.ZodNumber && typeof value === 'number' && Number.isFinite(value)) {
    let repaired = inner.isInt ? Math.round(value) : value;
    const min = inner.minValue;
    const max = inner.maxValue;
    if (min !== null && repaired < min) repaired = min;
    if (max !== null && repaired > max) repaired = max;
    const retry = inner.safeParse(repaired);
    if (retry.success) {
      issues.push({ path, message: `${firstMessage(direct.error)}; ${String(value)} replaced by ${String(repaired)}` });
      return { ok: true, value: retry.data };
    }
  }

  if (inner instanceof z.ZodEnum && typeof value === 'string') {
    const wanted = value.trim().toLowerCase();
    const match = (inner.options as readonly unknown[]).find((option) => typeof option === 'string' && option.toLowerCase() === wanted);
    if (match !== undefined) {
      issues.push({ path, message: `"${truncate(value)}" read as "${String(match)}"` });
      return { ok: true, value: match };
    }
  }

  return fail(direct.error, path, issues);
}

function fail(error: z.ZodError, path: string, issues: Issue[]): Salvaged {
  issues.push({ path, message: firstMessage(error) });
  return { ok: false };
}

function unwrapDefault(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first zod issue as a sentence an admin can act on, with its sub-path. */
export function firstMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const where = issue.path.length ? ` (at ${issue.path.map(String).join('.')})` : '';
  return `${issue.message}${where}`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
