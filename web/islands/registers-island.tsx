/** The registers page for triage staff and admins: interference and slow progress. */
import type { JSX } from 'preact';
import type { ConsoleMessages } from '../i18n/console/types';
import type { ReportLabels } from '../i18n/console/labels-types';
import type { RegistersMessages } from '../i18n/console/registers-types';
import type { Lang } from '../i18n/lang';
import { InterferenceRegister } from '../staff/interference-register';
import { SlowProgressRegister } from '../staff/slow-progress-register';
import { StaffGate } from '../staff/staff-gate';

interface Props {
  lang: Lang;
  common: ConsoleMessages;
  m: RegistersMessages;
  labels: ReportLabels;
}

export function RegistersIsland(props: Props): JSX.Element {
  return (
    <StaffGate lang={props.lang} common={props.common} roles={['triager', 'admin']} notForRole={props.m.notForRole}>
      {(me) => (
        <>
          <InterferenceRegister lang={props.lang} m={props.m} common={props.common} channels={me.channels} />
          <SlowProgressRegister lang={props.lang} m={props.m} labels={props.labels} common={props.common} />
        </>
      )}
    </StaffGate>
  );
}
