import { browser } from 'wxt/browser';
import type { PageReport, PageState } from '@/lib/messages/protocol';
import { sendToTab } from '@/lib/messages/send';
import { adapterForUrl, type ExtraHost } from '@/lib/crm/registry';

const EMPTY_STATE: PageState = { context: null, fields: [], warnings: [], consent: null };

/**
 * Builds the diagnostics report of one tab: the CRM its URL belongs to (the same
 * adapter choice the content script makes) always, the rest
 * from the tab's content script when one answers (it does not on non-CRM pages).
 */
export async function pageReport(tabId: number, extraHosts: readonly ExtraHost[] = []): Promise<PageReport> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  // tab.url is only visible for hosts we hold a permission for, i.e. CRM pages.
  const url = tab?.url ?? null;
  let state: PageState = EMPTY_STATE;
  let contentScript = false;
  try {
    state = await sendToTab(tabId, 'bg:page-state-request', {});
    contentScript = true;
  } catch {
    // No content script in this tab (not a CRM page, or loaded before install).
  }
  return {
    ...state,
    url,
    crm: state.context?.crm ?? (url ? (adapterForUrl(url, extraHosts)?.id ?? null) : null),
    objectType: state.context?.objectType ?? null,
    recordId: state.context?.recordId ?? null,
    contentScript,
  };
}
