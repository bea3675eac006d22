/** Everyone who viewed or changed one record (Art. 15), printable, and as a downloadable HTML report. */
import { useState } from 'preact/hooks';
import { getLocale } from '@/lib/i18n/strings';
import { download, getJson } from '../api';
import { errorText, Field, fmtTime, Status, useRequest } from '../shared';
import { t } from '../strings';
import type { History } from '../types';
import { EntryTable } from './Search';

export interface RecordRef {
  crm: string;
  objectType: string;
  recordId: string;
}

const path = (r: RecordRef) => `${encodeURIComponent(r.crm)}/${encodeURIComponent(r.objectType)}/${encodeURIComponent(r.recordId)}`;

export function RecordHistory({ initial }: { initial: RecordRef }) {
  const [ref, setRef] = useState(initial);
  const [note, setNote] = useState<string | null>(null);
  const req = useRequest<History>();
  const load = (e?: Event) => {
    e?.preventDefault();
    if (!ref.crm || !ref.objectType || !ref.recordId) return;
    void req.run(() => getJson<History>(`/v1/audit/records/${path(ref)}`));
  };
  const report = async () => {
    try {
      await download(`/v1/review/records/${path(ref)}/report`, { lang: getLocale() }, `access-report-${ref.crm}-${ref.objectType}-${ref.recordId}.html`);
      setNote(null);
    } catch (error) {
      setNote(errorText(error));
    }
  };
  const set = (key: keyof RecordRef) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setRef({ ...ref, [key]: e.currentTarget.value });
  const h = req.data;
  return (
    <div>
      <form class="filters no-print" onSubmit={load} aria-label={t.t('viewRecord')}>
        <Field id="record-crm" label={t.t('crm')}>
          <select id="record-crm" value={ref.crm} onChange={set('crm')} required>
            <option value="salesforce">Salesforce</option>
            <option value="hubspot">HubSpot</option>
          </select>
        </Field>
        <Field id="record-object" label={t.t('objectType')}>
          <input id="record-object" value={ref.objectType} onInput={set('objectType')} required maxLength={256} />
        </Field>
        <Field id="record-id" label={t.t('recordId')}>
          <input id="record-id" value={ref.recordId} onInput={set('recordId')} required maxLength={256} />
        </Field>
        <div class="actions">
          <button type="submit">{t.t('apply')}</button>
          <button type="button" onClick={() => window.print()} disabled={!h}>{t.t('print')}</button>
          <button type="button" onClick={() => void report()} disabled={!h}>{t.t('downloadReport')}</button>
        </div>
      </form>
      {note && <p role="alert" class="error">{note}</p>}
      <Status loading={req.loading} error={req.error} empty={h?.entries.length === 0} />
      {h && h.entries.length > 0 && (
        <article class="report">
          <h2>{t.t('recordHeading')}</h2>
          <p class="mono">{`${h.record.crm} ${h.record.objectType} ${h.record.recordId}`}</p>
          <h3>{t.t('recordUsers')}</h3>
          <table>
            <thead><tr><th scope="col">{t.t('user')}</th><th scope="col">{t.t('count')}</th><th scope="col">{t.t('first')}</th><th scope="col">{t.t('last')}</th></tr></thead>
            <tbody>{h.users.map((u) => <tr key={u.user}><td>{u.user}</td><td>{u.count}</td><td>{fmtTime(u.first)}</td><td>{fmtTime(u.last)}</td></tr>)}</tbody>
          </table>
          <h3>{t.t('recordEntries')}</h3>
          {h.truncated && <p>{t.t('recordTruncated')}</p>}
          <EntryTable entries={h.entries} caption={t.t('recordEntries')} />
        </article>
      )}
    </div>
  );
}
