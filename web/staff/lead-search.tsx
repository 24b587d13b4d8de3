/**
 * Searching leads from the queue page (POST /api/staff/search, so the query
 * never sits in a URL or the browser history): a search box and the leads
 * found, newest first, each linking to its case page, with a warning while
 * some of the caller's reports are not indexed yet.
 */
import type { JSX } from 'preact';
import type { CaseWords, ConsoleMessages, QueueMessages, SearchMessages } from '../i18n/types';
import { fill, labelOf } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import { FocusingComponent } from '../islands/focus-after-render';
import { staffApi } from './api';
import { DataTable } from './data-table';
import { channelNameOf, errorText, formatTime, leaveIfSignedOut } from './format';
import { reportHref, type StaffChannel } from './session';
import type { SearchAnswer } from './types';

interface Props {
  lang: Lang;
  c: ConsoleMessages;
  w: CaseWords;
  m: SearchMessages;
  columns: QueueMessages['columns'];
  channels: readonly StaffChannel[];
}

interface State {
  busy: boolean;
  answer: SearchAnswer | null;
  failure: string | null;
}

const RESULT_ID = 'search-result';

export class LeadSearch extends FocusingComponent<Props, State> {
  override state: State = { busy: false, answer: null, failure: null };
  /** Answers to an earlier query are dropped when they arrive late. */
  private asked = 0;

  onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    if (!(form instanceof HTMLFormElement)) return;
    const q = String(new FormData(form).get('q') ?? '').trim();
    if (q === '') return;
    const asked = ++this.asked;
    this.setState({ busy: true, failure: null });
    const result = await staffApi('POST', 'search', { q });
    if (asked !== this.asked) return;
    if (!result.ok) {
      if (leaveIfSignedOut(this.props.lang, result)) return;
      const tooShort = result.code === 'invalid_input' && result.fields?.['q'] === 'too_short';
      this.setState({ busy: false, answer: null, failure: tooShort ? this.props.m.tooShort : errorText(this.props.c, result.code) });
    } else {
      this.setState({ busy: false, answer: result.data });
    }
    this.focusAfterRender(RESULT_ID);
  };

  private renderCells(row: SearchAnswer['results'][number]): JSX.Element {
    const { lang, w, channels } = this.props;
    return (
      <>
        <th scope="row" class="nowrap">
          <a href={reportHref(lang, row.id)}>{fill(lang, w.reportName, { id: String(row.id) })}</a>
        </th>
        <td>{labelOf(w.categories, row.category)}</td>
        <td>{channelNameOf(lang, channels, row.channel)}</td>
        <td>{w.statuses[row.status]}</td>
        <td>{w.priorities[row.priority] ?? row.priority}</td>
        <td>{formatTime(lang, row.receivedAt)}</td>
      </>
    );
  }

  override render(): JSX.Element {
    const { lang, m, columns } = this.props;
    const { busy, answer, failure } = this.state;
    return (
      <section class="lead-search" aria-labelledby="h-search">
        <h2 id="h-search">{m.heading}</h2>
        <form class="toolbar" role="search" onSubmit={this.onSubmit}>
          <label>
            {m.label}
            <input type="search" name="q" maxLength={100} required autoComplete="off" aria-describedby="search-hint" />
          </label>
          <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
            {busy ? m.searching : m.submit}
          </button>
        </form>
        <p id="search-hint" class="small">
          {m.hint}
        </p>
        <div aria-live="polite">
          {failure !== null && (
            <p id={RESULT_ID} tabIndex={-1} class="form-failure" role="alert">
              {failure}
            </p>
          )}
          {answer !== null && (
            <p id={RESULT_ID} tabIndex={-1} role="status">
              {answer.results.length === 0 ? m.none : fill(lang, m.count, { count: answer.results.length })}
            </p>
          )}
          {answer !== null && answer.unindexed > 0 && <p class="notice">{fill(lang, m.unindexed, { count: answer.unindexed })}</p>}
        </div>
        {answer !== null && answer.results.length > 0 && (
          <DataTable
            captionId="search-caption"
            caption={m.caption}
            columns={[columns.report, columns.category, columns.channel, columns.status, columns.priority, columns.received]}
            rows={answer.results}
            rowKey={(row) => row.id}
            cells={(row) => this.renderCells(row)}
          />
        )}
      </section>
    );
  }
}
