/**
 * The report form's fields, choices and limits, in one place.
 *
 * The server's zod schemas are built from these constants and the browser
 * islands use them for inline validation, so the two can never disagree.
 * Pure data: safe to import from an island without pulling in zod.
 */
import type { ReporterFileView } from './attachments';
import { isOneOf, type Category, type CloseOutcome, type MessageAuthor, type PublicStatus } from './vocabulary';

export const OFFICIALS_INVOLVED = ['yes', 'no', 'unknown'] as const;
export type OfficialsInvolved = (typeof OFFICIALS_INVOLVED)[number];

/**
 * The form's free-text box beside the region list (when the operator lists
 * regions): posted as its own field, used when no listed region is chosen.
 * The JSON API takes the region as `region` only.
 */
export const REGION_OTHER_FIELD = 'regionOther';

/** Character limits (after trimming). `min` only where a field is required. */
export const LIMITS = {
  details: { min: 20, max: 20_000 },
  region: { max: 64 },
  location: { max: 500 },
  subjects: { max: 2_000 },
  occurredAt: { max: 200 },
  officialsDetails: { max: 5_000 },
  discouraged: { max: 5_000 },
  contactName: { max: 200 },
  contactPhone: { max: 50 },
  contactEmail: { max: 254 },
  followUp: { min: 1, max: 20_000 },
} as const;

/**
 * Stable codes for a field's problem. The API returns them in
 * `error.fields`; the pages translate them through the message catalogues.
 */
export const FIELD_PROBLEMS = [
  'required',
  'too_short',
  'too_long',
  'invalid_choice',
  'invalid_email',
  'invalid',
  'tracking_code_format',
  'tracking_code_check_digit',
] as const;
export type FieldProblem = (typeof FIELD_PROBLEMS)[number];

/** True when `x` is one of the stable field-problem codes. */
export function isFieldProblem(x: unknown): x is FieldProblem {
  return isOneOf(FIELD_PROBLEMS, x);
}

/** A message on the status page. */
export interface StatusMessage {
  from: MessageAuthor;
  body: string;
  /** Hour precision. */
  at: string;
  /** A staff message written after the reporter last wrote (derived from the messages; nothing is stored per visit). */
  new: boolean;
}

/** The reporter's deadlines, each with whether it was kept. ISO hours. */
export interface StatusDeadlines {
  acknowledgeBy: string;
  acknowledgeMet: boolean;
  feedbackBy: string;
  feedbackMet: boolean;
}

/** What the reporter sent: their report's fields (never the contact details) and their own follow-ups. */
export interface SentReport {
  category: Category;
  details: string;
  region?: string;
  location?: string;
  subjects?: string;
  occurredAt?: string;
  officialsInvolved?: OfficialsInvolved;
  officialsDetails?: string;
  discouraged?: string;
  followUps: { body: string; at: string }[];
}

/** What `POST /api/status` returns and the status view renders. */
export interface StatusView {
  status: PublicStatus;
  publicMessage?: string;
  /** The hour the public message was set; absent for messages set before it was kept. */
  publicMessageAt?: string;
  /** The agency the report was referred to, when staff told the reporter. */
  referral?: { agency: string };
  /** How the report ended, when the status is `closed`. */
  outcome?: CloseOutcome;
  /** ISO 8601, truncated to the hour, e.g. "2026-11-28T06:00:00Z". */
  receivedAt: string;
  deadlines: StatusDeadlines;
  messages: StatusMessage[];
  /** Evidence files the reporter sent, with the report and with follow-ups. */
  files: ReporterFileView[];
  report: SentReport;
}
