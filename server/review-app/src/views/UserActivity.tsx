/** What one rep accessed: records, event types and a bar per day. */
import { useState } from 'preact/hooks';
import { dayRange, getJson } from '../api';
import { BarChart } from '../charts';
import { Field, fmtTime, RangeFields, Status, useRequest, type DayRange } from '../shared';
import { t } from '../strings';
import type { Activity } from '../types';

export function UserActivity({ initial }: { initial: string }) {
  const [user, setUser] = useState(initial);
  const [range, setRange] = useState<DayRange>({ from: '', to: '' });
  const req = useRequest<Activity>();
  const load = (e?: Event) => {
    e?.preventDefault();
    if (!user) return;
    void req.run(() => getJson<Activity>(`/v1/audit/users/${encodeURIComponent(user)}`, dayRange(range.from, range.to)));
  };
  const a = req.data;
  return (
    <div>
      <form class="filters" onSubmit={load} aria-label={t.t('viewUser')}>
        <Field id="user-name" label={t.t('user')}>
          <input id="user-name" value={user} onInput={(e) => setUser(e.currentTarget.value)} required maxLength={256} />
        </Field>
        <RangeFields idPrefix="user" value={range} onChange={setRange} />
        <button type="submit">{t.t('apply')}</button>
      </form>
      <Status loading={req.loading} error={req.error} empty={a?.types.length === 0} />
      {a && a.types.length > 0 && (
        <>
          <h2>{t.t('userHeading')}: {a.user}</h2>
          <BarChart title={t.t('userDays')} valueLabel={t.t('count')} bars={a.days.map((d) => ({ label: d.day, value: d.count }))} />
          <h3>{t.t('userTypes')}</h3>
          <table>
            <thead><tr><th scope="col">{t.t('type')}</th><th scope="col">{t.t('count')}</th></tr></thead>
            <tbody>{a.types.map((x) => <tr key={x.type}><td>{x.type}</td><td>{x.count}</td></tr>)}</tbody>
          </table>
          <h3>{t.t('records')}</h3>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t.t('records')}>
            <table>
              <thead><tr><th scope="col">{t.t('crm')}</th><th scope="col">{t.t('objectType')}</th><th scope="col">{t.t('recordId')}</th><th scope="col">{t.t('count')}</th><th scope="col">{t.t('last')}</th></tr></thead>
              <tbody>{a.records.map((r) => <tr key={`${r.crm}/${r.objectType}/${r.recordId}`}><td>{r.crm ?? ''}</td><td>{r.objectType ?? ''}</td><td>{r.recordId ?? ''}</td><td>{r.count}</td><td>{fmtTime(r.last)}</td></tr>)}</tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
