/** The form that adds a staff member, and the recovery code shown once afterwards. */
import type { SessionInfo } from '../../contract/schemas/staff-auth';
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffRole } from '../../contract/vocabulary';
import type { Lang } from '../i18n/lang';
import { fieldErrors, useFormErrors } from './admin-data';
import { staffApi } from './api';
import { describedBy, OutcomeLine, SelectField, TextField, type Outcome } from './form-parts';
import { channelName, errorText, leaveIfSignedOut } from './format';

import { fill } from '../i18n/fill';

interface Props {
  lang: Lang;
  m: AdminMessages;
  common: ConsoleMessages;
  me: SessionInfo;
  onChanged: () => void;
}

const ROLES: readonly StaffRole[] = ['triager', 'admin', 'auditor'];

function RecoveryCode(props: { lang: Lang; m: AdminMessages['staff']['recovery']; username: string; code: string; onDone: () => void }): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="code-box recovery" role="region" aria-labelledby="recovery-heading">
      <h4 id="recovery-heading" tabIndex={-1} ref={heading}>
        {props.m.heading}
      </h4>
      <p>{fill(props.lang, props.m.intro, { username: props.username })}</p>
      <p class="tracking-code">{props.code}</p>
      <p>{props.m.handOver}</p>
      <button type="button" class="button" onClick={props.onDone}>
        {props.m.done}
      </button>
    </div>
  );
}

export function AddStaffForm(props: Props): JSX.Element {
  const { lang, common, me } = props;
  const m = props.m.staff;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffRole>('triager');
  const [channels, setChannels] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [created, setCreated] = useState<{ username: string; code: string } | null>(null);
  const { errors, setErrors, formRef } = useFormErrors();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    setCreated(null);
    const body = { username: username.trim(), password, role, channels: role === 'auditor' ? [] : channels };
    const result = await staffApi('POST', 'admin/staff', body);
    setBusy(false);
    if (result.ok) {
      setCreated({ username: body.username, code: result.data.recoveryCode });
      setUsername('');
      setPassword('');
      setChannels([]);
      setErrors({});
      props.onChanged();
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    const taken = result.code === 'conflict';
    setErrors(taken ? { username: m.username.taken } : fieldErrors(result.fields, { username: m.username.problem, password: m.password.problem, channels: m.channels.problem, '*': common.errors['invalid_input'] ?? common.failed }));
    setOutcome({ ok: false, text: taken ? m.username.taken : errorText(common, result.code) });
  };

  const toggleChannel = (slug: string, on: boolean): void =>
    setChannels((chosen) => (on ? [...chosen, slug] : chosen.filter((c) => c !== slug)));
  const channelError = errors['channels'];

  return (
    <>
      <h3 id="add-staff-heading">{m.addHeading}</h3>
      {created !== null && <RecoveryCode lang={props.lang} m={m.recovery} username={created.username} code={created.code} onDone={() => setCreated(null)} />}
      <form method="post" class="admin-form" ref={formRef} aria-labelledby="add-staff-heading" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="staff-username" label={m.username.label} hint={m.username.hint} error={errors['username']} value={username} onValue={setUsername} />
        <TextField
          id="staff-password"
          type="password"
          autoComplete="new-password"
          label={m.password.label}
          hint={m.password.hint}
          error={errors['password']}
          value={password}
          onValue={setPassword}
        />
        <SelectField
          id="staff-role"
          label={m.role}
          error={errors['role']}
          value={role}
          onValue={(value) => setRole(ROLES.find((r) => r === value) ?? 'triager')}
          options={ROLES.map((r) => ({ value: r, label: props.m.roles[r] }))}
        />
        <fieldset class={channelError === undefined ? 'field' : 'field field-invalid'} aria-describedby={describedBy('staff-channels-hint', channelError === undefined ? undefined : 'staff-channels-error')}>
          <legend>{m.channels.legend}</legend>
          <p class="hint" id="staff-channels-hint">
            {m.channels.hint}
          </p>
          {channelError !== undefined && (
            <p class="field-error" id="staff-channels-error">
              {channelError}
            </p>
          )}
          {me.channels.length === 0 && <p>{m.channels.noneHeld}</p>}
          <div class="checkboxes">
            {me.channels.map((channel) => (
              <div class="checkbox" key={channel.slug}>
                <input
                  type="checkbox"
                  id={`staff-channel-${channel.slug}`}
                  checked={role !== 'auditor' && channels.includes(channel.slug)}
                  disabled={role === 'auditor'}
                  aria-invalid={channelError === undefined ? undefined : 'true'}
                  onChange={(event) => toggleChannel(channel.slug, event.currentTarget.checked)}
                />
                <label for={`staff-channel-${channel.slug}`}>{channelName(props.lang, channel)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <OutcomeLine outcome={outcome} />
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {m.submit}
        </button>
      </form>
    </>
  );
}
