/**
 * What a notification mail says: counts of kinds of activity in the
 * member's channels and a link to the console, in English, Traditional and
 * Simplified Chinese at once (the server does not know which language a
 * member reads the console in, and one mail in all three needs no setting).
 *
 * A mailbox lies outside everything Tipline protects (providers, backups,
 * phones), so a mail carries no lead's content, category, region, report id,
 * tracking code or reporter's words: only that there is activity, and how much.
 */
import type { NotificationEvent } from '../../contract/vocabulary';
import type { OutgoingMail } from '../mail/smtp';

/** How many leads each event touches, since the last mail. */
export type Digest = Record<NotificationEvent, number>;

export const MAIL_SUBJECT = 'Tipline: activity in your channels';

interface Wording {
  intro: string;
  lines: Record<NotificationEvent, (count: number) => string>;
  open: string;
  /** Said instead of a link when PUBLIC_ORIGIN is not set. */
  openWithoutLink: string;
  footer: string;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const WORDINGS: readonly Wording[] = [
  {
    intro: 'Activity in your channels since the last mail:',
    lines: {
      new_lead: (n) => plural(n, 'new lead', 'new leads'),
      reporter_replied: (n) => `${plural(n, 'lead', 'leads')} where the reporter replied`,
      deadline_soon: (n) => `${plural(n, 'lead', 'leads')} with a deadline within 24 hours`,
      overdue: (n) => `${plural(n, 'lead', 'leads')} overdue`,
    },
    open: 'Open the staff console:',
    openWithoutLink: 'Open the staff console to see them.',
    footer: 'This mail never carries what a lead says. You can change or stop these mails in the console, under your account.',
  },
  {
    intro: '自上一封通知以來，您的承辦小組有以下動態：',
    lines: {
      new_lead: (n) => `新線索 ${n} 條`,
      reporter_replied: (n) => `檢舉人回覆的線索 ${n} 條`,
      deadline_soon: (n) => `24 小時內到期的線索 ${n} 條`,
      overdue: (n) => `逾期線索 ${n} 條`,
    },
    open: '開啟承辦人員主控台：',
    openWithoutLink: '請開啟承辦人員主控台查看。',
    footer: '本通知絕不包含線索內容。您可以在主控台的帳號設定中變更或停止通知。',
  },
  {
    intro: '自上一封通知以来，您的办理小组有以下动态：',
    lines: {
      new_lead: (n) => `新线索 ${n} 条`,
      reporter_replied: (n) => `举报人回复的线索 ${n} 条`,
      deadline_soon: (n) => `24 小时内到期的线索 ${n} 条`,
      overdue: (n) => `逾期线索 ${n} 条`,
    },
    open: '打开办理人员控制台：',
    openWithoutLink: '请打开办理人员控制台查看。',
    footer: '本通知绝不包含线索内容。您可以在控制台的账号设置中更改或停止通知。',
  },
];

const ORDER: readonly NotificationEvent[] = ['new_lead', 'reporter_replied', 'deadline_soon', 'overdue'];

/** True when the digest has anything to say. */
export function hasActivity(digest: Digest): boolean {
  return ORDER.some((event) => digest[event] > 0);
}

/** The mail for a digest; `consoleUrl` is the console's address (from PUBLIC_ORIGIN) or null. */
export function composeMail(to: string, digest: Digest, consoleUrl: string | null): OutgoingMail {
  const sections = WORDINGS.map((wording) =>
    [
      wording.intro,
      ...ORDER.filter((event) => digest[event] > 0).map((event) => `- ${wording.lines[event](digest[event])}`),
      '',
      consoleUrl === null ? wording.openWithoutLink : `${wording.open} ${consoleUrl}`,
      '',
      wording.footer,
    ].join('\n'),
  );
  return { to, subject: MAIL_SUBJECT, text: `${sections.join('\n\n----\n\n')}\n` };
}
