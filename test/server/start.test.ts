// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../../server/index';
import { DEMO_TOKENS } from '../../server/seed';
import { postgresAvailable, startPgCluster } from './pg-cluster';

// PGlite start-up and a PostgreSQL cluster take seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cpg-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startServer', () => {
  it('listens on a free loopback port with demo data, and closes', async () => {
    const server = await startServer({ port: 0, dataDir: null, seedDemo: true, quiet: true, corsOrigins: ['moz-extension://abc'] });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', storage: 'pglite' });
      const lookup = await fetch(`${server.url}/v1/consent/records/salesforce/Contact/003Dn00000QX7bGIAT`, {
        headers: { Authorization: `Bearer ${DEMO_TOKENS.reader}`, Origin: 'moz-extension://abc' },
      });
      expect(lookup.status).toBe(200);
      expect(lookup.headers.get('Access-Control-Allow-Origin')).toBe('moz-extension://abc');
      expect(((await lookup.json()) as { known: boolean }).known).toBe(true);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  }, 90_000);

  it('keeps data in its directory across restarts, and refuses a second process on it', async () => {
    const dataDir = join(dir, 'pglite');
    const first = await startServer({ port: 0, dataDir, quiet: true });
    const created = await first.tokens.create('admin', 'restart test');
    // The CLI opens the same directory: refused while the server runs.
    const cli = run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'token', 'list', '--data-dir', dataDir], { cwd: join(__dirname, '../..') });
    await expect(cli).rejects.toMatchObject({ stderr: expect.stringContaining('is in use by process') });
    await first.close();

    const made = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'token', 'create', '--role', 'reader', '--label', 'cli', '--data-dir', dataDir], { cwd: join(__dirname, '../..') });
    const secret = made.stdout.trim();
    expect(secret).toMatch(/^cpg_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toContain('(reader)');

    const second = await startServer({ port: 0, dataDir, quiet: true });
    try {
      const admin = await fetch(`${second.url}/v1/admin/tokens`, { headers: { Authorization: `Bearer ${created.token}` } });
      expect(admin.status).toBe(200);
      const reader = await fetch(`${second.url}/v1/consent/records/salesforce/Contact/1`, { headers: { Authorization: `Bearer ${secret}` } });
      expect(reader.status).toBe(200);
    } finally {
      await second.close();
    }
  }, 90_000);

  it('refuses a bad role on the CLI', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'token', 'create', '--role', 'root', '--memory'], { cwd: join(__dirname, '../..') })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--role must be one of reader, admin, compliance'),
    });
  }, 90_000);
});

describe.skipIf(!postgresAvailable)('startServer on PostgreSQL', () => {
  it('runs several stateless instances on one database; an import through one is seen by the other at once', async () => {
    const cluster = await startPgCluster();
    try {
      const databaseUrl = await cluster.createDatabase('multi');
      // Started together: the migration lock keeps them from applying the schema twice.
      const [a, b] = await Promise.all([
        startServer({ port: 0, databaseUrl, seedDemo: true, quiet: true }),
        startServer({ port: 0, databaseUrl, seedDemo: true, quiet: true }),
      ]);
      try {
        expect(await (await fetch(`${a.url}/health`)).json()).toEqual({ status: 'ok', storage: 'postgres' });
        const path = '/v1/consent/records/salesforce/Contact/003MULTI';
        const reader = { Authorization: `Bearer ${DEMO_TOKENS.reader}` };
        expect(((await (await fetch(b.url + path, { headers: reader })).json()) as { known: boolean }).known).toBe(false);
        const imported = await fetch(`${a.url}/v1/admin/consent-events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${DEMO_TOKENS.admin}`, 'Content-Type': 'application/json' },
          body: JSON.stringify([{ crm: 'salesforce', objectType: 'Contact', recordId: '003MULTI', purpose: 'newsletter', channel: 'email', status: 'granted', lawfulBasis: 'consent', occurredAt: '2026-01-01T00:00:00Z' }]),
        });
        expect(imported.status).toBe(200);
        expect(((await (await fetch(b.url + path, { headers: reader })).json()) as { known: boolean }).known).toBe(true);
        const migrations = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
        expect(migrations[0]!.n).toBe(1);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    } finally {
      cluster.stop();
    }
  }, 120_000);
});
