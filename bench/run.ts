/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command
 * line), prints each figure beside its same-run baseline, and writes the table to
 * bench/results.md so README can quote the latest figures.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Bench, BenchResult } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));
const rows: string[] = [];
let failed = false;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  process.stdout.write(`\n# ${file}\n`);
  let results: BenchResult[];
  try {
    results = await mod.default();
  } catch (error) {
    failed = true;
    process.stdout.write(`  FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    continue;
  }
  for (const r of results) {
    const line = `${r.name}: ${fmt(r.value)} ${r.unit} | baseline (${r.baseline}): ${fmt(r.baselineValue)} ${r.unit} | ratio ${fmt(r.ratio)}${r.note ? ` (${r.note})` : ''}`;
    process.stdout.write(`  ${line}\n`);
    rows.push(`| ${file.replace('.bench.ts', '')} | ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.baseline}: ${fmt(r.baselineValue)} ${r.unit} | ${fmt(r.ratio)}${r.note ? ` (${r.note})` : ''} |`);
  }
}
if (only.length === 0) {
  const table = ['| bench | figure | value | same-run baseline | ratio |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
  writeFileSync(join(here, 'results.md'), `Measured ${new Date().toISOString().slice(0, 10)} on this machine (2 cores).\n\n${table}\n`);
}
process.exit(failed ? 1 : 0);
