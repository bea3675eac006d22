import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { EVENT_TYPES, isEventType, type AuditFilter } from '@/lib/audit/events';
import { canonicalJson, type AuditEntry } from '@/lib/audit/chain';
import type { AuditStats, LastVerification, QueryPage, QueryResult } from '@/lib/audit/service';
import { getLocale } from '@/lib/i18n/strings';
import { VirtualRows } from './VirtualRows';
import { auditStrings } from './strings';
import './audit.css';

export type ExportFormat = 'csv' | 'ndjson';

export interface AuditViewProps {
  /** one page of entries, newest first (routed through `ui:audit-query`) */
  loadPage: (filter: AuditFilter, page: QueryPage) => Promise<QueryResult>;
  /** verify the chain (`ui:audit-verify`) */
  verify: () => Promise<LastVerification>;
  /** produce and save an export (`ui:audit-export`); the view only reports progress */
  exportLog: (format: ExportFormat, filter: AuditFilter) => Promise<void>;
  /** counts and forwarding state (`diagnostics:audit`); optional */
  loadStats?: () => Promise<Pick<AuditStats, 'total' | 'outboxSize' | 'lastForward' | 'lastVerification'>>;
  pageSize?: number;
  rowHeight?: number;
  height?: number;
}

interface FormState {
  from: string;
  to: string;
  type: string;
  recordId: string;
  user: string;
}
const EMPTY_FORM: FormState = { from: '', to: '', type: '', recordId: '', user: '' };

