/**
 * The audit log's wire contract and hash chain, shared by the extension and the
 * reference service. Pure: no DOM or extension APIs, only WebCrypto
 * (`crypto.subtle`), which node 20 and every browser provide.
 *
 *   hash = sha256hex(prevHash + "\n" + canonicalJson(entry without "hash"))
 *
 * The first entry of a device chain has prevHash = GENESIS_HASH and seq = 1.
 * After retention pruning the oldest surviving entry points at a pruned one; the
 * caller then passes that pruned head as `anchor`, and a `log.checkpoint` entry in
 * the chain must commit to it (see `verifyChain`).
 */
import { z } from 'zod';

export const ENTRY_VERSION = 1 as const;
export const GENESIS_HASH = '0'.repeat(64);
export const CHECKPOINT_TYPE = 'log.checkpoint';

const HEX64 = /^[0-9a-f]{64}$/;
/** ISO 8601 in UTC with milliseconds, exactly what `Date.prototype.toISOString` produces. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Crockford base32, 26 characters: 10 of time, 16 of randomness (ULID). */
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const EVENT_TYPE_SHAPE = /^[a-z]+(?:\.[a-z_]+)+$/;
const textSchema = z.string().min(1).max(256);
const optionalText = textSchema.nullable();

/** One entry as stored and as sent over the wire. `data` is validated per type in events.ts. */
export const auditEntrySchema = z.strictObject({
  v: z.literal(ENTRY_VERSION),
  id: z.string().regex(ULID, 'id must be a ULID'),
  seq: z.number().int().min(1),
  deviceId: textSchema,
  time: z.string().regex(ISO_UTC, 'time must be ISO 8601 UTC with milliseconds'),
  type: z.string().regex(EVENT_TYPE_SHAPE, 'type must look like "record.viewed"'),
  user: textSchema,
  crm: optionalText,
  objectType: optionalText,
  recordId: optionalText,
  host: optionalText,
  extVersion: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(HEX64, 'prevHash must be 64 lowercase hex digits'),
  hash: z.string().regex(HEX64, 'hash must be 64 lowercase hex digits'),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type UnsignedEntry = Omit<AuditEntry, 'hash'>;
export interface ChainHead {
  seq: number;
  hash: string;
}
export const GENESIS_HEAD: Readonly<ChainHead> = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort`)
 * at every depth and no whitespace. Keys whose value is `undefined` are left out
 * (as JSON.stringify does); non-finite numbers, functions, symbols and bigints
 * throw, because they have no single JSON form and would make hashes disagree.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  if (depth > 64) throw new Error('canonicalJson: nesting deeper than 64 levels');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? 'null' : write(item, depth + 1))).join(',')}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k], depth + 1)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonicalJson: cannot encode a ${typeof value}`);
  }
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export async function sha256hex(input: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(input)));
  let out = '';
  for (let i = 0; i < digest.length; i++) out += HEX[digest[i]!];
  return out;
}

/** The keys of an unsigned v1 entry in canonical (sorted) order. */
const UNSIGNED_KEYS = [
  'crm',
  'data',
  'deviceId',
  'extVersion',
  'host',
  'id',
  'objectType',
  'prevHash',
  'recordId',
  'seq',
  'time',
  'type',
  'user',
  'v',
] as const;
const UNSIGNED_PREFIXES = UNSIGNED_KEYS.map((k, i) => `${i === 0 ? '{' : ','}${JSON.stringify(k)}:`);

/**
 * canonicalJson of an entry without its hash. Entries with exactly the v1 keys
 * take a fast path (the key order is known); anything else goes the general way,
 * so the output is always identical to `canonicalJson`.
 */
export function canonicalUnsigned(entry: UnsignedEntry | AuditEntry): string {
  const e = entry as unknown as Record<string, unknown>;
  let count = 0;
  for (const key in e) {
    if (key !== 'hash' && e[key] !== undefined) count++;
  }
  if (count === UNSIGNED_KEYS.length && UNSIGNED_KEYS.every((k) => Object.hasOwn(e, k) && e[k] !== undefined)) {
    let out = '';
    for (let i = 0; i < UNSIGNED_KEYS.length; i++) out += UNSIGNED_PREFIXES[i] + write(e[UNSIGNED_KEYS[i]!], 1);
    return `${out}}`;
  }
  const { hash: _ignored, ...rest } = e;
  return canonicalJson(rest);
}

/** The hash an entry must carry; a `hash` property on the input is ignored. */
export function hashEntry(entry: UnsignedEntry | AuditEntry): Promise<string> {
  return sha256hex(`${entry.prevHash}\n${canonicalUnsigned(entry)}`);
}

