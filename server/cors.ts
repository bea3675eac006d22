/**
 * CORS for the extension's origins only. Headers are set before the handler runs
 * (Hono's prepared headers), never on a finished response: @hono/node-server
 * sends a response built in one go without materialising a full Fetch Response,
 * and touching `c.res.headers` afterwards would cost every lookup that fast path.
 */
import type { MiddlewareHandler } from 'hono';

const ALLOW_METHODS = 'GET, POST, DELETE, OPTIONS';
const ALLOW_HEADERS = 'Authorization, Content-Type, If-None-Match';

export function extensionCors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const ok = origin !== undefined && allowed.has(origin);
    c.header('Vary', 'Origin');
    if (ok) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', 'ETag');
    }
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      // A preflight from any other origin gets no allow headers, so the browser stops there.
      if (ok) {
        c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
        c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
        c.header('Access-Control-Max-Age', '600');
      }
      return c.body(null, 204);
    }
    await next();
  };
}
