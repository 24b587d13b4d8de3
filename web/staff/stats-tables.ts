/**
 * The statistics page's tables, built once from the API's answer: the page
 * draws each as a bar chart with its table, and the CSV export writes the
 * same rows, so the file always says what the screen says.
 */
import type { AuditMessages, ReportLabels } from '../i18n/types';
import { fill, labelOf } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import type { ChartRow } from './bar-chart';
import type { CsvCell } from './csv';
import { channelNameOf } from './format';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';

type StatsMessages = AuditMessages['stats'];
type Count = Statistics['byChannel'][number];
type OutcomeCount = Statistics['outcomes']['byChannel'][number];

export interface StatsTable {
  id: string;
  heading: string;
  keyHeader: string;
  countHeader: string;
  rows: ChartRow[];
  noData: string;
}

/** Every table on the page, in page order: leads first, then the registers by channel and region. */
export function statisticsTables(lang: Lang, m: StatsMessages, labels: ReportLabels, stats: Statistics): { leads: StatsTable[]; registers: StatsTable[] } {
  const channel = (key: string): string => channelNameOf(lang, stats.channels, key);
  const region = (key: string): string => (key === '' ? m.noRegion : key);
  const outcome = (key: string): string => labelOf(labels.outcomes, key);
  const named = (counts: readonly Count[], name: (key: string) => string): ChartRow[] => counts.map((c) => ({ label: name(c.key), count: c.count }));
  const withOutcome = (counts: readonly OutcomeCount[], name: (key: string) => string): ChartRow[] =>
    counts.map((c) => ({ label: fill(lang, m.keyWithOutcome, { key: name(c.key), outcome: outcome(c.outcome) }), count: c.count }));
  const table = (id: string, text: { heading: string; key: string }, countHeader: string, noData: string, rows: ChartRow[]): StatsTable => ({
    id,
    heading: text.heading,
    keyHeader: text.key,
    countHeader,
    rows,
    noData,
  });
  // With no lead in the range the lead tables say so rather than list zeros; the overdue pair is always shown.
  const leadRows = (rows: ChartRow[]): ChartRow[] => (stats.total === 0 ? [] : rows);
  const c = m.charts;
  const leads = [
    table('by-channel', c.byChannel, m.countColumn, m.noData, leadRows(named(stats.byChannel, channel))),
    table('by-category', c.byCategory, m.countColumn, m.noData, leadRows(named(stats.byCategory, (key) => labelOf(labels.categories, key)))),
    table('by-region', c.byRegion, m.countColumn, m.noData, leadRows(named(stats.byRegion, region))),
    table('by-status', c.byStatus, m.countColumn, m.noData, leadRows(named(stats.byStatus, (key) => labelOf(labels.statuses, key)))),
    table('by-month', c.byMonth, m.countColumn, m.noData, leadRows(named(stats.byMonth, (key) => key))),
    table('overdue', c.overdue, m.countColumn, m.noData, [
      { label: m.overdueAck, count: stats.overdue.acknowledgement },
      { label: m.overdueFeedback, count: stats.overdue.feedback },
    ]),
  ];
  const registers = [
    table('referrals-by-channel', c.referralsByChannel, m.referralCount, m.noReferrals, named(stats.referrals.byChannel, channel)),
    table('referrals-by-region', c.referralsByRegion, m.referralCount, m.noReferrals, named(stats.referrals.byRegion, region)),
    table('outcomes-by-outcome', c.outcomesByOutcome, m.closedCount, m.noOutcomes, named(stats.outcomes.byOutcome, outcome)),
    table('outcomes-by-channel', c.outcomesByChannel, m.closedCount, m.noOutcomes, withOutcome(stats.outcomes.byChannel, channel)),
    table('outcomes-by-region', c.outcomesByRegion, m.closedCount, m.noOutcomes, withOutcome(stats.outcomes.byRegion, region)),
    table('interference-by-channel', c.interferenceByChannel, m.interferenceCount, m.noInterference, named(stats.interference.byChannel, channel)),
    table('interference-by-region', c.interferenceByRegion, m.interferenceCount, m.noInterference, named(stats.interference.byRegion, region)),
    table('interference-by-month', c.interferenceByMonth, m.interferenceCount, m.noInterference, named(stats.interference.byMonth, (key) => key)),
    table('overdue-leads-by-channel', c.overdueLeadsByChannel, m.overdueCount, m.noOverdue, named(stats.overdueLeads.byChannel, channel)),
    table('overdue-leads-by-region', c.overdueLeadsByRegion, m.overdueCount, m.noOverdue, named(stats.overdueLeads.byRegion, region)),
  ];
  return { leads, registers };
}

/** The CSV export: one row per table row, naming its table and the days counted (empty for an open end). */
export function statisticsCsvRows(m: StatsMessages, range: Statistics['range'], tables: readonly StatsTable[]): CsvCell[][] {
  const c = m.csvColumns;
  return [
    [c.table, c.item, c.count, c.from, c.to],
    ...tables.flatMap((table) => table.rows.map((row) => [table.heading, row.label, row.count, range.from, range.to])),
  ];
}