type Busy<T> = { state: 'idle' } | { state: 'busy' } | { state: 'done'; value: T } | { state: 'error'; message: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** datetime-local values are local wall time; the log stores UTC. `end` widens to the end of the minute. */
export function localInputToIso(value: string, end: boolean): string | undefined | null {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return null;
  return new Date(end ? ms + 59_999 : ms).toISOString();
}

export function formToFilter(form: FormState): AuditFilter | null {
  const from = localInputToIso(form.from, false);
  const to = localInputToIso(form.to, true);
  if (from === null || to === null) return null;
  const filter: AuditFilter = {};
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (isEventType(form.type)) filter.type = form.type;
  if (form.recordId.trim()) filter.recordId = form.recordId.trim();
  if (form.user.trim()) filter.user = form.user.trim();
  return filter;
}

function summary(e: AuditEntry): string {
  const json = canonicalJson(e.data);
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}

export function AuditView({ loadPage, verify, exportLog, loadStats, pageSize = 200, rowHeight = 26, height = 480 }: AuditViewProps) {
  const { t } = auditStrings;
  const locale = getLocale();
  const [form, setForm] = useState<FormState>(EMPTY_FORM);
  const [formError, setFormError] = useState(false);
  const [filter, setFilter] = useState<AuditFilter>({});
  // Rows live in a ref and grow in place; `version` re-renders. Copying 100,000 rows per page would not scale.
  const rows = useRef<AuditEntry[]>([]);
  const [, setVersion] = useState(0);
  const cursor = useRef<{ next: number | undefined; more: boolean; loading: boolean; generation: number }>({
    next: undefined,
    more: true,
    loading: false,
    generation: 0,
  });
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [verifyState, setVerifyState] = useState<Busy<LastVerification>>({ state: 'idle' });
  const [exportState, setExportState] = useState<Busy<ExportFormat>>({ state: 'idle' });
  const [stats, setStats] = useState<Awaited<ReturnType<NonNullable<AuditViewProps['loadStats']>>> | null>(null);

  // Callers may pass fresh function identities on every render; only a filter change restarts the list.
  const loaders = useRef({ loadPage, loadStats });
  loaders.current = { loadPage, loadStats };

  const loadMore = useCallback(async () => {
    const c = cursor.current;
    if (c.loading || !c.more) return;
    c.loading = true;
    const generation = c.generation;
    setLoading(true);
    try {
      const page = await loaders.current.loadPage(filter, c.next === undefined ? { limit: pageSize } : { limit: pageSize, before: c.next });
      if (generation !== cursor.current.generation) return;
      rows.current.push(...page.entries);
      c.next = page.nextBefore;
      c.more = page.nextBefore !== undefined;
      setLoadError(null);
      setVersion((v) => v + 1);
    } catch (e) {
      if (generation === cursor.current.generation) {
        c.more = false;
        setLoadError(message(e));
      }
    } finally {
      if (generation === cursor.current.generation) {
        c.loading = false;
        setLoading(false);
      }
    }
  }, [filter, pageSize]);

  useEffect(() => {
    cursor.current = { next: undefined, more: true, loading: false, generation: cursor.current.generation + 1 };
    rows.current = [];
    setVersion((v) => v + 1);
    void loadMore();
  }, [loadMore]);

  const refreshStats = useCallback(() => {
    loaders.current.loadStats?.().then(setStats, () => setStats(null));
  }, []);
  useEffect(refreshStats, [refreshStats]);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const next = formToFilter(form);
    setFormError(next === null);
    if (next) setFilter(next);
  };
  const onReset = () => {
    setForm(EMPTY_FORM);
    setFormError(false);
    setFilter({});
  };
  const field = (name: keyof FormState) => ({
    value: form[name],
    onInput: (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setForm((f) => ({ ...f, [name]: value }));
    },
  });

  const onVerify = async () => {
    setVerifyState({ state: 'busy' });
    try {
      setVerifyState({ state: 'done', value: await verify() });
    } catch (e) {
      setVerifyState({ state: 'error', message: message(e) });
    }
    refreshStats();
  };
  const onExport = async (format: ExportFormat) => {
    setExportState({ state: 'busy' });
    try {
      await exportLog(format, filter);
      setExportState({ state: 'done', value: format });
    } catch (e) {
      setExportState({ state: 'error', message: message(e) });
    }
  };

  const num = (n: number) => n.toLocaleString(locale);
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const typeLabel = (type: string) => (isEventType(type) ? t(`type_${type}`) : type);

  const header = (
    <>
      <span role="columnheader">{t('colSeq')}</span>
      <span role="columnheader">{t('colTime')}</span>
      <span role="columnheader">{t('colType')}</span>
      <span role="columnheader">{t('colUser')}</span>
      <span role="columnheader">{t('colCrm')}</span>
      <span role="columnheader">{t('colObject')}</span>
      <span role="columnheader">{t('colRecord')}</span>
      <span role="columnheader">{t('colDetails')}</span>
    </>
  );
  const renderRow = (e: AuditEntry) => (
    <>
      <span role="cell">{e.seq}</span>
      <span role="cell" title={e.time}>
        {time(e.time)}
      </span>
      <span role="cell" title={e.type}>
        {typeLabel(e.type)}
      </span>
      <span role="cell">{e.user}</span>
      <span role="cell">{e.crm ?? ''}</span>
      <span role="cell">{e.objectType ?? ''}</span>
      <span role="cell" title={e.host ?? undefined}>
        {e.recordId ?? ''}
      </span>
      <span role="cell" title={`${e.id}\n${e.hash}`}>
        {summary(e)}
      </span>
    </>
  );

  const count = rows.current.length;
  const v = verifyState.state === 'done' ? verifyState.value : null;
  return (
    <div class="audit-view">
      <h2>{t('heading')}</h2>
      {stats && (
        <p class="audit-status" data-testid="audit-stats">
          {t('statsLine', { total: num(stats.total), outbox: num(stats.outboxSize) })}{' '}
          {stats.lastForward ? t('lastForward', { status: stats.lastForward.status, time: time(stats.lastForward.at) }) : t('neverForwarded')}
        </p>
      )}
      <form class="audit-filters" aria-label={t('filters')} onSubmit={onSubmit}>
        <label>
          {t('from')}
          <input type="datetime-local" name="from" {...field('from')} />
        </label>
        <label>
          {t('to')}
          <input type="datetime-local" name="to" {...field('to')} />
        </label>
        <label>
          {t('type')}
          <select name="type" {...field('type')}>
            <option value="">{t('anyType')}</option>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type_${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('record')}
          <input type="search" name="recordId" maxLength={128} {...field('recordId')} />
        </label>
        <label>
          {t('user')}
          <input type="search" name="user" maxLength={256} {...field('user')} />
        </label>
        <button type="submit">{t('apply')}</button>
        <button type="button" onClick={onReset}>
          {t('reset')}
        </button>
      </form>
      {formError && (
        <p class="audit-status bad" role="alert">
          {t('badDate')}
        </p>
      )}
      <div class="audit-actions">
        <button type="button" data-testid="audit-verify" disabled={verifyState.state === 'busy'} onClick={() => void onVerify()}>
          {verifyState.state === 'busy' ? t('verifying') : t('verify')}
        </button>
        <button type="button" data-testid="audit-export-csv" disabled={exportState.state === 'busy'} onClick={() => void onExport('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" data-testid="audit-export-ndjson" disabled={exportState.state === 'busy'} onClick={() => void onExport('ndjson')}>
          {t('exportNdjson')}
        </button>
        <span role="status" aria-live="polite">
          {exportState.state === 'busy' && t('exporting')}
          {exportState.state === 'done' && t('exportDone')}
          {exportState.state === 'error' && t('exportError', { message: exportState.message })}
        </span>
      </div>
      <p
        data-testid="audit-verify-result"
        role="status"
        aria-live="polite"
        class={`audit-status${(v && !v.ok) || verifyState.state === 'error' ? ' bad' : ''}`}
      >
        {v?.ok && t('verifyOk', { count: num(v.checked), ms: num(v.durationMs) })}
        {v &&
          !v.ok &&
          t('verifyBroken', {
            seq: v.firstProblem?.seq ?? '?',
            reason: v.firstProblem ? t(`reason_${v.firstProblem.reason}`) : '',
            problems: num(v.problemCount),
            count: num(v.checked),
          })}
        {verifyState.state === 'error' && t('verifyError', { message: verifyState.message })}
      </p>
      <VirtualRows
        items={rows.current}
        rowHeight={rowHeight}
        height={height}
        renderRow={renderRow}
        onNearEnd={() => void loadMore()}
        label={t('tableLabel')}
        header={header}
        rowCount={cursor.current.more ? -1 : count + 1}
      />
      <p class="audit-status" data-testid="audit-count" aria-live="polite">
        {loading ? t('loading') : count === 0 && !loadError ? t('empty') : cursor.current.more ? t('rowsMore', { count: num(count) }) : t('rows', { count: num(count) })}
      </p>
      {loadError && (
        <p class="audit-status bad" role="alert">
          {t('loadError', { message: loadError })}
        </p>
      )}
    </div>
  );
}
