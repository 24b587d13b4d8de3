import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hans';
import { adminMessages } from '../i18n/console/zh-hans-admin';
import { AdminIsland } from './admin-island';

/** The administration island with only the zh-hans messages bundled. */
export function AdminZhHans(): JSX.Element {
  return <AdminIsland lang="zh-hans" common={consoleMessages} m={adminMessages} />;
}
