// @vitest-environment node
/**
 * Convention that protects issue 4's 60 KB gzip budget: zod (≈60 KB gzip on its
 * own) must not become reachable from the CRM content script again. The content
 * side talks to the background through lib/messages/content-send.ts and
 * content-receive.ts, which import the protocol for types only.
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

/** Every chain of imports from the entry to a zod file, to name the culprit in the failure. */
function pathsToZod(inputs: Record<string, { imports: { path: string }[] }>, entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { path } of inputs[file]?.imports ?? []) {
      if (path.includes('node_modules/zod/')) found.push([...trail, file, path].join(' → '));
      else walk(path, [...trail, file]);
    }
  };
  walk(entry, []);
  return found;
}

describe('CRM content script bundle', () => {
  it('does not reach zod from entrypoints/crm.content/index.ts', async () => {
    const inputs = await contentInputs();
    const entry = Object.keys(inputs).find((p) => p.endsWith('entrypoints/crm.content/index.ts'));
    expect(entry).toBeDefined();
    // The graph is real: the detection engine and the page model are in it.
    expect(Object.keys(inputs).some((p) => p.includes('lib/detect/'))).toBe(true);
    expect(Object.keys(inputs).filter((p) => p.includes('node_modules/zod/'))).toEqual([]);
    expect(pathsToZod(inputs, entry!)).toEqual([]);
  }, 60_000);

  it('would notice zod coming back through the protocol module', async () => {
    // Guards the guard: the same check over a file that imports the zod protocol fails.
    const result = await build({
      stdin: { contents: "import { parseMessage } from '@/lib/messages/protocol'; console.log(parseMessage);", resolveDir: root, loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      outdir: resolve(root, '.output/metafile-only'),
      logLevel: 'silent',
      alias: { '@': root },
    });
    expect(Object.keys(result.metafile.inputs).some((p) => p.includes('node_modules/zod/'))).toBe(true);
  }, 60_000);
});
