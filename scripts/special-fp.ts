/**
 * `npx tsx scripts/special-fp.ts [--list]`: false alarms of the special-category
 * and criminal detector on text that has no such statements — business
 * sentences of the own corpus (its hard negatives and identifier-only lines,
 * alone and joined into the bench's 10 KB notes) and the Presidio synthetic
 * sentences in ../shared/bench-data (read in place; they carry no
 * special-category gold, so any such finding there is most likely false).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanText } from '../lib/detect/index';
import { loadOwnTexts } from '../test/corpus/load';
import { SPECIAL_SCORED } from './special-score';

const list = process.argv.includes('--list');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const special = (k: string) => (SPECIAL_SCORED as readonly string[]).includes(k);

function count(name: string, texts: { text: string; lang?: string }[]): void {
  let hits = 0;
  let texts_ = 0;
  for (const t of texts) {
    const found = scanText(t.text, { lang: t.lang, kinds: SPECIAL_SCORED });
    if (found.length > 0) texts_++;
    hits += found.length;
    if (list) for (const f of found) console.log(`  ${f.kind.padEnd(18)} ${JSON.stringify(t.text.slice(Math.max(0, f.start - 40), f.end + 40))}`);
  }
  console.log(`${name}: ${hits} special findings in ${texts_} of ${texts.length} texts`);
}

const business = loadOwnTexts().filter((c) => !c.gold.some((g) => special(g.kind)));
count('own corpus business sentences (no special gold)', business);
// The bench's notes: business sentences shuffled into ~10 KB notes.
let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
const notes: { text: string }[] = [];
for (let n = 0; n < 20; n++) {
  let note = '';
  while (note.length < 10_240) note += `${business[next() % business.length]!.text}\n`;
  notes.push({ text: note.slice(0, 10_240) });
}
count('20 business notes of 10 KB', notes);
const synth = resolve(root, '../shared/bench-data/texts-presidio-synth.jsonl');
if (existsSync(synth)) {
  const rows = readFileSync(synth, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; lang?: string });
  count('Presidio synthetic sentences', rows);
}
