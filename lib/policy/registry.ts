/**
 * Reads a Windows .reg export of an extension's policy key the way Chrome and Edge
 * read the registry: subkeys are objects, numbered values or subkeys are list
 * items, REG_DWORD becomes an integer or boolean and REG_SZ a string — or, where
 * the managed schema expects an object or list, a JSON string (Chrome's
 * registry_dict.cc does the same). The schema decides, so the result matches
 * what `storage.managed` would deliver.
 */
import type { ChromeSchemaNode } from './managed-schema';

export class RegistryError extends Error {}

type RegValue = string | number;
interface RegKey {
  values: Map<string, RegValue>;
  keys: Map<string, RegKey>;
}

const newKey = (): RegKey => ({ values: new Map(), keys: new Map() });

/** Policy roots Chrome and Edge read for extensions, case-insensitive. */
const ROOT = /^HKEY_(?:LOCAL_MACHINE|CURRENT_USER)\\SOFTWARE\\Policies\\(?:Google\\Chrome|Chromium|Microsoft\\Edge)\\3rdparty\\extensions\\([^\\]+)\\policy$/i;

export interface RegistryPolicy {
  extensionId: string;
  value: Record<string, unknown>;
}

/** Parses every extension policy in the file; `schema` types the values. */
export function parseRegistryPolicies(text: string, schema: ChromeSchemaNode): RegistryPolicy[] {
  const roots = new Map<string, RegKey>();
  let current: RegKey | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';') || /^(Windows Registry Editor Version|REGEDIT4)/.test(line)) return;
    if (line.startsWith('[-')) {
      current = null; // a deletion, as in "clear the key first"; nothing to read
      return;
    }
    if (line.startsWith('[')) {
      if (!line.endsWith(']')) throw new RegistryError(`line ${index + 1}: unterminated key name`);
      current = locate(roots, line.slice(1, -1));
      return;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line) ?? /^(@)=(.*)$/.exec(line);
    if (!value) throw new RegistryError(`line ${index + 1}: not a registry value line`);
    if (!current) return; // values outside an extension policy key are not ours
    const name = unescape(value[1] ?? '');
    const data = value[2] ?? '';
    const target: RegKey = current;
    if (data.startsWith('"')) {
      const str = /^"((?:[^"\\]|\\.)*)"$/.exec(data);
      if (!str) throw new RegistryError(`line ${index + 1}: malformed string value for "${name}"`);
      target.values.set(name, unescape(str[1] ?? ''));
    } else if (/^dword:[0-9a-fA-F]{1,8}$/.test(data)) {
      target.values.set(name, parseInt(data.slice(6), 16) | 0);
    } else if (data === '-') {
      target.values.delete(name);
    } else {
      throw new RegistryError(`line ${index + 1}: "${name}" has a type Chrome does not read for policy (use a string or dword)`);
    }
  });
  return [...roots].map(([extensionId, key]) => ({ extensionId, value: toObject(key, schema) }));
}

function locate(roots: Map<string, RegKey>, path: string): RegKey | null {
  const parts = path.split('\\');
  for (let end = parts.length; end > 0; end--) {
    const match = ROOT.exec(parts.slice(0, end).join('\\'));
    if (!match) continue;
    const id = (match[1] ?? '').toLowerCase();
    let key: RegKey = roots.get(id) ?? newKey();
    roots.set(id, key);
    for (const part of parts.slice(end)) {
      const child: RegKey = key.keys.get(part) ?? newKey();
      key.keys.set(part, child);
      key = child;
    }
    return key;
  }
  return null;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function toObject(key: RegKey, schema: ChromeSchemaNode | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of key.values) {
    const converted = convertValue(raw, propertySchema(schema, name));
    if (converted !== undefined) out[name] = converted;
  }
  for (const [name, child] of key.keys) {
    const sub = propertySchema(schema, name);
    out[name] = sub?.type === 'array' ? toList(child, sub) : toObject(child, sub);
  }
  return out;
}

function toList(key: RegKey, schema: ChromeSchemaNode): unknown[] {
  const numbered = (name: string): boolean => /^\d+$/.test(name);
  const entries: [number, unknown][] = [];
  for (const [name, raw] of key.values) if (numbered(name)) entries.push([Number(name), convertValue(raw, schema.items)]);
  for (const [name, child] of key.keys) {
    if (numbered(name)) entries.push([Number(name), schema.items?.type === 'array' ? toList(child, schema.items) : toObject(child, schema.items)]);
  }
  return entries.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function propertySchema(schema: ChromeSchemaNode | undefined, name: string): ChromeSchemaNode | undefined {
  return schema?.properties?.[name] ?? schema?.additionalProperties;
}

function convertValue(raw: RegValue, schema: ChromeSchemaNode | undefined): unknown {
  if (!schema) return raw;
  switch (schema.type) {
    case 'boolean':
      if (typeof raw === 'number') return raw !== 0;
      return /^-?\d+$/.test(raw) ? Number(raw) !== 0 : raw;
    case 'integer':
    case 'number':
      return typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    case 'object':
    case 'array':
      if (typeof raw !== 'string') return raw;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return raw; // left as is: the policy validation reports the wrong type with its path
      }
    default:
      return raw;
  }
}
