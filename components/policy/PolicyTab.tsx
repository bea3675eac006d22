import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PolicyState } from '@/lib/policy/resolve';
import type { LocalPatch } from '@/lib/policy/local';
import { PolicyPanel } from './PolicyPanel';
import { policyStrings } from './strings';

export interface PolicyTabProps {
  /** e.g. () => sendToBackground('ui:policy-get', {}) */
  load: () => Promise<PolicyState>;
  /** e.g. (patch) => sendToBackground('ui:policy-set-local', { patch }) */
  save: (patch: LocalPatch) => Promise<PolicyState>;
  /** Calls `reload` whenever the policy may have changed (e.g. storage.onChanged); returns an unsubscribe. */
  watch?: (reload: () => void) => () => void;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; policy: PolicyState };

/** The options page's policy tab: loads the state from the background and keeps it current. */
export function PolicyTab({ load, save, watch }: PolicyTabProps) {
  const [current, setCurrent] = useState<Load>({ state: 'loading' });
  const reload = useCallback(() => {
    load().then(
      (policy) => setCurrent({ state: 'ready', policy }),
      (error: unknown) => setCurrent({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [load]);
  useEffect(() => {
    reload();
    return watch?.(reload);
  }, [reload, watch]);

  if (current.state === 'loading') return <p aria-live="polite">{policyStrings.t('loading')}</p>;
  if (current.state === 'error') return <p role="alert">{policyStrings.t('loadFailed', { message: current.message })}</p>;
  return (
    <PolicyPanel
      state={current.policy}
      onSave={async (patch) => {
        const next = await save(patch);
        setCurrent({ state: 'ready', policy: next });
      }}
    />
  );
}
