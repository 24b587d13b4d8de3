/**
 * A horizontal bar chart drawn as inline SVG (no library, no inline styles:
 * colours come from console.css), followed by the same numbers as a table,
 * which is what screen readers and tests read.
 */
import type { JSX } from 'preact';

export interface ChartRow {
  label: string;
  count: number;
}

interface Props {
  id: string;
  heading: string;
  keyHeader: string;
  countHeader: string;
  rows: readonly ChartRow[];
  noData: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const COUNT_WIDTH = 60;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 20;
const FONT_SIZE = 14;

/** Shorten a label to fit the label column: CJK characters count as a full em, others as about half. */
function fitLabel(label: string): string {
  const budget = (LABEL_WIDTH - 12) / FONT_SIZE;
  let used = 0;
  let out = '';
  for (const char of label) {
    used += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(char) ? 1 : 0.56;
    if (used > budget - 1) return `${out}…`;
    out += char;
  }
  return out;
}

export function BarChart(props: Props): JSX.Element {
  const { id, rows } = props;
  const headingId = `${id}-heading`;
  const titleId = `${id}-title`;
  const max = Math.max(1, ...rows.map((row) => row.count));
  const height = rows.length * ROW_HEIGHT + 8;
  const scale = (WIDTH - LABEL_WIDTH - COUNT_WIDTH) / max;
  return (
    <section class="chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.heading}</h3>
      {rows.length === 0 ? (
        <p>{props.noData}</p>
      ) : (
        <div class="chart-body">
          <svg class="bar-chart" role="img" aria-labelledby={titleId} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
            <title id={titleId}>{`${props.heading}: ${rows.map((row) => `${row.label} ${row.count}`).join(', ')}`}</title>
            {rows.map((row, index) => {
              const y = 4 + index * ROW_HEIGHT;
              const barWidth = Math.max(row.count > 0 ? 2 : 0, Math.round(row.count * scale));
              return (
                <g key={`${row.label}-${index}`}>
                  <text class="chart-label" x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2} text-anchor="end" dominant-baseline="central" font-size={FONT_SIZE}>
                    {fitLabel(row.label)}
                  </text>
                  <rect class="chart-bar" x={LABEL_WIDTH} y={y} width={barWidth} height={BAR_HEIGHT} rx={2} />
                  <text class="chart-count" x={LABEL_WIDTH + barWidth + 6} y={y + BAR_HEIGHT / 2} dominant-baseline="central" font-size={FONT_SIZE}>
                    {row.count}
                  </text>
                </g>
              );
            })}
          </svg>
          <table class="chart-table">
            {/* The heading above already says it; the caption names the table for screen readers and tests. */}
            <caption class="visually-hidden">{props.heading}</caption>
            <thead>
              <tr>
                <th scope="col">{props.keyHeader}</th>
                <th scope="col">{props.countHeader}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${row.label}-${index}`}>
                  <th scope="row">{row.label}</th>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
