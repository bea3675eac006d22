import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Under native shadow DOM the page's global SLDS stylesheet cannot reach inside
 * the demo's own components (Lightning's components ship their styles with them).
 * This cuts the rules that mention an `slds-*` class the demo's components use
 * out of the design system's stylesheet, for those components to import.
 */

const SLDS_CLASS = /slds-[a-z0-9_-]+/g;

export function usedSldsClasses(moduleDir: string): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(html|js)$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(SLDS_CLASS)) used.add(m[0]);
    }
  };
  walk(moduleDir);
  return used;
}

/** Index just past the block that opens at `open` (a '{'), skipping strings. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('unbalanced braces in SLDS stylesheet');
}

// Element-level resets (`*{box-sizing:border-box}`, `h1{font-size:inherit}`, `a{color}`…) also stop at a
// shadow boundary, so they are carried too; document-level ones are not.
const DOCUMENT_LEVEL = /(^|[\s,])(html|body)\b|:root|:host/;

function keepSelector(selector: string, used: Set<string>): boolean {
  if (DOCUMENT_LEVEL.test(selector)) return false;
  if (!selector.includes('.') && !selector.includes('#')) return true;
  const classes = selector.match(SLDS_CLASS);
  return !!classes && classes.some((c) => used.has(c));
}

function filterRules(css: string, used: Set<string>): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const prelude = css.slice(i, open).trim();
    const end = blockEnd(css, open);
    const body = css.slice(open + 1, end - 1);
    if (prelude.startsWith('@media') || prelude.startsWith('@supports')) {
      const inner = filterRules(body, used);
      if (inner) out += `${prelude}{${inner}}`;
    } else if (!prelude.startsWith('@') && keepSelector(prelude, used)) {
      out += `${prelude}{${body}}`;
    }
    i = end;
  }
  return out;
}

export function sldsSubset(sldsCss: string, used: Set<string>): string {
  return filterRules(sldsCss.replace(/\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//g, ''), used);
}

/**
 * Writes the CSS-only LWC module `demo/sldsShadow` for one build variant. Under
 * synthetic shadow the global sheet applies, so it holds one rule matching nothing
 * (an empty module compiles to an undefined stylesheet, which LWC cannot apply).
 */
export function writeSldsShadowModule(sldsCssFile: string, moduleDir: string, outFile: string, native: boolean): number {
  mkdirSync(path.dirname(outFile), { recursive: true });
  const css = native
    ? sldsSubset(readFileSync(sldsCssFile, 'utf8'), usedSldsClasses(moduleDir))
    : '.demo-global-slds-applies { display: none; }\n';
  writeFileSync(outFile, css);
  return css.length;
}
