/**
 * The triage queue: filters and the sort (kept in the page's query string so
 * Back and a reload keep them), the reports with their deadlines, the
 * low-effort and unread markers, "Load more" pages, and "Pull next", which
 * claims the next report and opens it. Closed leads show only when the
 * status filter asks for them.
 */
import type { CaseWords, ConsoleMessages, QueueMessages, SearchMessages } from '../i18n/types';
import { labelOf } from '../i18n/fill';
import type { JSX } from 'preact';
import { REGION_OPTIONS_ID } from '../staff/region-options';
import { staffPath, type Lang } from '../i18n/lang';
import { CATEGORIES, INTERNAL_STATUSES, PRIORITY_MAX, QUEUE_SORTS, REPORT_SOURCES } from '../../contract/vocabulary';
import { staffApi } from '../staff/api';
import { channelName, channelNameOf, errorText, formatTime, leaveIfSignedOut } from '../staff/format';
import { fill } from '../i18n/fill';
import type { MemberList, QueueRow, SessionInfo, TagList } from '../staff/types';
import { QueueTagMaker } from '../staff/queue-tags';
import { QueueBulk } from '../staff/queue-bulk';
import { LowEffortMarker } from '../staff/low-effort-marker';
import { FocusingComponent } from './focus-after-render';
import { consoleMessagesFor } from './console-messages';
import { DataTable } from '../staff/data-table';
import { LeadSearch } from '../staff/lead-search';

const FILTERS = [
  'channel',
  'status',
  'category',
  'region',
  'source',
  'priority',
  'from',
  'to',
  'overdue',
  'needsAction',
  'unread',
  'tag',
  'lowEffort',
  'assignee',
  'sort',
  'order',
] as const;
const ORDERS = ['', 'desc', 'asc'] as const;
const PRIORITIES = Array.from({ length: PRIORITY_MAX + 1 }, (_, i) => i);
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
const COLUMNS = ['report', 'category', 'channel', 'region', 'status', 'priority', 'assignee', 'received', 'due'] as const;
const PULL_MESSAGE_ID = 'pull-message';
const ERROR_ID = 'queue-error';

interface Props {
  lang: Lang;
  c: ConsoleMessages;
  w: CaseWords;
  m: QueueMessages;
  s: SearchMessages;
}

interface State {
  me: SessionInfo | null;
  filters: Filters;
  rows: QueueRow[];
  nextCursor: string | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  pulling: boolean;
  pullMessage: string | null;
  /** The leads ticked for a bulk action, by id. */
  selected: number[];
  members: MemberList['members'];
  tags: TagList['tags'];
}

