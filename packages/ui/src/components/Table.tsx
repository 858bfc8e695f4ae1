import type { ReactNode } from 'react';
import { cx } from './cx';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
  className?: string;
}

export interface DataTableProps<T> {
  caption: string;
  /** Keep the caption for screen readers only (when a heading above says the same). */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}

/**
 * A data table. On narrow screens rows stack into label/value cards (labels from the column headers), so nothing needs
 * sideways scrolling at 320px.
 */
export function DataTable<T>({ caption, captionHidden, columns, rows, rowKey }: DataTableProps<T>) {
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className={cx(captionHidden && 'visually-hidden')}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" data-label={c.header} className={c.className}>
                    <div>{c.cell(row)}</div>
                  </th>
                ) : (
                  <td key={c.key} data-label={c.header} className={c.className}>
                    <div>{c.cell(row)}</div>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SummaryList({ rows }: { rows: { key: string; label: string; value: ReactNode }[] }) {
  return (
    <dl className="summary-list">
      {rows.map((r) => (
        <div className="summary-list__row" key={r.key}>
          <dt className="summary-list__key">{r.label}</dt>
          <dd className="summary-list__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
