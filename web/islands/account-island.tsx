/** "My account": settings a staff member keeps for themselves (e-mail notifications), for every role. */
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { NotificationSettingsForm } from '../staff/notification-settings';
import { StaffGate } from '../staff/staff-gate';
import { STAFF_ROLES } from '../../contract/vocabulary';
import { consoleMessagesFor } from './console-messages';

export function AccountIsland({ lang }: { lang: Lang }): JSX.Element {
  const { common, account } = consoleMessagesFor(lang);
  return (
    <StaffGate lang={lang} common={common} roles={STAFF_ROLES} notForRole={common.errors['forbidden'] ?? common.failed}>
      {() => <NotificationSettingsForm lang={lang} m={account.notifications} common={common} />}
    </StaffGate>
  );
}
