/**
 * What each step of the console's way in shows. The island
 * (web/islands/staff-signin.tsx) decides the step and handles the forms;
 * these views only draw its state. Each is a plain function the island's
 * render calls in a slot of its own, so a step that goes away takes its
 * inputs (and anything typed in them) with it rather than handing them to
 * the next step.
 */
import type { JSX } from 'preact';
import { MIN_PASSWORD_LENGTH } from '../../contract/limits';
import { fill } from '../i18n/fill';
import { staffPath, type Lang } from '../i18n/lang';
import type { ConsoleMessages, SigninMessages } from '../i18n/types';
import type { SessionInfo } from './types';
import type { WitnessWarning } from './audit-witness';
import { formatTime } from './format';

/** Every step's heading has this id: it takes the focus when a step opens. */
export const HEADING_ID = 'signin-heading';
/** The problem line takes the focus when a form is refused. */
export const PROBLEM_ID = 'signin-problem';

export type SigninStep = 'checking' | 'login' | 'password' | 'recovery' | 'enrol' | 'enrolled' | 'witness';

export interface SigninState {
  step: SigninStep;
  info: SessionInfo | null;
  busy: boolean;
  problem: string | null;
  ended: boolean;
  recoveryCode: string | null;
  enrolment: { secret: string; svg: string } | null;
  /** The server was busy and the page is signing in again by itself. */
  retrying: boolean;
  /** What this browser, as a witness of the audit trail, found at sign-in (./audit-witness.ts). */
  witness: WitnessWarning | null;
}

/** What a step's view draws from: the island's messages and its state. */
export interface StepView {
  lang: Lang;
  c: ConsoleMessages;
  m: SigninMessages;
  s: SigninState;
}

/** A step's heading: where the focus goes when the step opens. */
function stepHeading(text: string): JSX.Element {
  return (
    <h1 id={HEADING_ID} tabIndex={-1}>
      {text}
    </h1>
  );
}

/** Above every form's button: the retrying line, announced politely, and the problem, announced at once. */
function formStatus({ m, s }: StepView): JSX.Element {
  return (
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
}

/** The form's button: aria-disabled rather than disabled while busy, so it keeps its place in the focus order. */
function submitButton({ m, s }: StepView, label: string): JSX.Element {
  return (
    <button type="submit" class="button" aria-disabled={s.busy ? 'true' : undefined}>
      {s.busy ? m.busy : label}
    </button>
  );
}

/** A step's form: its own fields, then the status lines and the button every form ends with (none until it can be used). */
function stepForm(v: StepView, submitLabel: string | null, fields: JSX.Element | false): JSX.Element {
  return (
    <form method="post" noValidate>
      {fields}
      {formStatus(v)}
      {submitLabel !== null && submitButton(v, submitLabel)}
    </form>
  );
}

/** Username, password and, for an account that has one, the authenticator code. */
export function loginStep(v: StepView): JSX.Element {
  const { m, s } = v;
  const fields = (
    <>
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
    </>
  );
  return (
    <>
      {stepHeading(m.heading)}
      {s.ended && <p class="notice">{m.sessionEnded}</p>}
      <p class="lead">{m.intro}</p>
      {stepForm(v, m.submit, fields)}
    </>
  );
}

/** The forced change of a password someone else chose (an admin, or the one `npm start` printed): the current one, then the new one twice. */
export function passwordStep(v: StepView): JSX.Element {
  const { lang, m } = v;
  const fields = (
    <>
      <div class="field">
        <label for="f-current">{m.changePassword.current}</label>
        <input type="password" id="f-current" name="currentPassword" autoComplete="current-password" required />
      </div>
      <div class="field">
        <label for="f-new">{m.changePassword.next}</label>
        <p class="hint" id="f-new-hint">
          {fill(lang, m.changePassword.nextHint, { min: MIN_PASSWORD_LENGTH })}
        </p>
        <input type="password" id="f-new" name="newPassword" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required aria-describedby="f-new-hint" />
      </div>
      <div class="field">
        <label for="f-confirm">{m.changePassword.confirm}</label>
        <input type="password" id="f-confirm" name="confirmPassword" autoComplete="new-password" required />
      </div>
    </>
  );
  return (
    <>
      {stepHeading(m.changePassword.heading)}
      <p class="lead">{m.changePassword.intro}</p>
      {stepForm(v, m.changePassword.submit, fields)}
    </>
  );
}

/** The recovery code, shown this once, and the tick that says it was stored. */
export function recoveryStep(v: StepView): JSX.Element {
  const { m, s } = v;
  const stored = (
    <div class="field checkbox">
      <input type="checkbox" id="f-stored" name="stored" value="yes" />
      <label for="f-stored">{m.recovery.stored}</label>
    </div>
  );
  return (
    <>
      {stepHeading(m.recovery.heading)}
      <p class="lead">{m.recovery.intro}</p>
      <div class="code-box">
        <p class="code-label">
          {m.recovery.codeLabel}
        </p>
        <p class="tracking-code recovery-code">
          <code>{s.recoveryCode}</code>
        </p>
      </div>
      {stepForm(v, m.recovery.submit, stored)}
    </>
  );
}

/** Setting up the authenticator app: its QR code and secret once loaded, then a code from it. */
export function enrolStep(v: StepView): JSX.Element {
  const { lang, c, m, s } = v;
  const code = s.enrolment !== null && (
    <div class="field">
      <label for="f-code">{m.enrol.code}</label>
      <p class="hint" id="f-code-hint">
        {m.enrol.codeHint}
      </p>
      <input class="code-input" type="text" id="f-code" name="code" inputMode="numeric" autoComplete="one-time-code" required aria-describedby="f-code-hint" />
    </div>
  );
  return (
    <>
      {stepHeading(m.enrol.heading)}
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
      {stepForm(v, s.enrolment === null ? null : m.enrol.submit, code)}
      {s.info?.restriction === null && (
        <p>
          <a href={staffPath(lang, 'queue')}>{m.enrol.later}</a>
        </p>
      )}
    </>
  );
}

/** The app is set up: on to where the console starts for this role. */
export function enrolledStep({ lang, m, s }: StepView): JSX.Element {
  return (
    <>
      {stepHeading(m.enrol.heading)}
      <p class="notice" role="status">
        {m.enrol.done}
      </p>
      <p>
        <a class="button" href={staffPath(lang, s.info?.role === 'auditor' ? 'audit' : 'queue')}>
          {m.continue}
        </a>
      </p>
    </>
  );
}

/** The audit trail no longer holds what this browser saw: said at once (role="alert") before the console opens. */
export function witnessStep(v: StepView): JSX.Element {
  const { lang, m, s } = v;
  const warning = s.witness;
  const what =
    warning === null || warning.kind === 'signature'
      ? m.witness.signature
      : fill(lang, m.witness[warning.kind], {
          time: formatTime(lang, warning.remembered.time),
          entries: warning.remembered.entries,
          sequence: warning.remembered.sequence,
        });
  return (
    <>
      {stepHeading(m.witness.heading)}
      <div class="chain chain-broken witness-warning" role="alert">
        <p>{what}</p>
        <p>{m.witness.advice}</p>
      </div>
      {stepForm(v, m.witness.continue, false)}
    </>
  );
}
