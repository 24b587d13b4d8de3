/**
 * On every console page after sign-in: who is signed in, the sign-out button,
 * and a warning shortly before the server's idle timeout ends the session
 * (counted from the page's last answer from the staff API).
 */
import { Component, type JSX } from 'preact';
import type { SessionMessages } from '../i18n/console/staff-types';
import type { Lang } from '../i18n/lang';
import { onStaffApi, staffApi } from '../staff/api';
import { fill, formatTime, signinUrl } from '../staff/format';
import type { SessionInfo } from '../staff/types';

/** Warn this long before the session would end. */
const WARN_MS = 2 * 60_000;
const TICK_MS = 10_000;

interface Props {
  lang: Lang;
  m: SessionMessages;
}

interface State {
  username: string | null;
  /** When the session ends if nothing else reaches the server (ms since epoch). */
  endsAt: number | null;
  warning: boolean;
  stayed: boolean;
  failed: boolean;
}

/** Hide everything the page shows and leave for the sign-in page. */
export function leaveConsole(lang: Lang, ended: boolean): void {
  document.getElementById('main')?.replaceChildren();
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be disabled; the console keeps nothing there anyway.
  }
  location.replace(signinUrl(lang, ended));
}

export class SessionBar extends Component<Props, State> {
  override state: State = { username: null, endsAt: null, warning: false, stayed: false, failed: false };
  private idleMs: number | null = null;
  private stopListening: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  override componentDidMount(): void {
    this.stopListening = onStaffApi((path, status) => {
      if (status === 401 && !path.endsWith('login')) {
        leaveConsole(this.props.lang, true);
        return;
      }
      if (this.idleMs !== null) this.setState({ endsAt: Date.now() + this.idleMs, warning: false });
    });
    this.timer = setInterval(this.tick, TICK_MS);
    addEventListener('pageshow', this.onPageShow);
    void this.loadMe();
  }

  override componentWillUnmount(): void {
    this.stopListening?.();
    if (this.timer !== null) clearInterval(this.timer);
    removeEventListener('pageshow', this.onPageShow);
  }

  private async loadMe(): Promise<boolean> {
    const me = await staffApi<SessionInfo>('GET', 'me');
    if (!me.ok) return false;
    this.idleMs = me.data.idleTimeoutSeconds * 1000;
    this.setState({ username: me.data.username, endsAt: Date.now() + this.idleMs });
    return true;
  }

  /** Back/forward cache: a page restored after sign-out must not show what it held. */
  private onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    document.body.classList.add('console-checking');
    void this.loadMe().then((ok) => {
      if (ok) document.body.classList.remove('console-checking');
    });
  };

  private tick = (): void => {
    const { endsAt } = this.state;
    if (endsAt === null) return;
    const left = endsAt - Date.now();
    if (left <= 0) leaveConsole(this.props.lang, true);
    else if (left <= WARN_MS && !this.state.warning) this.setState({ warning: true, stayed: false });
  };

  private stay = async (): Promise<void> => {
    const ok = await this.loadMe();
    // The button that had focus is gone: move focus to the confirmation.
    this.setState({ warning: !ok, stayed: ok }, () => document.getElementById('session-stayed')?.focus());
  };

  private signOut = async (): Promise<void> => {
    const result = await staffApi<null>('POST', 'logout');
    // 401: the session had already ended, which is what signing out wants.
    if (result.ok || result.status === 401) leaveConsole(this.props.lang, false);
    else this.setState({ failed: true });
  };

  override render(): JSX.Element {
    const { lang, m } = this.props;
    const s = this.state;
    return (
      <div class="session-bar">
        {s.username !== null && <span class="session-user">{fill(m.signedInAs, { name: s.username })}</span>}
        <button type="button" class="button button-secondary" onClick={this.signOut}>
          {m.signOut}
        </button>
        <div aria-live="polite" class="session-notices">
          {s.warning && s.endsAt !== null && (
            <div class="session-warning" role="alert">
              <p>{fill(m.idleWarning, { time: formatTime(lang, new Date(s.endsAt).toISOString()) })}</p>
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
