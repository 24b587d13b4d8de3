/**
 * Who is signed in (GET /api/staff/me) and small helpers of the registers,
 * admin and audit pages. A 401 is handled by `leaveIfSignedOut` in ./format.
 */
import type { SessionInfo } from '../../contract/schemas/staff-auth';
import { staffPath, type Lang } from '../i18n/lang';

/** A channel the signed-in member holds, as GET /api/staff/me names it. */
export type StaffChannel = SessionInfo['channels'][number];

/** Go to the sign-in page (the session ended or must be completed there). */
export function goToSignIn(lang: Lang): void {
  window.location.assign(staffPath(lang, 'signin'));
}


/** The path of one report in the console. */
export function reportHref(lang: Lang, id: number): string {
  return `${staffPath(lang, 'report')}?id=${id}`;
}
