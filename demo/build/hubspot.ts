import path from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { typescriptStrip } from './rollup-ts';

const DEMO = path.resolve(import.meta.dirname, '..');

/** The HubSpot stand-in: plain TypeScript and DOM, one IIFE. */
export async function buildHubSpotBundle(outFile: string): Promise<void> {
  const bundle = await rollup({
    input: path.join(DEMO, 'hubspot', 'app.ts'),
    plugins: [typescriptStrip(), nodeResolve({ extensions: ['.ts', '.js'] })],
  });
  try {
    await bundle.write({ file: outFile, format: 'iife' });
  } finally {
    await bundle.close();
  }
}
