/**
 * Bundles the review app (Preact) into server/review-app/dist with esbuild:
 * app.js, app.css and index.html. `npm run review:build`.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export async function buildReviewApp(outdir = join(here, 'dist'), minify = true): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { app: join(here, 'src', 'main.tsx') },
    outdir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': root },
    logLevel: 'warning',
    legalComments: 'none',
  });
  copyFileSync(join(here, 'index.html'), join(outdir, 'index.html'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildReviewApp();
  console.log(`review app built in ${Math.round(performance.now() - started)} ms -> ${join(here, 'dist')}`);
}
