import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hant';
import { reportLabels } from '../i18n/console/zh-hant-labels';
import { registersMessages } from '../i18n/console/zh-hant-registers';
import { RegistersIsland } from './registers-island';

/** The registers island with only the zh-hant messages bundled. */
export function RegistersZhHant(): JSX.Element {
  return <RegistersIsland lang="zh-hant" common={consoleMessages} m={registersMessages} labels={reportLabels} />;
}
