/**
 * On every console page after sign-in: who is signed in, the sign-out button,
 * and the idle timeout. As on the server, only answers to requests a person
 * caused restart the countdown; lease renewals and the bar's own checks do
 * not. Near the end the bar asks the server in the background whether a
 * person was active in another tab; if not, it warns, and at the end it takes
 * everything off the screen, ends the session and goes to the sign-in page.
 */
import type { SessionMessages } from '../i18n/types';
import { Component, type JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { onStaffApi, staffApi, type ApiAnswer } from '../staff/api';
import { clearConsoleScreen, formatTime, leaveConsole } from '../staff/format';
import { fill } from '../i18n/fill';
import { consoleMessagesFor } from './console-messages';

/** Warn this long before the session would end. */
const WARN_MS = 2 * 60_000;
const TICK_MS = 10_000;

/** The two moments the bar checks with the server before acting: the warning and the end. */
type Stage = 'warn' | 'end';

interface Props {
  lang: Lang;
  m: SessionMessages;
}

interface State {
  username: string | null;
  /** When the session ends if no person does anything more (ms since epoch, this browser's clock). */
  endsAt: number | null;
  warning: boolean;
  stayed: boolean;
  failed: boolean;
}

/** True when the server's idle end `next` is later than `known` (a person was active since). */
function movedOn(next: string, known: string | null): boolean {
  return known === null || Date.parse(next) > Date.parse(known);
}

export class SessionBar extends Component<Props, State> {
  override state: State = { username: null, endsAt: null, warning: false, stayed: false, failed: false };
  private idleMs: number | null = null;
  /** When the session ends if no person does anything more (ms since epoch, this browser's clock); `state.endsAt` shows it. */
  private endsAt: number | null = null;
  /** The server's idle end (ISO) the countdown was last set from; the clock-free way to notice activity in other tabs. */
  private knownIdleEnd: string | null = null;
  /** Bumped whenever the countdown restarts, so a check answered after that is ignored. */
  private countdown = 0;
  /** Stages of the current countdown the server has confirmed: no person was active elsewhere. */
  private confirmed = new Set<Stage>();
  private checking = false;
  private ending = false;
  private stopListening: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  override componentDidMount(): void {
    this.stopListening = onStaffApi(this.onAnswer);
    this.timer = setInterval(this.tick, TICK_MS);
    addEventListener('pageshow', this.onPageShow);
    void this.loadMe(true);
  }

  override componentWillUnmount(): void {
    this.stopListening?.();
    if (this.timer !== null) clearInterval(this.timer);
    removeEventListener('pageshow', this.onPageShow);
  }

  private onAnswer = (answer: ApiAnswer): void => {
    if (answer.status === 401 && !answer.path.endsWith('login')) {
      leaveConsole(this.props.lang, true);
      return;
    }
    // Only a person's request the server counted restarts the countdown; one it refused
    // before looking at the session (no X-Tipline-Idle-Ends) did not move its idle end either.
    if (answer.background || answer.idleEndsAt === null) return;
    this.follow(answer.idleEndsAt, this.idleMs === null ? null : Date.now() + this.idleMs);
  };

  /**
   * Note the server's idle end; when it moved on (a person did something), restart the
   * countdown at `endsAt` (null while the timeout is not known yet). True when it moved on.
   */
  private follow(serverIdleEnd: string, endsAt: number | null): boolean {
    if (!movedOn(serverIdleEnd, this.knownIdleEnd)) return false;
    this.knownIdleEnd = serverIdleEnd;
    if (endsAt !== null) this.restart(endsAt);
    return true;
  }

  private restart(endsAt: number): void {
    this.endsAt = endsAt;
    this.countdown += 1;
    this.confirmed.clear();
    this.setState({ endsAt, warning: false });
  }

  /** Who is signed in and when the idle timeout ends; `background` unless a person asked ("Stay signed in"). */
  private async loadMe(background: boolean): Promise<boolean> {
    const me = await staffApi('GET', 'me', undefined, { background });
    if (!me.ok) return false;
    this.idleMs = me.data.idleTimeoutSeconds * 1000;
    // The menu shows only the pages this role can open (StaffLayout.astro, console.css).
    document.documentElement.dataset['role'] = me.data.role;
    this.setState({ username: me.data.username });
    const moved = this.follow(me.data.idleEndsAt, Date.now() + me.data.idleSecondsLeft * 1000);
    // A person's answer on this page got here first, before the timeout was known: count from it.
    if (!moved && this.endsAt === null) this.restart(Date.now() + this.idleMs);
    return true;
  }

  /** Back/forward cache: a page restored after sign-out must not show what it held. */
  private onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    document.body.classList.add('console-checking');
    void this.loadMe(true).then((ok) => {
      if (ok) document.body.classList.remove('console-checking');
    });
  };

  private tick = (): void => {
    const { endsAt } = this;
    if (endsAt === null || this.ending) return;
    const left = endsAt - Date.now();
    if (left > WARN_MS) return;
    const stage: Stage = left <= 0 ? 'end' : 'warn';
    if (!this.confirmed.has(stage)) void this.confirm(stage);
    else if (stage === 'end') void this.endSession();
    else if (!this.state.warning) this.setState({ warning: true, stayed: false });
  };

  /** Ask the server, without counting as activity, whether a person was active in another tab meanwhile. */
  private async confirm(stage: Stage): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    const countdown = this.countdown;
    const me = await staffApi('GET', 'me', undefined, { background: true });
    this.checking = false;
    if (countdown !== this.countdown) return; // a person's request restarted the countdown meanwhile
    if (!me.ok && me.status === 401) return; // the session is gone: the listener is already leaving
    // When a person kept the session alive elsewhere, follow() restarts the countdown to the
    // server's idle end; otherwise nobody did (or the server cannot be reached: go by this page's clock).
    const movedElsewhere = me.ok && this.follow(me.data.idleEndsAt, Date.now() + me.data.idleSecondsLeft * 1000);
    if (!movedElsewhere) this.confirmed.add(stage);
    this.tick();
  }

  /** The idle timeout is here: clear the screen first, then end the session, then go to sign in. */
  private async endSession(): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    clearConsoleScreen();
    // Ending it on the server too means the sign-in page cannot find it alive a moment before the server's own clock ends it.
    await staffApi('POST', 'logout', undefined, { background: true });
    leaveConsole(this.props.lang, true);
  }

  private stay = async (): Promise<void> => {
    const ok = await this.loadMe(false);
    // The button that had focus is gone: move focus to the confirmation.
    this.setState({ warning: !ok, stayed: ok }, () => document.getElementById('session-stayed')?.focus());
  };

  private signOut = async (): Promise<void> => {
    const result = await staffApi('POST', 'logout');
    // 401: the session had already ended, which is what signing out wants.
    if (result.ok || result.status === 401) leaveConsole(this.props.lang, false);
    else this.setState({ failed: true });
  };

  override render(): JSX.Element {
    const { lang, m } = this.props;
    const s = this.state;
    return (
      <div class="session-bar">
        {s.username !== null && <span class="session-user">{fill(lang, m.signedInAs, { name: s.username })}</span>}
        <button type="button" class="button button-secondary" onClick={this.signOut}>
          {m.signOut}
        </button>
        <div aria-live="polite" class="session-notices">
          {s.warning && s.endsAt !== null && (
            <div class="session-warning" role="alert">
              <p>{fill(lang, m.idleWarning, { time: formatTime(lang, new Date(s.endsAt).toISOString()) })}</p>
              <button type="button" class="button" onClick={this.stay}>
                {m.staySignedIn}
              </button>
            </div>
          )}
          {s.stayed && (
            <p id="session-stayed" tabIndex={-1}>
              {m.stillSignedIn}
            </p>
          )}
          {s.failed && <p role="alert">{m.signOutFailed}</p>}
        </div>
      </div>
    );
  }
}

/** The island a page places: the console's messages in the page's language (console-messages.ts). */
export function StaffSession({ lang }: { lang: Lang }): JSX.Element {
  const c = consoleMessagesFor(lang);
  return <SessionBar lang={lang} m={c.session} />;
}
