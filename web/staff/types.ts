/**
 * What the staff API answers, as the console reads it. Type-only imports from
 * the server: nothing of the server ends up in a browser bundle.
 */
import type { CloseOutcome, InternalStatus, SessionRestriction, StaffRole } from '../../contract/vocabulary';
import type { ContactDetails } from '../../server/services/case-notes';
import type { CaseView, ReportSummary } from '../../server/services/case-view';

export type { CaseView, CloseOutcome, ContactDetails, InternalStatus, ReportSummary };
export type { CaseRecordView } from '../../server/services/case-record-bodies';

/** GET /api/staff/me and the sign-in answers. */
export interface SessionInfo {
  username: string;
  role: StaffRole;
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
