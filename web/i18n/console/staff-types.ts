/**
 * Types of the sign-in, queue and report catalogues (`<lang>-session.ts`,
 * `<lang>-case.ts`, `<lang>-signin.ts`, `<lang>-queue.ts`, `<lang>-report.ts`).
 * Placeholders such as {n} or {time} are filled by `fill()` in web/staff/format.ts.
 */
import type { MetadataHandling } from '../../../contract/attachments';
import type { ReportLabels } from './labels-types';

/** The sign-out button and idle-timeout warning on every console page. */
export interface SessionMessages {
  signOut: string;
  signedInAs: string;
  /** {time}: when the session ends. */
  idleWarning: string;
  staySignedIn: string;
  stillSignedIn: string;
  signOutFailed: string;
}

/** Names for a report's clear fields, shared by the queue and the report view: the one label set, and a few more words. */
export interface CaseWords extends ReportLabels {
  /** {id} */
  reportName: string;
  unassigned: string;
  noRegion: string;
  ackOverdue: string;
  feedbackOverdue: string;
  /** {name}, {time} */
  heldBy: string;
  /** The low-effort marker's short label (queue rows, report page). */
  lowEffort: string;
  /** What the marker means, on the report page. */
  lowEffortExplained: string;
}

export interface SigninMessages {
  heading: string;
  intro: string;
  username: string;
  password: string;
  totp: string;
  totpHint: string;
  submit: string;
  busy: string;
  /** The server was busy: the console is signing in again, with proof of work. */
  retrying: string;
  sessionEnded: string;
  changePassword: {
    heading: string;
    intro: string;
    current: string;
    next: string;
    /** {min} */
    nextHint: string;
    confirm: string;
    mismatch: string;
    /** {min} */
    tooShort: string;
    submit: string;
  };
  recovery: {
    heading: string;
    intro: string;
    codeLabel: string;
    stored: string;
    mustTick: string;
    submit: string;
  };
  enrol: {
    heading: string;
    intro: string;
    qrLabel: string;
    secretLabel: string;
    code: string;
    codeHint: string;
    submit: string;
    invalidCode: string;
    done: string;
    later: string;
    alreadyEnabled: string;
  };
  continue: string;
  missing: string;
}

export interface QueueMessages {
  heading: string;
  filters: string;
  channel: string;
  anyChannel: string;
  status: string;
  anyStatus: string;
  category: string;
  anyCategory: string;
  region: string;
  overdueOnly: string;
  /** The low-effort filter: its label and its three choices. */
  lowEffort: string;
  lowEffortAll: string;
  lowEffortOnly: string;
  lowEffortExcluded: string;
  assignee: string;
  anyone: string;
  me: string;
  nobody: string;
  apply: string;
  /** {n}: rows shown (one / many). */
  countOne: string;
  countMany: string;
  /** {n} */
  overdueCount: string;
  /** {n} */
  lowEffortCount: string;
  moreAvailable: string;
  loadMore: string;
  pullNext: string;
  pulling: string;
  nothingToPull: string;
  empty: string;
  caption: string;
  columns: { report: string; category: string; channel: string; region: string; status: string; priority: string; assignee: string; received: string; due: string };
  /** {time} */
  ackDue: string;
  /** {time} */
  feedbackDue: string;
  enrolTotp: string;
  auditorNoQueue: string;
}

export interface ReportMessages {
  title: string;
  missingId: string;
  notFound: string;
  backToQueue: string;
  lease: {
    /** {time} */
    yours: string;
    none: string;
    release: string;
    released: string;
    renewFailed: string;
  };
  overview: string;
  fields: {
    channel: string;
    category: string;
    region: string;
    status: string;
    outcome: string;
    priority: string;
    assignee: string;
    source: string;
    received: string;
    acknowledged: string;
    ackDue: string;
    feedbackDue: string;
    closed: string;
    overdue: string;
    notYet: string;
    none: string;
  };
  content: {
    heading: string;
    details: string;
    location: string;
    subjects: string;
    occurredAt: string;
    officialsInvolved: string;
    officialsDetails: string;
    discouraged: string;
    officials: Record<'yes' | 'no' | 'unknown', string>;
  };
  files: {
    heading: string;
    none: string;
    size: string;
    type: string;
    sha256: string;
    metadata: string;
    metadataHandling: Record<MetadataHandling, string>;
    cameWith: string;
    withReport: string;
    /** A follow-up of files only; {time}. */
    withFollowUp: string;
    /** {time}: when the reporter's follow-up arrived. */
    withMessage: string;
    withMessageUnknown: string;
    received: string;
    download: string;
    exportEncrypted: string;
    hint: string;
  };
  messages: { heading: string; none: string; fromStaff: string; fromReporter: string };
  reply: { heading: string; label: string; hint: string; submit: string; done: string };
  publicMessage: { heading: string; current: string; none: string; label: string; hint: string; submit: string; done: string };
  records: {
    heading: string;
    none: string;
    /** {name}, {time} */
    byline: string;
    kinds: { note: string; referral: string; interference: string; contact_reveal: string };
    agency: string;
    reference: string;
    date: string;
    who: string;
    when: string;
    how: string;
    outcome: string;
    reason: string;
  };
  note: { heading: string; label: string; hint: string; submit: string; done: string };
  referral: { heading: string; agency: string; reference: string; date: string; submit: string; done: string };
  interference: { heading: string; intro: string; who: string; when: string; how: string; outcome: string; submit: string; done: string };
  handling: string;
  status: { heading: string; label: string; submit: string; done: string };
  priority: { heading: string; label: string; submit: string; done: string };
  assignee: { heading: string; label: string; hint: string; submit: string; assignMe: string; unassign: string; done: string };
  move: { heading: string; label: string; submit: string; done: string; noOther: string };
  close: { heading: string; label: string; submit: string; done: string; alreadyClosed: string };
  links: { heading: string; none: string; label: string; submit: string; done: string };
  contact: {
    heading: string;
    none: string;
    intro: string;
    reason: string;
    /** {min} */
    reasonHint: string;
    submit: string;
    done: string;
    name: string;
    phone: string;
    email: string;
    empty: string;
    noContact: string;
  };
  /** Names a form's fields that need fixing: {fields}. */
  fixFields: string;
  /** {n} */
  tooShort: string;
  busy: string;
}
