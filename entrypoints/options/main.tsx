import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setLocale } from '@/lib/i18n/strings';
import { sendToBackground } from '@/lib/messages/send';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { AuditViewProps } from '@/components/audit/AuditView';
import type { PolicyTabProps } from '@/components/policy/PolicyTab';
import type { PolicyState } from '@/lib/policy/resolve';
import type { AuditStats, LastVerification, QueryResult } from '@/lib/audit/service';
import '@/components/common/base.css';

const policy: PolicyTabProps = {
  load: async () => (await sendToBackground('ui:policy-get', {})) as unknown as PolicyState,
  save: async (patch) => (await sendToBackground('ui:policy-set-local', { patch })) as unknown as PolicyState,
  watch: (reload) => {
    // Managed policy and the rep's settings both live in storage; any change there may change what we show.
    const listener = (_changes: unknown, area: string) => {
      if (area === 'managed' || area === 'local') reload();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

const audit: AuditViewProps = {
  loadPage: async (filter, page) => (await sendToBackground('ui:audit-query', { filter, page: { ...page } })) as unknown as QueryResult,
  verify: async () => (await sendToBackground('ui:audit-verify', {})) as unknown as LastVerification,
  loadStats: async () => (await sendToBackground('diagnostics:audit', {})) as unknown as AuditStats,
  exportLog: async (format, filter) => {
    // Pulled piece by piece (≤ 1 MB each) and assembled here: the whole file would not fit one message.
    const { exportId, filename } = await sendToBackground('ui:audit-export-start', { format, filter });
    const parts: string[] = [];
    try {
      for (;;) {
        const { chunk, done } = await sendToBackground('ui:audit-export-chunk', { exportId });
        parts.push(chunk);
        if (done) break;
      }
    } catch (error) {
      await sendToBackground('ui:audit-export-cancel', { exportId }).catch(() => undefined);
      throw error;
    }
    const url = URL.createObjectURL(new Blob(parts, { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

async function main() {
  const state = await policy.load();
  const language = state.effective.ui.language;
  const locale = setLocale(language === 'auto' ? browser.i18n.getUILanguage() : language);
  document.documentElement.lang = locale;
  render(
    <OptionsApp
      version={browser.runtime.getManifest().version}
      extensionId={browser.runtime.id}
      initialTab={new URLSearchParams(location.search).get('tab') ?? undefined}
      policy={policy}
      audit={state.effective.audit.repMayView ? audit : null}
      hosts={{
        hosts: state.effective.crm.extraHosts,
        isGranted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
        request: (pattern) => browser.permissions.request({ origins: [pattern] }),
      }}
    />,
    document.getElementById('app')!,
  );
}

void main();
