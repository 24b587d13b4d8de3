/** The registers page for triage staff and admins: interference and slow progress. */
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { InterferenceRegister } from '../staff/interference-register';
import { SlowProgressRegister } from '../staff/slow-progress-register';
import { StaffGate } from '../staff/staff-gate';
import { consoleMessagesFor } from './console-messages';

export function RegistersIsland({ lang }: { lang: Lang }): JSX.Element {
  const { common, registers, labels, report } = consoleMessagesFor(lang);
  return (
    <StaffGate lang={lang} common={common} roles={['triager', 'admin']} notForRole={registers.notForRole}>
      {(me) => (
        <>
          <InterferenceRegister lang={lang} m={registers} common={common} report={report} methods={labels.interferenceMethods} channels={me.channels} />
          <SlowProgressRegister lang={lang} m={registers} labels={labels} common={common} />
        </>
      )}
    </StaffGate>
  );
}
