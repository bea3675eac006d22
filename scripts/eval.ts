/**
 * `npm run eval`: precision, recall and F1 per kind and per language, on the
 * project's own corpus (test/corpus) and, where present, on the public
 * benchmark files in ../shared/bench-data, read in place (never copied).
 * `--errors` also lists every miss and false alarm (inputs only, for tuning).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyField, scanText } from '../lib/detect/index';
import { loadOwnFields, loadOwnTexts, parseFieldRow, type FieldCase, type TextCase } from '../test/corpus/load';
import { merge, prf, scoreFields, scoreTexts, type Bucket, type Counts } from '../test/corpus/score';
import { isKind } from '../lib/detect/kinds';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = resolve(root, '../shared/bench-data');
const showErrors = process.argv.includes('--errors');

const pct = (n: number) => n.toFixed(3);
const line = (label: string, c: Counts) => {
  const m = prf(c);
  return `  ${label.padEnd(28)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f1)}  (gold ${m.support}, tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};

function printBucket(title: string, bucket: Bucket): void {
  console.log(` ${title}`);
  for (const key of [...bucket.keys()].sort()) console.log(line(key, bucket.get(key)!));
}

function runTexts(name: string, cases: TextCase[]): void {
  const score = scoreTexts(cases, (c) => scanText(c.text, { lang: c.lang }));
  console.log(`\n== texts: ${name} (${cases.length} texts)`);
  printBucket('per kind', score.byKind);
  printBucket('per language', score.byLang);
  console.log(' groups');
  console.log(line('checksum identifiers', merge(score.byKind, (k) => ['bank_account', 'payment_card', 'national_id'].includes(k))));
  const special = (lang: string) => (k: string) => {
    const [kind, l] = k.split('/');
    return l === lang && ['health', 'religion', 'political', 'ethnicity', 'sexual_orientation', 'trade_union', 'biometric', 'genetic', 'criminal'].includes(kind ?? '');
  };
  for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl']) {
    const c = merge(score.byKindLang, special(lang));
    if (c.tp + c.fp + c.fn > 0) console.log(line(`special+criminal ${lang}`, c));
  }
  if (showErrors) {
    for (const e of score.errors) {
      const show = (s: { kind: string; start: number; end: number }) => `${s.kind}:${JSON.stringify(e.text.slice(s.start, s.end))}`;
      console.log(`  ! ${e.source} missed [${e.missed.map(show).join(', ')}] spurious [${e.spurious.map(show).join(', ')}]  ${JSON.stringify(e.text.slice(0, 160))}`);
    }
  }
}

function runFields(name: string, cases: FieldCase[]): void {
  const s = scoreFields(cases, (c) => classifyField(c.input).kind);
  console.log(`\n== fields: ${name} (${cases.length} fields)`);
  console.log(`  kind accuracy ${pct(s.correct / s.total)}   "is personal": ${line('', s.personal).trim()}`);
  printBucket('per kind', s.byKind);
  console.log(' per language');
  for (const [lang, l] of [...s.byLang].sort()) console.log(`  ${lang.padEnd(28)} accuracy ${pct(l.correct / l.total)} (${l.total})  ${line('is personal', l.personal).trim()}`);
  if (showErrors) for (const e of s.errors) console.log(`  ! ${e.source} expect ${e.expect} got ${e.got} ${JSON.stringify(e.input)}`);
}

function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function benchTexts(file: string): TextCase[] {
  return readJsonl(file).map((r, i) => ({
    text: String(r.text),
    lang: typeof r.lang === 'string' ? r.lang : 'und',
    gold: (r.gold as { kind: string; start: number; end: number }[]).filter((g) => isKind(g.kind)).map((g) => ({ ...g, kind: g.kind as never })),
    ignore: (r.ignore as { start: number; end: number }[] | undefined) ?? [],
    source: `${file.split('/').pop()}:${i + 1}`,
  }));
}

runFields('own corpus (test/corpus/fields.jsonl)', loadOwnFields());
runTexts('own corpus (test/corpus/texts.txt)', loadOwnTexts());

if (!existsSync(benchDir)) {
  console.log(`\n(note: ${benchDir} not found; public benchmark files skipped)`);
} else {
  for (const f of ['fields-chromium.jsonl']) {
    const p = join(benchDir, f);
    if (existsSync(p)) runFields(`bench ${f}`, readJsonl(p).map((r, i) => parseFieldRow(r, `${f}:${i + 1}`)));
    else console.log(`\n(note: ${p} not found; skipped)`);
  }
  for (const f of ['texts-presidio-vectors.jsonl', 'texts-presidio-synth.jsonl']) {
    const p = join(benchDir, f);
    if (existsSync(p)) runTexts(`bench ${f}`, benchTexts(p));
    else console.log(`\n(note: ${p} not found; skipped)`);
  }
}
