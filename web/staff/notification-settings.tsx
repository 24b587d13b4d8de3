/**
 * The member's own e-mail notifications: an address and the events to be
 * told of. The text beside the form says what a mail holds (counts, never a
 * lead's content) and that the address is stored in clear, so that opting
 * in is an informed choice.
 */
import type { AccountMessages, ConsoleMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { fill } from '../i18n/fill';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '../../contract/vocabulary';
import type { NotificationSettingsView } from '../../contract/schemas/staff-notifications';
import { fieldErrors, useFormErrors } from './admin-data';
import { staffApi } from './api';
import { OutcomeLine, TextField, type Outcome } from './form-parts';
import { errorText, leaveIfSignedOut } from './format';

interface Props {
  lang: Lang;
  m: AccountMessages['notifications'];
  common: ConsoleMessages;
}

export function NotificationSettingsForm(props: Props): JSX.Element {
  const { lang, m, common } = props;
  const [stored, setStored] = useState<NotificationSettingsView | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [events, setEvents] = useState<readonly NotificationEvent[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { errors, setErrors, formRef } = useFormErrors();

  const show = (view: NotificationSettingsView): void => {
    setStored(view);
    setEmail(view.email ?? '');
    setEvents(view.events);
  };

  useEffect(() => {
    void (async (): Promise<void> => {
      const result = await staffApi('GET', 'me/notifications');
      if (result.ok) show(result.data);
      else if (!leaveIfSignedOut(lang, result)) setLoadFailure(errorText(common, result.code));
    })();
  }, [lang, common]);

  const toggle = (event: NotificationEvent, on: boolean): void => {
    setEvents(NOTIFICATION_EVENTS.filter((known) => (known === event ? on : events.includes(known))));
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    const address = email.trim();
    const result = await staffApi('PUT', 'me/notifications', { email: address === '' ? null : address, events });
    setBusy(false);
    if (result.ok) {
      show(result.data);
      setErrors({});
      const silent = result.data.email === null || result.data.events.length === 0;
      setOutcome({ ok: true, text: silent ? m.savedOff : m.saved });
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    setErrors(fieldErrors(result.fields, { email: m.email.problem, '*': errorText(common, 'invalid_input') }));
    setOutcome({ ok: false, text: errorText(common, result.code) });
  };

  if (loadFailure !== null) {
    return (
      <p class="form-failure" role="alert">
        {loadFailure}
      </p>
    );
  }
  if (stored === null) return <p role="status">{common.loading}</p>;
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{m.heading}</h2>
      <p>{fill(lang, m.intro, { minutes: Math.round(stored.intervalSeconds / 60) })}</p>
      {stored.delivery === 'off' && <p class="notice">{m.deliveryOff}</p>}
      <form method="post" class="admin-form" ref={formRef} aria-labelledby="notifications-heading" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="notify-email" label={m.email.label} hint={m.email.hint} error={errors['email']} value={email} onValue={setEmail} autoComplete="email" />
        <fieldset class="field">
          <legend>{m.events.legend}</legend>
          <div class="checkboxes">
            {NOTIFICATION_EVENTS.map((name) => (
              <div class="checkbox" key={name}>
                <input type="checkbox" id={`notify-${name}`} checked={events.includes(name)} onChange={(change) => toggle(name, change.currentTarget.checked)} />
                <label for={`notify-${name}`}>{m.events[name]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <OutcomeLine outcome={outcome} />
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {m.submit}
        </button>
      </form>
    </section>
  );
}
