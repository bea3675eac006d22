import type { PolicyTabProps } from '@/components/policy/PolicyTab';
import { PolicyTab } from '@/components/policy/PolicyTab';
import { AuditView, type AuditViewProps } from '@/components/audit/AuditView';
import { Tabs, type TabDef } from './Tabs';
import { HostAccess, type HostAccessProps } from './HostAccess';
import { optionsStrings } from './strings';

export interface OptionsAppProps {
  version: string;
  extensionId: string;
  initialTab?: string;
  policy: PolicyTabProps;
  /** The audit view's data access; null when the organisation does not show reps the log. */
  audit: AuditViewProps | null;
  hosts: HostAccessProps;
}

/** The options page: policy and own settings, the local audit log where policy allows, and version facts. */
export function OptionsApp({ version, extensionId, initialTab, policy, audit, hosts }: OptionsAppProps) {
  const { t } = optionsStrings;
  const tabs: TabDef[] = [
    { id: 'policy', label: t('tabPolicy'), render: () => <PolicyTab {...policy} /> },
    ...(audit ? [{ id: 'audit', label: t('tabAudit'), render: () => <AuditView {...audit} /> }] : []),
    ...(hosts.hosts.length > 0 ? [{ id: 'hosts', label: t('tabHosts'), render: () => <HostAccess {...hosts} /> }] : []),
    {
      id: 'about',
      label: t('tabAbout'),
      render: () => (
        <>
          <p data-testid="version">{t('version', { version })}</p>
          <p data-testid="extension-id">{t('extensionId', { id: extensionId })}</p>
        </>
      ),
    },
  ];
  return (
    <main class="options">
      <h1>{t('title')}</h1>
      <Tabs tabs={tabs} label={t('tabs')} initial={initialTab} />
    </main>
  );
}
