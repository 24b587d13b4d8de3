/**
 * One report, opened from the queue (`?id=N`): the low-effort marker when it
 * has one, its metadata, decrypted content, messages and case records, and
 * every casework action. Each action
 * answers in its own live region next to its form; nothing fails silently.
 * The lease, when the caller holds it, is renewed while the page is open and
 * released when the page is left. While someone else holds it the page says
 * who and until when, the forms are read-only (the server refuses their
 * writes with lease_held anyway), and the lead can be taken over after a
 * confirmation.
 */
import type { CaseWords, ConsoleCatalogue, ConsoleMessages, SearchMessages, StaffReportMessages } from '../i18n/types';
import { labelOf } from '../i18n/fill';
import type { JSX } from 'preact';
import { staffPath, type Lang } from '../i18n/lang';
import { BACKGROUND_HEADER } from '../../contract/staff-session-headers';
import { staffApi, type ApiFailure, type ApiResult } from '../staff/api';
import { channelNameOf, errorText, formatTime, leaveIfSignedOut } from '../staff/format';
import { fill } from '../i18n/fill';
import { reportAction, type ActionKey, type ActionOutcome } from '../staff/report-actions';
import type { AddedRecord, Assignees, CaseRecordView, CaseView, ContactDetails, LinkedLead, ReportSummary, SessionInfo } from '../staff/types';
import { LowEffortMarker } from '../staff/low-effort-marker';
import { FocusingComponent } from './focus-after-render';
import type { ActionResult } from '../components/console-action-form';
import { CLOSE_CONFIRM_ID, Contact, Handling, Links, Messages, PUBLIC_MESSAGE_FIELD_ID, Records, type ReportSectionProps } from '../components/console-report-forms';
import { CaseHistory } from '../staff/case-history';
import { queueNeighbour } from '../staff/queue-neighbours';
import { ShortcutHelp, shortcutOf } from '../staff/case-shortcuts';
import { FileList } from '../components/console-report-files';
import { RelatedLeads } from '../staff/related-leads';
import { consoleMessagesFor } from './console-messages';

/** Renew well before the lease runs out, and at least this often. */
const RENEW_EVERY_MS = 5 * 60_000;

interface Props {
  lang: Lang;
  c: ConsoleMessages;
  w: CaseWords;
  m: StaffReportMessages;
  /** For the related leads list. */
  s: SearchMessages;
  /** The whole console catalogue, for the history's audit sentences. */
  catalogue: ConsoleCatalogue;
}

interface State {
  id: number | null;
  me: SessionInfo | null;
  view: CaseView | null;
  loadError: string | null;
  busy: ActionKey | null;
  results: Partial<Record<ActionKey, ActionResult>>;
  invalid: Partial<Record<ActionKey, string[]>>;
  contact: ContactDetails | null;
  /** The take-over button was pressed once: it now asks to confirm. */
  confirmingTakeOver: boolean;
  /** Bumped after each action, so the history is fetched again. */
  version: number;
  /** The answer to a next/previous shortcut that found no lead. */
  shortcutNote: string | null;
  /** Who the lead may be assigned to; null until loaded. */
  assignees: Assignees['assignees'] | null;
  /** The outcome chosen in the close form, waiting for Confirm or Cancel. */
  closing: string | null;
}

/** Now, truncated to the hour like the server's own timestamps. */
function hourNow(): string {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now.toISOString().replace('.000Z', 'Z');
}

export class ReportIsland extends FocusingComponent<Props, State> {
  override state: State = {
    id: null,
    me: null,
    view: null,
    loadError: null,
    busy: null,
    results: {},
    invalid: {},
    contact: null,
    confirmingTakeOver: false,
    closing: null,
    assignees: null,
    version: 0,
    shortcutNote: null,
  };
  private help: HTMLDialogElement | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  /** Ends someone else's lease on this page when it runs out, so the forms open again without a reload. */
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;

  override componentDidMount(): void {
    const raw = new URLSearchParams(location.search).get('id') ?? '';
    if (!/^[1-9]\d{0,15}$/.test(raw)) {
      this.setState({ loadError: this.props.m.missingId });
      return;
    }
    this.setState({ id: Number(raw) });
    addEventListener('pagehide', this.onPageHide);
    addEventListener('pageshow', this.onPageShow);
    document.addEventListener('keydown', this.onKeyDown);
    void this.load(Number(raw));
  }

