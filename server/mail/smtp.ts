/**
 * Sending mail over SMTP with nodemailer (SMTP_URL, MAIL_FROM). A failure
 * comes back as a MailError holding a class of error and the SMTP reply code
 * only: the server's own words may quote the address, so they are dropped
 * here and never reach a log line or the database.
 */
import type { Transporter } from 'nodemailer';
import type { NotifyFailure } from '../../contract/vocabulary';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Something that sends a mail or throws a MailError. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export class MailError extends Error {
  constructor(
    readonly failure: NotifyFailure,
    readonly smtpStatus: number | null,
  ) {
    super(`mail not sent: ${failure}`);
    this.name = 'MailError';
  }
}

/** Seconds before a silent server counts as down: a tick must not hang on it. */
const TIMEOUT_MS = 30_000;

/** nodemailer's error codes, grouped into what an admin can act on. */
const FAILURE_OF_CODE: Readonly<Record<string, NotifyFailure>> = {
  ECONNECTION: 'connection',
  ESOCKET: 'connection',
  EDNS: 'connection',
  ECONNREFUSED: 'connection',
  ECONNRESET: 'connection',
  ETIMEDOUT: 'timeout',
  ETLS: 'tls',
  EAUTH: 'auth',
  ENOAUTH: 'auth',
  EENVELOPE: 'rejected',
  EMESSAGE: 'rejected',
};

/** The class and reply code of whatever nodemailer threw. */
export function classifyMailError(error: unknown): MailError {
  const fields = typeof error === 'object' && error !== null ? (error as { code?: unknown; responseCode?: unknown }) : {};
  const smtpStatus = typeof fields.responseCode === 'number' && Number.isInteger(fields.responseCode) ? fields.responseCode : null;
  const byCode = typeof fields.code === 'string' ? FAILURE_OF_CODE[fields.code] : undefined;
  const failure = byCode ?? (smtpStatus !== null && smtpStatus >= 400 ? 'rejected' : 'other');
  return new MailError(failure, smtpStatus);
}

/**
 * A mailer for an smtp:// or smtps:// URL (credentials in the URL, as
 * nodemailer reads it). nodemailer is loaded at the first mail, not at
 * start: importing it takes about a fifth of a second, which start-up to
 * /api/health cannot spare.
 */
export function createSmtpMailer(url: string, from: string): Mailer {
  let transport: Promise<Transporter> | null = null;
  const open = async (): Promise<Transporter> => {
    const { default: nodemailer } = await import('nodemailer');
    return nodemailer.createTransport({
      url,
      // No file or URL content may be pulled into a mail, and a silent server times out.
      disableFileAccess: true,
      disableUrlAccess: true,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
  };
  return {
    async send(mail: OutgoingMail): Promise<void> {
      transport ??= open();
      try {
        await (await transport).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        throw classifyMailError(error);
      }
    },
  };
}
