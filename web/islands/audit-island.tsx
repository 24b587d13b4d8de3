/** The audit page for auditors and admins: the audit trail with its chain check, and statistics. */
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { AuditStats } from '../staff/audit-stats';
import { AuditTrail } from '../staff/audit-trail';
import { StaffGate } from '../staff/staff-gate';
import { consoleMessagesFor } from './console-messages';

export function AuditIsland({ lang }: { lang: Lang }): JSX.Element {
  const c = consoleMessagesFor(lang);
  const { common, audit, labels } = c;
  return (
    <StaffGate lang={lang} common={common} roles={['auditor', 'admin']} notForRole={audit.notForRole}>
      {() => (
        <>
          <AuditTrail lang={lang} c={c} />
          <AuditStats lang={lang} m={audit} labels={labels} common={common} />
        </>
      )}
    </StaffGate>
  );
}