  override componentWillUnmount(): void {
    this.stopRenewing();
    removeEventListener('pagehide', this.onPageHide);
    removeEventListener('pageshow', this.onPageShow);
    document.removeEventListener('keydown', this.onKeyDown);
  }

  /** j/n and k/p: next and previous lead in the queue; r: the reply box; ?: the list of keys. Never while typing. */
  private onKeyDown = (event: KeyboardEvent): void => {
    const shortcut = shortcutOf(event);
    if (shortcut === null || this.state.view === null) return;
    event.preventDefault();
    if (shortcut === 'help') this.help?.showModal();
    else if (shortcut === 'reply') document.getElementById('f-reply-body')?.focus();
    else void this.goToNeighbour(shortcut === 'next' ? 1 : -1);
  };

  private async goToNeighbour(direction: 1 | -1): Promise<void> {
    const { id } = this.state;
    if (id === null) return;
    const found = await queueNeighbour(id, direction);
    if (typeof found === 'number') {
      location.assign(`?id=${found}`);
      return;
    }
    if (found !== null && leaveIfSignedOut(this.props.lang, found)) return;
    this.setState({ shortcutNote: found === null ? this.props.m.shortcuts.noNext : errorText(this.props.c, found.code) });
    this.focusAfterRender('shortcut-note');
  }

  private async load(id: number): Promise<void> {
    const [me, view] = await Promise.all([staffApi('GET', 'me'), staffApi('GET', `reports/${id}`)]);
    const failure = !me.ok ? me : !view.ok ? view : null;
    if (failure !== null) {
      if (leaveIfSignedOut(this.props.lang, failure)) return;
      this.setState({ loadError: failure.status === 404 ? this.props.m.notFound : errorText(this.props.c, failure.code) });
      return;
    }
    if (!me.ok || !view.ok) return;
    document.title = `${fill(this.props.lang, this.props.w.reportName, { id: String(id) })} · ${document.title.split(' · ').slice(-1)[0] ?? ''}`;
    this.setState({ me: me.data, view: view.data, loadError: null }, () => this.scheduleRenewal());
    void this.loadAssignees(id);
  }

  /** The assignment menu's choices; without them the menu offers only the current assignee and "unassigned". */
  private async loadAssignees(id: number): Promise<void> {
    const result = await staffApi('GET', `reports/${id}/assignees`);
    if (result.ok) this.setState({ assignees: result.data.assignees });
  }

  /** True when the signed-in member holds the report's lease. */
  private holdsLease(view: ReportSummary | null = this.state.view): boolean {
    return view?.lease?.mine === true;
  }

  /** True when someone else holds a live lease: the page is read-only until it is taken over. */
  private heldByOther(view: ReportSummary | null = this.state.view): boolean {
    return view?.lease != null && !view.lease.mine;
  }

  /** The member's own staff id, when the page can know it (their lease or assignment). */
  private myId(): number | null {
    const { view, me } = this.state;
    if (view === null || me === null) return null;
    if (view.lease?.mine === true) return view.lease.holder.id;
    if (view.assignee?.username === me.username) return view.assignee.id;
    return this.state.assignees?.find((member) => member.username === me.username)?.id ?? null;
  }

  private scheduleRenewal(): void {
    this.stopRenewing();
    const lease = this.state.view?.lease;
    if (lease && !lease.mine) this.scheduleExpiry(lease.until);
    if (!lease || !this.holdsLease()) return;
    const left = new Date(lease.until).getTime() - Date.now();
    this.renewTimer = setTimeout(() => void this.renew(), Math.max(15_000, Math.min(RENEW_EVERY_MS, left / 2)));
  }

  private stopRenewing(): void {
    if (this.renewTimer !== null) clearTimeout(this.renewTimer);
    if (this.expiryTimer !== null) clearTimeout(this.expiryTimer);
    this.renewTimer = null;
    this.expiryTimer = null;
  }

  /**
   * Someone else's lease ends by itself at `until`. The holder's page may have
   * renewed it meanwhile: then the next write answers lease_held with the new
   * expiry and the page turns read-only again (noteHeldLease).
   */
  private scheduleExpiry(until: string): void {
    const left = Math.max(0, new Date(until).getTime() - Date.now()) + 1_000;
    this.expiryTimer = setTimeout(() => {
      this.setState((s) => (s.view?.lease?.until !== until ? {} : { view: { ...s.view, leased: false, lease: null } }));
    }, left);
  }

