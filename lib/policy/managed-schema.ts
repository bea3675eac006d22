/**
 * Generates Chrome's `storage.managed_schema` from the zod schema, so there is one
 * source of truth. Chrome accepts a small JSON-schema dialect: exactly one string
 * `type` per node (no unions, no `anyOf`), `additionalProperties` only as a schema
 * (never `false`), `enum` only on strings and integers, and `required` makes Chrome
 * drop a whole object that lacks a key — so the output keeps only types, structure,
 * titles, descriptions and `sensitiveValue`.
 *
 * Value constraints (enums, ranges, patterns) are deliberately left out: Chrome
 * silently drops values that violate the schema, and the extension could then
 * never show the admin what was wrong. With types only, the extension receives the
 * admin's value and reports each problem with its path in the options page, the
 * popup and the audit log. Allowed values are written into the descriptions.
 */
import { z } from 'zod';
import { PolicySchema } from './schema';
import { LegacyV1Schema } from './migrate';

export type ChromeSchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

export interface ChromeSchemaNode {
  type: ChromeSchemaType;
  title?: string;
  description?: string;
  sensitiveValue?: boolean;
  properties?: Record<string, ChromeSchemaNode>;
  additionalProperties?: ChromeSchemaNode;
  items?: ChromeSchemaNode;
}

type JsonNode = Record<string, unknown>;

const TYPES: readonly ChromeSchemaType[] = ['object', 'array', 'string', 'integer', 'number', 'boolean'];

export function managedSchema(): ChromeSchemaNode {
  const current = toChrome(z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'throw' }) as JsonNode, '');
  const legacy = toChrome(z.toJSONSchema(LegacyV1Schema, { io: 'input', unrepresentable: 'throw' }) as JsonNode, '');
  return {
    type: 'object',
    title: 'CRM Privacy Guard policy',
    description: 'Managed policy for CRM Privacy Guard. Every key is optional; keys you set are locked for reps. See docs/admin-guide.md.',
    properties: { ...current.properties, ...legacy.properties },
  };
}

/** The file written into Chrome and Edge builds. */
export function managedSchemaJson(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}

function toChrome(node: JsonNode, path: string): ChromeSchemaNode {
  for (const union of ['anyOf', 'oneOf', 'allOf', '$ref']) {
    if (union in node) throw new Error(`managed schema: ${path || 'root'} uses ${union}, which Chrome cannot read`);
  }
  const type = chromeType(node, path);
  const out: ChromeSchemaNode = { type };
  if (typeof node.title === 'string') out.title = node.title;
  const description = describe(node);
  if (description) out.description = description;
  if (node.sensitive === true) out.sensitiveValue = true;
  if (type === 'object') {
    const properties = node.properties as Record<string, JsonNode> | undefined;
    if (properties) {
      out.properties = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, toChrome(child, join(path, key))]));
    }
    const extra = node.additionalProperties;
    if (extra && typeof extra === 'object') out.additionalProperties = toChrome(extra as JsonNode, join(path, '*'));
  }
  if (type === 'array') {
    const items = node.items;
    if (!items || typeof items !== 'object' || Array.isArray(items)) throw new Error(`managed schema: ${path} is an array without one items schema`);
    out.items = toChrome(items as JsonNode, `${path}[]`);
  }
  return out;
}

function chromeType(node: JsonNode, path: string): ChromeSchemaType {
  const type = node.type;
  if (type === 'number' && typeof node.const === 'number' && Number.isInteger(node.const)) return 'integer';
  if (typeof type === 'string' && (TYPES as readonly string[]).includes(type)) return type as ChromeSchemaType;
  throw new Error(`managed schema: ${path || 'root'} has type ${JSON.stringify(type)}, which Chrome cannot read`);
}

function describe(node: JsonNode): string | undefined {
  const parts: string[] = [];
  if (typeof node.description === 'string') parts.push(node.description);
  if (Array.isArray(node.enum)) parts.push(`Allowed: ${node.enum.map(String).join(', ')}.`);
  return parts.length ? parts.join(' ') : undefined;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