export type ChainProblemReason =
  /** the entry is not a well-formed v1 entry */
  | 'malformed'
  /** the stored hash is not the hash of the content: the entry was changed */
  | 'hash_mismatch'
  /** prevHash is not the previous entry's hash: something was removed, inserted or moved here */
  | 'broken_link'
  /** seq jumps forward: entries before this one are missing */
  | 'seq_gap'
  /** seq is not after the previous one: an entry was inserted or moved */
  | 'seq_order'
  /** the same id appears twice */
  | 'duplicate_id'
  /** an entry from another device's chain */
  | 'wrong_device'
  /** the chain does not end at the expected head: entries at the end were removed */
  | 'head_mismatch'
  /** the chain starts after a pruned head that no log.checkpoint entry commits to */
  | 'checkpoint_missing'
  /** an entry differs from a head recorded elsewhere (e.g. acknowledged by the service): the log was rewritten */
  | 'witness_mismatch';

export interface ChainProblem {
  /** seq of the entry where the problem shows (for head_mismatch: the expected head's seq) */
  seq: number;
  /** position in the input (-1 when the problem is about the chain as a whole) */
  index: number;
  reason: ChainProblemReason;
  detail: string;
}

export interface VerifyOptions {
  /**
   * The head the first entry follows. Default: genesis (seq 0, 64 zeros). After
   * pruning, the pruned head; a `log.checkpoint` entry must then commit to it.
   */
  anchor?: ChainHead;
  /** When known (e.g. from the service or a persisted copy), a shorter chain is reported as truncated. */
  expectedHead?: ChainHead;
  /**
   * Heads recorded outside the log (e.g. the last one the service acknowledged).
   * An entry at a witness's seq must carry its hash; a witness beyond the end means truncation.
   */
  witnesses?: readonly ChainHead[];
  /** Every entry must belong to this device. */
  deviceId?: string;
  /** Stop collecting after this many problems (verification still walks everything). Default 100. */
  maxProblems?: number;
}

export interface VerifyResult {
  ok: boolean;
  /** number of entries checked */
  checked: number;
  /** last entry seen (claimed values), or the anchor when there were none */
  head: ChainHead;
  problems: ChainProblem[];
  /** total problems found, including those beyond maxProblems */
  problemCount: number;
}

/**
 * Incremental verifier for streaming: feed entries in seq order with `push`, then
 * `finish`. Hashes are computed in parallel per pushed chunk, links checked in order.
 */
export class ChainVerifier {
  private readonly anchor: ChainHead;
  private readonly maxProblems: number;
  private prev: ChainHead;
  private index = 0;
  private readonly ids = new Set<string>();
  private readonly checkpoints: ChainHead[] = [];
  private readonly witnesses: Map<number, string>;
  readonly problems: ChainProblem[] = [];
  problemCount = 0;

  constructor(private readonly opts: VerifyOptions = {}) {
    this.anchor = opts.anchor ?? GENESIS_HEAD;
    this.prev = { ...this.anchor };
    this.maxProblems = opts.maxProblems ?? 100;
    this.witnesses = new Map((opts.witnesses ?? []).map((w) => [w.seq, w.hash]));
  }

  private report(seq: number, index: number, reason: ChainProblemReason, detail: string): void {
    this.problemCount += 1;
    if (this.problems.length < this.maxProblems) this.problems.push({ seq, index, reason, detail });
  }

  /** Check a chunk of consecutive entries (any size; 256–2,000 keeps WebCrypto busy). */
  async push(entries: readonly unknown[]): Promise<void> {
    // The schema only runs (for its message) on entries the quick check rejects.
    const parsed = entries.map((e) => (looksLikeEntry(e) ? { success: true as const, data: e } : auditEntrySchema.safeParse(e)));
    const hashes = await Promise.all(
      parsed.map((p) => (p.success ? hashEntry(p.data) : Promise.resolve(null))),
    );
    for (let i = 0; i < parsed.length; i++) {
      const p = parsed[i]!;
      const index = this.index++;
      if (!p.success) {
        const seq = (entries[i] as { seq?: unknown } | null)?.seq;
        this.report(typeof seq === 'number' ? seq : -1, index, 'malformed', p.error.issues[0]?.message ?? 'invalid entry');
        continue;
      }
      const e = p.data;
      if (this.opts.deviceId !== undefined && e.deviceId !== this.opts.deviceId) {
        this.report(e.seq, index, 'wrong_device', `entry belongs to device ${e.deviceId}`);
      }
      if (this.ids.has(e.id)) this.report(e.seq, index, 'duplicate_id', `id ${e.id} appears twice`);
      this.ids.add(e.id);
      if (hashes[i] !== e.hash) this.report(e.seq, index, 'hash_mismatch', 'content does not match its hash');
      if (e.seq > this.prev.seq + 1) {
        this.report(e.seq, index, 'seq_gap', `entries ${this.prev.seq + 1}..${e.seq - 1} are missing`);
      } else if (e.seq <= this.prev.seq) {
        this.report(e.seq, index, 'seq_order', `seq ${e.seq} follows seq ${this.prev.seq}`);
      }
      if (e.prevHash !== this.prev.hash) {
        this.report(e.seq, index, 'broken_link', `prevHash does not match the hash of seq ${this.prev.seq}`);
      }
      const witnessed = this.witnesses.get(e.seq);
      if (witnessed !== undefined) {
        if (witnessed !== e.hash) this.report(e.seq, index, 'witness_mismatch', `seq ${e.seq} differs from the recorded head`);
        this.witnesses.delete(e.seq);
      }
      if (e.type === CHECKPOINT_TYPE) {
        const through = e.data['prunedThrough'] as Partial<ChainHead> | undefined;
        if (through && typeof through.seq === 'number' && typeof through.hash === 'string') {
          this.checkpoints.push({ seq: through.seq, hash: through.hash });
        }
      }
      this.prev = { seq: e.seq, hash: e.hash };
    }
  }

