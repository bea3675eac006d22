/**
 * Keeps the effective policy current: reads managed and local storage through an
 * injected port, recomputes on every change (Chrome pushes managed-policy changes
 * live; Firefox only at start-up), tells subscribers, and reports load, change and
 * error events for the audit log. No browser imports: see browser-port.ts.
 */
import { resolvePolicy, type PolicyProblem, type PolicyState } from './resolve';
import { applyLocalPatch, readLocalSettings, type LocalPatch } from './local';
import type { LocalKey } from './schema';

export interface PolicyStoragePort {
  getManaged(): Promise<unknown>;
  getLocal(): Promise<unknown>;
  setLocal(value: unknown): Promise<void>;
  onChanged(cb: (area: 'managed' | 'local') => void): () => void;
}

export interface PolicyEvent {
  type: 'policy.loaded' | 'policy.changed' | 'policy.error';
  errors?: PolicyProblem[];
}

export interface PolicyServiceDeps {
  storage: PolicyStoragePort;
  onEvent?: (event: PolicyEvent) => void;
}

export interface PolicyService {
  /** Loads both storage areas and starts listening; resolves once the first state is known. */
  start(): Promise<PolicyState>;
  /** The current state; built-in defaults until start() has resolved. */
  get(): PolicyState;
  /** Applies a rep's change; rejects with PolicySettingError for locked, disallowed or invalid keys. */
  setLocal(patch: LocalPatch): Promise<PolicyState>;
  subscribe(cb: (state: PolicyState) => void): () => void;
  /** Stops listening to storage; subscribers are kept. */
  stop(): void;
}

export function createPolicyService(deps: PolicyServiceDeps): PolicyService {
  const { storage } = deps;
  let managed: unknown = undefined;
  let local: unknown = undefined;
  // Until the managed area has been read, "no policy" is only an assumption: a
  // change must not be judged against it, or a rep could slip a connection
  // setting past an admin before start-up finishes.
  let loaded = false;
  let state = resolvePolicy({ managed, local });
  const subscribers = new Set<(state: PolicyState) => void>();
  let unlisten: (() => void) | null = null;
  let started: Promise<PolicyState> | null = null;
  // Reads and writes are serialised so a storage event never interleaves with a rep's save.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const emit = (event: PolicyEvent): void => {
    try {
      deps.onEvent?.(event);
    } catch {
      // The audit sink failing must not take policy down with it.
    }
  };

  const publish = (next: PolicyState, kind: 'policy.loaded' | 'policy.changed'): void => {
    const previous = state;
    state = next;
    const changed = kind === 'policy.loaded' || !sameState(previous, next);
    if (!changed) return;
    emit({ type: kind, errors: next.errors });
    if (next.errors.length > 0 && (kind === 'policy.loaded' || !sameProblems(previous.errors, next.errors))) {
      emit({ type: 'policy.error', errors: next.errors });
    }
    for (const cb of subscribers) {
      try {
        cb(next);
      } catch {
        // One broken subscriber must not starve the others.
      }
    }
  };

  const readManaged = async (): Promise<unknown> => {
    try {
      return await storage.getManaged();
    } catch {
      return undefined;
    }
  };
  const readLocal = async (): Promise<unknown> => {
    try {
      return await storage.getLocal();
    } catch {
      return undefined;
    }
  };

  const reload = (area: 'managed' | 'local' | 'both', kind: 'policy.loaded' | 'policy.changed'): Promise<PolicyState> =>
    serial(async () => {
      if (area !== 'local') {
        managed = await readManaged();
        loaded = true;
      }
      if (area !== 'managed') local = await readLocal();
      publish(resolvePolicy({ managed, local }), kind);
      return state;
    });

  return {
    start() {
      if (started) return started;
      unlisten = storage.onChanged((area) => {
        void reload(area, 'policy.changed');
      });
      started = reload('both', 'policy.loaded');
      return started;
    },
    get: () => state,
    setLocal(patch) {
      return serial(async () => {
        if (!loaded) {
          managed = await readManaged();
          local = await readLocal();
          loaded = true;
          state = resolvePolicy({ managed, local });
        }
        const current = readLocalSettings(local, []);
        const next = applyLocalPatch(current, patch, {
          lockedKeys: state.lockedKeys,
          repMayChange: state.effective.ui.repMayChange as LocalKey[],
          repMayPause: state.effective.ui.repMayPause,
        });
        await storage.setLocal(next);
        local = next;
        publish(resolvePolicy({ managed, local }), 'policy.changed');
        return state;
      });
    },
    subscribe(cb) {
      subscribers.add(cb);
      return () => {
        subscribers.delete(cb);
      };
    },
    stop() {
      unlisten?.();
      unlisten = null;
    },
  };
}

function sameState(a: PolicyState, b: PolicyState): boolean {
  return (
    JSON.stringify(a.effective) === JSON.stringify(b.effective) &&
    JSON.stringify(a.lockedKeys) === JSON.stringify(b.lockedKeys) &&
    sameProblems(a.errors, b.errors)
  );
}

function sameProblems(a: PolicyProblem[], b: PolicyProblem[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
