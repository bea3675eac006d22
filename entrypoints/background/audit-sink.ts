/**
 * The background's one door into the audit log. Events that arrive before the
 * log's database is open wait here in order; the policy service's events are
 * translated into the log's vocabulary (problems as paths and reasons, no values).
 * A burst of appends is forwarded a few seconds after it ends instead of waiting
 * for the minute alarm (see `forwardAudit`).
 */
import type { AuditLog } from '@/lib/audit/service';
import type { AuditEventInput } from '@/lib/audit/events';
import type { AuditEntry } from '@/lib/audit/chain';
import type { ForwardResult, ForwardStatus } from '@/lib/audit/outbox';
import type { PolicyEvent } from '@/lib/policy/service';
import type { PolicyState } from '@/lib/policy/resolve';
import { getPath } from '@/lib/policy/keys';

export type ForwardTrigger = 'alarm' | 'burst';

/** The last forwarding attempt of this worker's life, whatever started it; `failed` when it threw. */
export interface ForwardAttempt {
  at: string;
  trigger: ForwardTrigger;
  status: ForwardStatus | 'failed';
  sent: number;
  pending: number | null;
  error?: string;
}

type AuditSettings = PolicyState['effective']['audit'];

// Keyed by the log, so the alarm (which reaches the log through `ready`) and the sink share it.
const attempts = new WeakMap<AuditLog, ForwardAttempt>();

/**
 * One forwarding run with the policy's endpoint, recorded as the log's last attempt.
 * Respects the outbox's backoff (no `force`): a burst never hammers a dead endpoint.
 * Resolves to null when policy configures no endpoint.
 */
