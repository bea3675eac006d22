// @vitest-environment node
/**
 * Convention that protects issue 4's 60 KB gzip budget: neither zod (≈60 KB gzip
 * on its own) nor the detection engine (libphonenumber-js with its metadata, the
 * lexicons, checksum rules and the six-language field vocabulary, ≈50 KB gzip)
 * may become reachable from the CRM content script again. The content side talks
 * to the background through lib/messages/content-send.ts and content-receive.ts,
 * which import the protocol for types only, and asks the background to classify
 * fields (`cs:classify-fields`) and search text (`cs:scan-text`).
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

async function contentInputs(): Promise<Record<string, { imports: { path: string }[] }>> {
  const result = await build({
    entryPoints: [resolve(root, 'entrypoints/crm.content/index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    outdir: resolve(root, '.output/metafile-only'),
    logLevel: 'silent',
    alias: { '@': root },
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  return result.metafile.inputs;
}

/** Modules that must stay out of the content script. */
const FORBIDDEN = [/node_modules\/zod\//, /node_modules\/libphonenumber-js\//, /lib\/detect\/(scan|mask|index|text-[a-z-]+|special-[a-z-]+|national-ids|iban|checksums|phone-[a-z-]+|classify-field|field-vocab|crm-api-names|lexicon-matcher)\.(ts|json)$/];
const forbidden = (path: string) => FORBIDDEN.some((re) => re.test(path));

/** Every chain of imports from the entry to a forbidden module, to name the culprit in the failure. */
function pathsToForbidden(inputs: Record<string, { imports: { path: string }[] }>, entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { path } of inputs[file]?.imports ?? []) {
      if (forbidden(path)) found.push([...trail, file, path].join(' → '));
      else walk(path, [...trail, file]);
    }
  };
  walk(entry, []);
  return found;
}

describe('CRM content script bundle', () => {
  it('does not reach zod or the text-scanning engine from entrypoints/crm.content/index.ts', async () => {
    const inputs = await contentInputs();
    const entry = Object.keys(inputs).find((p) => p.endsWith('entrypoints/crm.content/index.ts'));
    expect(entry).toBeDefined();
    // The graph is real: the scanner and the page model are in it.
    expect(Object.keys(inputs).some((p) => p.endsWith('lib/scan/scanner.ts'))).toBe(true);
    expect(Object.keys(inputs).some((p) => p.endsWith('entrypoints/crm.content/page.ts'))).toBe(true);
    expect(Object.keys(inputs).filter(forbidden)).toEqual([]);
    expect(pathsToForbidden(inputs, entry!)).toEqual([]);
  }, 60_000);

  it('would notice zod or the engine coming back', async () => {
    // Guards the guard: the same check over a file that imports the zod protocol and the engine's index fails.
    const result = await build({
      stdin: { contents: "import { parseMessage } from '@/lib/messages/protocol'; import { scanText } from '@/lib/detect'; console.log(parseMessage, scanText);", resolveDir: root, loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      outdir: resolve(root, '.output/metafile-only'),
      logLevel: 'silent',
      alias: { '@': root },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.includes('node_modules/zod/'))).toBe(true);
    expect(inputs.some((p) => p.includes('node_modules/libphonenumber-js/'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('lib/detect/text-special.ts'))).toBe(true);
    expect(inputs.filter(forbidden).length).toBeGreaterThan(3);
  }, 60_000);
});
