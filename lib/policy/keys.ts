/**
 * The leaves of the policy tree as dotted paths, and their zod schemas. A leaf is
 * the unit of validation, locking and provenance: an admin who sets
 * `modes.criminal` locks exactly that key. Records (`rules.salesforce`) are one
 * leaf each; their entries are validated one by one inside it.
 */
import { z } from 'zod';
import { PolicySchema, LOCAL_KEYS, type LocalKey } from './schema';

export const POLICY_KEYS = [
  'policyVersion',
  'crm.extraHosts',
  'detection.enabled',
  'detection.languages',
  'rules.neverInFreeText',
  'rules.salesforce',
  'rules.hubspot',
  'rules.generic',
  'modes.ordinary',
  'modes.sensitive_identifier',
  'modes.special_category',
  'modes.criminal',
  'override.minReasonLength',
  'badges',
  'consent.url',
  'consent.token',
  'consent.cacheSeconds',
  'consent.purposes',
  'consent.channels',
  'consent.outreachGuard',
  'audit.retentionDays',
  'audit.endpoint',
  'audit.token',
  'audit.format',
  'audit.batchSize',
  'audit.repMayView',
  'audit.userPseudonym',
  'ui.repMayChange',
  'ui.repMayPause',
  'ui.language',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** Groups for display, in display order. */
export const POLICY_GROUPS = ['crm', 'detection', 'rules', 'modes', 'override', 'badges', 'consent', 'audit', 'ui'] as const;
export type PolicyGroup = (typeof POLICY_GROUPS)[number];

export function groupOf(key: PolicyKey): PolicyGroup | null {
  const head = key.split('.')[0];
  return (POLICY_GROUPS as readonly string[]).includes(head ?? '') ? (head as PolicyGroup) : null;
}

export interface Leaf {
  path: PolicyKey;
  schema: z.ZodType;
}

function walk(shape: Record<string, z.ZodType>, prefix: string, out: Leaf[]): void {
  for (const [name, schema] of Object.entries(shape)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (schema instanceof z.ZodObject) walk(schema.shape as Record<string, z.ZodType>, path, out);
    else out.push({ path: path as PolicyKey, schema });
  }
}

function collectLeaves(): Leaf[] {
  const out: Leaf[] = [];
  walk(PolicySchema.shape as Record<string, z.ZodType>, '', out);
  return out;
}

/** Every leaf of PolicySchema, in schema order (a test checks it equals POLICY_KEYS). */
export const LEAVES: readonly Leaf[] = collectLeaves();

/** Object nodes of the tree, to detect unknown keys at each level. */
export const BRANCHES: ReadonlySet<string> = new Set(
  LEAVES.flatMap((leaf) => {
    const parts = leaf.path.split('.');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
  }),
);

export function isLocalKey(key: string): key is LocalKey {
  return (LOCAL_KEYS as readonly string[]).includes(key);
}

export function isPolicyKey(key: string): key is PolicyKey {
  return (POLICY_KEYS as readonly string[]).includes(key);
}

export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (isPlainObject(next)) node = next;
    else {
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    }
  }
  node[parts[parts.length - 1] as string] = value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
