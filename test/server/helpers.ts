/**
 * Test harness: the same app on PGlite (in memory) and on a real PostgreSQL 15
 * (a throwaway cluster per test file), requests through app.request without a
 * socket, and every response checked against openapi.yaml.
 */
import { afterAll, beforeAll } from 'vitest';
import { createApp, DEFAULT_EXTENSION_ORIGINS } from '../../server/app';
import { TokenStore, type Role } from '../../server/auth';
import { openPglite, openPostgres, type Db } from '../../server/db';
import { migrate } from '../../server/migrate';
import { assertMatchesContract } from './openapi';
import { postgresAvailable, startPgCluster, type PgCluster } from './pg-cluster';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];
export const CORS_EXTRA = 'moz-extension://2c1f7a3e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

let cluster: Promise<PgCluster> | null = null;
let databases = 0;

/** Registers cluster shutdown for the file; call once at the top of a file that uses PostgreSQL. */
export function usePostgresCluster(): void {
  beforeAll(() => {
    if (postgresAvailable) cluster ??= startPgCluster();
  }, 60_000);
  afterAll(async () => {
    if (cluster) (await cluster).stop();
    cluster = null;
  });
}

export async function openDb(engine: Engine): Promise<Db> {
  const db =
    engine === 'pglite'
      ? await openPglite(null)
      : await openPostgres(await (await (cluster ??= startPgCluster())).createDatabase(`t${process.pid}_${++databases}`), 4);
  await migrate(db);
  return db;
}

export interface Harness {
  db: Db;
  tokens: Record<Role, string>;
  tokenStore: TokenStore;
  now: { value: Date };
  call(method: string, path: string, init?: { token?: string | null; body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> }): Promise<CallResult>;
  close(): Promise<void>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked against openapi.yaml, then asserted by shape
  body: any;
  text: string;
}

export async function harness(engine: Engine): Promise<Harness> {
  const db = await openDb(engine);
  const tokenStore = new TokenStore(db);
  const tokens = {
    reader: (await tokenStore.create('reader', 'test reader')).token,
    admin: (await tokenStore.create('admin', 'test admin')).token,
    compliance: (await tokenStore.create('compliance', 'test compliance')).token,
  };
  const now = { value: new Date('2026-11-29T12:00:00Z') };
  const app = createApp({ db, tokens: tokenStore, corsOrigins: [...DEFAULT_EXTENSION_ORIGINS, CORS_EXTRA], now: () => now.value });
  return {
    db,
    tokens,
    tokenStore,
    now,
    async call(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      const token = init.token === undefined ? tokens.reader : init.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (init.raw !== undefined) {
        body = init.raw;
        headers['Content-Type'] = init.contentType ?? 'text/plain';
      } else if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['Content-Type'] = init.contentType ?? 'application/json';
      }
      const res = await app.request(path, { method, headers, body });
      const text = await res.text();
      const contentType = res.headers.get('Content-Type');
      const isJson = /^application\/(problem\+)?json\b/.test(contentType ?? '');
      const parsed = isJson && text ? JSON.parse(text) : text === '' ? null : text;
      if (method !== 'OPTIONS') assertMatchesContract({ method, path: new URL(path, 'http://x').pathname, status: res.status, contentType, body: parsed });
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    close: () => db.close(),
  };
}
