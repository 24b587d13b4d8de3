/**
 * The console's way in: sign in, then whatever the account still owes before
 * it may work — a new password (with the recovery code shown once) and an
 * authenticator app — then on to the console. `?enrol=totp` opens the app
 * set-up for someone already signed in; `?ended=1` says the session ended.
 */
import type { ConsoleMessages, SigninMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { MIN_PASSWORD_LENGTH } from '../../contract/limits';
import { staffPath, type Lang } from '../i18n/lang';
import { staffApi, type ApiFailure } from '../staff/api';
import { errorText } from '../staff/format';
import { fill } from '../i18n/fill';
import type { SessionInfo } from '../staff/types';
import { FocusingComponent } from './focus-after-render';
import { consoleMessagesFor } from './console-messages';

const HEADING_ID = 'signin-heading';
const PROBLEM_ID = 'signin-problem';

type Step = 'checking' | 'login' | 'password' | 'recovery' | 'enrol' | 'enrolled';

interface Props {
  lang: Lang;
  c: ConsoleMessages;
  m: SigninMessages;
}

interface State {
  step: Step;
  info: SessionInfo | null;
  busy: boolean;
  problem: string | null;
  ended: boolean;
  recoveryCode: string | null;
  enrolment: { secret: string; svg: string } | null;
  /** The server was busy and the page is signing in again by itself. */
  retrying: boolean;
}

function text(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

export class SigninIsland extends FocusingComponent<Props, State> {
  override state: State = { step: 'checking', info: null, busy: false, problem: null, ended: false, recoveryCode: null, enrolment: null, retrying: false };

  override componentDidMount(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const query = new URLSearchParams(location.search);
    // Only a check: landing here (e.g. sent by the idle timeout) is not a person's activity.
    const me = await staffApi('GET', 'me', undefined, { background: true });
    if (!me.ok) {
      this.setState({ step: 'login', ended: query.has('ended') });
      return;
    }
    const wantsEnrol = query.get('enrol') === 'totp' && !me.data.totpEnabled;
    if (me.data.restriction === null && !wantsEnrol) this.enterConsole(me.data);
    else this.next(me.data, wantsEnrol);
  }

  /** Where the console starts for this role. */
  private enterConsole(info: SessionInfo): void {
    location.assign(staffPath(this.props.lang, info.role === 'auditor' ? 'audit' : 'queue'));
  }

  /** The step the session's restriction calls for, or the console. */
  private next(info: SessionInfo, enrol = false): void {
    if (info.restriction === 'change_password') this.show({ step: 'password', info });
    else if (info.restriction === 'enrol_totp' || enrol) {
      this.show({ step: 'enrol', info, enrolment: null });
      void this.startEnrolment();
    } else this.enterConsole(info);
  }

  private show(state: Partial<State>): void {
    this.setState({ busy: false, problem: null, ...state } as State);
    this.focusAfterRender(HEADING_ID);
  }

  private fail(problem: string): void {
    this.setState({ busy: false, problem });
    this.focusAfterRender(PROBLEM_ID);
  }

  private failed(failure: ApiFailure): void {
    this.fail(errorText(this.props.c, failure.code));
  }

  private async startEnrolment(): Promise<void> {
    const result = await staffApi('POST', 'totp/enrol');
    if (!result.ok) {
      if (result.code === 'conflict') this.fail(this.props.m.enrol.alreadyEnabled);
      else this.failed(result);
      return;
    }
    // Loaded only here: most sign-ins never need the QR encoder.
    const { renderSVG } = await import('uqr');
    this.setState({ enrolment: { secret: result.data.secret, svg: renderSVG(result.data.uri) } });
  }

  private onRetry = (): void => this.setState({ retrying: true });

  onSubmit = (event: Event): void => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    if (this.state.busy) return;
    this.setState({ busy: true, problem: null });
    void this.submit(form);
  };

  private async submit(form: HTMLFormElement): Promise<void> {
    const { m } = this.props;
    switch (this.state.step) {
      case 'login': {
        const username = text(form, 'username').trim();
        const password = text(form, 'password');
        const totp = text(form, 'totp').replace(/\s/g, '');
        if (username === '' || password === '') return this.fail(m.missing);
        const result = await staffApi('POST', 'login', { username, password, ...(totp === '' ? {} : { totp }) }, { onRetry: this.onRetry });
        this.setState({ retrying: false });
        if (!result.ok) return this.failed(result);
        return this.next(result.data);
      }
      case 'password': {
        const currentPassword = text(form, 'currentPassword');
        const newPassword = text(form, 'newPassword');
        if (newPassword.length < MIN_PASSWORD_LENGTH) return this.fail(fill(this.props.lang, m.changePassword.tooShort, { min: MIN_PASSWORD_LENGTH }));
        if (newPassword !== text(form, 'confirmPassword')) return this.fail(m.changePassword.mismatch);
        const result = await staffApi('POST', 'password', { currentPassword, newPassword });
        if (!result.ok) return this.failed(result);
        const { recoveryCode, ...info } = result.data;
        return this.show({ step: 'recovery', recoveryCode, info });
      }
      case 'recovery': {
        if (new FormData(form).get('stored') !== 'yes') return this.fail(m.recovery.mustTick);
        const info = this.state.info;
        // The code is not kept once it has been confirmed.
        this.setState({ recoveryCode: null });
        if (info !== null) this.next(info);
        return;
      }
      case 'enrol': {
        const code = text(form, 'code').replace(/\s/g, '');
        if (code === '') return this.fail(m.enrol.invalidCode);
        const result = await staffApi('POST', 'totp/confirm', { code });
        if (!result.ok) return result.code === 'invalid_input' ? this.fail(m.enrol.invalidCode) : this.failed(result);
        return this.show({ step: 'enrolled', info: result.data, enrolment: null });
      }
      default:
        this.setState({ busy: false });
    }
  }

  override render(): JSX.Element {
    const { c, m } = this.props;
    const s = this.state;
    if (s.step === 'checking') return <p>{c.loading}</p>;
    const problem = (
      <>
        <p class="form-progress" role="status">
          {s.retrying ? m.retrying : ''}
        </p>
        <div aria-live="assertive">
          {s.problem !== null && (
            <p class="form-failure" role="alert" id={PROBLEM_ID} tabIndex={-1}>
              {s.problem}
            </p>
          )}
        </div>
      </>
    );
    const submit = (label: string): JSX.Element => (
      <button type="submit" class="button" aria-disabled={s.busy ? 'true' : undefined}>
        {s.busy ? m.busy : label}
      </button>
    );
    return (
      <div class="signin" onSubmit={this.onSubmit}>
        {s.step === 'login' && (
          <>
            <h1 id={HEADING_ID} tabIndex={-1}>
              {m.heading}
            </h1>
            {s.ended && <p class="notice">{m.sessionEnded}</p>}
            <p class="lead">{m.intro}</p>
            <form method="post" noValidate>
              <div class="field">
                <label for="f-username">{m.username}</label>
                <input type="text" id="f-username" name="username" autoComplete="username" autoCapitalize="off" spellcheck={false} required />
              </div>
              <div class="field">
                <label for="f-password">{m.password}</label>
                <input type="password" id="f-password" name="password" autoComplete="current-password" required />
              </div>
              <div class="field">
                <label for="f-totp">{m.totp}</label>
                <p class="hint" id="f-totp-hint">
                  {m.totpHint}
                </p>
                <input class="code-input" type="text" id="f-totp" name="totp" inputMode="numeric" autoComplete="one-time-code" aria-describedby="f-totp-hint" />
              </div>
              {problem}
              {submit(m.submit)}
            </form>
          </>
        )}
        {s.step === 'password' && (
          <>
            <h1 id={HEADING_ID} tabIndex={-1}>
              {m.changePassword.heading}
            </h1>
            <p class="lead">{m.changePassword.intro}</p>
            <form method="post" noValidate>
              <div class="field">
                <label for="f-current">{m.changePassword.current}</label>
                <input type="password" id="f-current" name="currentPassword" autoComplete="current-password" required />
              </div>
              <div class="field">
                <label for="f-new">{m.changePassword.next}</label>
                <p class="hint" id="f-new-hint">
                  {fill(this.props.lang, m.changePassword.nextHint, { min: MIN_PASSWORD_LENGTH })}
                </p>
                <input type="password" id="f-new" name="newPassword" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required aria-describedby="f-new-hint" />
              </div>
              <div class="field">
                <label for="f-confirm">{m.changePassword.confirm}</label>
                <input type="password" id="f-confirm" name="confirmPassword" autoComplete="new-password" required />
              </div>
              {problem}
              {submit(m.changePassword.submit)}
            </form>
          </>
        )}
        {s.step === 'recovery' && (
          <>
            <h1 id={HEADING_ID} tabIndex={-1}>
              {m.recovery.heading}
            </h1>
            <p class="lead">{m.recovery.intro}</p>
            <div class="code-box">
              <p class="code-label">
                {m.recovery.codeLabel}
              </p>
              <p class="tracking-code recovery-code">
                <code>{s.recoveryCode}</code>
              </p>
            </div>
            <form method="post" noValidate>
              <div class="field checkbox">
                <input type="checkbox" id="f-stored" name="stored" value="yes" />
                <label for="f-stored">{m.recovery.stored}</label>
              </div>
              {problem}
              {submit(m.recovery.submit)}
            </form>
          </>
        )}
        {s.step === 'enrol' && (
          <>
            <h1 id={HEADING_ID} tabIndex={-1}>
              {m.enrol.heading}
            </h1>
            <p class="lead">{m.enrol.intro}</p>
            {s.enrolment === null ? (
              s.problem === null && <p>{c.loading}</p>
            ) : (
              <>
                {/* uqr's SVG uses attributes only (no style), so it passes the CSP. */}
                <div class="qr" role="img" aria-label={m.enrol.qrLabel} dangerouslySetInnerHTML={{ __html: s.enrolment.svg }} />
                <p class="code-label">
                  {m.enrol.secretLabel}
                </p>
                <p class="totp-secret">
                  <code>{s.enrolment.secret}</code>
                </p>
              </>
            )}
            <form method="post" noValidate>
              {s.enrolment !== null && (
                <div class="field">
                  <label for="f-code">{m.enrol.code}</label>
                  <p class="hint" id="f-code-hint">
                    {m.enrol.codeHint}
                  </p>
                  <input class="code-input" type="text" id="f-code" name="code" inputMode="numeric" autoComplete="one-time-code" required aria-describedby="f-code-hint" />
                </div>
              )}
              {problem}
              {s.enrolment !== null && submit(m.enrol.submit)}
            </form>
            {s.info?.restriction === null && (
              <p>
                <a href={staffPath(this.props.lang, 'queue')}>{m.enrol.later}</a>
              </p>
            )}
          </>
        )}
        {s.step === 'enrolled' && (
          <>
            <h1 id={HEADING_ID} tabIndex={-1}>
              {m.enrol.heading}
            </h1>
            <p class="notice" role="status">
              {m.enrol.done}
            </p>
            <p>
              <a class="button" href={staffPath(this.props.lang, s.info?.role === 'auditor' ? 'audit' : 'queue')}>
                {m.continue}
              </a>
            </p>
          </>
        )}
      </div>
    );
  }
}

/** The island a page places: the console's messages in the page's language (console-messages.ts). */
export function StaffSignin({ lang }: { lang: Lang }): JSX.Element {
  const c = consoleMessagesFor(lang);
  return <SigninIsland lang={lang} c={c.common} m={c.signin} />;
}
