/** The pictures: access volume per day and per user, warnings over time, the kind × object data map. */
import { useEffect, useState } from 'preact/hooks';
import { KINDS } from '@/lib/detect/kinds';
import { kindStrings } from '@/components/common/kind-strings';
import { dayRange, getJson } from '../api';
import { BarChart, HeatMap, StackedBars, type StackSeries } from '../charts';
import { RangeFields, Status, useRequest, type DayRange } from '../shared';
import { t } from '../strings';
import type { DataMap, Volume, Warnings } from '../types';

const objectName = (crm: string | null, objectType: string | null) => `${crm ?? '—'} ${objectType ?? '—'}`;

function series(rows: readonly { day: string; key: string; count: number }[]): { days: string[]; series: StackSeries[] } {
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const byKey = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const values = byKey.get(r.key) ?? {};
    values[r.day] = (values[r.day] ?? 0) + r.count;
    byKey.set(r.key, values);
  }
  const total = (v: Record<string, number>) => Object.values(v).reduce((a, b) => a + b, 0);
  return { days, series: [...byKey.entries()].sort((a, b) => total(b[1]) - total(a[1])).map(([name, values]) => ({ name, values })) };
}

export function Overview() {
  const [range, setRange] = useState<DayRange>({ from: '', to: '' });
  const req = useRequest<{ volume: Volume; warnings: Warnings; map: DataMap }>();
  const load = () =>
    req.run(async () => {
      const params = dayRange(range.from, range.to);
      const [volume, warnings, map] = await Promise.all([
        getJson<Volume>('/v1/review/volume', params),
        getJson<Warnings>('/v1/review/warnings', params),
        getJson<DataMap>('/v1/review/data-map', params),
      ]);
      return { volume, warnings, map };
    });
  useEffect(() => {
    void load();
  }, []);
  const data = req.data;
  const kindName = (k: string) => ((KINDS as readonly string[]).includes(k) ? kindStrings.t(k as (typeof KINDS)[number]) : k);
  const byKind = data ? series(data.warnings.byDayKind.map((r) => ({ day: r.day, key: kindName(r.kind), count: r.count }))) : null;
  const byObject = data ? series(data.warnings.byDayObject.map((r) => ({ day: r.day, key: objectName(r.crm, r.objectType), count: r.count }))) : null;
  const cols = data ? [...new Set(data.map.cells.map((c) => objectName(c.crm, c.objectType)))].sort() : [];
  const kinds = data ? KINDS.filter((k) => data.map.cells.some((c) => c.kind === k)) : [];
  const cell = new Map(data?.map.cells.map((c) => [`${c.kind}|${objectName(c.crm, c.objectType)}`, c.count]) ?? []);
  return (
    <div>
      <form class="filters" onSubmit={(e) => (e.preventDefault(), void load())}>
        <RangeFields idPrefix="overview" value={range} onChange={setRange} />
        <button type="submit">{t.t('apply')}</button>
      </form>
      <Status loading={req.loading} error={req.error} empty={!!data && data.volume.days.length === 0 && data.map.cells.length === 0} />
      {data && (
        <div class="charts">
          <BarChart title={t.t('chartAccessPerDay')} valueLabel={t.t('count')} bars={data.volume.days.map((d) => ({ label: d.day, value: d.count }))} />
          <BarChart title={t.t('chartAccessPerUser')} valueLabel={t.t('count')} horizontal bars={data.volume.users.map((u) => ({ label: u.user, value: u.count }))} />
          {byKind && <StackedBars title={t.t('chartWarningsPerDay')} seriesLabel={t.t('kind')} days={byKind.days} series={byKind.series} />}
          {byObject && <StackedBars title={t.t('chartWarningsPerObject')} seriesLabel={t.t('objectType')} days={byObject.days} series={byObject.series} />}
          <div class="wide">
            <HeatMap title={t.t('chartDataMap')} rowLabel={t.t('kind')} rows={kinds.map((k) => ({ id: k, label: kindStrings.t(k) }))} cols={cols} value={(k, c) => cell.get(`${k}|${c}`) ?? 0} />
            <p class="muted">{t.t('chartDataMapHelp')}</p>
          </div>
        </div>
      )}
    </div>
  );
}
