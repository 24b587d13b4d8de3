import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/en';
import { adminMessages } from '../i18n/console/en-admin';
import { AdminIsland } from './admin-island';

/** The administration island with only the en messages bundled. */
export function AdminEn(): JSX.Element {
  return <AdminIsland lang="en" common={consoleMessages} m={adminMessages} />;
}
