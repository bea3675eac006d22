import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedSchema, managedSchemaJson, type ChromeSchemaNode } from '../../lib/policy/managed-schema';
import { POLICY_KEYS } from '../../lib/policy/keys';
import { SENSITIVE_KEYS, defaultPolicy } from '../../lib/policy/schema';
import { V1_KEYS } from '../../lib/policy/migrate';

/**
 * Chrome's schema dialect (components/policy/core/common/schema.cc): one string
 * `type` per node from a fixed set, attributes allowed per type, `additionalProperties`
 * only as a schema, `enum` non-empty and typed, and at the top an object without
 * `additionalProperties`. Checked strictly: no attribute Chrome does not know.
 */
const ALLOWED: Record<string, readonly string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};

function chromeProblems(node: unknown, path: string, out: string[]): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    out.push(`${path}: schema must be an object`);
    return out;
  }
  const n = node as Record<string, unknown>;
  if (typeof n.type !== 'string') {
    out.push(`${path}: 'type' must be a string`);
    return out;
  }
  const allowed = ALLOWED[n.type];
  if (!allowed) {
    out.push(`${path}: unknown type ${n.type}`);
    return out;
  }
  for (const key of Object.keys(n)) if (!allowed.includes(key)) out.push(`${path}: attribute '${key}' not allowed for ${n.type}`);
  if ('additionalProperties' in n && (typeof n.additionalProperties !== 'object' || n.additionalProperties === null)) {
    out.push(`${path}: Invalid type for attribute 'additionalProperties'`);
  }
  if ('enum' in n && (!Array.isArray(n.enum) || n.enum.length === 0)) out.push(`${path}: enum must be a non-empty list`);
  for (const key of ['description', 'title']) if (key in n && typeof n[key] !== 'string') out.push(`${path}: ${key} must be a string`);
  if (n.properties) for (const [k, v] of Object.entries(n.properties as object)) chromeProblems(v, `${path}.${k}`, out);
  if (n.additionalProperties && typeof n.additionalProperties === 'object') chromeProblems(n.additionalProperties, `${path}.*`, out);
  if (n.items) chromeProblems(n.items, `${path}[]`, out);
  return out;
}

/** Chrome drops a value whose type does not match; this is that check. */
function typeProblems(schema: ChromeSchemaNode | undefined, value: unknown, path: string, out: string[]): string[] {
  if (!schema) return out;
  const ok =
    (schema.type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) ||
    (schema.type === 'array' && Array.isArray(value)) ||
    (schema.type === 'string' && typeof value === 'string') ||
    (schema.type === 'boolean' && typeof value === 'boolean') ||
    (schema.type === 'integer' && Number.isInteger(value)) ||
    (schema.type === 'number' && typeof value === 'number');
  if (!ok) {
    out.push(`${path}: expected ${schema.type}`);
    return out;
  }
  if (schema.type === 'object') {
    for (const [k, v] of Object.entries(value as object)) typeProblems(schema.properties?.[k] ?? schema.additionalProperties, v, `${path}.${k}`, out);
  }
  if (schema.type === 'array') (value as unknown[]).forEach((v, i) => typeProblems(schema.items, v, `${path}[${i}]`, out));
  return out;
}

function nodeAt(schema: ChromeSchemaNode, path: string): ChromeSchemaNode | undefined {
  let node: ChromeSchemaNode | undefined = schema;
  for (const part of path.split('.')) node = node?.properties?.[part];
  return node;
}

describe('Chrome managed schema', () => {
  const schema = managedSchema();

  it('is valid in Chrome’s dialect', () => {
    expect(chromeProblems(schema, 'root', [])).toEqual([]);
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(managedSchemaJson()).not.toMatch(/"additionalProperties":\s*false/);
  });

  it('declares every policy key and every version-1 key', () => {
    for (const key of POLICY_KEYS) expect(nodeAt(schema, key), key).toBeDefined();
    for (const key of V1_KEYS) expect(schema.properties?.[key], key).toBeDefined();
  });

  it('marks credentials as sensitive so chrome://policy masks them', () => {
    for (const key of SENSITIVE_KEYS) expect(nodeAt(schema, key)?.sensitiveValue).toBe(true);
    expect(nodeAt(schema, 'consent.url')?.sensitiveValue).toBeUndefined();
  });

  it('lets Chrome pass the built-in defaults and the admin-guide example through unchanged', () => {
    const { paused: _paused, ...defaults } = defaultPolicy();
    expect(typeProblems(schema, defaults, 'policy', [])).toEqual([]);
    const example: unknown = JSON.parse(readFileSync('docs/policy-examples/policy.json', 'utf8'));
    expect(typeProblems(schema, example, 'policy', [])).toEqual([]);
  });

  it('has not drifted from the committed copy in docs/policy-examples', () => {
    expect(readFileSync('docs/policy-examples/managed_schema.json', 'utf8')).toBe(managedSchemaJson());
  });

  it('has not drifted from the schema in the Chrome build, when there is one', () => {
    const built = '.output/chrome-mv3/managed_schema.json';
    if (!existsSync(built)) return;
    expect(readFileSync(built, 'utf8')).toBe(managedSchemaJson());
    const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as { storage?: { managed_schema?: string } };
    expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
  });
});
