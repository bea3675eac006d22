/** Pieces every view uses: loading a request with its error, the date range form, a status line. */
import { useCallback, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ApiError } from './api';
import { t } from './strings';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t.t('err401');
    if (error.status === 403) return t.t('err403');
    if (error.status === 0) return t.t('errNetwork');
    return t.t('errOther', { status: error.status, detail: error.detail });
  }
  return t.t('errOther', { status: '?', detail: error instanceof Error ? error.name : 'error' });
}

/** Called when the token stops working, so the app returns to the sign-in form. */
export let onAuthLost: (error: ApiError) => void = () => undefined;
export function setOnAuthLost(fn: (error: ApiError) => void) {
  onAuthLost = fn;
}

export function useRequest<T>() {
  const [state, setState] = useState<{ loading: boolean; data: T | null; error: string | null }>({ loading: false, data: null, error: null });
  const run = useCallback(async (fn: () => Promise<T>) => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const data = await fn();
      setState({ loading: false, data, error: null });
      return data;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) onAuthLost(error);
      setState({ loading: false, data: null, error: errorText(error) });
      return null;
    }
  }, []);
  return { ...state, run };
}

export function Status({ loading, error, empty }: { loading: boolean; error: string | null; empty?: boolean }) {
  if (error) return <p role="alert" class="error">{error}</p>;
  if (loading) return <p role="status" class="muted">{t.t('loading')}</p>;
  if (empty) return <p role="status" class="muted">{t.t('noData')}</p>;
  return null;
}

export function Field({ label, children, id }: { label: string; id: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

export interface DayRange {
  from: string;
  to: string;
}

export function RangeFields({ idPrefix, value, onChange }: { idPrefix: string; value: DayRange; onChange: (r: DayRange) => void }) {
  return (
    <>
      <Field id={`${idPrefix}-from`} label={t.t('from')}>
        <input id={`${idPrefix}-from`} type="date" value={value.from} onInput={(e) => onChange({ ...value, from: e.currentTarget.value })} aria-describedby={`${idPrefix}-range-help`} />
      </Field>
      <Field id={`${idPrefix}-to`} label={t.t('to')}>
        <input id={`${idPrefix}-to`} type="date" value={value.to} onInput={(e) => onChange({ ...value, to: e.currentTarget.value })} aria-describedby={`${idPrefix}-range-help`} />
      </Field>
      <p id={`${idPrefix}-range-help`} class="muted help">{t.t('rangeHelp')}</p>
    </>
  );
}

export function fmtTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

/** An entry's data as one line of text: identifiers, kinds and redacted reasons only ever reach the log. */
export function dataText(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}
