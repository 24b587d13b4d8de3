/**
 * Statistics for auditors over a range of days: key figures, then a bar
 * chart and table per breakdown, the registers by channel and region, and
 * the whole page as a CSV file.
 */
import type { AuditMessages, ConsoleMessages, ReportLabels } from '../i18n/types';
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { BarChart } from './bar-chart';
import { csvBlob } from './csv';
import { errorText, leaveIfSignedOut } from './format';
import { rangeSentence, StatsRangeForm, type DayRange } from './stats-range-form';
import { statisticsCsvRows, statisticsTables, type StatsTable } from './stats-tables';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';
import { fill } from '../i18n/fill';

interface Props {
  lang: Lang;
  m: AuditMessages;
  labels: ReportLabels;
  common: ConsoleMessages;
}

/** The range as a query string ('?from=…&to=…', or '' for every day). */
function rangeQuery(range: DayRange): string {
  const query = new URLSearchParams();
  if (range.from !== '') query.set('from', range.from);
  if (range.to !== '') query.set('to', range.to);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

function statsPath(range: DayRange): 'stats' | `stats?${string}` {
  const query = rangeQuery(range);
  return query === '' ? 'stats' : `stats?${query.slice(1)}`;
}

const charts = (tables: readonly StatsTable[]): JSX.Element[] =>
  tables.map((table) => (
    <BarChart key={table.id} id={table.id} heading={table.heading} keyHeader={table.keyHeader} countHeader={table.countHeader} rows={table.rows} noData={table.noData} />
  ));

export function AuditStats(props: Props): JSX.Element {
  const { lang, common, labels } = props;
  const m = props.m.stats;
  // Every day by default: the numbers an auditor saw before ranges existed, and nothing silently left out.
  const [range, setRange] = useState<DayRange>({ from: '', to: '' });
  const [stats, setStats] = useState<Statistics | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      setFailure(null);
      const result = await staffApi('GET', statsPath(range));
      if (result.ok) setStats(result.data);
      else if (!leaveIfSignedOut(lang, result)) setFailure(result.status === 403 ? props.m.notForRole : errorText(common, result.code));
    })();
  }, [range.from, range.to]);

  const tables = useMemo(() => (stats === null ? null : statisticsTables(lang, m, labels, stats)), [stats]);
  const csvUrl = useMemo(
    () => (stats === null || tables === null ? null : URL.createObjectURL(csvBlob(statisticsCsvRows(m, stats.range, [...tables.leads, ...tables.registers])))),
    [tables],
  );
  useEffect(() => () => {
    if (csvUrl !== null) URL.revokeObjectURL(csvUrl);
  }, [csvUrl]);

  const body = (): JSX.Element => {
    if (failure !== null) {
      return (
        <p class="form-failure" role="alert">
          {failure}
        </p>
      );
    }
    if (stats === null || tables === null) return <p role="status">{common.loading}</p>;
    const shown: DayRange = { from: stats.range.from ?? '', to: stats.range.to ?? '' };
    const fileName = `${m.fileName}-${shown.from || 'start'}-${shown.to || 'now'}.csv`;
    return (
      <>
        <p id="stats-range-shown" role="status">
          {rangeSentence(lang, m.range, shown)}
        </p>
        <div class="toolbar">
          {csvUrl !== null && (
            <a class="button button-secondary" href={csvUrl} download={fileName} aria-describedby="stats-export-hint">
              {m.exportCsv}
            </a>
          )}
          {/* A plain link: the server signs the file and audits the download (GET /api/staff/reports-upward/statistics). */}
          <a class="button button-secondary" href={`/api/staff/reports-upward/statistics${rangeQuery(shown)}`} download aria-describedby="stats-upward-hint">
            {m.upwardReport}
          </a>
        </div>
        <p class="hint" id="stats-export-hint">
          {m.exportHint}
        </p>
        <p class="hint" id="stats-upward-hint">
          {m.upwardHint}
        </p>
        <h3>{m.summaryHeading}</h3>
        <dl class="figures">
          <Figure term={m.total} value={stats.total} />
          <Figure term={m.median} value={stats.medianHoursToAcknowledge === null ? m.noMedian : fill(lang, m.hours, { count: stats.medianHoursToAcknowledge })} />
          <Figure term={m.overdueAck} value={stats.overdue.acknowledgement} />
          <Figure term={m.overdueFeedback} value={stats.overdue.feedback} />
          <Figure term={m.referralsTotal} value={stats.referrals.total} />
          <Figure term={m.outcomesTotal} value={stats.outcomes.total} />
          <Figure term={m.interferenceTotal} value={stats.interference.total} />
          <Figure term={m.overdueLeadsTotal} value={stats.overdueLeads.total} />
        </dl>
        {charts(tables.leads)}
        <h3>{m.registersHeading}</h3>
        {charts(tables.registers)}
      </>
    );
  };

  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      <StatsRangeForm lang={lang} m={m.range} shown={range} onShow={setRange} />
      {body()}
    </section>
  );
}

function Figure(props: { term: string; value: string | number }): JSX.Element {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
