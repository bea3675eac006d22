/**
 * Loader for the project's labelled corpus. Texts are authored in
 * test/corpus/texts.txt as `lang<TAB>text`, with personal data marked inline as
 * `{{kind|value}}`; the loader strips the markup and records UTF-16 gold spans,
 * so offsets never drift when a sentence is edited. Fields are plain JSON lines.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isKind, type Kind } from '../../lib/detect/kinds';

export interface GoldSpan {
  kind: Kind;
  start: number;
  end: number;
}

export interface TextCase {
  text: string;
  lang: string;
  gold: GoldSpan[];
  ignore?: { start: number; end: number }[];
  source: string;
}

export interface FieldCase {
  input: Record<string, string>;
  lang: string;
  expect: Kind | null;
  source: string;
}

const here = dirname(fileURLToPath(import.meta.url));

export function parseMarkedLine(line: string, source: string): TextCase {
  const tab = line.indexOf('\t');
  if (tab < 0) throw new Error(`${source}: expected "lang<TAB>text"`);
  const lang = line.slice(0, tab);
  const marked = line.slice(tab + 1);
  let text = '';
  const gold: GoldSpan[] = [];
  let i = 0;
  while (i < marked.length) {
    const open = marked.indexOf('{{', i);
    if (open < 0) {
      text += marked.slice(i);
      break;
    }
    const close = marked.indexOf('}}', open);
    const bar = marked.indexOf('|', open);
    if (close < 0 || bar < 0 || bar > close) throw new Error(`${source}: unbalanced {{kind|value}} markup`);
    text += marked.slice(i, open);
    const kind = marked.slice(open + 2, bar);
    if (!isKind(kind)) throw new Error(`${source}: unknown kind "${kind}"`);
    const value = marked.slice(bar + 1, close);
    gold.push({ kind, start: text.length, end: text.length + value.length });
    text += value;
    i = close + 2;
  }
  return { text, lang, gold, source };
}

export function loadOwnTexts(): TextCase[] {
  const lines = readFileSync(join(here, 'texts.txt'), 'utf8').split('\n');
  const out: TextCase[] = [];
  lines.forEach((line, n) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    out.push(parseMarkedLine(line, `texts.txt:${n + 1}`));
  });
  return out;
}

const INPUT_KEYS = ['label', 'name', 'id', 'placeholder', 'autocomplete', 'ariaLabel', 'type', 'lang', 'section', 'apiName', 'objectType'];

export function parseFieldRow(row: Record<string, unknown>, source: string): FieldCase {
  const input: Record<string, string> = {};
  for (const k of INPUT_KEYS) if (typeof row[k] === 'string') input[k] = row[k] as string;
  const expect = row.expect;
  if (expect !== null && !isKind(expect)) throw new Error(`${source}: bad expect ${String(expect)}`);
  return { input, lang: typeof row.lang === 'string' ? row.lang : 'und', expect, source };
}

export function loadOwnFields(): FieldCase[] {
  return readFileSync(join(here, 'fields.jsonl'), 'utf8')
    .split('\n')
    .map((line, n) => [line, n] as const)
    .filter(([line]) => line.trim() !== '' && !line.startsWith('//'))
    .map(([line, n]) => parseFieldRow(JSON.parse(line) as Record<string, unknown>, `fields.jsonl:${n + 1}`));
}
