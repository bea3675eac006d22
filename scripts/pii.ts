/**
 * `npm run -s pii -- fields|text`: JSON lines in on stdin, one JSON line out per
 * input line, same order, nothing else on stdout. A malformed line yields
 * `{"error": "..."}` in its place (and a message on stderr); the run goes on.
 *
 *   fields: {label?, name?, id?, placeholder?, autocomplete?, ariaLabel?, type?, lang?, section?, apiName?, objectType?}
 *           → {"kind": KIND|null, "confidence": n}
 *   text:   {text, lang?} → {"findings": [{"kind", "start", "end"}]}
 */
import { createInterface } from 'node:readline';
import { classifyField, scanText, type FieldDescriptor } from '../lib/detect/index';

const FIELD_KEYS = ['label', 'name', 'id', 'placeholder', 'autocomplete', 'ariaLabel', 'type', 'lang', 'section', 'apiName', 'objectType'] as const;

type Handler = (input: Record<string, unknown>) => unknown;

function toDescriptor(input: Record<string, unknown>): FieldDescriptor {
  const desc: FieldDescriptor = {};
  for (const key of FIELD_KEYS) {
    const v = input[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new Error(`"${key}" must be a string`);
    desc[key] = v;
  }
  return desc;
}

const HANDLERS: Readonly<Record<'fields' | 'text', Handler>> = {
  fields(input) {
    const v = classifyField(toDescriptor(input));
    return { kind: v.kind, confidence: Number(v.confidence.toFixed(3)) };
  },
  text(input) {
    if (typeof input.text !== 'string') throw new Error('"text" must be a string');
    if (input.lang !== undefined && input.lang !== null && typeof input.lang !== 'string') throw new Error('"lang" must be a string');
    const lang = typeof input.lang === 'string' ? input.lang : undefined;
    return { findings: scanText(input.text, { lang }).map((f) => ({ kind: f.kind, start: f.start, end: f.end })) };
  },
};

function usage(): never {
  process.stderr.write('usage: npm run -s pii -- fields|text  (JSON lines on stdin, one JSON line per input on stdout)\n');
  process.exit(2);
}

const mode = process.argv[2];
if (mode !== 'fields' && mode !== 'text') usage();
const handle = HANDLERS[mode];

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let lineNo = 0;
const out: string[] = [];
const flush = () => {
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  out.length = 0;
};
for await (const line of rl) {
  lineNo++;
  let result: unknown;
  try {
    if (line.trim() === '') throw new Error('empty line, expected a JSON object');
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a JSON object');
    result = handle(parsed as Record<string, unknown>);
  } catch (error) {
    const message = `line ${lineNo}: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`pii ${mode}: ${message}\n`);
    result = { error: message };
  }
  out.push(JSON.stringify(result));
  if (out.length >= 256) flush();
}
flush();
