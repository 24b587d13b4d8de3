import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/en';
import { reportLabels } from '../i18n/console/en-labels';
import { registersMessages } from '../i18n/console/en-registers';
import { RegistersIsland } from './registers-island';

/** The registers island with only the en messages bundled. */
export function RegistersEn(): JSX.Element {
  return <RegistersIsland lang="en" common={consoleMessages} m={registersMessages} labels={reportLabels} />;
}
