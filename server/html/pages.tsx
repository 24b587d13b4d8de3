/**
 * HTML pages for browsers that posted a plain form (no JavaScript): the same
 * Preact components the static site uses, rendered into the site's shell.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ErrorNotice } from '../../web/components/error-notice';
import { Receipt } from '../../web/components/receipt';
import { ReportForm } from '../../web/components/report-form';
import { StatusDetails } from '../../web/components/status-details';
import { StatusLookupForm } from '../../web/components/status-lookup-form';
import { messagesFor, type Lang } from '../../web/i18n';
import { REPORT_FIELD_NAMES } from '../../web/lib/field-names';
import type { FieldProblem, StatusView } from '../../web/lib/report-fields';
import type { UploadLimits, UploadProblem } from '../../web/lib/attachments';
import type { ApiError, FieldProblems } from '../http/errors';
import type { RawFields } from '../http/input';
import type { Shells } from './shells';

type PageTitle = 'report' | 'receipt' | 'status' | 'error';

function page(c: Context, shells: Shells, lang: Lang, title: PageTitle, body: VNode, status: ContentfulStatusCode): Response {
  return c.html(shells.render(lang, messagesFor(lang).titles[title], renderToString(body)), status);
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
  uploadProblem?: ApiError;
}

/** The report form again, with what was typed and what is wrong (400, or the files' error status). */
export function reportFormPage(c: Context, shells: Shells, lang: Lang, values: RawFields, errors: FieldProblems, upload: UploadState): Response {
  const problem = upload.uploadProblem;
  const form = (
    <ReportForm
      lang={lang}
      values={pick(REPORT_FIELD_NAMES, values)}
      errors={pick(REPORT_FIELD_NAMES, errors)}
      limits={upload.limits}
      {...(problem ? { uploadProblem: problem.code as UploadProblem } : {})}
    />
  );
  return page(c, shells, lang, 'report', form, problem ? problem.status : 400);
}

/** The tracking code, shown once. */
export function receiptPage(c: Context, shells: Shells, lang: Lang, trackingCode: string): Response {
  return page(c, shells, lang, 'receipt', <Receipt lang={lang} trackingCode={trackingCode} />, 201);
}

/** The code-entry form again with a problem: 400 for a malformed code, 404 when nothing matches. */
export function statusLookupPage(
  c: Context,
  shells: Shells,
  lang: Lang,
  error: 'required' | 'tracking_code_format' | 'tracking_code_check_digit' | 'not_found',
  value: string | undefined,
): Response {
  const form = <StatusLookupForm lang={lang} error={error} {...(value === undefined ? {} : { value })} />;
  return page(c, shells, lang, 'status', form, error === 'not_found' ? 404 : 400);
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
  },
  status: ContentfulStatusCode,
): Response {
  return page(c, shells, lang, 'status', <StatusDetails lang={lang} {...details} />, status);
}

/** A generic error page (413, 415, 503, 500...). */
export function errorPage(c: Context, shells: Shells, lang: Lang, code: string, status: ContentfulStatusCode): Response {
  return page(c, shells, lang, 'error', <ErrorNotice lang={lang} code={code} />, status);
}
