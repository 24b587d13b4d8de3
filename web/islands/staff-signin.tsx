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
import {
  enrolledStep,
  enrolStep,
  HEADING_ID,
  loginStep,
  passwordStep,
  PROBLEM_ID,
  recoveryStep,
  type SigninState,
  type StepView,
  witnessStep,
} from '../staff/signin-steps';
import { witnessAtSignIn } from '../staff/audit-witness';
import { FocusingComponent } from './focus-after-render';
import { consoleMessagesFor } from './console-messages';

interface Props {
  lang: Lang;
  c: ConsoleMessages;
  m: SigninMessages;
}

function text(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

export class SigninIsland extends FocusingComponent<Props, SigninState> {
  override state: SigninState = { step: 'checking', info: null, busy: false, problem: null, ended: false, recoveryCode: null, enrolment: null, retrying: false, witness: null };

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

  /**
   * Into the console, once this browser, as a witness, has checked that the
   * audit trail still holds the checkpoint it remembers; if not, a warning
   * first, which the person must read and pass.
   */
  private enterConsole(info: SessionInfo): void {
    void witnessAtSignIn().then((warning) => {
      if (warning === null) this.openConsole(info);
      else this.show({ step: 'witness', info, witness: warning });
    });
  }

  /** Where the console starts for this role. */
  private openConsole(info: SessionInfo): void {
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

  private show(state: Partial<SigninState>): void {
    this.setState({ busy: false, problem: null, ...state } as SigninState);
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
        if (newPassword === currentPassword) return this.fail(m.changePassword.same);
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
        // The enrolled step leads straight into the console, so this browser checks the audit trail first, as at any sign-in.
        const warning = await witnessAtSignIn();
        if (warning !== null) return this.show({ step: 'witness', info: result.data, enrolment: null, witness: warning });
        return this.show({ step: 'enrolled', info: result.data, enrolment: null });
      }
      case 'witness': {
        const info = this.state.info;
        if (info !== null) this.openConsole(info);
        return;
      }
      default:
        this.setState({ busy: false });
    }
  }

  override render(): JSX.Element {
    const { lang, c, m } = this.props;
    const s = this.state;
    if (s.step === 'checking') return <p>{c.loading}</p>;
    const v: StepView = { lang, c, m, s };
    return (
      <div class="signin" onSubmit={this.onSubmit}>
        {/* A slot per step, so that a new step never inherits the last one's inputs. */}
        {s.step === 'login' && loginStep(v)}
        {s.step === 'password' && passwordStep(v)}
        {s.step === 'recovery' && recoveryStep(v)}
        {s.step === 'enrol' && enrolStep(v)}
        {s.step === 'enrolled' && enrolledStep(v)}
        {s.step === 'witness' && witnessStep(v)}
      </div>
    );
  }
}

/** The island a page places: the console's messages in the page's language (console-messages.ts). */
export function StaffSignin({ lang }: { lang: Lang }): JSX.Element {
  const c = consoleMessagesFor(lang);
  return <SigninIsland lang={lang} c={c.common} m={c.signin} />;
}
