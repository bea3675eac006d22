/**
 * API tokens and what each role may do. Secrets are random 256-bit values stored
 * only as SHA-256 (a slow hash buys nothing for secrets that cannot be guessed);
 * verified tokens are cached for a few seconds so a lookup costs no extra query,
 * which bounds how long a revoked token keeps working on another instance.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from './db';
import { problem } from './problem';

export const ROLES = ['reader', 'admin', 'compliance'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ['consent:read', 'audit:write', 'consent:import', 'tokens:manage', 'audit:read'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** reader is the extension: lookups and audit ingest, never reading the log back. */
export const GRANTS: Readonly<Record<Permission, readonly Role[]>> = {
  'consent:read': ['reader', 'admin'],
  'audit:write': ['reader'],
  'consent:import': ['admin'],
  'tokens:manage': ['admin'],
  'audit:read': ['compliance'],
};

export interface TokenIdentity {
  id: string;
  role: Role;
}

export interface TokenInfo {
  id: string;
  role: Role;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function newTokenId(): string {
  const bytes = randomBytes(16);
  let id = 'tok_';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

export class TokenStore {
  private readonly cache = new Map<string, { identity: TokenIdentity | null; until: number }>();

  constructor(private readonly db: Db) {}

  /** Creates a token; the secret is returned here and never again. */
  async create(role: Role, label = '', secret = `cpg_${randomBytes(32).toString('base64url')}`): Promise<TokenInfo & { token: string }> {
    const id = newTokenId();
    const [row] = await this.db.query<{ created_at: Date }>(
      'INSERT INTO api_tokens (id, token_hash, role, label) VALUES ($1, $2, $3, $4) RETURNING created_at',
      [id, hashToken(secret), role, label],
    );
    return { id, role, label, createdAt: row!.created_at.toISOString(), revokedAt: null, token: secret };
  }

  /** Idempotent: the fixed demo tokens are inserted once, whatever their role. */
  async ensure(secret: string, role: Role, label: string): Promise<void> {
    await this.db.query(
      `INSERT INTO api_tokens (id, token_hash, role, label) VALUES ($1, $2, $3, $4) ON CONFLICT (token_hash) DO NOTHING`,
      [newTokenId(), hashToken(secret), role, label],
    );
  }

  async list(): Promise<TokenInfo[]> {
    const rows = await this.db.query<{ id: string; role: Role; label: string; created_at: Date; revoked_at: Date | null }>(
      'SELECT id, role, label, created_at, revoked_at FROM api_tokens ORDER BY created_at DESC, id',
    );
    return rows.map((r) => ({ id: r.id, role: r.role, label: r.label, createdAt: r.created_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null }));
  }

  /** False when no such token exists. */
  async revoke(id: string): Promise<boolean> {
    const rows = await this.db.query('UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id', [id]);
    this.cache.clear();
    return rows.length > 0;
  }

  async verify(secret: string): Promise<TokenIdentity | null> {
    // Keyed by the secret itself: it is in this process's memory with every request anyway,
    // and a hit then costs no hashing.
    const now = Date.now();
    const hit = this.cache.get(secret);
    if (hit && hit.until > now) return hit.identity;
    const hash = hashToken(secret);
    const [row] = await this.db.query<{ id: string; role: Role }>('SELECT id, role FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [hash]);
    const identity = row ? { id: row.id, role: row.role } : null;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(secret, { identity, until: now + CACHE_MS });
    return identity;
  }
}

export type AuthEnv = { Variables: { token: TokenIdentity } };

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/** 401 without a known token, 403 when the token's role lacks the permission. */
export function requirePermission(tokens: TokenStore, permission: Permission): MiddlewareHandler<AuthEnv> {
  const allowed = GRANTS[permission];
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    const identity = match ? await tokens.verify(match[1]!) : null;
    if (!identity) {
      c.header('WWW-Authenticate', 'Bearer realm="crm-privacy-guard"');
      return problem(c, 401, 'unauthorized', match ? 'The token is unknown or revoked.' : 'Send Authorization: Bearer <token>.');
    }
    if (!allowed.includes(identity.role)) {
      return problem(c, 403, 'forbidden', `A ${identity.role} token may not do this; it needs ${allowed.join(' or ')}.`);
    }
    c.set('token', identity);
    await next();
  };
}
