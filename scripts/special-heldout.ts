/**
 * `npx tsx scripts/special-heldout.ts [--set N] [--errors]`: precision, recall
 * and F1 of special-category and criminal statements on the held-out set, per
 * language and per kind. `--set 2` scores only the set written after tuning;
 * `--errors` lists misses and false alarms.
 */
import { loadHeldout, prf, scoreHeldout, type Tally } from './special-score';

const setArg = process.argv.indexOf('--set');
const only = setArg >= 0 ? Number(process.argv[setArg + 1]) : null;
const cases = loadHeldout().filter((c) => only === null || c.set === only);
const score = scoreHeldout(cases);
const f = (n: number) => n.toFixed(3);
const row = (label: string, t: Tally) => {
  const m = prf(t);
  return `  ${label.padEnd(20)} P ${f(m.p)}  R ${f(m.r)}  F1 ${f(m.f1)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
};
console.log(`special-category held-out set${only === null ? ' (all sets)' : ` ${only}`}: ${cases.length} texts`);
console.log(' per language');
for (const k of [...score.byLang.keys()].sort()) console.log(row(k, score.byLang.get(k)!));
console.log(' per kind');
for (const k of [...score.byKind.keys()].sort()) console.log(row(k, score.byKind.get(k)!));
console.log(row('all', score.all));
if (process.argv.includes('--errors')) {
  for (const e of score.errors) console.log(`${e.type.padEnd(11)} ${e.lang} ${e.kind.padEnd(18)} :${e.line} ${e.text}`);
}
