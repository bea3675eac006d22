import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setLocale } from '@/lib/i18n/strings';
import { sendToBackground } from '@/lib/messages/send';
import { PopupApp } from '@/components/popup/PopupApp';
import { PolicyProblemsBanner } from '@/components/policy/PolicyProblemsBanner';
import type { PolicyState } from '@/lib/policy/resolve';
import '@/components/common/base.css';

/** The active tab's report; `?tabId=` names another tab (admins troubleshooting, the README screenshot). */
async function loadReport() {
  const params = new URLSearchParams(location.search);
  const named = Number(params.get('tabId'));
  if (params.has('tabId') && Number.isInteger(named) && named >= 0) {
    return sendToBackground('diagnostics:page-report', { tabId: named });
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return sendToBackground('diagnostics:page-report', { tabId: tab.id });
}

async function main() {
  const state = (await sendToBackground('ui:policy-get', {})) as unknown as PolicyState;
  const language = state.effective.ui.language;
  document.documentElement.lang = setLocale(language === 'auto' ? browser.i18n.getUILanguage() : language);
  const openOptions = () => void browser.runtime.openOptionsPage();
  render(
    <PopupApp loadReport={loadReport} openOptions={openOptions}>
      <PolicyProblemsBanner errors={state.errors} onOpenDetails={openOptions} />
    </PopupApp>,
    document.getElementById('app')!,
  );
}

void main();
