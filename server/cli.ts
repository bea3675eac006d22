/**
 * `npm run server` — start the service, or manage tokens and data:
 *
 *   npm run server [-- --port 8787 --host 127.0.0.1 --data-dir .data/pglite --database-url postgres://… --cors-origins a,b --seed-demo --memory]
 *   npm run -s server -- token create --role reader [--label "Chrome fleet"]
 *   npm run -s server -- token list | token revoke tok_…
 *   npm run -s server -- seed | migrate
 *
 * Environment: PORT, HOST, DATA_DIR, DATABASE_URL, CORS_ORIGINS (comma-separated), SEED_DEMO=1.
 * Flags win over the environment.
 */
import { parseArgs } from 'node:util';
import { ROLES, TokenStore, type Role } from './auth';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, openStorage, startServer, type StorageOptions } from './index';
import { DEMO_TOKENS, seedDemo } from './seed';

const USAGE = `usage: npm run server [-- options]            start the service
       npm run -s server -- token create --role reader|admin|compliance [--label TEXT]
       npm run -s server -- token list
       npm run -s server -- token revoke TOKEN_ID
       npm run -s server -- seed                   demo tokens and demo consent
       npm run -s server -- migrate

options: --port N (${DEFAULT_PORT}; env PORT)   --host ADDR (127.0.0.1; env HOST)
         --data-dir DIR (${DEFAULT_DATA_DIR}; env DATA_DIR)   --memory (PGlite in memory)
         --database-url URL (env DATABASE_URL: use PostgreSQL instead of PGlite)
         --cors-origins LIST (env CORS_ORIGINS, comma-separated extension origins)
         --seed-demo (env SEED_DEMO=1: demo tokens and consent, local use only)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        memory: { type: 'boolean' },
        'database-url': { type: 'string' },
        'cors-origins': { type: 'string' },
        'seed-demo': { type: 'boolean' },
        role: { type: 'string' },
        label: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = process.env;
  const storage: StorageOptions = {
    databaseUrl: values['database-url'] ?? (env.DATABASE_URL || undefined),
    dataDir: values.memory ? null : (values['data-dir'] ?? (env.DATA_DIR || DEFAULT_DATA_DIR)),
  };
  const [command = 'serve', sub, arg] = positionals;

  if (command === 'serve') {
    const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port: ${portText}`);
    const corsOrigins = (values['cors-origins'] ?? env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    const bad = corsOrigins.find((o) => !/^(chrome-extension|moz-extension|extension|https?):\/\/[^/\s]+$/.test(o));
    if (bad) fail(`invalid CORS origin "${bad}": expected e.g. moz-extension://<uuid> (no path, no trailing slash)`);
    const seed = values['seed-demo'] ?? env.SEED_DEMO === '1';
    const server = await startServer({ ...storage, port, host: values.host ?? env.HOST ?? '127.0.0.1', corsOrigins, seedDemo: seed });
    if (seed) {
      console.log(`[server] demo tokens (local only): reader ${DEMO_TOKENS.reader}, admin ${DEMO_TOKENS.admin}, compliance ${DEMO_TOKENS.compliance}`);
    }
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }

  // Arguments are checked before storage is opened, so a typo fails fast and touches nothing.
  const known = ['token create', 'token list', 'token revoke', 'seed', 'migrate'];
  if (!known.includes(command === 'token' ? `token ${sub}` : command)) fail(`unknown command: ${positionals.join(' ')}`);
  const role = values.role as Role | undefined;
  if (command === 'token' && sub === 'create' && (!role || !ROLES.includes(role))) fail(`--role must be one of ${ROLES.join(', ')}`);
  if (command === 'token' && sub === 'revoke' && !arg) fail('token revoke needs a token id (see token list)');

  const { db, release } = await openStorage(storage);
  try {
    const tokens = new TokenStore(db);
    if (command === 'token' && sub === 'create' && role) {
      const created = await tokens.create(role, values.label ?? '');
      // The secret alone on stdout, so `TOKEN=$(npm run -s server -- token create …)` works.
      process.stderr.write(`created ${created.id} (${created.role}); the token is shown once:\n`);
      process.stdout.write(`${created.token}\n`);
    } else if (command === 'token' && sub === 'list') {
      for (const t of await tokens.list()) {
        process.stdout.write(`${t.id}\t${t.role}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\t${t.createdAt}\t${t.label}\n`);
      }
    } else if (command === 'token' && sub === 'revoke' && arg) {
      if (!(await tokens.revoke(arg))) fail(`no token ${arg}`);
      process.stderr.write(`revoked ${arg}\n`);
    } else if (command === 'seed') {
      const result = await seedDemo(db, tokens);
      process.stderr.write(`demo data: ${result.imported} events imported, ${result.duplicates} already present\n`);
    } else {
      process.stderr.write('migrations applied\n');
    }
  } finally {
    await release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[server] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
