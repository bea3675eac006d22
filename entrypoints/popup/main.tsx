import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setLocale } from '@/lib/i18n/strings';
import { sendToBackground } from '@/lib/messages/send';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/common/base.css';

setLocale(browser.i18n.getUILanguage());
document.documentElement.lang = browser.i18n.getUILanguage();

/** The active tab's report; `?tabId=` names another tab (admins troubleshooting, the README screenshot). */
async function loadReport() {
  const named = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(named) && named >= 0 && location.search.includes('tabId=')) {
    return sendToBackground('diagnostics:page-report', { tabId: named });
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return sendToBackground('diagnostics:page-report', { tabId: tab.id });
}

render(<PopupApp loadReport={loadReport} openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
