import { scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Legend, PatternDefs, fillOf } from './palette';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The words beside the bar ("312 · 41.6 %"); the same as in the table. */
  display: string;
  /** A representation target drawn as a marker across the bar. */
  target?: number;
  series: number;
}

/**
 * Horizontal bars with their labels in HTML (they wrap in any script at any width) and each bar in a small SVG, filled
 * with its series' colour and pattern. A target is a thick black tick across the track, named in the legend.
 */
export function BarChart({
  bars,
  legend,
  max: fixedMax,
}: {
  bars: readonly Bar[];
  /** Words for each series used (the colours and patterns); left out when the labels say it already. */
  legend?: { label: string; series: number }[];
  max?: number;
}) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const hasTarget = bars.some((b) => b.target !== undefined);
  const top = fixedMax ?? Math.max(1, ...bars.map((b) => Math.max(b.value, b.target ?? 0)));
  const x = scaleLinear().domain([0, top]).nice().range([0, 100]).clamp(true);
  return (
    <div className="chart-bars">
      <PatternDefs id={id} />
      {(legend || hasTarget) && (
        <div className="chart__legend-row">
          {legend && <Legend id={id} items={legend} />}
          {hasTarget && (
            <ul className="chart__legend" aria-hidden="true">
              <li>
                <svg width="20" height="16" focusable="false">
                  <rect x="9" y="0" width="3" height="16" fill="#0b0c0c" />
                </svg>
                {t('charts.kit.target')}
              </li>
            </ul>
          )}
        </div>
      )}
      {bars.map((b) => (
        <div className="chart-bars__row" key={b.key}>
          <span className="chart-bars__label">{b.label}</span>
          <svg className="chart-bars__track" height="22" width="100%" focusable="false">
            <rect x="0" y="0" width="100%" height="22" className="chart-bars__bg" />
            {b.value > 0 && (
              <rect
                x="0"
                y="2"
                width={`${x(b.value)}%`}
                height="18"
                fill={fillOf(id, b.series)}
                stroke="#0b0c0c"
              />
            )}
            {b.target !== undefined && (
              <rect
                x={`${x(b.target)}%`}
                y="0"
                width="4"
                height="22"
                fill="#0b0c0c"
                transform="translate(-2,0)"
              />
            )}
          </svg>
          <span className="chart-bars__value">{b.display}</span>
        </div>
      ))}
    </div>
  );
}
