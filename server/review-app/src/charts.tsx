/**
 * Small inline-SVG charts: bars, stacked bars and a heat map. Each is a <figure>
 * whose SVG has role="img" and a one-sentence summary, followed by a table of
 * the same figures (collapsed in a <details>), so screen readers and keyboard
 * users get every number. Labels are SVG <text>: data never becomes markup.
 */
import type { ComponentChildren } from 'preact';
import { t } from './strings';

export interface Bar {
  label: string;
  value: number;
}

const PALETTE = ['#1b5e9e', '#d9822b', '#2e8540', '#b03060', '#6b4fbb', '#0f8b8d', '#8a6d1f', '#c0392b', '#4a5568', '#7cb342'];
export const colorOf = (i: number) => PALETTE[i % PALETTE.length]!;

function Figure({ title, summary, table, children }: { title: string; summary: string; table: ComponentChildren; children: ComponentChildren }) {
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {children}
      <p class="chart-summary">{summary}</p>
      <details>
        <summary>{t.t('chartTable')}</summary>
        {table}
      </details>
    </figure>
  );
}

function maxOf(bars: readonly Bar[]): Bar | undefined {
  return bars.reduce<Bar | undefined>((m, b) => (!m || b.value > m.value ? b : m), undefined);
}

/** Vertical bars (days) or horizontal bars (`horizontal`, for long labels such as users). */
export function BarChart({ title, bars, horizontal = false, valueLabel }: { title: string; bars: readonly Bar[]; horizontal?: boolean; valueLabel: string }) {
  const max = maxOf(bars);
  const top = Math.max(1, max?.value ?? 1);
  const summary = t.t('chartSummaryBars', { title, count: bars.length, max: max?.value ?? 0, label: max?.label ?? '' });
  const table = (
    <table>
      <thead><tr><th scope="col">{horizontal ? t.t('user') : t.t('day')}</th><th scope="col">{valueLabel}</th></tr></thead>
      <tbody>{bars.map((b) => <tr key={b.label}><td>{b.label}</td><td>{b.value}</td></tr>)}</tbody>
    </table>
  );
  if (horizontal) {
    const rowH = 16;
    const labelW = 190;
    const width = 640;
    const height = bars.length * rowH + 4;
    return (
      <Figure title={title} summary={summary} table={table}>
        <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width={width} height={height} class="bars">
          {bars.map((b, i) => {
            const w = ((width - labelW - 50) * b.value) / top;
            return (
              <g key={b.label} class="bar" data-value={b.value}>
                <text x={labelW - 6} y={i * rowH + 12} text-anchor="end" class="axis">{b.label}</text>
                <rect x={labelW} y={i * rowH + 2} width={Math.max(1, w)} height={rowH - 4} fill={colorOf(0)}><title>{`${b.label}: ${b.value}`}</title></rect>
                <text x={labelW + w + 4} y={i * rowH + 12} class="value">{b.value}</text>
              </g>
            );
          })}
        </svg>
      </Figure>
    );
  }
  const width = 640;
  const height = 200;
  const plotH = 150;
  const step = bars.length ? (width - 40) / bars.length : 0;
  return (
    <Figure title={title} summary={summary} table={table}>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width={width} height={height} class="bars">
        <line x1={36} y1={plotH + 10} x2={width} y2={plotH + 10} class="gridline" />
        <text x={32} y={16} text-anchor="end" class="axis">{top}</text>
        <text x={32} y={plotH + 10} text-anchor="end" class="axis">0</text>
        {bars.map((b, i) => {
          const h = (plotH * b.value) / top;
          const x = 40 + i * step;
          return (
            <g key={b.label} class="bar" data-value={b.value}>
              <rect x={x + 1} y={plotH + 10 - h} width={Math.max(1, step - 2)} height={Math.max(0.5, h)} fill={colorOf(0)}><title>{`${b.label}: ${b.value}`}</title></rect>
              {(bars.length <= 16 || i % Math.ceil(bars.length / 16) === 0) && (
                <text x={x + step / 2} y={plotH + 26} text-anchor="middle" class="axis">{b.label.slice(5)}</text>
              )}
            </g>
          );
        })}
      </svg>
    </Figure>
  );
}

export interface StackSeries {
  name: string;
  values: Readonly<Record<string, number>>;
}