  private async renew(): Promise<void> {
    const { id } = this.state;
    if (id === null) return;
    // The page renews by itself: not a person's activity, so it must not keep the session alive.
    const result = await staffApi('POST', `reports/${id}/lease`, { action: 'renew' }, { background: true });
    if (result.ok) this.mergeSummary(result.data, () => this.scheduleRenewal());
    else if (!leaveIfSignedOut(this.props.lang, result)) {
      this.noteHeldLease(result);
      this.setResult('lease', { ok: false, text: `${this.props.m.lease.renewFailed} ${errorText(this.props.c, result.code)}` }, false);
    }
  }

  /** Someone else holds the lead (the server said so): show them as the holder, which makes the page read-only. */
  private noteHeldLease(failure: ApiFailure): void {
    const lease = failure.lease;
    if (failure.code !== 'lease_held' || lease === undefined) return;
    this.stopRenewing();
    this.setState((s) => (s.view === null ? {} : { view: { ...s.view, leased: true, lease: { ...lease, mine: false } } }), () => this.scheduleRenewal());
  }

  /** The first press asks to confirm; the second takes the lead over (audited on the server). */
  private takeOver = async (): Promise<void> => {
    const { id, busy, confirmingTakeOver } = this.state;
    if (id === null || busy !== null) return;
    if (!confirmingTakeOver) {
      this.setState({ confirmingTakeOver: true });
      this.focusAfterRender('take-over-confirm');
      return;
    }
    this.setState({ busy: 'lease', confirmingTakeOver: false });
    const result = await staffApi('POST', `reports/${id}/lease`, { action: 'take_over' });
    if (!result.ok) return this.failed('lease', result);
    this.mergeSummary(result.data, () => this.scheduleRenewal());
    this.setResult('lease', { ok: true, text: this.props.m.lease.takenOver });
  };

