/** Statistics for auditors: key figures, then a bar chart and table per breakdown. */
import type { AuditMessages, ConsoleMessages, ReportLabels } from '../i18n/types';
import { labelOf } from '../i18n/fill';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { BarChart, type ChartRow } from './bar-chart';
import { channelNameOf, errorText, leaveIfSignedOut } from './format';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';
import { fill } from '../i18n/fill';

type Count = Statistics['byChannel'][number];

interface Props {
  lang: Lang;
  m: AuditMessages;
  labels: ReportLabels;
  common: ConsoleMessages;
}

const named = (counts: readonly Count[], name: (key: string) => string): ChartRow[] => counts.map((c) => ({ label: name(c.key), count: c.count }));

export function AuditStats(props: Props): JSX.Element {
  const { lang, common, labels } = props;
  const m = props.m.stats;
  const [stats, setStats] = useState<Statistics | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const result = await staffApi('GET', 'stats');
      if (result.ok) setStats(result.data);
      else if (!leaveIfSignedOut(lang, result)) setFailure(result.status === 403 ? props.m.notForRole : errorText(common, result.code));
    })();
  }, []);

  const body = (): JSX.Element => {
    if (failure !== null) {
      return (
        <p class="form-failure" role="alert">
          {failure}
        </p>
      );
    }
    if (stats === null) return <p role="status">{common.loading}</p>;
    const charts: { id: string; text: { heading: string; key: string }; rows: ChartRow[]; interference?: true }[] = [
      { id: 'by-channel', text: m.charts.byChannel, rows: named(stats.byChannel, (key) => channelNameOf(lang, stats.channels, key)) },
      { id: 'by-category', text: m.charts.byCategory, rows: named(stats.byCategory, (key) => labelOf(labels.categories, key)) },
      { id: 'by-region', text: m.charts.byRegion, rows: named(stats.byRegion, (key) => (key === '' ? m.noRegion : key)) },
      { id: 'by-status', text: m.charts.byStatus, rows: named(stats.byStatus, (key) => labelOf(labels.statuses, key)) },
      { id: 'by-month', text: m.charts.byMonth, rows: named(stats.byMonth, (key) => key) },
      {
        id: 'overdue',
        text: m.charts.overdue,
        rows: [
          { label: m.overdueAck, count: stats.overdue.acknowledgement },
          { label: m.overdueFeedback, count: stats.overdue.feedback },
        ],
      },
      // Counted from case records, not reports: their own column header and empty text.
      {
        id: 'interference-by-channel',
        text: m.charts.interferenceByChannel,
        rows: named(stats.interference.byChannel, (key) => channelNameOf(lang, stats.channels, key)),
        interference: true,
      },
      { id: 'interference-by-month', text: m.charts.interferenceByMonth, rows: named(stats.interference.byMonth, (key) => key), interference: true },
    ];
    return (
      <>
        <h3>{m.summaryHeading}</h3>
        <dl class="figures">
          <div>
            <dt>{m.total}</dt>
            <dd>{stats.total}</dd>
          </div>
          <div>
            <dt>{m.median}</dt>
            <dd>{stats.medianHoursToAcknowledge === null ? m.noMedian : fill(lang, m.hours, { count: stats.medianHoursToAcknowledge })}</dd>
          </div>
          <div>
            <dt>{m.overdueAck}</dt>
            <dd>{stats.overdue.acknowledgement}</dd>
          </div>
          <div>
            <dt>{m.overdueFeedback}</dt>
            <dd>{stats.overdue.feedback}</dd>
          </div>
          <div>
            <dt>{m.interferenceTotal}</dt>
            <dd>{stats.interference.total}</dd>
          </div>
        </dl>
        {charts.map((chart) => (
          <BarChart
            key={chart.id}
            id={chart.id}
            heading={chart.text.heading}
            keyHeader={chart.text.key}
            countHeader={chart.interference ? m.interferenceCount : m.countColumn}
            rows={chart.interference ? chart.rows : stats.total === 0 && chart.id !== 'overdue' ? [] : chart.rows}
            noData={chart.interference ? m.noInterference : m.noData}
          />
        ))}
      </>
    );
  };

  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      {body()}
    </section>
  );
}
