/**
 * The background's one door into the audit log. Events that arrive before the
 * log's database is open wait here in order; the policy service's events are
 * translated into the log's vocabulary (problems as paths and reasons, no values).
 */
import type { AuditLog } from '@/lib/audit/service';
import type { AuditEventInput } from '@/lib/audit/events';
import type { AuditEntry } from '@/lib/audit/chain';
import type { PolicyEvent } from '@/lib/policy/service';
import type { PolicyState } from '@/lib/policy/resolve';

interface Waiting {
  event: AuditEventInput;
  resolve: (entry: AuditEntry) => void;
  reject: (error: unknown) => void;
}

/** Most problems one policy.error event spells out; the rest are counted. */
const MAX_POLICY_PROBLEMS = 20;

export function createAuditSink() {
  let log: AuditLog | null = null;
  let waiting: Waiting[] = [];
  let lastSnapshot = new Map<string, string>();
  let getState: (() => PolicyState) | null = null;

  const append = (event: AuditEventInput): Promise<AuditEntry> => {
    if (log) return log.append(event);
    return new Promise((resolve, reject) => waiting.push({ event, resolve, reject }));
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
    },
    /** Lets policy events name where the policy came from and which keys changed. */
    watchPolicy(get: () => PolicyState) {
      getState = get;
      lastSnapshot = snapshot(get());
    },
    append,
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
  for (const key of Object.keys(state.sources)) out.set(key, JSON.stringify(readPath(state.effective, key)) ?? '');
  return out;
}

function readPath(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
