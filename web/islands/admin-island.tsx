/** The administration page for admins: staff accounts, channels and grants. */
import type { JSX } from 'preact';
import type { AdminMessages } from '../i18n/console/admin-types';
import type { ConsoleMessages } from '../i18n/console/types';
import type { Lang } from '../i18n/lang';
import { AdminPanels } from '../staff/admin-panels';
import { StaffGate } from '../staff/staff-gate';

interface Props {
  lang: Lang;
  common: ConsoleMessages;
  m: AdminMessages;
}

export function AdminIsland(props: Props): JSX.Element {
  return (
    <StaffGate lang={props.lang} common={props.common} roles={['admin']} notForRole={props.m.notForRole}>
      {(me, reloadMe) => <AdminPanels lang={props.lang} m={props.m} common={props.common} me={me} reloadMe={reloadMe} />}
    </StaffGate>
  );
}
