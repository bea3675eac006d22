/** Event search over the central log, paged by the server's cursor; CSV/NDJSON export of the same search. */
import { useState } from 'preact/hooks';
import { KINDS } from '@/lib/detect/kinds';
import { SEARCH_EVENT_TYPES } from '../event-types';
import { kindStrings } from '@/components/common/kind-strings';
import { ApiError, download, getJson, type Params } from '../api';
import { dataText, errorText, Field, fmtTime, Status, useRequest } from '../shared';
import { t } from '../strings';
import type { Page } from '../types';

export interface SearchFilters {
  from: string;
  to: string;
  user: string;
  crm: string;
  objectType: string;
  recordId: string;
  type: string;
  kind: string;
  deviceId: string;
}
export const EMPTY_FILTERS: SearchFilters = { from: '', to: '', user: '', crm: '', objectType: '', recordId: '', type: '', kind: '', deviceId: '' };

/** datetime-local inputs are read as UTC, as the table shows UTC. */
const utc = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}Z` : undefined);

function toParams(f: SearchFilters): Params {
  return { ...f, from: utc(f.from), to: utc(f.to) };
}

export function Search({ initial }: { initial: SearchFilters }) {
  const [filters, setFilters] = useState(initial);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const req = useRequest<Page>();
  const page = cursors.length;
  const fetchPage = (f: SearchFilters, cursor: string | undefined) => req.run(() => getJson<Page>('/v1/audit/events', { ...toParams(f), cursor, limit: '50' }));
  const submit = (e: Event) => {
    e.preventDefault();
    setCursors([undefined]);
    void fetchPage(filters, undefined);
  };
  const next = () => {
    const c = req.data?.nextCursor;
    if (!c) return;
    setCursors([...cursors, c]);
    void fetchPage(filters, c);
  };
  const prev = () => {
    const rest = cursors.slice(0, -1);
    setCursors(rest.length ? rest : [undefined]);
    void fetchPage(filters, rest[rest.length - 1]);
  };
  const exportAs = async (format: 'csv' | 'ndjson') => {
    try {
      const res = await download('/v1/audit/export', { ...toParams(filters), format }, `audit-events.${format}`);
      const text = await res.text();
      const count = format === 'csv' ? Math.max(0, text.split('\n').filter(Boolean).length - 1) : text.split('\n').filter(Boolean).length;
      setExportNote(t.t(res.headers.get('X-Truncated') === 'true' ? 'exportTruncated' : 'exported', { count }));
    } catch (error) {
      setExportNote(errorText(error instanceof ApiError ? error : new ApiError(0, '')));
    }
  };
  const set = (key: keyof SearchFilters) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setFilters({ ...filters, [key]: e.currentTarget.value });
  const text = (key: keyof SearchFilters, label: string) => (
    <Field id={`search-${key}`} label={label}>
      <input id={`search-${key}`} value={filters[key]} onInput={set(key)} maxLength={256} />
    </Field>
  );
  return (
    <div>
      <form class="filters" onSubmit={submit} aria-label={t.t('viewSearch')}>
        <Field id="search-from" label={t.t('from')}>
          <input id="search-from" type="datetime-local" value={filters.from} onInput={set('from')} />
        </Field>
        <Field id="search-to" label={t.t('to')}>
          <input id="search-to" type="datetime-local" value={filters.to} onInput={set('to')} />
        </Field>
        {text('user', t.t('user'))}
        <Field id="search-crm" label={t.t('crm')}>
          <select id="search-crm" value={filters.crm} onChange={set('crm')}>
            <option value="">{t.t('any')}</option>
            <option value="salesforce">Salesforce</option>
            <option value="hubspot">HubSpot</option>
          </select>
        </Field>
        {text('objectType', t.t('objectType'))}
        {text('recordId', t.t('recordId'))}
        <Field id="search-type" label={t.t('type')}>
          <select id="search-type" value={filters.type} onChange={set('type')}>
            <option value="">{t.t('any')}</option>
            {SEARCH_EVENT_TYPES.map((ty) => <option key={ty} value={ty}>{ty}</option>)}
          </select>
        </Field>
        <Field id="search-kind" label={t.t('kind')}>
          <select id="search-kind" value={filters.kind} onChange={set('kind')}>
            <option value="">{t.t('any')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{kindStrings.t(k)}</option>)}
          </select>
        </Field>
        {text('deviceId', t.t('device'))}
        <div class="actions">
          <button type="submit">{t.t('search')}</button>
          <button type="button" onClick={() => void exportAs('csv')}>{t.t('exportCsv')}</button>
          <button type="button" onClick={() => void exportAs('ndjson')}>{t.t('exportNdjson')}</button>
        </div>
      </form>
      {exportNote && <p role="status">{exportNote}</p>}
      <Status loading={req.loading} error={req.error} empty={req.data?.entries.length === 0} />
      {req.data && req.data.entries.length > 0 && (
        <>
          <p role="status" class="muted">{t.t('pageInfo', { page, count: req.data.entries.length })}</p>
          <EntryTable entries={req.data.entries} caption={t.t('viewSearch')} />
          <nav class="pager" aria-label={t.t('viewSearch')}>
            <button type="button" onClick={prev} disabled={page <= 1}>{t.t('prevPage')}</button>
            <button type="button" onClick={next} disabled={!req.data.nextCursor}>{t.t('nextPage')}</button>
          </nav>
        </>
      )}
    </div>
  );
}

export function EntryTable({ entries, caption }: { entries: Page['entries']; caption: string }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('time')}</th>
            <th scope="col">{t.t('user')}</th>
            <th scope="col">{t.t('type')}</th>
            <th scope="col">{t.t('crm')}</th>
            <th scope="col">{t.t('objectType')}</th>
            <th scope="col">{t.t('recordId')}</th>
            <th scope="col">{t.t('detail')}</th>
            <th scope="col">{t.t('device')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td class="nowrap">{fmtTime(e.time)}</td>
              <td>{e.user}</td>
              <td>{e.type}</td>
              <td>{e.crm ?? ''}</td>
              <td>{e.objectType ?? ''}</td>
              <td>{e.recordId ?? ''}</td>
              <td>{dataText(e.data)}</td>
              <td class="mono">{`${e.deviceId} #${e.seq}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
