/** Authorities for referral packages: the list (with disabling) and the form to register one by its age public key. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Authority } from '../../contract/schemas/authorities';
import { fill, labelOf } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import { fieldErrors, useFormErrors } from './admin-data';
import { staffApi } from './api';
import { DataTable } from './data-table';
import { OutcomeLine, TextField, type Outcome } from './form-parts';
import { errorText, formatTime, leaveIfSignedOut } from './format';

interface Props {
  lang: Lang;
  m: AdminMessages;
  common: ConsoleMessages;
}

/** A hybrid key is about 1,950 characters: the table shows its ends. */
function shortKey(recipient: string): string {
  return recipient.length <= 40 ? recipient : `${recipient.slice(0, 24)}…${recipient.slice(-10)}`;
}

export function AdminAuthorities(props: Props): JSX.Element {
  const { lang, common } = props;
  const m = props.m.authorities;
  const [authorities, setAuthorities] = useState<Authority[] | null>(null);
  const [name, setName] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const [recipient, setRecipient] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [listOutcome, setListOutcome] = useState<Outcome>(null);
  const { errors, setErrors, formRef } = useFormErrors();

  const load = useCallback(async (): Promise<void> => {
    const result = await staffApi('GET', 'authorities');
    if (result.ok) setAuthorities(result.data.authorities);
    else if (!leaveIfSignedOut(lang, result)) setListOutcome({ ok: false, text: errorText(common, result.code) });
  }, [lang, common]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    const result = await staffApi('POST', 'authorities', { name: name.trim(), jurisdiction: jurisdiction.trim(), recipient: recipient.trim() });
    setBusy(false);
    if (result.ok) {
      setOutcome({ ok: true, text: m.done });
      setName('');
      setJurisdiction('');
      setRecipient('');
      setErrors({});
      void load();
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    setErrors(fieldErrors(result.fields, { recipient: common.errors.invalid_recipient, '*': common.errors.invalid_input }));
    setOutcome({ ok: false, text: errorText(common, result.code) });
  };

  const disable = async (authority: Authority): Promise<void> => {
    const result = await staffApi('POST', `authorities/${authority.id}/disable`);
    if (result.ok) {
      setListOutcome({ ok: true, text: m.disabledDone });
      void load();
    } else if (!leaveIfSignedOut(lang, result)) setListOutcome({ ok: false, text: errorText(common, result.code) });
  };

  return (
    <section aria-labelledby="authorities-heading">
      <h2 id="authorities-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      {authorities === null ? (
        <p role="status">{common.loading}</p>
      ) : authorities.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <DataTable
          captionId="authorities-caption"
          caption={m.caption}
          columns={[m.name, m.jurisdiction, m.recipient, m.keyType, m.added, m.state]}
          rows={authorities}
          rowKey={(authority) => authority.id}
          cells={(authority) => (
            <>
              <th scope="row">{authority.name}</th>
              <td>{authority.jurisdiction}</td>
              <td>
                <code>{shortKey(authority.recipient)}</code>
              </td>
              <td>{labelOf(m.keyTypes, authority.keyType)}</td>
              <td>{formatTime(lang, authority.createdAt)}</td>
              <td>
                {authority.disabled ? (
                  m.disabled
                ) : (
                  <>
                    {m.active}{' '}
                    <button
                      type="button"
                      class="button button-secondary"
                      aria-label={fill(lang, m.disableNamed, { name: authority.name })}
                      onClick={() => void disable(authority)}
                    >
                      {m.disable}
                    </button>
                  </>
                )}
              </td>
            </>
          )}
        />
      )}
      <OutcomeLine outcome={listOutcome} />
      <h3 id="add-authority-heading">{m.submit}</h3>
      <form method="post" class="admin-form" ref={formRef} aria-labelledby="add-authority-heading" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="authority-name" label={m.name} error={errors['name']} value={name} onValue={setName} />
        <TextField id="authority-jurisdiction" label={m.jurisdiction} error={errors['jurisdiction']} value={jurisdiction} onValue={setJurisdiction} />
        <TextField id="authority-recipient" label={m.recipient} hint={m.recipientHint} error={errors['recipient']} value={recipient} onValue={setRecipient} />
        <OutcomeLine outcome={outcome} />
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {m.submit}
        </button>
      </form>
    </section>
  );
}
