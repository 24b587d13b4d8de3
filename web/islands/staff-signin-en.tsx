import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/en';
import { signinMessages } from '../i18n/console/en-signin';
import { SigninIsland } from './staff-signin';

/** The signin island with only the en messages bundled. */
export function StaffSigninEn(): JSX.Element {
  return <SigninIsland lang="en" c={consoleMessages} m={signinMessages} />;
}
