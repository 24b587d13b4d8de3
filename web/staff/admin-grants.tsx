/** Grants: who holds which channel key, and the form to hand on one the admin holds. */
import type { SessionInfo } from '../../contract/schemas/staff-auth';
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { fieldErrors, useFormErrors, type ChannelRow, type GrantRow, type StaffAccount } from './admin-data';
import { staffApi } from './api';
import { OutcomeLine, SelectField, type Outcome } from './form-parts';
import { channelName, channelNameOf, errorText, formatTime, leaveIfSignedOut } from './format';

import { DataTable } from './data-table';
import { fill } from '../i18n/fill';

interface Props {
  lang: Lang;
  m: AdminMessages;
  common: ConsoleMessages;
  me: SessionInfo;
  staff: readonly StaffAccount[];
  grants: readonly GrantRow[];
  channels: readonly ChannelRow[];
  onChanged: () => void;
}

export function AdminGrants(props: Props): JSX.Element {
  const { lang, common } = props;
  const m = props.m.grants;
  const [member, setMember] = useState('');
  const [channel, setChannel] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { errors, setErrors, formRef } = useFormErrors();
  const members = props.staff.filter((account) => !account.disabled && account.role !== 'auditor');

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const grantee = members.find((account) => String(account.id) === member);
    const missing = { ...(grantee === undefined ? { staffId: m.member.problem } : {}), ...(channel === '' ? { channel: m.channel.problem } : {}) };
    if (grantee === undefined || channel === '') {
      setErrors(missing);
      setOutcome({ ok: false, text: errorText(common, 'invalid_input') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    const result = await staffApi('POST', 'admin/grants', { staffId: grantee.id, channel });
    setBusy(false);
    if (result.ok) {
      setOutcome({ ok: true, text: fill(lang, m.granted, { username: grantee.username, channel }) });
      setErrors({});
      props.onChanged();
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    const text = result.code === 'conflict' ? m.already : result.code === 'not_found' ? m.memberGone : errorText(common, result.code);
    setErrors(fieldErrors(result.fields, { staffId: m.member.problem, channel: m.channel.problem }));
    setOutcome({ ok: false, text });
  };

  const c = m.columns;
  return (
    <section aria-labelledby="grants-heading">
      <h2 id="grants-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      {props.grants.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <DataTable
          captionId="grants-caption"
          caption={m.caption}
          columns={[c.channel, c.member, c.grantedBy, c.grantedAt]}
          rows={props.grants}
          rowKey={(grant) => `${grant.channelId}-${grant.staffId}`}
          cells={(grant) => (
            <>
              <th scope="row">{channelNameOf(lang, props.channels, grant.channel)}</th>
              <td>{grant.username}</td>
              <td>{grant.grantedBy ?? ''}</td>
              <td>{formatTime(lang, grant.createdAt)}</td>
            </>
          )}
        />
      )}
      <h3 id="grant-heading">{m.addHeading}</h3>
      <form method="post" class="admin-form" ref={formRef} aria-labelledby="grant-heading" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField
          id="grant-member"
          label={m.member.label}
          error={errors['staffId']}
          value={member}
          onValue={setMember}
          placeholder={props.m.choose}
          options={members.map((account) => ({ value: String(account.id), label: `${account.username} (${props.m.roles[account.role] ?? account.role})` }))}
        />
        <SelectField
          id="grant-channel"
          label={m.channel.label}
          error={errors['channel']}
          value={channel}
          onValue={setChannel}
          placeholder={props.m.choose}
          options={props.me.channels.map((ch) => ({ value: ch.slug, label: channelName(lang, ch) }))}
        />
        <OutcomeLine outcome={outcome} />
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {m.submit}
        </button>
      </form>
    </section>
  );
}
