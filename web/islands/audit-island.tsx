/** The audit page for auditors and admins: the audit trail with its chain check, and statistics. */
import type { JSX } from 'preact';
import type { AuditMessages } from '../i18n/console/audit-types';
import type { ReportLabels } from '../i18n/console/labels-types';
import type { ConsoleMessages } from '../i18n/console/types';
import type { Lang } from '../i18n/lang';
import { AuditStats } from '../staff/audit-stats';
import { AuditTrail } from '../staff/audit-trail';
import { StaffGate } from '../staff/staff-gate';

interface Props {
  lang: Lang;
  common: ConsoleMessages;
  m: AuditMessages;
  labels: ReportLabels;
}

export function AuditIsland(props: Props): JSX.Element {
  return (
    <StaffGate lang={props.lang} common={props.common} roles={['auditor', 'admin']} notForRole={props.m.notForRole}>
      {() => (
        <>
          <AuditTrail lang={props.lang} m={props.m} common={props.common} />
          <AuditStats lang={props.lang} m={props.m} labels={props.labels} common={props.common} />
        </>
      )}
    </StaffGate>
  );
}