function filtersFrom(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** The report page's address for a report. */
export function reportHref(lang: Lang, id: number): string {
  return `${staffPath(lang, 'report')}?id=${id}`;
}

export class QueueIsland extends FocusingComponent<Props, State> {
  override state: State = {
    me: null,
    filters: {},
    rows: [],
    nextCursor: null,
    loading: true,
    loaded: false,
    error: null,
    pulling: false,
    pullMessage: null,
    selected: [],
    members: [],
    tags: [],
  };

  override componentDidMount(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const me = await staffApi('GET', 'me');
    if (!me.ok) {
      if (!leaveIfSignedOut(this.props.lang, me)) this.setState({ loading: false, error: errorText(this.props.c, me.code) });
      return;
    }
    const filters = filtersFrom(new URLSearchParams(location.search));
    this.setState({ me: me.data, filters });
    if (me.data.role === 'auditor') {
      this.setState({ loading: false });
      return;
    }
    await this.load(filters, null);
    const members = await staffApi('GET', 'members');
    if (members.ok) this.setState({ members: members.data.members });
    await this.loadTags();
  }

  private async load(filters: Filters, cursor: string | null): Promise<void> {
    this.setState({ loading: true, error: null });
    const query = new URLSearchParams(filters as Record<string, string>);
    if (cursor !== null) query.set('cursor', cursor);
    const result = await staffApi('GET', `reports?${query.toString()}`);
    if (!result.ok) {
      if (!leaveIfSignedOut(this.props.lang, result)) {
        this.setState({ loading: false, error: errorText(this.props.c, result.code) });
        this.focusAfterRender(ERROR_ID);
      }
      return;
    }
    const first = result.data.reports[0];
    this.setState((s) => ({
      loading: false,
      loaded: true,
      rows: cursor === null ? result.data.reports : [...s.rows, ...result.data.reports],
      // A fresh first page starts a fresh selection: ticked rows must be rows on screen.
      selected: cursor === null ? [] : s.selected,
      nextCursor: result.data.nextCursor,
    }));
    // After "Load more", continue from the first new row.
    if (cursor !== null && first) this.focusAfterRender(`report-link-${first.id}`);
  }

  onFilter = (event: Event): void => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    const params = new URLSearchParams();
    new FormData(form).forEach((value, key) => {
      if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
    });
    const filters = filtersFrom(params);
    history.replaceState(null, '', params.size > 0 ? `?${params.toString()}` : location.pathname);
    this.setState({ filters, pullMessage: null });
    void this.load(filters, null);
  };

  onSelect = (id: number, on: boolean): void => {
    this.setState((s) => ({ selected: on ? [...s.selected.filter((x) => x !== id), id] : s.selected.filter((x) => x !== id) }));
  };

  onClearSelection = (): void => this.setState({ selected: [] });

  onBulkDone = (): void => void this.load(this.state.filters, null);

  private async loadTags(): Promise<void> {
    const tags = await staffApi('GET', 'tags');
    if (tags.ok) this.setState({ tags: tags.data.tags });
  }

  onTagMade = (): void => void this.loadTags();

  /** A tag as lists show it: its name, and its channel when the member holds more than one. */
  tagLabel = (tag: TagList['tags'][number]): string => {
    const channels = this.state.me?.channels ?? [];
    return channels.length > 1 ? `${tag.name} (${channelNameOf(this.props.lang, channels, tag.channel)})` : tag.name;
  };

  onLoadMore = (): void => {
    if (this.state.nextCursor !== null && !this.state.loading) void this.load(this.state.filters, this.state.nextCursor);
  };

  onPull = async (): Promise<void> => {
    if (this.state.pulling) return;
    this.setState({ pulling: true, pullMessage: null });
    const result = await staffApi('POST', 'queue/claim');
    if (result.ok && result.status === 200 && result.data !== null) {
      location.assign(reportHref(this.props.lang, result.data.id));
      return;
    }
    if (!result.ok && leaveIfSignedOut(this.props.lang, result)) return;
    this.setState({ pulling: false, pullMessage: result.ok ? this.props.m.nothingToPull : errorText(this.props.c, result.code) });
    this.focusAfterRender(PULL_MESSAGE_ID);
  };

  private renderFilters(me: SessionInfo): JSX.Element {
    const { lang, m, w } = this.props;
    const f = this.state.filters;
    const option = (value: string, label: string, current: string | undefined): JSX.Element => (
      <option value={value} selected={value === (current ?? '')}>
        {label}
      </option>
    );
    return (
      <form class="toolbar filters" onSubmit={this.onFilter} aria-label={m.filters}>
        <label>
          {m.channel}
          <select name="channel">
            {option('', m.anyChannel, f.channel)}
            {me.channels.map((ch) => option(ch.slug, channelName(lang, ch), f.channel))}
          </select>
        </label>
        <label>
          {m.status}
          <select name="status">
            {option('', m.anyStatus, f.status)}
            {option('all', m.allStatuses, f.status)}
            {INTERNAL_STATUSES.map((st) => option(st, w.statuses[st], f.status))}
          </select>
        </label>
        <label>
          {m.category}
          <select name="category">
            {option('', m.anyCategory, f.category)}
            {CATEGORIES.map((cat) => option(cat, w.categories[cat], f.category))}
          </select>
        </label>
        <label>
          {m.region}
          <input type="text" name="region" defaultValue={f.region ?? ''} maxLength={64} list={REGION_OPTIONS_ID} />
        </label>
        <label>
          {m.source}
          <select name="source">
            {option('', m.anySource, f.source)}
            {REPORT_SOURCES.map((source) => option(source, w.sources[source], f.source))}
          </select>
        </label>
        <label>
          {m.priority}
          <select name="priority">
            {option('', m.anyPriority, f.priority)}
            {PRIORITIES.map((p) => option(String(p), w.priorities[p] ?? String(p), f.priority))}
          </select>
        </label>
        <label>
          {m.from}
          <input type="date" name="from" defaultValue={f.from ?? ''} />
        </label>
        <label>
          {m.to}
          <input type="date" name="to" defaultValue={f.to ?? ''} />
        </label>
        <label>
          {m.assignee}
          <select name="assignee">
            {option('', m.anyone, f.assignee)}
            {option('me', m.me, f.assignee)}
            {option('none', m.nobody, f.assignee)}
          </select>
        </label>
        <label>
          {m.lowEffort}
          <select name="lowEffort">
            {option('', m.lowEffortAll, f.lowEffort)}
            {option('true', m.lowEffortOnly, f.lowEffort)}
            {option('false', m.lowEffortExcluded, f.lowEffort)}
          </select>
        </label>
        <label class="inline-check">
          <input type="checkbox" name="overdue" value="true" defaultChecked={f.overdue === 'true'} />
          {m.overdueOnly}
        </label>
        <label>
          {m.tag}
          <select name="tag">
            {option('', m.anyTag, f.tag)}
            {this.state.tags.map((tag) => option(String(tag.id), this.tagLabel(tag), f.tag))}
          </select>
        </label>
        <label class="inline-check">
          <input type="checkbox" name="needsAction" value="true" defaultChecked={f.needsAction === 'true'} />
          {m.needsActionOnly}
        </label>
        <label class="inline-check">
          <input type="checkbox" name="unread" value="true" defaultChecked={f.unread === 'true'} />
          {m.unreadOnly}
        </label>
        <label>
          {m.sort}
          <select name="sort">{QUEUE_SORTS.map((sort) => option(sort === 'priority' ? '' : sort, m.sorts[sort], f.sort))}</select>
        </label>
        <label>
          {m.order}
          <select name="order">{ORDERS.map((order) => option(order, m.orders[order], f.order))}</select>
        </label>
        <button type="submit" class="button">
          {m.apply}
        </button>
      </form>
    );
  }

  private renderCells(row: QueueRow): JSX.Element {
    const { lang, w, m } = this.props;
    return (
      <>
        <th scope="row" class="nowrap">
          <input
            type="checkbox"
            aria-label={fill(lang, m.bulk.select, { id: String(row.id) })}
            checked={this.state.selected.includes(row.id)}
            onChange={(e) => this.onSelect(row.id, (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          <a id={`report-link-${row.id}`} href={reportHref(lang, row.id)}>
            {fill(lang, w.reportName, { id: String(row.id) })}
          </a>
          {row.lowEffort && <LowEffortMarker label={w.lowEffort} />}
          {row.unread && <strong class="block">{m.unread}</strong>}
          {row.tags.length > 0 && (
            <span class="small block">
              {fill(lang, m.tagsOf, {
                list: row.tags.map((id) => this.state.tags.find((tag) => tag.id === id)?.name ?? `#${id}`).join(', '),
              })}
            </span>
          )}
        </th>
        <td>{labelOf(w.categories, row.category)}</td>
        <td>{channelNameOf(lang, this.state.me?.channels ?? [], row.channel)}</td>
        <td>{row.region ?? w.noRegion}</td>
        <td>
          {w.statuses[row.status]}
          {row.lease !== null && (
            <span class="small block">{fill(lang, w.heldBy, { name: row.lease.holder.username, time: formatTime(lang, row.lease.until) })}</span>
          )}
        </td>
        <td>{w.priorities[row.priority] ?? row.priority}</td>
        <td>{row.assignee?.username ?? w.unassigned}</td>
        <td>{formatTime(lang, row.receivedAt)}</td>
        <td>
          {row.overdue.acknowledgement && <strong class="overdue block">{w.ackOverdue}</strong>}
          {row.overdue.feedback && <strong class="overdue block">{w.feedbackOverdue}</strong>}
          {row.status !== 'closed' && row.acknowledgedAt === null && !row.overdue.acknowledgement && (
            <span class="block">{fill(lang, m.ackDue, { time: formatTime(lang, row.ackDueAt) })}</span>
          )}
          {row.status !== 'closed' && !row.overdue.feedback && <span class="block">{fill(lang, m.feedbackDue, { time: formatTime(lang, row.feedbackDueAt) })}</span>}
        </td>
      </>
    );
  }

  /** The table's caption says the order the rows are in. */
  private caption(): string {
    const { lang, m } = this.props;
    const { sort, order } = this.state.filters;
    if (sort === undefined && order === undefined) return m.caption;
    const sortName = m.sorts[QUEUE_SORTS.find((known) => known === sort) ?? 'priority'];
    const orderName = m.orders[ORDERS.find((known) => known === order) ?? ''];
    return fill(lang, m.captionSorted, { sort: sortName, order: orderName });
  }

  override render(): JSX.Element {
    const { lang, c, m } = this.props;
    const s = this.state;
    const overdueCount = s.rows.filter((row) => row.overdue.acknowledgement || row.overdue.feedback).length;
    const lowEffortCount = s.rows.filter((row) => row.lowEffort).length;
    const unreadCount = s.rows.filter((row) => row.unread).length;
    return (
      <div class="queue">
        <h1>{m.heading}</h1>
        {s.me !== null && !s.me.totpEnabled && (
          <p class="notice">
            <a href={`${staffPath(lang, 'signin')}?enrol=totp`}>{m.enrolTotp}</a>
          </p>
        )}
        {s.me?.role === 'auditor' && <p class="notice">{m.auditorNoQueue}</p>}
        {s.me !== null && s.me.role !== 'auditor' && (
          <>
            <div class="actions pull">
              <button type="button" class="button" onClick={this.onPull} aria-disabled={s.pulling ? 'true' : undefined}>
                {s.pulling ? m.pulling : m.pullNext}
              </button>
              <div aria-live="polite">
                {s.pullMessage !== null && (
                  <p id={PULL_MESSAGE_ID} tabIndex={-1} class="notice">
                    {s.pullMessage}
                  </p>
                )}
              </div>
            </div>
            <LeadSearch lang={lang} c={c} w={this.props.w} m={this.props.s} columns={m.columns} channels={s.me.channels} />
            <h2>{m.filters}</h2>
            {this.renderFilters(s.me)}
          </>
        )}
        <div aria-live="assertive">
          {s.error !== null && (
            <p id={ERROR_ID} class="form-failure" role="alert" tabIndex={-1}>
              {s.error}
            </p>
          )}
        </div>
        <p role="status" class="counts">
          {s.loading
            ? c.loading
            : s.loaded && (
                <>
                  {fill(lang, m.count, { count: s.rows.length })}
                  {overdueCount > 0 && <strong class="overdue">{` · ${fill(lang, m.overdueCount, { count: overdueCount })}`}</strong>}
                  {lowEffortCount > 0 && ` · ${fill(lang, m.lowEffortCount, { count: lowEffortCount })}`}
                  {unreadCount > 0 && ` · ${fill(lang, m.unreadCount, { count: unreadCount })}`}
                  {s.nextCursor !== null && ` · ${m.moreAvailable}`}
                </>
              )}
        </p>
        {s.loaded && s.rows.length === 0 && <p>{m.empty}</p>}
        {s.rows.length > 0 && (
          <DataTable
            captionId="queue-caption"
            caption={this.caption()}
            columns={COLUMNS.map((key) => m.columns[key])}
            rows={s.rows}
            rowKey={(row) => row.id}
            rowClass={(row) => (row.overdue.acknowledgement || row.overdue.feedback ? 'overdue-row' : undefined)}
            cells={(row) => this.renderCells(row)}
          />
        )}
        {s.me !== null && s.me.role !== 'auditor' && s.loaded && (
          <>
            <QueueBulk
              lang={lang}
              c={c}
              m={m.bulk}
              selected={s.selected}
              members={s.members}
              tags={s.tags}
              tagLabel={this.tagLabel}
              onClear={this.onClearSelection}
              onDone={this.onBulkDone}
            />
            <QueueTagMaker lang={lang} c={c} m={m.tags} channels={s.me.channels} onMade={this.onTagMade} />
          </>
        )}
        {s.nextCursor !== null && (
          <p>
            <button type="button" class="button button-secondary" onClick={this.onLoadMore} aria-disabled={s.loading ? 'true' : undefined}>
              {m.loadMore}
            </button>
          </p>
        )}
      </div>
    );
  }
}

/** The island a page places: the console's messages in the page's language (console-messages.ts). */
export function StaffQueue({ lang }: { lang: Lang }): JSX.Element {
  const c = consoleMessagesFor(lang);
  return <QueueIsland lang={lang} c={c.common} w={{ ...c.labels, ...c.case }} m={c.queue} s={c.search} />;
}
