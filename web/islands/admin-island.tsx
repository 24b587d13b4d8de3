/** The administration page for admins: staff accounts, channels, grants, low-effort batches and notification deliveries. */
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { AdminPanels } from '../staff/admin-panels';
import { StaffGate } from '../staff/staff-gate';
import { consoleMessagesFor } from './console-messages';

export function AdminIsland({ lang }: { lang: Lang }): JSX.Element {
  const { common, admin, account } = consoleMessagesFor(lang);
  return (
    <StaffGate lang={lang} common={common} roles={['admin']} notForRole={admin.notForRole}>
      {(me, reloadMe) => <AdminPanels lang={lang} m={admin} common={common} me={me} reloadMe={reloadMe} eventLabels={account.notifications.events} />}
    </StaffGate>
  );
}
