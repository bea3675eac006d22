import { browser } from 'wxt/browser';
import { contentPolicy, type PolicyState } from '@/lib/policy/resolve';
import { sendToTab } from '@/lib/messages/send';

/**
 * Tells every open CRM tab about a new effective policy (Chrome applies managed
 * policy live). Tabs without our content script simply do not answer.
 */
export async function pushPolicyToTabs(state: PolicyState): Promise<void> {
  const policy = contentPolicy(state.effective) as unknown as Record<string, unknown>;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, 'bg:policy-changed', { policy }).catch(() => undefined))),
  );
}
