import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hant';
import { signinMessages } from '../i18n/console/zh-hant-signin';
import { SigninIsland } from './staff-signin';

/** The signin island with only the zh-hant messages bundled. */
export function StaffSigninZhHant(): JSX.Element {
  return <SigninIsland lang="zh-hant" c={consoleMessages} m={signinMessages} />;
}
