/**
 * `npx tsx scripts/special-bench.ts`: CPU time of the special-category stage
 * (scanSpecial) and of the whole scanText on the bench's 10 KB notes (all own
 * corpus sentences, six languages), each beside a same-run baseline of one
 * /\d+/g pass. Median of 5 rounds; the machine is shared, so compare ratios.
 */
import { scanText } from '../lib/detect/index';
import { scanSpecial } from '../lib/detect/text-special';
import { loadOwnTexts } from '../test/corpus/load';
import { cpuPerCall } from '../bench/cpu-time';


const own = loadOwnTexts();
let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
const notes: string[] = [];
for (let n = 0; n < 20; n++) {
  let note = '';
  while (note.length < 10_240) note += `${own[next() % own.length]!.text}\n`;
  notes.push(note.slice(0, 10_240));
}
const all = () => true;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rounds: { special: number; scan: number; base: number }[] = [];
for (let r = 0; r < 5; r++) {
  const special = cpuPerCall(() => {
    for (const n of notes) scanSpecial(n, 0, n.length, all);
  }) / notes.length;
  const scan = cpuPerCall(() => {
    for (const n of notes) scanText(n);
  }) / notes.length;
  const base = cpuPerCall(() => {
    for (const n of notes) n.match(/\d+/g);
  }) / notes.length;
  rounds.push({ special, scan, base });
}
const m = (k: 'special' | 'scan' | 'base') => median(rounds.map((r) => r[k]));
const f = (n: number) => n.toFixed(4);
console.log(`per 10 KB note (median of 5): special ${f(m('special'))} ms, scanText ${f(m('scan'))} ms, /\\d+/g baseline ${f(m('base'))} ms`);
console.log(`ratios to baseline: special ${(m('special') / m('base')).toFixed(1)}x, scanText ${(m('scan') / m('base')).toFixed(1)}x; special share of scanText ${((100 * m('special')) / m('scan')).toFixed(0)}%`);
console.log(`load average: ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
