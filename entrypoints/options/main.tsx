import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setLocale } from '@/lib/i18n/strings';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/common/base.css';

setLocale(browser.i18n.getUILanguage());
document.documentElement.lang = browser.i18n.getUILanguage();
const initial = new URLSearchParams(location.search).get('tab') ?? undefined;

render(
  <OptionsApp version={browser.runtime.getManifest().version} extensionId={browser.runtime.id} initialTab={initial} />,
  document.getElementById('app')!,
);