  /** Leaving the page gives the report back; keepalive lets the request outlive the page. */
  private onPageHide = (): void => {
    const { id } = this.state;
    if (id === null || !this.holdsLease()) return;
    this.stopRenewing();
    void fetch(`/api/staff/reports/${id}/lease`, {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      // Sent by the page itself on the way out: the next page's own requests are the person's activity.
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [BACKGROUND_HEADER]: '1' },
      body: JSON.stringify({ action: 'release' }),
    }).catch(() => undefined);
  };

  /** Restored from the back/forward cache: the lease was released on leaving, so show the report as it is now. */
  private onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && this.state.id !== null) void this.load(this.state.id);
  };

  private mergeSummary(summary: ReportSummary, then?: () => void): void {
    this.setState((s) => (s.view === null ? {} : { view: { ...s.view, ...summary } }), then);
  }

  private setResult(key: ActionKey, result: ActionResult, focus = true): void {
    this.setState((s) => ({ busy: null, results: { ...s.results, [key]: result } }));
    if (focus) this.focusAfterRender(`result-${key}`);
  }

  private failed(key: ActionKey, failure: ApiFailure): void {
    if (leaveIfSignedOut(this.props.lang, failure)) return;
    this.noteHeldLease(failure);
    const { c, m } = this.props;
    let text = errorText(c, failure.code);
    if (key === 'reveal' && failure.code === 'conflict') text = m.contact.noContact;
    this.setState((s) => ({ invalid: { ...s.invalid, [key]: Object.keys(failure.fields ?? {}) } }));
    this.setResult(key, { ok: false, text });
  }

  /** Run one action: validate, call the API, fold the answer into the page, say what happened. */
  perform = async (key: ActionKey, values: Record<string, string>, form: HTMLFormElement | null): Promise<void> => {
    const { id, busy, me } = this.state;
    if (id === null || busy !== null) return;
    const action = reportAction(key, values, this.props.m, this.props.lang);
    if ('invalid' in action) {
      this.setState((s) => ({ invalid: { ...s.invalid, [key]: action.invalid.map((f) => f.name) } }));
      this.setResult(key, { ok: false, text: fill(this.props.lang, this.props.m.fixFields, { fields: action.invalid.map((f) => f.label).join(', ') }) });
      return;
    }
    this.setState((s) => ({ busy: key, invalid: { ...s.invalid, [key]: [] }, results: { ...s.results, [key]: undefined } }));
    const result: ApiResult<unknown> = await staffApi('POST', `reports/${id}/${action.path}`, action.body);
    if (!result.ok) return this.failed(key, result);
    this.apply(action.outcome, result.data, me);
    this.setState((s) => ({ version: s.version + 1 }));
    form?.reset();
    if (key === 'lease') this.stopRenewing();
    if (key === 'status' || key === 'close') this.promptPublicMessage(key, action.done);
    else this.setResult(key, { ok: true, text: action.done });
  };

  /**
   * After a status change or closing: the reporter's page says only the new
   * status, so say what public message they see now and put focus in its
   * field, ready to be updated.
   */
  private promptPublicMessage(key: ActionKey, done: string): void {
    const { lang, m } = this.props;
    const current = this.state.view?.publicMessage ?? null;
    const prompt = current === null ? m.publicMessage.promptNone : fill(lang, m.publicMessage.promptCurrent, { message: current });
    this.setResult(key, { ok: true, text: `${done} ${prompt}` }, false);
    this.focusAfterRender(PUBLIC_MESSAGE_FIELD_ID);
  }

  /** Fold an action's answer into the view without fetching (and auditing) the whole report again. */
  private apply(outcome: ActionOutcome, data: unknown, me: SessionInfo | null): void {
    const by = me === null ? null : { id: this.myId() ?? 0, username: me.username };
    const at = hourNow();
    this.setState((s) => {
      const view = s.view;
      if (view === null) return {};
      switch (outcome.kind) {
        case 'summary':
          return { view: { ...view, ...(data as ReportSummary), ...(outcome.publicMessage === undefined ? {} : { publicMessage: outcome.publicMessage }) } };
        case 'message':
          return { view: { ...view, messages: [...view.messages, { id: (data as { id: number }).id, from: 'staff', body: outcome.body, at }] } };
        case 'closed': {
          // The queue row, and the signed closing record (with the server's check of its signature).
          const { closingRecord, ...summary } = data as ReportSummary & { closingRecord: AddedRecord };
          const record = { kind: 'closing', outcome: outcome.outcome, id: closingRecord.id, by, at, signature: closingRecord.signature } as CaseRecordView;
          return { view: { ...view, ...summary, caseRecords: [...view.caseRecords, record] } };
        }
        case 'record': {
          const answer = data as AddedRecord & { report?: ReportSummary };
          const record = { ...outcome.record, id: answer.id, by, at, signature: answer.signature } as CaseRecordView;
          return { view: { ...view, ...(answer.report ?? {}), caseRecords: [...view.caseRecords, record] } };
        }
        case 'link': {
          // The answer names the other lead's category and status, so the list needs no second fetch (which would be audited).
          const { related } = data as { related: LinkedLead };
          const links = [...view.links.filter((lead) => lead.id !== related.id), related].sort((a, b) => a.id - b.id);
          return { view: { ...view, links } };
        }
        case 'contact': {
          const answer = data as { contact: ContactDetails; record: AddedRecord };
          const record = { kind: 'contact_reveal', reason: outcome.reason, id: answer.record.id, by, at, signature: answer.record.signature } as CaseRecordView;
          return { contact: answer.contact, view: { ...view, caseRecords: [...view.caseRecords, record] } };
        }
      }
    });
  }

  onSubmit = (event: Event): void => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset['action'] === undefined) return;
    event.preventDefault();
    const values: Record<string, string> = {};
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') values[name] = value;
    });
    const key = form.dataset['action'] as ActionKey;
    // Closing is asked about first: the confirm step names the outcome (confirmClose sends it).
    if (key === 'close') {
      this.setState({ closing: values['outcome'] ?? '' });
      this.focusAfterRender(CLOSE_CONFIRM_ID);
      return;
    }
    void this.perform(key, values, form);
  };

  /** The server recorded a referral (and perhaps a contact release) with the package: show them without fetching the case again. */
  private packaged = (made: { agency: string; date: string; contactReason: string | null }): void => {
    const me = this.state.me;
    const by = me === null ? null : { id: this.myId() ?? 0, username: me.username };
    const at = hourNow();
    // Ids of their own (the server's are not known here), distinct from each other and from any real one.
    const id = -Date.now();
    const records: CaseRecordView[] = [
      ...(made.contactReason === null ? [] : [{ kind: 'contact_reveal', reason: made.contactReason, id: id - 1, by, at } as CaseRecordView]),
      { kind: 'referral', agency: made.agency, date: made.date, id, by, at } as CaseRecordView,
    ];
    this.setState((s) => (s.view === null ? {} : { version: s.version + 1, view: { ...s.view, status: 'referred', caseRecords: [...s.view.caseRecords, ...records] } }));
  };

  private confirmClose = (): void => {
    const outcome = this.state.closing;
    if (outcome === null) return;
    this.setState({ closing: null });
    void this.perform('close', { outcome }, null);
  };

  private cancelClose = (): void => {
    this.setState({ closing: null });
    this.focusAfterRender('f-close-outcome');
  };

  private renderOverview(view: CaseView): JSX.Element {
    const { lang, w, m } = this.props;
    const f = m.fields;
    const time = (iso: string | null): string => (iso === null ? f.notYet : formatTime(lang, iso));
    const overdue = [view.overdue.acknowledgement && w.ackOverdue, view.overdue.feedback && w.feedbackOverdue].filter(Boolean).join(', ');
    const rows: [string, string | JSX.Element][] = [
      [f.channel, channelNameOf(lang, this.state.me?.channels ?? [], view.channel)],
      [f.category, labelOf(w.categories, view.category)],
      [f.region, view.region ?? w.noRegion],
      [f.status, w.statuses[view.status]],
      ...(view.outcome === null ? [] : ([[f.outcome, labelOf(w.outcomes, view.outcome)]] as [string, string][])),
      [f.priority, w.priorities[view.priority] ?? String(view.priority)],
      [f.assignee, view.assignee?.username ?? w.unassigned],
      [f.source, w.sources[view.source]],
      [f.received, time(view.receivedAt)],
      [f.acknowledged, time(view.acknowledgedAt)],
      [f.ackDue, time(view.ackDueAt)],
      [f.feedbackDue, time(view.feedbackDueAt)],
      ...(view.closedAt === null ? [] : ([[f.closed, time(view.closedAt)]] as [string, string][])),
      [f.overdue, overdue === '' ? f.none : <strong class="overdue">{overdue}</strong>],
    ];
    return (
      <section>
        <h2 id="h-overview">{m.overview}</h2>
        <dl class="facts">
          {rows.map(([label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  private renderLease(view: CaseView): JSX.Element {
    const { lang, m } = this.props;
    const s = this.state;
    const result = s.results.lease;
    const lease = view.lease;
    const busy = s.busy === 'lease';
    return (
      <div class={lease !== null && !lease.mine ? 'lease lease-held' : 'lease'}>
        {lease === null ? (
          <p>{m.lease.none}</p>
        ) : lease.mine ? (
          <p>
            {fill(lang, m.lease.yours, { time: formatTime(lang, lease.until) })}{' '}
            <button type="button" class="button button-secondary" onClick={() => void this.perform('lease', {}, null)}>
              {m.lease.release}
            </button>
          </p>
        ) : (
          <>
            <p id="lease-held">
              <strong>{fill(lang, m.lease.heldBy, { name: lease.holder.username, time: formatTime(lang, lease.until) })}</strong> {m.lease.readOnly}
            </p>
            {s.confirmingTakeOver ? (
              <p>
                {fill(lang, m.lease.confirmTakeOver, { name: lease.holder.username })}{' '}
                <button id="take-over-confirm" type="button" class="button" onClick={() => void this.takeOver()}>
                  {m.lease.confirm}
                </button>{' '}
                <button type="button" class="button button-secondary" onClick={() => this.setState({ confirmingTakeOver: false })}>
                  {m.lease.cancel}
                </button>
              </p>
            ) : (
              <p>
                <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void this.takeOver()}>
                  {busy ? m.busy : m.lease.takeOver}
                </button>
              </p>
            )}
          </>
        )}
        <div aria-live="polite">
          {result !== undefined && (
            <p id="result-lease" tabIndex={-1} role={result.ok ? 'status' : 'alert'} class={result.ok ? 'notice' : 'form-failure'}>
              {result.text}
            </p>
          )}
        </div>
      </div>
    );
  }

  private renderContent(view: CaseView): JSX.Element {
    const { m } = this.props;
    const k = m.content;
    const content = view.content;
    const items: [string, string | undefined][] = [
      [k.details, content.details],
      [k.location, content.location],
      [k.subjects, content.subjects],
      [k.occurredAt, content.occurredAt],
      [k.officialsInvolved, content.officialsInvolved === undefined ? undefined : (k.officials[content.officialsInvolved as keyof typeof k.officials] ?? content.officialsInvolved)],
      [k.officialsDetails, content.officialsDetails],
      [k.discouraged, content.discouraged],
    ];
    return (
      <section>
        <h2 id="h-content">{k.heading}</h2>
        <dl class="content-fields">
          {items
            .filter((item): item is [string, string] => item[1] !== undefined && item[1] !== '')
            .map(([label, value]) => (
              <div>
                <dt>{label}</dt>
                <dd class="text-block">{value}</dd>
              </div>
            ))}
        </dl>
      </section>
    );
  }

  override render(): JSX.Element {
    const { lang, c, w, m } = this.props;
    const s = this.state;
    const heading = s.id === null ? m.title : fill(lang, w.reportName, { id: s.id });
    if (s.view === null || s.me === null) {
      return (
        <div class="report-view">
          <h1>{heading}</h1>
          {s.loadError === null ? (
            <p role="status">{c.loading}</p>
          ) : (
            <p class="form-failure" role="alert">
              {s.loadError}
            </p>
          )}
          <p>
            <a href={staffPath(lang, 'queue')}>{m.backToQueue}</a>
          </p>
        </div>
      );
    }
    const view = s.view;
    const held = this.heldByOther(view);
    const sections: ReportSectionProps = {
      lang,
      w,
      m,
      view,
      me: s.me,
      myId: this.myId(),
      ctx: { busy: s.busy, busyLabel: m.busy, results: s.results, invalid: s.invalid },
      contact: s.contact,
      perform: this.perform,
      assignees: s.assignees,
      closing: s.closing,
      confirmClose: this.confirmClose,
      cancelClose: this.cancelClose,
      c,
      packaged: this.packaged,
    };
    // Read-only while someone else holds the lead: a disabled fieldset disables every control inside it at once.
    const work = (children: JSX.Element): JSX.Element => (
      <fieldset class="case-work" disabled={held} aria-describedby={held ? 'lease-held' : undefined}>
        {children}
      </fieldset>
    );
    const k = m.sections;
    return (
      <div class="report-view" onSubmit={this.onSubmit}>
        <p class="back">
          <a href={staffPath(lang, 'queue')}>{m.backToQueue}</a>
        </p>
        <h1>{heading}</h1>
        <nav class="case-nav" aria-label={k.label}>
          <ul>
            {(
              [
                ['h-overview', k.summary],
                ['h-content', k.content],
                ['h-messages', k.messages],
                ['h-files', k.evidence],
                ['h-records', k.records],
                ['h-history', k.history],
              ] as const
            ).map(([target, label]) => (
              <li>
                <a href={`#${target}`}>{label}</a>
              </li>
            ))}
          </ul>
          <button type="button" class="button button-secondary" aria-keyshortcuts="?" onClick={() => this.help?.showModal()}>
            {m.shortcuts.button}
          </button>
        </nav>
        {s.shortcutNote !== null && (
          <p id="shortcut-note" class="notice" role="status" tabIndex={-1}>
            {s.shortcutNote}
          </p>
        )}
        <ShortcutHelp m={m.shortcuts} dialogRef={(dialog) => (this.help = dialog)} />
        {view.lowEffort && (
          <p class="low-effort-notice">
            <LowEffortMarker label={w.lowEffort} />
            {w.lowEffortExplained}
          </p>
        )}
        {this.renderLease(view)}
        {this.renderOverview(view)}
        {work(<Handling {...sections} />)}
        {this.renderContent(view)}
        {work(<Messages {...sections} />)}
        <FileList lang={lang} m={m} c={this.props.c} view={view} />
        {work(<Records {...sections} />)}
        {work(<Links {...sections} />)}
        <RelatedLeads lang={lang} w={w} m={this.props.s} reportId={view.id} />
        {work(<Contact {...sections} />)}
        <CaseHistory lang={lang} catalogue={this.props.catalogue} reportId={view.id} version={s.version} />
      </div>
    );
  }
}

/** The island a page places: the console's messages in the page's language (console-messages.ts). */
export function StaffReport({ lang }: { lang: Lang }): JSX.Element {
  const c = consoleMessagesFor(lang);
  return <ReportIsland lang={lang} c={c.common} w={{ ...c.labels, ...c.case }} m={c.report} s={c.search} catalogue={c} />;
}
