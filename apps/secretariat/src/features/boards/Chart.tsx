import { DataTable } from '@musyawarah/ui';

export interface ChartRow {
  key: string;
  label: string;
  /** The value the bar shows, between 0 and `max`; null when there is nothing to measure yet. */
  value: number | null;
  /** The text of the value ("75 %", "3 of 4"), the same in the chart and the table. */
  display: string;
}

/**
 * A horizontal bar per row, drawn with CSS, followed by a table with the same numbers. The bars are hidden from
 * assistive technology: the table is the accessible version, and it is always on the page, not behind a toggle. Its
 * caption is for screen readers; the heading above the chart says the same on screen.
 */
export function BarChart({
  caption,
  labelHeader,
  valueHeader,
  rows,
  max,
  extraColumns = [],
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  rows: ChartRow[];
  max: number;
  extraColumns?: { key: string; header: string; cell: (row: ChartRow) => string | number }[];
}) {
  return (
    <>
      <div className="board-chart" aria-hidden="true">
        {rows.map((row) => (
          <div className="board-chart__row" key={row.key}>
            <span>{row.label}</span>
            <span className="board-chart__track">
              <span
                className="board-chart__bar"
                style={{
                  display: 'block',
                  width: `${max > 0 && row.value !== null ? Math.min(100, (row.value / max) * 100) : 0}%`,
                }}
              />
            </span>
            <span className="board-chart__value">{row.display}</span>
          </div>
        ))}
      </div>
      <DataTable<ChartRow>
        caption={caption}
        captionHidden
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { key: 'label', header: labelHeader, rowHeader: true, cell: (r) => r.label },
          { key: 'value', header: valueHeader, className: 'numeric', cell: (r) => r.display },
          ...extraColumns.map((c) => ({ ...c, className: 'numeric' })),
        ]}
      />
    </>
  );
}
