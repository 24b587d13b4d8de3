/**
 * What the status page derives rather than stores: which staff messages are
 * new since the reporter last wrote, whether each deadline was kept, and
 * what the reporter sent, read back from the report's decrypted content.
 * Pure functions over decrypted or clear values: nothing is written per visit.
 */
import type { SentReport, StatusDeadlines } from '../../contract/report-fields';
import { OFFICIALS_INVOLVED } from '../../contract/report-fields';
import { isOneOf, type Category, type MessageAuthor } from '../../contract/vocabulary';

/** A message as the status view needs it: the id orders messages written in the same hour. */
export interface DatedMessage {
  id: number;
  from: MessageAuthor;
  /** Hour precision. */
  at: string;
}

/**
 * For each message, whether it is a staff message written after the
 * reporter's last message (or after the report arrived, when they never
 * wrote). Times are hours, so a staff message in the same hour as the
 * reporter's last message counts as new only when it was written after it
 * (a larger id).
 */
export function newMarkers(messages: readonly DatedMessage[]): boolean[] {
  const last = messages.filter((message) => message.from === 'reporter').at(-1);
  return messages.map(
    (message) =>
      message.from === 'staff' && (last === undefined || message.at > last.at || (message.at === last.at && message.id > last.id)),
  );
}

/** The clear times the deadlines are judged by: all ISO hours, null when it has not happened. */
export interface DeadlineFacts {
  ackDueAt: string;
  feedbackDueAt: string;
  acknowledgedAt: string | null;
  /**
   * When the reporter first heard back: each of the first staff reply, the
   * public message, a referral they were told of and closing, or null.
   * The earliest counts.
   */
  feedbackTimes: readonly (string | null)[];
}

/** Each deadline with whether it was met: done on or before its hour. */
export function deadlinesOf(facts: DeadlineFacts): StatusDeadlines {
  const firstFeedback = facts.feedbackTimes.filter((at): at is string => at !== null).sort()[0];
  return {
    acknowledgeBy: facts.ackDueAt,
    acknowledgeMet: facts.acknowledgedAt !== null && facts.acknowledgedAt <= facts.ackDueAt,
    feedbackBy: facts.feedbackDueAt,
    feedbackMet: firstFeedback !== undefined && firstFeedback <= facts.feedbackDueAt,
  };
}

const OPTIONAL_TEXT = ['location', 'subjects', 'occurredAt', 'officialsDetails', 'discouraged'] as const;

/**
 * The sent report from its decrypted content (server/services/intake.ts
 * ReportContent) and its clear category and region. Only known fields with
 * the expected types are taken, so a lead staff typed in, or content of an
 * older or newer shape, shows what it has instead of failing the page.
 */
export function sentReportOf(
  plaintext: string,
  clear: { category: Category; region: string | null },
  followUps: SentReport['followUps'],
): SentReport {
  let content: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(plaintext);
    if (typeof parsed === 'object' && parsed !== null) content = parsed as Record<string, unknown>;
  } catch {
    content = { details: plaintext }; // not JSON: the text itself is what was sent
  }
  const report: SentReport = { category: clear.category, details: typeof content['details'] === 'string' ? content['details'] : '', followUps };
  if (clear.region !== null && clear.region !== '') report.region = clear.region;
  for (const field of OPTIONAL_TEXT) {
    const value = content[field];
    if (typeof value === 'string' && value !== '') report[field] = value;
  }
  const officials = content['officialsInvolved'];
  if (isOneOf(OFFICIALS_INVOLVED, officials)) report.officialsInvolved = officials;
  return report;
}
