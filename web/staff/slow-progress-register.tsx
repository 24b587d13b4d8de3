/**
 * The slow-progress register: open reports past their acknowledgement or
 * feedback deadline (GET /api/staff/reports?overdue=true), as two tables
 * with the due date and how long ago it passed, most overdue first.
 */
import type { ConsoleMessages, RegistersMessages, ReportLabels } from '../i18n/types';
import { fill, labelOf } from '../i18n/fill';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { useFocusLater } from './focus-later';
import { errorText, formatTime, leaveIfSignedOut } from './format';
import { reportHref } from './session';
import { DataTable } from './data-table';
import type { ReportSummary } from '../../contract/schemas/staff-views';

type OverdueReport = ReportSummary;

interface Props {
  lang: Lang;
  m: RegistersMessages;
  labels: ReportLabels;
  common: ConsoleMessages;
}

const PAGE_SIZE = 100;
const DAY_MS = 86_400_000;

/** Whole days from `iso` until `now` (0 when under a day). */
function daysPast(iso: string, now: number): number {
  const due = Date.parse(iso);
  return Number.isNaN(due) ? 0 : Math.max(0, Math.floor((now - due) / DAY_MS));
}

interface TableProps extends Props {
  id: string;
  kind: 'acknowledgement' | 'feedback';
  reports: readonly OverdueReport[];
  now: number;
}

function OverdueTable(props: TableProps): JSX.Element {
  const { lang, id, kind, now } = props;
  const m = props.m.slow;
  const text = m[kind];
  const dueOf = (r: OverdueReport): string => (kind === 'acknowledgement' ? r.ackDueAt : r.feedbackDueAt);
  const rows = props.reports.filter((r) => r.overdue[kind]).sort((a, b) => dueOf(a).localeCompare(dueOf(b)) || a.id - b.id);
  const c = m.columns;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{text.heading}</h3>
      {rows.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <DataTable
          captionId={`${id}-caption`}
          caption={text.caption}
          columns={[c.report, c.channel, c.status, c.received, text.due, c.overdueBy, c.assignee]}
          rows={rows}
          rowKey={(r) => r.id}
          cells={(r) => (
            <>
              <th scope="row">
                <a href={reportHref(lang, r.id)}>{fill(lang, props.m.reportLink, { id: String(r.id) })}</a>
              </th>
              <td>{r.channel}</td>
              <td>{labelOf(props.labels.statuses, r.status)}</td>
              <td>{formatTime(lang, r.receivedAt)}</td>
              <td>{formatTime(lang, dueOf(r))}</td>
              <td class="overdue">{overdueDays(lang, m, daysPast(dueOf(r), now))}</td>
              <td>{r.assignee?.username ?? m.unassigned}</td>
            </>
          )}
        />
      )}
    </section>
  );
}

/** How long a report is past its deadline: "under a day", or whole days. */
function overdueDays(lang: Lang, m: RegistersMessages['slow'], days: number): string {
  return days < 1 ? m.underADay : fill(lang, m.days, { count: days });
}

export function SlowProgressRegister(props: Props): JSX.Element {
  const { lang, common } = props;
  const m = props.m.slow;
  const [reports, setReports] = useState<OverdueReport[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const now = useRef(Date.now());
  const focusLater = useFocusLater();

  const load = async (cursor: string | null): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const query = new URLSearchParams({ overdue: 'true', limit: String(PAGE_SIZE) });
    if (cursor !== null) query.set('cursor', cursor);
    const result = await staffApi('GET', `reports?${query}`);
    setBusy(false);
    if (!result.ok) {
      if (!leaveIfSignedOut(lang, result)) setFailure(errorText(common, result.code));
      return;
    }
    now.current = Date.now();
    // New rows land in either table, sorted in: start reading the register again from its top.
    if (cursor !== null) focusLater('slow-heading');
    setReports((shown) => (cursor === null ? result.data.reports : [...shown, ...result.data.reports]));
    setNext(result.data.nextCursor);
  };

  useEffect(() => {
    void load(null);
  }, []);

  return (
    <section aria-labelledby="slow-heading">
      <h2 id="slow-heading" tabIndex={-1}>{m.heading}</h2>
      <p>{m.intro}</p>
      {failure !== null && (
        <p class="form-failure" role="alert">
          {failure}
        </p>
      )}
      {busy && reports.length === 0 ? (
        <p role="status">{common.loading}</p>
      ) : (
        <>
          <OverdueTable {...props} id="overdue-ack" kind="acknowledgement" reports={reports} now={now.current} />
          <OverdueTable {...props} id="overdue-feedback" kind="feedback" reports={reports} now={now.current} />
        </>
      )}
      {next !== null && (
        <button type="button" class="button button-secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => busy || void load(next)}>
          {m.loadMore}
        </button>
      )}
    </section>
  );
}
