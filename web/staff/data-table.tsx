/**
 * The console's one table: a captioned table in a scrollable region that the
 * keyboard can reach, one header row, and a row per item. Each screen gives
 * its columns' labels and how to draw one row's cells (a `<th scope="row">`
 * first, then `<td>`s).
 */
import type { JSX } from 'preact';

interface Props<Row> {
  /** The caption's id: the scrollable region is named by it. */
  captionId: string;
  caption: string;
  columns: readonly string[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  cells: (row: Row) => JSX.Element;
  rowClass?: (row: Row) => string | undefined;
}

export function DataTable<Row>(props: Props<Row>): JSX.Element {
  return (
    <div class="table-scroll" role="region" aria-labelledby={props.captionId} tabIndex={0}>
      <table>
        <caption id={props.captionId}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} class={props.rowClass?.(row)}>
              {props.cells(row)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
