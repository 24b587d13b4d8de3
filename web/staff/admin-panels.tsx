/** The admin page once the caller is known to be an admin: loads accounts, channels and grants together; authorities and low-effort batches load on their own. */
import type { SessionInfo } from '../../contract/schemas/staff-auth';
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { AdminAuthorities } from './admin-authorities';
import { AdminChannels } from './admin-channels';
import type { AdminData } from './admin-data';
import { AdminGrants } from './admin-grants';
import { AdminLowEffort } from './admin-low-effort';
import { AdminNotifications } from './admin-notifications';
import { AdminReplyTemplates } from './admin-reply-templates';
import { StaffAccounts } from './admin-staff';
import { staffApi } from './api';
import { errorText, leaveIfSignedOut } from './format';

interface Props {
  lang: Lang;
  m: AdminMessages;
  /** The events' labels, as members choose them on their account page. */
  eventLabels: Readonly<Record<string, string>>;
  common: ConsoleMessages;
  me: SessionInfo;
  reloadMe: () => void;
}

export function AdminPanels(props: Props): JSX.Element {
  const { lang, common, m, me } = props;
  const [data, setData] = useState<AdminData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  // Reloads keep the sections mounted (and a just-shown recovery code on screen).
  const load = useCallback(async (): Promise<void> => {
    const [staff, channels, grants] = await Promise.all([
      staffApi('GET', 'admin/staff'),
      staffApi('GET', 'admin/channels'),
      staffApi('GET', 'admin/grants'),
    ]);
    if (!staff.ok || !channels.ok || !grants.ok) {
      const failed = [staff, channels, grants].find((result) => !result.ok);
      if (failed !== undefined && !failed.ok && !leaveIfSignedOut(lang, failed)) {
        setFailure(failed.status === 403 ? m.notForRole : errorText(common, failed.code));
      }
      return;
    }
    setFailure(null);
    setData({ staff: staff.data.staff, channels: channels.data.channels, grants: grants.data.grants });
  }, [lang, common, m]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = (): void => {
    void load();
    props.reloadMe();
  };

  if (failure !== null) {
    return (
      <p class="form-failure" role="alert">
        {failure}
      </p>
    );
  }
  if (data === null) return <p role="status">{common.loading}</p>;
  return (
    <>
      <StaffAccounts lang={lang} m={m} common={common} me={me} staff={data.staff} channels={data.channels} onChanged={changed} />
      <AdminChannels lang={lang} m={m} common={common} channels={data.channels} onChanged={changed} />
      <AdminGrants lang={lang} m={m} common={common} me={me} staff={data.staff} grants={data.grants} channels={data.channels} onChanged={changed} />
      <AdminReplyTemplates lang={lang} m={m} common={common} />
      <AdminAuthorities lang={lang} m={m} common={common} />
      <AdminLowEffort lang={lang} m={m} common={common} />
      <AdminNotifications lang={lang} m={m} common={common} eventLabels={props.eventLabels} />
    </>
  );
}
