import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { useWidth } from './ChartFigure';
import { Legend, Marker, PatternDefs, dashOf, fillOf, seriesOf } from './palette';

export interface TimeSeries {
  label: string;
  /** Palette index: colour, pattern, marker and dash. */
  series: number;
  kind: 'column' | 'line';
  /** One value per x label; null leaves a gap (nothing measured), not a zero. */
  values: readonly (number | null)[];
}

const HEIGHT = 200;
const MARGIN = { top: 12, right: 12, bottom: 36, left: 44 };

/**
 * Values over time: columns (counts per day) or lines with markers (measures per period). Only as many x labels as fit
 * the width are drawn; the table has every one.
 */
export function TimeChart({
  labels,
  series,
  domain,
  formatTick = String,
}: {
  labels: readonly string[];
  series: readonly TimeSeries[];
  /** Fixed y range (a 1–5 scale, 0–100 %); otherwise 0 to the largest value. */
  domain?: [number, number];
  formatTick?: (value: number) => string;
}) {
  const id = useId().replace(/:/g, '');
  const [ref, width] = useWidth<HTMLDivElement>();
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const y = scaleLinear()
    .domain(domain ?? [0, Math.max(1, ...values)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = scaleBand<number>()
    .domain(labels.map((_, i) => i))
    .range([MARGIN.left, Math.max(MARGIN.left + 10, width - MARGIN.right)])
    .padding(0.2);
  const baseline = y.range()[0] ?? HEIGHT - MARGIN.bottom;
  const columns = series.filter((s) => s.kind === 'column');
  const lines = series.filter((s) => s.kind === 'line');
  const band = x.bandwidth() / Math.max(1, columns.length);
  // Roughly 70 px per label so dates never overlap, whatever the number of days.
  const every = Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor((width - MARGIN.left) / 70))));
  const centre = (i: number) => (x(i) ?? 0) + x.bandwidth() / 2;
  return (
    <div ref={ref} className="chart-time">
      <PatternDefs id={id} />
      {series.length > 1 && (
        <Legend
          id={id}
          items={series.map((s) => ({ label: s.label, series: s.series }))}
          kind={lines.length ? 'marker' : 'swatch'}
        />
      )}
      <svg width={width} height={HEIGHT} focusable="false">
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              className="chart__grid"
            />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="chart__tick">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        <line
          x1={MARGIN.left}
          x2={width - MARGIN.right}
          y1={baseline}
          y2={baseline}
          className="chart__axis"
        />
        {labels.map((label, i) =>
          i % every === 0 ? (
            <text
              key={i}
              x={centre(i)}
              y={HEIGHT - MARGIN.bottom + 16}
              textAnchor="middle"
              className="chart__tick"
            >
              {label}
            </text>
          ) : null,
        )}
        {columns.map((s, c) =>
          s.values.map((v, i) =>
            v === null || v === 0 ? null : (
              <rect
                key={`${c}-${i}`}
                x={(x(i) ?? 0) + band * c}
                y={y(v)}
                width={Math.max(1, band)}
                height={baseline - y(v)}
                fill={fillOf(id, s.series)}
                stroke="#0b0c0c"
                strokeWidth={band > 4 ? 1 : 0}
              />
            ),
          ),
        )}
        {lines.map((s) => {
          const style = seriesOf(s.series);
          const path = line<number | null>()
            .defined((v) => v !== null)
            .x((_, i) => centre(i))
            .y((v) => y(v ?? 0))(s.values);
          return (
            <g key={s.label}>
              <path
                d={path ?? ''}
                fill="none"
                stroke={style.colour}
                strokeWidth="2.5"
                strokeDasharray={dashOf(s.series)}
              />
              {s.values.map((v, i) =>
                v === null ? null : (
                  <Marker key={i} shape={style.marker} x={centre(i)} y={y(v)} colour={style.colour} />
                ),
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
