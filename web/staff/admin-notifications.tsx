/**
 * Admins' view of e-mail notifications: who asked for them and whether their
 * mails get through (last mail, last failure and its class). Never an
 * address: the server does not send one.
 */
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { fill } from '../i18n/fill';
import type { NotificationDeliveryList } from '../../contract/schemas/staff-notifications';
import { staffApi } from './api';
import { DataTable } from './data-table';
import { errorText, formatTime, leaveIfSignedOut, listOf } from './format';

interface Props {
  lang: Lang;
  m: AdminMessages;
  common: ConsoleMessages;
  /** Labels of the events, as members choose them. */
  eventLabels: Readonly<Record<string, string>>;
}

export function AdminNotifications(props: Props): JSX.Element {
  const { lang, common } = props;
  const m = props.m.notifications;
  const [list, setList] = useState<NotificationDeliveryList | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void (async (): Promise<void> => {
      const result = await staffApi('GET', 'admin/notifications');
      if (result.ok) setList(result.data);
      else if (!leaveIfSignedOut(lang, result)) setFailure(errorText(common, result.code));
    })();
  }, [lang, common]);

  const c = m.columns;
  const when = (iso: string | null): string => (iso === null ? m.never : formatTime(lang, iso));
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      {failure !== null && (
        <p class="form-failure" role="alert">
          {failure}
        </p>
      )}
      {failure === null && list === null && <p role="status">{common.loading}</p>}
      {list !== null && list.delivery === 'off' && <p class="notice">{m.deliveryOff}</p>}
      {list !== null &&
        (list.deliveries.length === 0 ? (
          <p>{m.empty}</p>
        ) : (
          <DataTable
            captionId="notifications-caption"
            caption={m.caption}
            columns={[c.member, c.events, c.lastSuccess, c.lastFailure, c.error, c.failures]}
            rows={list.deliveries}
            rowKey={(row) => row.staffId}
            cells={(row) => (
              <>
                <th scope="row">{row.username}</th>
                <td>{listOf(lang, row.events.map((event) => props.eventLabels[event] ?? event))}</td>
                <td>{when(row.lastSuccessAt)}</td>
                <td>{when(row.lastFailureAt)}</td>
                <td>
                  {row.lastError === null ? '' : m.errors[row.lastError]}
                  {row.smtpStatus !== null && ` (${fill(lang, m.smtpStatus, { code: String(row.smtpStatus) })})`}
                </td>
                <td>{row.failures}</td>
              </>
            )}
          />
        ))}
    </section>
  );
}
