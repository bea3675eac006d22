/**
 * Serves the built review app (server/review-app/dist, `npm run review:build`)
 * at /review. The page itself holds nothing secret: the token lives in the
 * reviewer's sessionStorage and every datum comes from the compliance-only API.
 * A strict CSP keeps anything the log contains from ever running as script.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { problem } from '../problem';

export const REVIEW_DIST = join(dirname(fileURLToPath(import.meta.url)), 'dist');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export function reviewAppRoutes(dist = REVIEW_DIST) {
  const app = new Hono();
  const send = async (file: string) => {
    const path = normalize(join(dist, file));
    if (!path.startsWith(dist + sep)) return null;
    try {
      return await readFile(path);
    } catch {
      return null;
    }
  };
  app.get('/*', async (c) => {
    const rest = new URL(c.req.url).pathname.replace(/^\/review\/?/, '');
    // Client-side views are fragments (#search …); any other path is an asset.
    const file = rest === '' || rest === 'index.html' ? 'index.html' : rest;
    const ext = /\.[a-z]+$/.exec(file)?.[0] ?? '';
    const body = TYPES[ext] ? await send(file) : null;
    if (!body) {
      if (file === 'index.html') return problem(c, 404, 'not-found', 'The review app is not built: run npm run review:build.');
      return problem(c, 404, 'not-found', `No file ${file} in the review app.`);
    }
    c.header('Content-Security-Policy', CSP);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', file === 'index.html' ? 'no-cache' : 'public, max-age=300');
    return c.body(new Uint8Array(body), 200, { 'Content-Type': TYPES[ext]! });
  });
  return app;
}
