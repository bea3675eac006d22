/**
 * `npx tsx scripts/special-heldout.ts [--errors]`: precision, recall and F1 of
 * special-category and criminal statements on the held-out set, per language
 * and per kind. `--errors` lists misses and false alarms.
 */
import { loadHeldout, prf, scoreHeldout, type Tally } from './special-score';

const score = scoreHeldout(loadHeldout());
const f = (n: number) => n.toFixed(3);
const row = (label: string, t: Tally) => {
  const m = prf(t);
  return `  ${label.padEnd(20)} P ${f(m.p)}  R ${f(m.r)}  F1 ${f(m.f1)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
};
console.log('special-category held-out set');
console.log(' per language');
for (const k of [...score.byLang.keys()].sort()) console.log(row(k, score.byLang.get(k)!));
console.log(' per kind');
for (const k of [...score.byKind.keys()].sort()) console.log(row(k, score.byKind.get(k)!));
console.log(row('all', score.all));
if (process.argv.includes('--errors')) {
  for (const e of score.errors) console.log(`${e.type.padEnd(11)} ${e.lang} ${e.kind.padEnd(18)} :${e.line} ${e.text}`);
}
