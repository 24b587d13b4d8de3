import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hant';
import { adminMessages } from '../i18n/console/zh-hant-admin';
import { AdminIsland } from './admin-island';

/** The administration island with only the zh-hant messages bundled. */
export function AdminZhHant(): JSX.Element {
  return <AdminIsland lang="zh-hant" common={consoleMessages} m={adminMessages} />;
}
