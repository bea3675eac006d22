import { browser } from 'wxt/browser';
import type { PolicyState } from '@/lib/policy/resolve';

const SCRIPT_ID = 'crm-extra-hosts';
/** Where WXT puts the CRM content script in every build. */
const CONTENT_SCRIPT = 'content-scripts/crm.js';

/**
 * Runs the CRM content script on the extra hosts policy names, for those the rep
 * (or admin) has granted through optional host permissions. The manifest never
 * asks for them up front: least privilege.
 */
export async function syncExtraHostScripts(state: PolicyState): Promise<void> {
  const patterns = state.effective.crm.extraHosts.map((h) => h.pattern);
  const granted: string[] = [];
  for (const pattern of patterns) {
    if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: granted, js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/** Permission changes (the rep granting a host in the options page) re-run the sync. */
export function watchHostPermissions(get: () => PolicyState): void {
  const resync = () => void syncExtraHostScripts(get()).catch(report);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
}

function report(error: unknown) {
  console.warn(`[privacy-guard] extra CRM hosts: ${error instanceof Error ? error.message : String(error)}`);
}

export { report as reportExtraHostError };
