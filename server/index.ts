/**
 * Starting the reference service programmatically (`npm start`, tests, the
 * benchmark) or from the CLI (server/cli.ts). `startServer` opens storage, applies
 * migrations, optionally seeds the demo data, and listens.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, DEFAULT_EXTENSION_ORIGINS } from './app';
import { TokenStore } from './auth';
import { openPglite, openPostgres, type Db } from './db';
import { migrate } from './migrate';
import { seedDemo } from './seed';

export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA_DIR = '.data/pglite';

export interface StorageOptions {
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data directory; null keeps everything in memory. Default `.data/pglite`. */
  dataDir?: string | null;
}

export interface ServerOptions extends StorageOptions {
  /** Default 8787; 0 picks a free port (see the returned url). */
  port?: number;
  /** Default 127.0.0.1: the service is not reachable from the network unless asked. */
  host?: string;
  /** Extension origins allowed by CORS besides the Chrome/Edge development id. */
  corsOrigins?: readonly string[];
  /** Insert the demo tokens and demo consent (local use only). */
  seedDemo?: boolean;
  /** No start-up line on stdout. */
  quiet?: boolean;
}

export interface RunningServer {
  url: string;
  db: Db;
  tokens: TokenStore;
  close(): Promise<void>;
}

/** Opens and migrates storage; PGlite data directories are locked against a second process. */
export async function openStorage(opts: StorageOptions = {}): Promise<{ db: Db; release(): Promise<void> }> {
  if (opts.databaseUrl) {
    const db = await openPostgres(opts.databaseUrl);
    await migrate(db);
    return { db, release: () => db.close() };
  }
  const dataDir = opts.dataDir === undefined ? DEFAULT_DATA_DIR : opts.dataDir;
  const unlock = dataDir === null ? () => undefined : lockDataDir(dataDir);
  try {
    const db = await openPglite(dataDir);
    await migrate(db);
    return {
      db,
      release: async () => {
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * PGlite is one process's database: a second process on the same directory would
 * corrupt it, so a pid file refuses that with a clear message.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, '..', `${dataDir.split(/[\\/]/).filter(Boolean).pop() ?? 'pglite'}.lock`);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(`PGlite data directory ${dataDir} is in use by process ${pid}; stop it first (or use the admin API while it runs)`);
    }
  }
  // A fresh checkout has no .data/ yet: the lock sits beside the data directory, so make its parent first.
  mkdirSync(dirname(lockFile), { recursive: true });
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { db, release } = await openStorage(options);
  try {
    const tokens = new TokenStore(db);
    if (options.seedDemo) await seedDemo(db, tokens);
    const app = createApp({ db, tokens, corsOrigins: [...DEFAULT_EXTENSION_ORIGINS, ...(options.corsOrigins ?? [])] });
    const host = options.host ?? '127.0.0.1';
    const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, (info) => resolve({ server, port: info.port }));
      server.once('error', reject);
    });
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    if (!options.quiet) {
      console.log(`[server] consent service on ${url} (storage: ${db.kind}${options.seedDemo ? ', demo data seeded' : ''})`);
    }
    let closed: Promise<void> | null = null;
    return {
      url,
      db,
      tokens,
      close: () =>
        (closed ??= new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive sockets would hold close() open.
          if ('closeAllConnections' in server) server.closeAllConnections();
        }).then(release)),
    };
  } catch (error) {
    await release();
    throw error;
  }
}
