/** Staff accounts: the list with disable/enable, and the form to add a member. */
import type { SessionInfo } from '../../contract/schemas/staff-auth';
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import type { ChannelRow, StaffAccount } from './admin-data';
import { AddStaffForm } from './admin-staff-form';
import { staffApi } from './api';
import { OutcomeLine, type Outcome } from './form-parts';
import { channelNameOf, errorText, leaveIfSignedOut, listOf } from './format';

import { DataTable } from './data-table';
import { fill } from '../i18n/fill';

interface Props {
  lang: Lang;
  m: AdminMessages;
  common: ConsoleMessages;
  me: SessionInfo;
  staff: readonly StaffAccount[];
  channels: readonly ChannelRow[];
  onChanged: () => void;
}

export function StaffAccounts(props: Props): JSX.Element {
  const { lang, common, me } = props;
  const m = props.m.staff;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const toggle = async (account: StaffAccount): Promise<void> => {
    if (busy !== null) return;
    setBusy(account.id);
    setOutcome(null);
    const action = account.disabled ? 'enable' : 'disable';
    const result = await staffApi('POST', `admin/staff/${account.id}/${action}`);
    setBusy(null);
    if (result.ok) {
      setOutcome({ ok: true, text: fill(lang, account.disabled ? m.enabledDone : m.disabledDone, { username: account.username }) });
      props.onChanged();
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    const reason = result.code === 'conflict' ? m.self : errorText(common, result.code);
    setOutcome({ ok: false, text: fill(lang, m.actionFailed, { username: account.username, reason }) });
  };

  const c = m.columns;
  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">{m.heading}</h2>
      <OutcomeLine outcome={outcome} />
      <DataTable
        captionId="staff-caption"
        caption={m.caption}
        columns={[c.username, c.role, c.channels, c.totp, c.state, c.action]}
        rows={props.staff}
        rowKey={(account) => account.id}
        rowClass={(account) => (account.disabled ? 'row-disabled' : undefined)}
        cells={(account) => (
          <>
            <th scope="row">{account.username}</th>
            <td>{props.m.roles[account.role] ?? account.role}</td>
            <td>{account.channels.length === 0 ? props.m.none : listOf(lang, account.channels.map((slug) => channelNameOf(lang, props.channels, slug)))}</td>
            <td>{account.totpEnabled ? m.totpOn : m.totpOff}</td>
            <td>{account.disabled ? m.disabled : m.active}</td>
            <td>
              {account.username !== me.username && (
                <button
                  type="button"
                  class="button button-secondary button-small"
                  aria-label={fill(lang, account.disabled ? m.enableNamed : m.disableNamed, { username: account.username })}
                  aria-disabled={busy !== null ? 'true' : undefined}
                  onClick={() => void toggle(account)}
                >
                  {account.disabled ? m.enable : m.disable}
                </button>
              )}
            </td>
          </>
        )}
      />
      <AddStaffForm lang={lang} m={props.m} common={common} me={me} onChanged={props.onChanged} />
    </section>
  );
}
