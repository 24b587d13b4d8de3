import type { JSX } from 'preact';
import { sessionMessages } from '../i18n/console/zh-hans-session';
import { SessionBar } from './staff-session';

/** The session island with only the zh-hans messages bundled. */
export function StaffSessionZhHans(): JSX.Element {
  return <SessionBar lang="zh-hans" m={sessionMessages} />;
}
