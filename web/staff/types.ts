/**
 * What the staff API answers, as the console reads it. Type-only imports from
 * the server: nothing of the server ends up in a browser bundle.
 */
import type { SessionRestriction } from '../../server/auth/session-store';
import type { InternalStatus } from '../../server/data/reports';
import type { CloseOutcome } from '../../server/schemas/staff-reports';
import type { ContactDetails } from '../../server/services/case-notes';
import type { CaseView, ReportSummary } from '../../server/services/case-view';

export type { CaseView, CloseOutcome, ContactDetails, InternalStatus, ReportSummary };
export type { CaseRecordView } from '../../server/services/case-record-bodies';

/** GET /api/staff/me and the sign-in answers. */
export interface SessionInfo {
  username: string;
  role: 'admin' | 'triager' | 'auditor';
  channels: { id: number; slug: string; name: string }[];
  totpEnabled: boolean;
  restriction: SessionRestriction;
  idleTimeoutSeconds: number;
  /** When the idle timeout ends the session unless a person does something first (ISO time). */
  idleEndsAt: string;
  /** Seconds until then, by the server's clock. */
  idleSecondsLeft: number;
}

/** GET /api/staff/reports. */
export interface QueuePage {
  reports: ReportSummary[];
  nextCursor: string | null;
}

/** Every internal status, in workflow order (checked against the server's type both ways). */
export const STATUSES = ['new', 'triage', 'investigating', 'awaiting_reporter', 'referred', 'closed'] as const satisfies readonly InternalStatus[];
export const CLOSE_OUTCOMES = ['substantiated', 'unsubstantiated', 'duplicate', 'out_of_scope', 'referred', 'spam'] as const satisfies readonly CloseOutcome[];
export const PRIORITIES = [0, 1, 2, 3] as const;

/** Fails to compile when the server gains a status or outcome the console does not list. */
export type ListsComplete = [Exclude<InternalStatus, (typeof STATUSES)[number]>, Exclude<CloseOutcome, (typeof CLOSE_OUTCOMES)[number]>] extends [never, never]
  ? true
  : never;
export const LISTS_COMPLETE: ListsComplete = true;
