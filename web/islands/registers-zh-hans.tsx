import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hans';
import { reportLabels } from '../i18n/console/zh-hans-labels';
import { registersMessages } from '../i18n/console/zh-hans-registers';
import { RegistersIsland } from './registers-island';

/** The registers island with only the zh-hans messages bundled. */
export function RegistersZhHans(): JSX.Element {
  return <RegistersIsland lang="zh-hans" common={consoleMessages} m={registersMessages} labels={reportLabels} />;
}