  finish(): VerifyResult {
    const { anchor } = this;
    if (anchor.seq > 0 && !this.checkpoints.some((c) => c.seq === anchor.seq && c.hash === anchor.hash)) {
      this.report(anchor.seq, -1, 'checkpoint_missing', `no log.checkpoint commits to the pruned head at seq ${anchor.seq}`);
    }
    for (const [seq] of this.witnesses) {
      // Witnesses at or before the anchor were pruned legitimately.
      if (seq > this.prev.seq) this.report(seq, -1, 'witness_mismatch', `recorded head seq ${seq} is beyond the end of the chain`);
    }
    const expected = this.opts.expectedHead;
    if (expected && (expected.seq !== this.prev.seq || expected.hash !== this.prev.hash)) {
      this.report(expected.seq, -1, 'head_mismatch', `chain ends at seq ${this.prev.seq}, expected seq ${expected.seq}`);
    }
    return {
      ok: this.problemCount === 0,
      checked: this.index,
      head: { ...this.prev },
      problems: this.problems,
      problemCount: this.problemCount,
    };
  }
}

/**
 * Verify a device chain given in seq order. Detects changed (hash_mismatch),
 * removed (seq_gap + broken_link, or head_mismatch at the end), inserted and
 * reordered (seq_order / broken_link) entries, and reports seq and reason.
 */
export async function verifyChain(entries: readonly unknown[], opts: VerifyOptions = {}): Promise<VerifyResult> {
  const verifier = new ChainVerifier(opts);
  const CHUNK = 1024;
  for (let i = 0; i < entries.length; i += CHUNK) await verifier.push(entries.slice(i, i + CHUNK));
  return verifier.finish();
}

const ENTRY_KEYS = new Set<string>([...UNSIGNED_KEYS, 'hash']);
const nullableText = (v: unknown) => v === null || (typeof v === 'string' && v.length >= 1 && v.length <= 256);
const text = (v: unknown, max = 256) => typeof v === 'string' && v.length >= 1 && v.length <= max;

/**
 * The same rules as auditEntrySchema, hand-written because verification checks
 * every entry and the schema costs more than hashing. Kept in step by a test that
 * runs both over valid and broken entries.
 */
export function looksLikeEntry(value: unknown): value is AuditEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const e = value as Record<string, unknown>;
  let keys = 0;
  for (const key in e) {
    if (!ENTRY_KEYS.has(key)) return false;
    keys++;
  }
  return (
    keys === ENTRY_KEYS.size &&
    e['v'] === ENTRY_VERSION &&
    typeof e['id'] === 'string' &&
    ULID.test(e['id']) &&
    typeof e['seq'] === 'number' &&
    Number.isSafeInteger(e['seq']) &&
    e['seq'] >= 1 &&
    text(e['deviceId']) &&
    typeof e['time'] === 'string' &&
    ISO_UTC.test(e['time']) &&
    typeof e['type'] === 'string' &&
    EVENT_TYPE_SHAPE.test(e['type']) &&
    text(e['user']) &&
    nullableText(e['crm']) &&
    nullableText(e['objectType']) &&
    nullableText(e['recordId']) &&
    nullableText(e['host']) &&
    text(e['extVersion'], 64) &&
    typeof e['data'] === 'object' &&
    e['data'] !== null &&
    !Array.isArray(e['data']) &&
    typeof e['prevHash'] === 'string' &&
    HEX64.test(e['prevHash']) &&
    typeof e['hash'] === 'string' &&
    HEX64.test(e['hash'])
  );
}

/** Seal an unsigned entry: compute and attach its hash. */
export async function sealEntry(entry: UnsignedEntry): Promise<AuditEntry> {
  return { ...entry, hash: await hashEntry(entry) };
}
