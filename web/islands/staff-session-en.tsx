import type { JSX } from 'preact';
import { sessionMessages } from '../i18n/console/en-session';
import { SessionBar } from './staff-session';

/** The session island with only the en messages bundled. */
export function StaffSessionEn(): JSX.Element {
  return <SessionBar lang="en" m={sessionMessages} />;
}
