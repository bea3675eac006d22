import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { PageReport } from '@/lib/messages/protocol';
import { KIND_CLASS, type Kind } from '@/lib/detect/kinds';
import { kindStrings } from '@/components/common/kind-strings';
import { popupStrings } from './strings';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; report: PageReport };

export interface PopupAppProps {
  loadReport: () => Promise<PageReport>;
  openOptions: () => void;
  /** Extra panels from other features (policy problems, consent), rendered under the status. */
  children?: ComponentChildren;
}

/** Status of the current tab: which CRM and record, its personal-data fields by kind, open warnings. */
export function PopupApp({ loadReport, openOptions, children }: PopupAppProps) {
  const { t } = popupStrings;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    loadReport().then(
      (report) => setLoad({ state: 'ready', report }),
      (error: unknown) => setLoad({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [loadReport]);

  return (
    <main class="popup" aria-live="polite">
      <h1>{t('title')}</h1>
      {load.state === 'loading' && <p>{t('loading')}</p>}
      {load.state === 'error' && <p role="alert">{t('error', { message: load.message })}</p>}
      {load.state === 'ready' && <Status report={load.report} />}
      {children}
      <button type="button" class="link" onClick={openOptions}>
        {t('openOptions')}
      </button>
    </main>
  );
}

function Status({ report }: { report: PageReport }) {
  const { t } = popupStrings;
  if (!report.crm) return <p data-testid="not-crm">{t('notCrm')}</p>;
  if (!report.contentScript) return <p data-testid="no-content-script">{t('noContentScript')}</p>;
  const counts = countKinds(report.fields.map((f) => f.kind));
  return (
    <>
      <dl class="facts">
        <dt>{t('crm')}</dt>
        <dd data-testid="crm">{report.crm}</dd>
        <dt>{t('record')}</dt>
        <dd data-testid="record">{report.recordId ? `${report.objectType ?? ''} ${report.recordId}` : t('noRecord')}</dd>
        {report.context && (
          <>
            <dt>{t('view')}</dt>
            <dd>{report.context.view}</dd>
          </>
        )}
      </dl>
      <h2>{t('fields')}</h2>
      {counts.length === 0 ? (
        <p>{t('noFields')}</p>
      ) : (
        <ul class="kinds" data-testid="kinds">
          {counts.map(([kind, count]) => (
            <li key={kind} class={`kind kind-${KIND_CLASS[kind]}`}>
              <span>{kindStrings.t(kind)}</span> <span class="count">{t('kindCount', { count })}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('warnings')}</h2>
      {report.warnings.length === 0 ? (
        <p>{t('noWarnings')}</p>
      ) : (
        <ul class="warnings" data-testid="warnings">
          {report.warnings.map((w, i) => (
            <li key={i} class={`severity-${w.severity}`}>
              {w.fieldLabel}: {kindStrings.t(w.kind)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Kinds by count, most sensitive class first so special categories are seen first. */
function countKinds(kinds: Kind[]): [Kind, number][] {
  const order = { special_category: 0, criminal: 1, sensitive_identifier: 2, ordinary: 3 } as const;
  const counts = new Map<Kind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => order[KIND_CLASS[a[0]]] - order[KIND_CLASS[b[0]]] || b[1] - a[1]);
}
