/**
 * HTML pages for browsers that posted a plain form (no JavaScript): the same
 * Preact components the static site uses, rendered into the site's shell.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ErrorNotice } from '../../web/components/error-notice';
import { FollowUpAgain } from '../../web/components/follow-up-again';
import { Receipt } from '../../web/components/receipt';
import { ReceiptGone } from '../../web/components/receipt-gone';
import { FollowUpShownOnce } from '../../web/components/follow-up-shown-once';
import { ReportForm } from '../../web/components/report-form';
import { StatusDetails } from '../../web/components/status-details';
import { StatusLookupForm } from '../../web/components/status-lookup-form';
import { messagesFor, type LookupProblem } from '../../web/i18n';
import type { Lang } from '../../contract/languages';
import { REPORT_FIELD_NAMES } from '../../contract/field-names';
import { REGION_OTHER_FIELD, type FieldProblem, type StatusView } from '../../contract/report-fields';
import type { UploadLimits, UploadProblem } from '../../contract/attachments';
import type { DomainError, FieldProblems } from '../errors';
import { statusOf } from '../http/errors';
import type { RawFields } from '../http/input';
import type { Shells } from './shells';
import { waitAbout } from '../../web/i18n/fill';
import { ProfileAside } from '../../web/components/operator-profile';
import { neutralPageTitle } from '../../web/lib/page-title';

type PageTitle = 'report' | 'receipt' | 'status' | 'error';

function page(c: Context, shells: Shells, lang: Lang, title: PageTitle, body: VNode, status: ContentfulStatusCode): Response {
  const m = messagesFor(lang);
  return c.html(shells.render(lang, neutralPageTitle(m, shells.profile(lang), m.titles[title]), renderToString(body)), status);
}

/** A page saying the site was too busy: 503 with Retry-After, like the JSON answer. */
function busyPage(response: Response, retryAfterSeconds: number): Response {
  response.headers.set('Retry-After', String(retryAfterSeconds));
  return response;
}


function pick<K extends string, V>(names: readonly K[], from: Record<string, V>): Partial<Record<K, V>> {
  const out: Partial<Record<K, V>> = {};
  for (const name of names) {
    const value = from[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** How the evidence-file part of a form is shown: the limits, and a problem with the files sent. */
export interface UploadState {
  limits: UploadLimits;
  uploadProblem?: DomainError;
}

/**
 * The report form again, with what was typed and what is wrong (400, or the
 * files' error status), or with a notice that the site was too busy (503,
 * `busyRetryAfter` seconds).
 */
export function reportFormPage(
  c: Context,
  shells: Shells,
  lang: Lang,
  values: RawFields,
  errors: FieldProblems,
  upload: UploadState & { busyRetryAfter?: number },
): Response {
  const problem = upload.uploadProblem;
  const busy = upload.busyRetryAfter;
  const form = (
    <ReportForm
      lang={lang}
      values={pick(REPORT_FIELD_NAMES, withTypedRegion(values))}
      errors={pick(REPORT_FIELD_NAMES, errors)}
      limits={upload.limits}
      regions={shells.profile(lang).regions}
      {...(problem ? { uploadProblem: problem.code as UploadProblem } : {})}
      {...(busy === undefined ? {} : { busyWait: waitAbout(lang, messagesFor(lang).report.waitAbout, busy) })}
    />
  );
  if (busy !== undefined) return busyPage(page(c, shells, lang, 'report', form, 503), busy);
  return page(c, shells, lang, 'report', form, problem ? statusOf(problem) : 400);
}

/** The region as the person gave it: the place chosen from the list, else the one typed in the box beside it. */
function withTypedRegion(values: RawFields): RawFields {
  const box = values[REGION_OTHER_FIELD];
  return (values['region'] ?? '').trim() === '' && box !== undefined ? { ...values, region: box } : values;
}

/** The tracking code, shown once (the one view of GET /api/reports/receipt). */
export function receiptPage(c: Context, shells: Shells, lang: Lang, trackingCode: string): Response {
  const receipt = (
    <>
      <Receipt lang={lang} trackingCode={trackingCode} />
      <ProfileAside p={shells.profile(lang)} m={messagesFor(lang).profile} />
    </>
  );
  return page(c, shells, lang, 'receipt', receipt, 200);
}

/** The receipt again (a reload, going back): the code is not shown twice, and nothing was sent again. */
export function receiptGonePage(c: Context, shells: Shells, lang: Lang): Response {
  return page(c, shells, lang, 'receipt', <ReceiptGone lang={lang} />, 200);
}

/**
 * The code-entry form again with a problem: 400 for a malformed code, 404
 * when nothing matches, 503 when the site was too busy to check it
 * (`busyRetryAfter` seconds).
 */
export function statusLookupPage(
  c: Context,
  shells: Shells,
  lang: Lang,
  error: Exclude<LookupProblem, 'busy'> | { busyRetryAfter: number },
  value: string | undefined,
): Response {
  const typed = value === undefined ? {} : { value };
  if (typeof error === 'object') {
    const form = <StatusLookupForm lang={lang} error="busy" waitSeconds={error.busyRetryAfter} {...typed} />;
    return busyPage(page(c, shells, lang, 'status', form, 503), error.busyRetryAfter);
  }
  const form = <StatusLookupForm lang={lang} error={error} {...typed} />;
  return page(c, shells, lang, 'status', form, error === 'not_found' ? 404 : 400);
}

/**
 * A follow-up that was not sent, on its own page with what was typed: the
 * site was too busy (503, `busyRetryAfter` seconds), or the message or files
 * had a problem (`status`).
 */
export function followUpAgainPage(
  c: Context,
  shells: Shells,
  lang: Lang,
  followUp: {
    trackingCode: string;
    followUpValue: string;
    limits: UploadLimits;
    followUpError?: FieldProblem;
    uploadProblem?: UploadProblem;
    busyRetryAfter?: number;
  },
  status: ContentfulStatusCode,
): Response {
  const { busyRetryAfter, ...rest } = followUp;
  const body = <FollowUpAgain lang={lang} {...rest} waitSeconds={busyRetryAfter} />;
  if (busyRetryAfter !== undefined) return busyPage(page(c, shells, lang, 'status', body, 503), busyRetryAfter);
  return page(c, shells, lang, 'status', body, status);
}

/** Status, messages and the follow-up form. */
export function statusDetailsPage(
  c: Context,
  shells: Shells,
  lang: Lang,
  details: {
    view: StatusView;
    trackingCode: string;
    notice?: 'message_sent';
    followUpError?: FieldProblem;
    followUpValue?: string;
    limits: UploadLimits;
    uploadProblem?: UploadProblem;
    /** The server's clock (ms), which says whether a deadline has passed. */
    now?: number;
  },
  status: ContentfulStatusCode,
): Response {
  const { timeZone } = shells.profile(lang);
  return page(c, shells, lang, 'status', <StatusDetails lang={lang} timeZone={timeZone} {...details} />, status);
}

/** The status page after a follow-up, opened again (a reload, going back): shown once, nothing sent again. */
export function followUpShownOncePage(c: Context, shells: Shells, lang: Lang): Response {
  return page(c, shells, lang, 'status', <FollowUpShownOnce lang={lang} />, 200);
}

/** A generic error page (413, 415, 503, 500...). */
export function errorPage(c: Context, shells: Shells, lang: Lang, code: string, status: ContentfulStatusCode): Response {
  return page(c, shells, lang, 'error', <ErrorNotice lang={lang} code={code} />, status);
}
