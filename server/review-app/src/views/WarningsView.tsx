/** Warnings and overrides by kind, with the (redacted) reasons reps gave. */
import { useEffect, useState } from 'preact/hooks';
import { KINDS } from '@/lib/detect/kinds';
import { kindStrings } from '@/components/common/kind-strings';
import { dayRange, getJson } from '../api';
import { BarChart } from '../charts';
import { Field, fmtTime, RangeFields, Status, useRequest, type DayRange } from '../shared';
import { t } from '../strings';
import type { Warnings } from '../types';

const kindName = (k: string) => ((KINDS as readonly string[]).includes(k) ? kindStrings.t(k as (typeof KINDS)[number]) : k);

export function WarningsView() {
  const [range, setRange] = useState<DayRange>({ from: '', to: '' });
  const [kind, setKind] = useState('');
  const req = useRequest<Warnings>();
  const load = (e?: Event) => {
    e?.preventDefault();
    void req.run(() => getJson<Warnings>('/v1/review/warnings', { ...dayRange(range.from, range.to), kind }));
  };
  useEffect(() => load(), []);
  const w = req.data;
  return (
    <div>
      <form class="filters" onSubmit={load} aria-label={t.t('viewWarnings')}>
        <RangeFields idPrefix="warnings" value={range} onChange={setRange} />
        <Field id="warnings-kind" label={t.t('kind')}>
          <select id="warnings-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{t.t('any')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{kindStrings.t(k)}</option>)}
          </select>
        </Field>
        <button type="submit">{t.t('apply')}</button>
      </form>
      <Status loading={req.loading} error={req.error} empty={w?.byKind.length === 0} />
      {w && w.byKind.length > 0 && (
        <>
          <BarChart title={t.t('warningsByKind')} valueLabel={t.t('count')} horizontal bars={w.byKind.map((k) => ({ label: kindName(k.kind), value: k.warned + k.blocked + k.overridden }))} />
          <table>
            <caption>{t.t('warningsByKind')}</caption>
            <thead><tr><th scope="col">{t.t('kind')}</th><th scope="col">{t.t('warned')}</th><th scope="col">{t.t('blocked')}</th><th scope="col">{t.t('overridden')}</th></tr></thead>
            <tbody>{w.byKind.map((k) => <tr key={k.kind}><th scope="row">{kindName(k.kind)}</th><td>{k.warned}</td><td>{k.blocked}</td><td>{k.overridden}</td></tr>)}</tbody>
          </table>
          <h2>{t.t('overrides')}</h2>
          {w.overridesTruncated && <p>{t.t('overridesTruncated')}</p>}
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t.t('overrides')}>
            <table>
              <thead><tr><th scope="col">{t.t('time')}</th><th scope="col">{t.t('user')}</th><th scope="col">{t.t('kind')}</th><th scope="col">{t.t('objectType')}</th><th scope="col">{t.t('recordId')}</th><th scope="col">{t.t('field')}</th><th scope="col">{t.t('reason')}</th></tr></thead>
              <tbody>
                {w.overrides.map((o) => (
                  <tr key={o.id}>
                    <td class="nowrap">{fmtTime(o.time)}</td>
                    <td>{o.user}</td>
                    <td>{o.kinds.map(kindName).join(', ')}</td>
                    <td>{`${o.crm ?? ''} ${o.objectType ?? ''}`}</td>
                    <td>{o.recordId ?? ''}</td>
                    <td>{o.field ?? ''}</td>
                    <td>{o.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
