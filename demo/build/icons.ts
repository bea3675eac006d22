import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * lightning-base-components compiles every SLDS icon into its bundle (1,381 SVG
 * templates in the two categories the demo shows), which is most of the build
 * time. This writes trimmed `utility` and `standard` icon libraries holding only
 * the names that appear as literals in the components and the demo, plus those
 * built at runtime, so `demo:build` stays well under a minute.
 */
const RUNTIME_NAMES = [
  // lightning-toast variants, built as `utility:${variant}`
  'utility:success',
  'utility:warning',
  'utility:error',
  'utility:info',
];

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__examples__' || entry.name.startsWith('iconSvgTemplates')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (/\.(js|html|ts)$/.test(entry.name)) out.push(p);
  }
}

const ICON_LITERAL = /\b(utility|standard):([a-z0-9_]+)/g;

export function usedIconNames(sourceDirs: readonly string[], extra: readonly string[]): Set<string> {
  const files: string[] = [];
  for (const d of sourceDirs) walk(d, files);
  const names = new Set<string>([...RUNTIME_NAMES, ...extra]);
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(ICON_LITERAL)) names.add(`${m[1]}:${m[2]}`);
  }
  return names;
}

const CATEGORIES = [
  ['utility', 'Utility'],
  ['standard', 'Standard'],
] as const;

/** LWC module overrides pointing lightning's icon libraries (LTR and RTL alike) at the trimmed ones in outDir. */
export function iconLibraryOverrides(outDir: string): { name: string; path: string }[] {
  return CATEGORIES.flatMap(([category, lib]) => {
    const file = path.join(outDir, `icons-${category}.js`);
    return [
      { name: `lightning/iconSvgTemplates${lib}`, path: file },
      { name: `lightning/iconSvgTemplates${lib}Rtl`, path: file },
    ];
  });
}

/** Writes one trimmed library per category into outDir; returns how many icons each holds. */
export function writeIconLibraries(lbcDir: string, names: Set<string>, outDir: string): Record<string, number> {
  mkdirSync(outDir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [category, lib] of CATEGORIES) {
    const templatesDir = path.join(lbcDir, `iconSvgTemplates${lib}`, 'buildTemplates', category);
    const available = new Set(readdirSync(templatesDir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)));
    const chosen = [...names]
      .filter((n) => n.startsWith(`${category}:`))
      .map((n) => n.slice(category.length + 1))
      .filter((n) => available.has(n))
      .sort();
    const lines = chosen.map((n, i) => `import t${i} from ${JSON.stringify(path.join(templatesDir, `${n}.html`))};`);
    lines.push(`export default {${chosen.map((n, i) => ` ${JSON.stringify(`${category}_${n}`)}: t${i}`).join(',')} };`);
    const file = path.join(outDir, `icons-${category}.js`);
    writeFileSync(file, lines.join('\n') + '\n');
    counts[category] = chosen.length;
  }
  return counts;
}
