/** The shape every language's catalogue must have. */
import type { ReportFieldName } from '../../contract/field-names';
import type { UploadProblem } from '../../contract/attachments';
import type { FieldProblem, OfficialsInvolved } from '../../contract/report-fields';
import type { Category, PublicStatus } from '../../contract/vocabulary';

export interface Titles {
  home: string;
  report: string;
  receipt: string;
  status: string;
  error: string;
}

export interface SiteMessages {
  siteName: string;
  skipLink: string;
  mainNav: string;
  languageNav: string;
  nav: { report: string; status: string };
  footer: string;
}

export interface HomeMessages {
  heading: string;
  lead: string;
  reportCta: string;
  statusCta: string;
  whatHeading: string;
  anonymityHeading: string;
  anonymity: readonly { title: string; text: string }[];
  deviceTip: string;
  codeHeading: string;
  codeIntro: string;
  codeAdvice: readonly string[];
  statusHeading: string;
  statusText: string;
}

/** Error pages the server can show; anything else falls back to `generic`. */
export const ERROR_CODES = [
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'service_unavailable',
  'internal_error',
  'not_found_page',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorMessages {
  codes: Record<ErrorCode | 'generic', { heading: string; text: string }>;
  homeLink: string;
}

/** Why a request sent by an island failed, other than a validation error. */
export type SendFailure =
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'service_unavailable'
  | 'busy'
  | 'network'
  | 'other';

export interface FieldText {
  label: string;
  hint?: string;
}

export interface ReceiptMessages {
  heading: string;
  intro: string;
  codeLabel: string;
  keepHeading: string;
  keep: readonly string[];
  next: string;
  statusLink: string;
  notShownAgain: string;
}

/**
 * The evidence-file part of the report and follow-up forms. Placeholders:
 * {files} the most files at once, {fileSize} the most per file, {total} the
 * most for all files together, {name} a file's name, {size} its size.
 */
export interface UploadMessages {
  legend: string;
  /** What happens to each kind of file, shown before anything is sent. */
  noticeCleaned: string;
  noticeNotCleaned: string;
  keepLabel: string;
  keepHint: string;
  label: string;
  limitsHint: string;
  problems: Record<UploadProblem, string>;
  /** After a form post without JavaScript came back with a file problem. */
  chooseAgain: string;
  /** With JavaScript (the report island loads these only once files are chosen): the list of chosen files. */
  chosen: string;
  remove: string;
  /** Spoken after files are added or removed: {n}. */
  countOne: string;
  countMany: string;
}

/** Messages for the report form and the receipt (what the report island ships). */
export interface ReportMessages {
  heading: string;
  intro: string;
  requiredMark: string;
  fields: Record<ReportFieldName, FieldText>;
  categories: Record<Category, FieldText>;
  officials: Record<OfficialsInvolved, string>;
  contactLegend: string;
  contactHint: string;
  beforeSubmit: string;
  submit: string;
  sending: string;
  /** Character counter under the details box. */
  counter: (count: number, min: number, max: number) => string;
  errorSummary: string;
  /** `{min}` and `{max}` are replaced with the field's limits. */
  problems: Record<FieldProblem, string>;
  fieldProblems: Partial<Record<ReportFieldName, Partial<Record<FieldProblem, string>>>>;
  failures: Record<SendFailure, string>;
  /** The site was too busy to take the report: `{wait}` is `waitAbout`'s answer. */
  busyNotice: string;
  /** With JavaScript, while the island sends the report again by itself. */
  retrying: string;
  /** "about 30 seconds", "about 2 minutes". */
  waitAbout: (seconds: number) => string;
  receipt: ReceiptMessages;
}

/** `busy` has a `{wait}` placeholder (`waitAbout`). */
export type LookupProblem = 'required' | 'tracking_code_format' | 'tracking_code_check_digit' | 'not_found' | 'busy';

/** Messages for the status lookup and the status details (what the status island ships). */
export interface StatusMessages {
  heading: string;
  intro: string;
  codeLabel: string;
  codeHint: string;
  notInUrl: string;
  submit: string;
  checking: string;
  codeLooksRight: string;
  errorSummary: string;
  problems: Record<LookupProblem, string>;
  failures: Record<SendFailure, string>;
  /** With JavaScript, while the island checks the code again by itself. */
  retrying: string;
  /** "about 30 seconds", "about 2 minutes". */
  waitAbout: (seconds: number) => string;
  details: {
    heading: string;
    statusLabel: string;
    receivedLabel: string;
    statuses: Record<PublicStatus, { label: string; text: string }>;
    allStatuses: string;
    publicMessageHeading: string;
    messagesHeading: string;
    noMessages: string;
    filesHeading: string;
    noFiles: string;
    fromStaff: string;
    fromYou: string;
    followUpHeading: string;
    followUpLabel: string;
    followUpHint: string;
    followUpSubmit: string;
    sending: string;
    messageSent: string;
    /** `{max}` is replaced with the limit. */
    followUpProblems: Partial<Record<FieldProblem, string>> & { required: string; too_long: string };
    leaveAdvice: string;
    lookupAnother: string;
    /** A follow-up that was not sent, on a page of its own. */
    notSentHeading: string;
    /** The site was too busy to take the follow-up: `{wait}`. */
    busyNotice: string;
    /** With JavaScript, while the island sends the follow-up again by itself. */
    retrying: string;
    /** Posts the code again to show the report. */
    backToReport: string;
    /** An hour in UTC, from its zero-padded parts. */
    time: (year: string, month: string, day: string, hour: string) => string;
  };
}

export interface SiteCatalogue {
  titles: Titles;
  site: SiteMessages;
  home: HomeMessages;
  errors: ErrorMessages;
}

export interface Messages extends SiteCatalogue {
  report: ReportMessages;
  status: StatusMessages;
  upload: UploadMessages;
}
