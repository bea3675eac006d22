/** Anomalies with their evidence (entry ids), exportable for a breach assessment (Art. 33). */
import { useEffect, useState } from 'preact/hooks';
import { dayRange, download, getJson } from '../api';
import { errorText, Field, fmtTime, RangeFields, Status, useRequest, type DayRange } from '../shared';
import { t } from '../strings';
import type { Anomaly, AnomalyReport, Rule } from '../types';
import type { SearchFilters } from './Search';
import { EMPTY_FILTERS } from './Search';

const RULES: readonly Rule[] = ['bulk_access', 'off_hours', 'repeated_overrides', 'chain_broken'];

/** The search that lists an anomaly's events: same subject, same minutes (UTC, as the search form reads). */
function searchFor(a: Anomaly): SearchFilters {
  const minute = (iso: string, add: number) => new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000 + add).toISOString().slice(0, 16);
  return { ...EMPTY_FILTERS, user: a.user ?? '', deviceId: a.deviceId ?? '', from: a.rule === 'chain_broken' ? '' : minute(a.from, 0), to: a.rule === 'chain_broken' ? '' : minute(a.to, 60_000) };
}

export function Anomalies({ onSearch }: { onSearch: (f: SearchFilters) => void }) {
  const [range, setRange] = useState<DayRange>({ from: '', to: '' });
  const [rule, setRule] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const req = useRequest<AnomalyReport>();
  const params = () => ({ ...dayRange(range.from, range.to), rule });
  const load = (e?: Event) => {
    e?.preventDefault();
    void req.run(() => getJson<AnomalyReport>('/v1/review/anomalies', params()));
  };
  useEffect(() => load(), []);
  const exportAs = async (format: 'csv' | 'ndjson') => {
    try {
      await download('/v1/review/anomalies', { ...params(), format }, `anomalies.${format}`);
      setNote(null);
    } catch (error) {
      setNote(errorText(error));
    }
  };
  const r = req.data;
  return (
    <div>
      <form class="filters" onSubmit={load} aria-label={t.t('viewAnomalies')}>
        <RangeFields idPrefix="anomalies" value={range} onChange={setRange} />
        <Field id="anomalies-rule" label={t.t('rule')}>
          <select id="anomalies-rule" value={rule} onChange={(e) => setRule(e.currentTarget.value)}>
            <option value="">{t.t('allRules')}</option>
            {RULES.map((x) => <option key={x} value={x}>{t.t(`rule_${x}`)}</option>)}
          </select>
        </Field>
        <div class="actions">
          <button type="submit">{t.t('apply')}</button>
          <button type="button" onClick={() => void exportAs('csv')}>{t.t('exportCsv')}</button>
          <button type="button" onClick={() => void exportAs('ndjson')}>{t.t('exportNdjson')}</button>
        </div>
      </form>
      {note && <p role="alert" class="error">{note}</p>}
      {r && (
        <p class="muted">
          {t.t('anomaliesHelp', {
            bulk: r.config.bulkRecords, minutes: r.config.bulkMinutes, start: r.config.workStartHour, end: r.config.workEndHour,
            tz: r.config.timeZone, days: r.config.workDays.join(','), overrides: r.config.overrideCount, hours: r.config.overrideHours,
          })}
        </p>
      )}
      <Status loading={req.loading} error={req.error} empty={r?.anomalies.length === 0} />
      {r && r.anomalies.length > 0 && (
        <ul class="anomalies" aria-label={t.t('anomaliesHeading')}>
          {r.anomalies.map((a) => (
            <li key={a.id} class={`anomaly anomaly-${a.rule}`}>
              <h3>{t.t(`rule_${a.rule}`)}: {a.user ?? a.deviceId ?? ''}</h3>
              <p>
                {t.t('span')}: {fmtTime(a.from)} – {fmtTime(a.to)} · {t.t('count')}: {a.count}
              </p>
              <p class="muted">{Object.entries(a.detail).map(([k, v]) => `${k}: ${v}`).join(' · ')}</p>
              <details>
                <summary>
                  {t.t('evidence', { count: a.evidence.length })}
                  {a.evidenceTruncated ? ` (${t.t('evidenceTruncated', { count: a.evidence.length })})` : ''}
                </summary>
                <p class="mono evidence">{a.evidence.join(' ')}</p>
              </details>
              <button type="button" onClick={() => onSearch(searchFor(a))}>{t.t('showEvents')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
