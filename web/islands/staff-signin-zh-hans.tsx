import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hans';
import { signinMessages } from '../i18n/console/zh-hans-signin';
import { SigninIsland } from './staff-signin';

/** The signin island with only the zh-hans messages bundled. */
export function StaffSigninZhHans(): JSX.Element {
  return <SigninIsland lang="zh-hans" c={consoleMessages} m={signinMessages} />;
}
