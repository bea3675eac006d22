/**
 * The OpenAPI document as a response validator: every response a server test
 * receives is checked against the schema the document gives for its route,
 * status and content type, so the contract and the service cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, unknown>;

export const spec = parse(readFileSync(fileURLToPath(new URL('../../server/openapi.yaml', import.meta.url)), 'utf8')) as Json & { paths: Record<string, Record<string, Json>> };

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(spec, 'openapi');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export const routes = Object.entries(spec.paths).flatMap(([template, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({
    method,
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    operation: item[method]!,
  })),
);

function resolve(obj: Json): Json {
  let current = obj;
  while (typeof current.$ref === 'string') {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    current = path.reduce<Json>((o, key) => o[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, spec);
  }
  return current;
}

const pointer = (parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

export interface CheckedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

/** Throws with a readable reason when the response is not what the document promises. */
export function assertMatchesContract(r: CheckedResponse): void {
  const route = routes.find((x) => x.method === r.method.toLowerCase() && x.pattern.test(r.path));
  if (!route) throw new Error(`${r.method} ${r.path} is not in openapi.yaml`);
  const responses = route.operation.responses as Record<string, Json>;
  const response = responses[String(r.status)];
  if (!response) throw new Error(`${r.method} ${route.template} answered ${r.status}, which openapi.yaml does not list`);
  const resolved = resolve(response);
  const content = resolved.content as Record<string, Json> | undefined;
  if (!content) {
    if (r.body !== null && r.body !== '') throw new Error(`${r.method} ${route.template} ${r.status} should have no body`);
    return;
  }
  const mediaType = (r.contentType ?? '').split(';')[0]!.trim();
  if (!content[mediaType]) throw new Error(`${r.method} ${route.template} ${r.status} answered ${mediaType}; documented: ${Object.keys(content).join(', ')}`);
  // Reference the schema inside the registered document, so its own $refs resolve.
  const refPath = typeof response.$ref === 'string'
    ? `${(response.$ref as string).slice(1)}/content/${pointer([mediaType])}/schema`
    : `/paths/${pointer([route.template])}/${route.method}/responses/${r.status}/content/${pointer([mediaType])}/schema`;
  let validate = validators.get(refPath);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi#${refPath}` });
    validators.set(refPath, validate);
  }
  if (!validate(r.body)) {
    throw new Error(`${r.method} ${route.template} ${r.status} does not match openapi.yaml: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(r.body).slice(0, 500)}`);
  }
}
