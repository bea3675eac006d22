import { Tabs, type TabDef } from './Tabs';
import { optionsStrings } from './strings';

export interface OptionsAppProps {
  version: string;
  extensionId: string;
  initialTab?: string;
}

export function OptionsApp({ version, extensionId, initialTab }: OptionsAppProps) {
  const { t } = optionsStrings;
  const tabs: TabDef[] = [
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