export async function forwardAudit(log: AuditLog, audit: AuditSettings, trigger: ForwardTrigger): Promise<ForwardResult | null> {
  if (!audit.endpoint) return null;
  const at = new Date().toISOString();
  try {
    const r = await log.forward({ endpoint: audit.endpoint, token: audit.token, format: audit.format, batchSize: audit.batchSize });
    attempts.set(log, { at, trigger, status: r.status, sent: r.sent, pending: r.pending, ...(r.error ? { error: r.error } : {}) });
    return r;
  } catch (error) {
    attempts.set(log, { at, trigger, status: 'failed', sent: 0, pending: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    throw error;
  }
}

/** Quiet time after the last append before a burst is forwarded. */
export const BURST_QUIET_MS = 5_000;
/** A steady stream is forwarded at least this often, quiet or not. */
export const BURST_MAX_WAIT_MS = 30_000;

/** A backoff ending later than this is left to the minute alarm. */
const RETRY_HORIZON_MS = 60_000;

export interface AuditSinkOptions {
  quietMs?: number;
  maxWaitMs?: number;
}

interface Waiting {
  event: AuditEventInput;
  resolve: (entry: AuditEntry) => void;
  reject: (error: unknown) => void;
}

/** Most problems one policy.error event spells out; the rest are counted. */
const MAX_POLICY_PROBLEMS = 20;

export function createAuditSink(options: AuditSinkOptions = {}) {
  const quietMs = options.quietMs ?? BURST_QUIET_MS;
  const maxWaitMs = options.maxWaitMs ?? BURST_MAX_WAIT_MS;
  let log: AuditLog | null = null;
  let waiting: Waiting[] = [];
  let lastSnapshot = new Map<string, string>();
  let getState: (() => PolicyState) | null = null;
  let burstStart: number | null = null;
  let burstDue: number | null = null;
  let burstTimer: ReturnType<typeof setTimeout> | undefined;

  const settings = () => getState?.().effective.audit;

  const fireBurst = () => {
    burstTimer = undefined;
    burstStart = null;
    burstDue = null;
    const current = settings();
    if (!log || !current?.endpoint) return;
    forwardAudit(log, current, 'burst')
      .then((r) => {
        // The run stops after its batch limit: keep going while a success leaves entries behind.
        if (r?.status === 'ok' && r.pending > 0) appended();
        // Down endpoint: try again when the backoff ends, if that comes before the minute alarm.
        const retryIn = r?.nextAttemptAt && r.pending > 0 ? Date.parse(r.nextAttemptAt) - Date.now() : Infinity;
        if (retryIn < RETRY_HORIZON_MS && burstTimer === undefined) {
          burstDue = Date.now() + Math.max(0, retryIn);
          burstTimer = setTimeout(fireBurst, Math.max(0, retryIn));
        }
      })
      .catch((error: unknown) => console.warn(`[privacy-guard] audit forwarding failed: ${error instanceof Error ? error.message : String(error)}`));
  };

  /** Debounced "forward now": `quietMs` after the last append, at most `maxWaitMs` after the first. */
  const appended = () => {
    if (!settings()?.endpoint) return;
    const now = Date.now();
    burstStart ??= now;
    const due = Math.min(now + quietMs, burstStart + maxWaitMs);
    clearTimeout(burstTimer);
    burstDue = due;
    burstTimer = setTimeout(fireBurst, Math.max(0, due - now));
  };

  const append = (event: AuditEventInput): Promise<AuditEntry> => {
    const stored = log ? log.append(event) : new Promise<AuditEntry>((resolve, reject) => waiting.push({ event, resolve, reject }));
    return stored.then((entry) => {
      appended();
      return entry;
    });
  };

  const report = (event: AuditEventInput) => {
    append(event).catch((error: unknown) =>
      console.warn(`[privacy-guard] audit event ${event.type} not recorded: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  return {
    attach(next: AuditLog) {
      log = next;
      const queued = waiting;
      waiting = [];
      for (const w of queued) next.append(w.event).then(w.resolve, w.reject);
      // A worker stopped mid-batch left entries behind: the restarted one sends them soon, not at the next alarm.
      appended();
    },
    /** Lets policy events name where the policy came from and which keys changed. */
    watchPolicy(get: () => PolicyState) {
      getState = get;
      lastSnapshot = snapshot(get());
    },
    append,
    /** Tells the sink the log grew by other paths (verification, export), so the burst forward covers it. */
    appended,
    /** For diagnostics:audit: forwarding configuration (no endpoint or token), last attempt, next burst run. */
    forwarding() {
      const current = settings();
      return {
        configured: Boolean(current?.endpoint),
        format: current?.format ?? null,
        batchSize: current?.batchSize ?? null,
        lastAttempt: (log && attempts.get(log)) ?? null,
        burstDueAt: burstDue === null ? null : new Date(burstDue).toISOString(),
      };
    },
    /** Fire-and-forget, for events nobody waits on; failures are reported, never thrown. */
    report,
    policyEvent(event: PolicyEvent) {
      const state = getState?.();
      const source = state && state.lockedKeys.length > 0 ? 'managed' : 'local';
      if (event.type === 'policy.loaded') {
        if (state) lastSnapshot = snapshot(state);
        report({ type: 'policy.loaded', data: { source } });
      } else if (event.type === 'policy.changed') {
        const next = state ? snapshot(state) : new Map<string, string>();
        const changedKeys = [...new Set([...next.keys(), ...lastSnapshot.keys()])].filter((k) => next.get(k) !== lastSnapshot.get(k));
        lastSnapshot = next;
        report({ type: 'policy.changed', data: { source, changedKeys: changedKeys.slice(0, 128) } });
      } else {
        const problems = event.errors ?? [];
        for (const p of problems.slice(0, MAX_POLICY_PROBLEMS)) {
          report({ type: 'policy.error', data: { source: p.source, code: 'invalid', message: `${p.path || '(policy)'}: ${p.message}` } });
        }
        if (problems.length > MAX_POLICY_PROBLEMS) {
          report({ type: 'policy.error', data: { source, code: 'more', message: `${problems.length - MAX_POLICY_PROBLEMS} more problems` } });
        }
      }
    },
  };
}

export type AuditSink = ReturnType<typeof createAuditSink>;

/** Leaf path → serialised value; only used to name changed keys, never logged. */
function snapshot(state: PolicyState): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of Object.keys(state.sources)) out.set(key, JSON.stringify(getPath(state.effective, key)) ?? '');
  return out;
}
