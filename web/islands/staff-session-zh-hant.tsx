import type { JSX } from 'preact';
import { sessionMessages } from '../i18n/console/zh-hant-session';
import { SessionBar } from './staff-session';

/** The session island with only the zh-hant messages bundled. */
export function StaffSessionZhHant(): JSX.Element {
  return <SessionBar lang="zh-hant" m={sessionMessages} />;
}
