/**
 * The notifier: on each tick, works out for every opted-in member what a
 * mail would count and sends it when their batch is due.
 *
 * Events are derived from the database on every tick rather than pushed by
 * the routes: reports and reporter messages with ids above the member's marks
 * (moved up only when a mail went out), and deadlines not yet mailed to them
 * (notified_deadlines). So nothing is lost to a restart or a failed mail, and
 * no route that takes a report has to know about mail at all.
 *
 * Batching: at most one mail per member per NOTIFY_INTERVAL_SECONDS. After a
 * quiet spell (no mail within the last interval) the first event goes out on
 * the next tick; the server ticks every TICK_MS, so within a minute. When
 * each member last got a mail is kept in memory only: stored, it would date
 * the lead that triggered it to the minute, where the database keeps report
 * times to the hour. After a restart a member may get one mail sooner.
 *
 * A failed mail leaves its events pending and is retried after a backoff;
 * the failure is logged and stored as a class of error, never an address.
 */
import type { Db } from '../data/database';
import {
  countNewLeads,
  countReporterReplies,
  currentMarks,
  listRecipients,
  recordDelivery,
  recordFailure,
  unmailedDeadlines,
  type DeadlineEvent,
  type DeadlineItem,
  type Marks,
  type Recipient,
} from '../data/notifications';
import { MailError, type Mailer } from '../mail/smtp';
import type { Logger } from '../log';
import { toHour, toSecond } from '../time';
import { composeMail, hasActivity, type Digest } from './notification-mail';

/** How often the server ticks: the first mail after a quiet spell goes out within this. */
export const TICK_MS = 30_000;
/** "Deadline soon": an unmet deadline less than this far away. */
export const SOON_MS = 24 * 3_600_000;
/** The first retry after a failure; each further failure doubles it, up to RETRY_MAX_MS. */
export const RETRY_FIRST_MS = 60_000;
export const RETRY_MAX_MS = 3_600_000;

export interface NotifierDeps {
  db: Db;
  mailer: Mailer;
  log: Logger;
  now: () => Date;
  intervalSeconds: number;
  /** The console's address for the mail's link (from PUBLIC_ORIGIN), or null. */
  consoleUrl: string | null;
}

/** What one tick did, for tests and the log. */
export interface TickSummary {
  sent: number;
  failed: number;
}

/** A member's pending mail: its counts and what sending it settles. */
interface Pending {
  digest: Digest;
  marks: Marks;
  deadlines: { event: DeadlineEvent; items: DeadlineItem[] }[];
}

/** Wait before the attempt after `failures` consecutive failures. */
export function retryDelayMs(failures: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1));
}

export class Notifier {
  /** When each member last got a mail (ms): in memory only, see above. */
  private readonly lastMailAt = new Map<number, number>();
  /** When a member whose mail failed may be tried again (ms). */
  private readonly retryAt = new Map<number, number>();
  /** Consecutive failures since this process started, for the backoff (the stored count is what admins see). */
  private readonly failureCounts = new Map<number, number>();
  private running = false;

  constructor(private readonly deps: NotifierDeps) {}

  /** Send every mail that is due now. Overlapping calls do nothing (a slow SMTP server must not double-send). */
  async tick(): Promise<TickSummary> {
    const summary: TickSummary = { sent: 0, failed: 0 };
    if (this.running) return summary;
    this.running = true;
    try {
      const now = this.deps.now();
      const marks = currentMarks(this.deps.db);
      for (const recipient of listRecipients(this.deps.db)) {
        if (!this.isDue(recipient.staffId, now.getTime())) continue;
        const pending = this.pendingFor(recipient, marks, now);
        if (!hasActivity(pending.digest)) continue;
        summary[(await this.deliver(recipient, pending)) ? 'sent' : 'failed'] += 1;
      }
    } finally {
      this.running = false;
    }
    return summary;
  }

  private isDue(staffId: number, nowMs: number): boolean {
    const last = this.lastMailAt.get(staffId);
    if (last !== undefined && nowMs - last < this.deps.intervalSeconds * 1000) return false;
    return nowMs >= (this.retryAt.get(staffId) ?? 0);
  }

  /** The counts of the member's chosen events in their channels, and what sending them settles. */
  private pendingFor(recipient: Recipient, marks: Marks, now: Date): Pending {
    const { db } = this.deps;
    const wants = new Set(recipient.events);
    const nowText = toSecond(now);
    const deadlines: Pending['deadlines'] = [];
    if (wants.has('deadline_soon')) deadlines.push({ event: 'deadline_soon', items: unmailedDeadlines(db, recipient.staffId, 'deadline_soon', nowText, toSecond(new Date(now.getTime() + SOON_MS))) });
    if (wants.has('overdue')) deadlines.push({ event: 'overdue', items: unmailedDeadlines(db, recipient.staffId, 'overdue', '', nowText) });
    const leadsWith = (event: DeadlineEvent): number => new Set(deadlines.find((d) => d.event === event)?.items.map((item) => item.reportId)).size;
    return {
      digest: {
        new_lead: wants.has('new_lead') ? countNewLeads(db, recipient.staffId, recipient.reportMark, marks.report) : 0,
        reporter_replied: wants.has('reporter_replied') ? countReporterReplies(db, recipient.staffId, recipient.messageMark, marks.message) : 0,
        deadline_soon: leadsWith('deadline_soon'),
        overdue: leadsWith('overdue'),
      },
      marks,
      deadlines,
    };
  }

  /** Send one member's mail; true when it went out. */
  private async deliver(recipient: Recipient, pending: Pending): Promise<boolean> {
    const { db, mailer, log, now, consoleUrl } = this.deps;
    try {
      await mailer.send(composeMail(recipient.email, pending.digest, consoleUrl));
    } catch (error) {
      const failure = error instanceof MailError ? error : new MailError('other', null);
      recordFailure(db, recipient.staffId, { error: failure.failure, smtpStatus: failure.smtpStatus, at: toHour(now()) });
      const failures = (this.failureCounts.get(recipient.staffId) ?? 0) + 1;
      this.failureCounts.set(recipient.staffId, failures);
      this.retryAt.set(recipient.staffId, now().getTime() + retryDelayMs(failures));
      // The member's id and the class of error: never the address, the mail or the server's reply text.
      log.error('notification failed', { staffId: recipient.staffId, error: failure.failure, smtpStatus: failure.smtpStatus, failures });
      return false;
    }
    recordDelivery(db, recipient.staffId, { marks: pending.marks, deadlines: pending.deadlines, at: toHour(now()) });
    this.lastMailAt.set(recipient.staffId, now().getTime());
    this.retryAt.delete(recipient.staffId);
    this.failureCounts.delete(recipient.staffId);
    return true;
  }
}