/** Days along x, one stacked segment per series (kinds, objects), with a legend. */
export function StackedBars({ title, days, series, seriesLabel }: { title: string; days: readonly string[]; series: readonly StackSeries[]; seriesLabel: string }) {
  const totals = days.map((d) => series.reduce((s, x) => s + (x.values[d] ?? 0), 0));
  const top = Math.max(1, ...totals);
  const maxIndex = totals.indexOf(Math.max(0, ...totals));
  const summary = t.t('chartSummaryBars', { title, count: days.length, max: totals[maxIndex] ?? 0, label: days[maxIndex] ?? '' });
  const width = 640;
  const plotH = 150;
  const legendRows = Math.ceil(series.length / 3);
  const height = plotH + 40 + legendRows * 16;
  const step = days.length ? (width - 40) / days.length : 0;
  const table = (
    <table>
      <thead><tr><th scope="col">{t.t('day')}</th>{series.map((s) => <th scope="col" key={s.name}>{s.name}</th>)}</tr></thead>
      <tbody>{days.map((d) => <tr key={d}><th scope="row">{d}</th>{series.map((s) => <td key={s.name}>{s.values[d] ?? 0}</td>)}</tr>)}</tbody>
    </table>
  );
  return (
    <Figure title={title} summary={summary} table={table}>
      <svg role="img" aria-label={`${summary} ${seriesLabel}: ${series.map((s) => s.name).join(', ')}`} viewBox={`0 0 ${width} ${height}`} width={width} height={height} class="stacked">
        <line x1={36} y1={plotH + 10} x2={width} y2={plotH + 10} class="gridline" />
        <text x={32} y={16} text-anchor="end" class="axis">{top}</text>
        {days.map((d, i) => {
          let y = plotH + 10;
          const x = 40 + i * step;
          return (
            <g key={d}>
              {series.map((s, k) => {
                const v = s.values[d] ?? 0;
                if (!v) return null;
                const h = (plotH * v) / top;
                y -= h;
                return <rect key={s.name} class="segment" data-value={v} x={x + 1} y={y} width={Math.max(1, step - 2)} height={h} fill={colorOf(k)}><title>{`${d} ${s.name}: ${v}`}</title></rect>;
              })}
              {(days.length <= 16 || i % Math.ceil(days.length / 16) === 0) && <text x={x + step / 2} y={plotH + 26} text-anchor="middle" class="axis">{d.slice(5)}</text>}
            </g>
          );
        })}
        {series.map((s, k) => (
          <g key={s.name} transform={`translate(${40 + (k % 3) * 200}, ${plotH + 40 + Math.floor(k / 3) * 16})`}>
            <rect width={10} height={10} y={-9} fill={colorOf(k)} />
            <text x={14} class="axis">{s.name}</text>
          </g>
        ))}
      </svg>
    </Figure>
  );
}

/** Rows × columns, cell shade by value (log scale, so rare kinds stay visible), value printed in each cell. */
export function HeatMap({ title, rows, cols, value, rowLabel }: { title: string; rows: readonly { id: string; label: string }[]; cols: readonly string[]; value: (row: string, col: string) => number; rowLabel: string }) {
  let max = 0;
  let maxLabel = '';
  for (const r of rows) for (const c of cols) {
    const v = value(r.id, c);
    if (v > max) {
      max = v;
      maxLabel = `${r.label} / ${c}`;
    }
  }
  const summary = t.t('chartSummaryHeat', { title, rows: rows.length, cols: cols.length, max, label: maxLabel });
  const labelW = 200;
  const cellW = Math.max(48, Math.min(90, (640 - labelW) / Math.max(1, cols.length)));
  const cellH = 20;
  const headH = 100;
  const width = labelW + cols.length * cellW + 90; // room for the last rotated column label
  const height = headH + rows.length * cellH + 4;
  const shade = (v: number) => (v === 0 ? 0 : 0.15 + (0.85 * Math.log1p(v)) / Math.log1p(Math.max(1, max)));
  const table = (
    <table>
      <thead><tr><th scope="col">{rowLabel}</th>{cols.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
      <tbody>{rows.map((r) => <tr key={r.id}><th scope="row">{r.label}</th>{cols.map((c) => <td key={c}>{value(r.id, c)}</td>)}</tr>)}</tbody>
    </table>
  );
  return (
    <Figure title={title} summary={summary} table={table}>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width={width} height={height} class="heatmap">
        {cols.map((c, j) => (
          <text key={c} transform={`translate(${labelW + j * cellW + cellW / 2}, ${headH - 6}) rotate(-35)`} class="axis">{c}</text>
        ))}
        {rows.map((r, i) => (
          <g key={r.id}>
            <text x={labelW - 6} y={headH + i * cellH + 14} text-anchor="end" class="axis">{r.label}</text>
            {cols.map((c, j) => {
              const v = value(r.id, c);
              const o = shade(v);
              return (
                <g key={c} class="cell" data-value={v}>
                  <rect x={labelW + j * cellW} y={headH + i * cellH} width={cellW - 2} height={cellH - 2} fill="#b03060" fill-opacity={o} stroke="#ccc" stroke-width={0.5}><title>{`${r.label} / ${c}: ${v}`}</title></rect>
                  {v > 0 && <text x={labelW + j * cellW + cellW / 2} y={headH + i * cellH + 14} text-anchor="middle" class={o > 0.6 ? 'cell-text light' : 'cell-text'}>{v}</text>}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </Figure>
  );
}
