import type { PolicyState } from '@/lib/policy/resolve';
import type { LocalPatch } from '@/lib/policy/local';
import { LocalSettingsForm } from './LocalSettingsForm';
import { PolicyView } from './PolicyView';
import './policy.css';

export interface PolicyPanelProps {
  state: PolicyState;
  onSave: (patch: LocalPatch) => Promise<unknown> | void;
}

/** The options page's policy tab: the rep's settings first (what they came to change), then the full effective policy. */
export function PolicyPanel({ state, onSave }: PolicyPanelProps) {
  return (
    <div class="policy-panel">
      <LocalSettingsForm state={state} onSave={onSave} />
      <PolicyView state={state} />
    </div>
  );
}
