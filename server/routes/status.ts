/**
 * POST /api/status and POST /api/status/messages: what a tracking code
 * opens, and follow-ups (a message, evidence files, or both). The code only
 * ever travels in a POST body. A request is checked in full before it waits
 * for admission, and only an admitted one costs Argon2id work: an invalid or
 * refused follow-up gets its form back without the report being opened.
 */
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { formatTrackingCode } from '../../contract/tracking-code';
import { followUpAgainPage, followUpShownOncePage, statusDetailsPage, statusLookupPage } from '../html/pages';
import { DEFAULT_LANG, isLang } from '../../contract/languages';
import type { UploadLimits, UploadProblem } from '../../contract/attachments';
import { admit, answerRefusal } from '../abuse/guards';
import { limitBody, statusOf } from '../http/errors';
import { fail, type DomainError } from '../errors';
import { validInput, validUpload, type AppVariables, type InvalidForm, type SentFields } from '../http/input';
import { followUpSchema, statusRequestSchema, trackingCodeSchema } from '../../contract/schemas/reporter';
import {
  addReporterFollowUp,
  openReportByCode,
  refuseIfTagBlocked,
  reporterRecipientsOf,
  statusViewOf,
  type OpenedReport,
  type ReporterAccessDeps,
} from '../services/reporter-access';
import type { RouteDeps } from './deps';
import { limitUploadBody, uploadRoute } from './uploads';

type LookupProblem = 'required' | 'tracking_code_format' | 'tracking_code_check_digit';

function lookupProblem(invalid: InvalidForm): LookupProblem | null {
  const problem = invalid.fields['trackingCode'];
  if (problem === undefined) return null;
  return problem === 'tracking_code_format' || problem === 'tracking_code_check_digit' ? problem : 'required';
}

/** What both routes share: the app's deps, what opening a report by its code needs, and the limits the pages show. */
interface StatusRouting {
  deps: RouteDeps;
  access: ReporterAccessDeps;
  limits: UploadLimits;
}

/** What a follow-up's handler gets from `prepareFollowUp`: the opened report and who its files are encrypted to. */
interface PreparedFollowUp {
  opened: OpenedReport;
  recipients: string[];
}

/** The code lookup and the follow-up, each a chain of the named steps below. */
export function statusRoutes(deps: RouteDeps): Hono<{ Variables: AppVariables }> {
  const routing: StatusRouting = {
    deps,
    access: {
      db: deps.db,
      instanceKey: deps.instanceKey,
      kdf: deps.kdf.reporter,
      failedChecks: deps.guards.failedChecks,
      missKeyType: deps.config.channelKeyType,
    },
    limits: deps.config.uploads,
  };

  return new Hono<{ Variables: AppVariables }>()
    .post(
      '/',
      limitBody(deps.config.maxBodyBytes),
      validInput(statusRequestSchema, (c, invalid) =>
        statusLookupPage(c, deps.shells, invalid.lang, lookupProblem(invalid) ?? 'required', invalid.values['trackingCode']),
      ),
      async (c) => {
        const digits = c.get('input').trackingCode;
        const opened = await openWhenAdmitted(routing, c, digits, (busyRetryAfter) =>
          statusLookupPage(c, deps.shells, c.get('lang'), { busyRetryAfter }, formatTrackingCode(digits)),
        );
        if (opened instanceof Response) return opened;
        return answerStatus(routing, c, digits, opened, null);
      },
    )
    .post(
      '/messages',
      limitUploadBody(deps.config),
      validUpload(
        followUpSchema,
        (c, invalid) => followUpAgain(routing, c, invalid),
        uploadRoute(deps, {
          prepare: (c, input, sent) => prepareFollowUp(routing, c, input, sent),
          renderUploadProblem: (c, { lang, values, error }) => followUpAgain(routing, c, { lang, values, fields: {} }, error),
        }),
      ),
      async (c) => {
        const { trackingCode: digits, body } = c.get('input');
        const { opened, recipients } = c.get('prepared');
        const files = c.get('files');
        // File parts that all turned out empty: nothing to send after all.
        if (body === undefined && files.length === 0) return nothingToSend(routing, c, digits);
        await addReporterFollowUp(deps.db, deps.files, opened, { body, files, recipients }, deps.now());
        if (c.get('wantsHtml')) {
          // Redirect, so that a reload or going back never sends the follow-up again.
          const lang = c.get('lang');
          deps.followUpsSent.hold(c, { trackingCode: digits, lang });
          return c.redirect(`${deps.followUpsSent.path}?lang=${lang}`, 303);
        }
        return answerStatus(routing, c, digits, opened, 'message_sent');
      },
    )
    .get('/sent', async (c) => {
      // The one view after a follow-up without JavaScript: the report as it now stands.
      // No admission here: only an admitted follow-up hands out the cookie, and it opens once.
      const held = deps.followUpsSent.take(c);
      const asked = c.req.query('lang');
      c.set('lang', held?.lang ?? (isLang(asked) ? asked : DEFAULT_LANG));
      c.set('wantsHtml', true);
      if (held === null) return followUpShownOncePage(c, deps.shells, c.get('lang'));
      const opened = await openReportByCode(routing.access, held.trackingCode);
      if (opened === null) return lookupNotFound(deps, c);
      return answerStatus(routing, c, held.trackingCode, opened, 'message_sent', 200);
    });
}

/**
 * The report a tracking code opens, or the answer instead. A blocked lookup
 * tag is refused before the wait for admission, and only an admitted request
 * costs Argon2id work; `busyPage` is what a browser gets when it was not admitted.
 */
async function openWhenAdmitted(
  { deps, access }: StatusRouting,
  c: Context,
  digits: string,
  busyPage: (busyRetryAfter: number) => Response,
): Promise<OpenedReport | Response> {
  refuseIfTagBlocked(access, digits);
  const admission = await admit(c, deps.guards, 'status');
  if (!admission.admitted) {
    const busyRetryAfter = admission.retryAfterSeconds;
    return answerRefusal(c, admission, () => busyPage(busyRetryAfter));
  }
  const opened = await openReportByCode(access, digits);
  return opened ?? lookupNotFound(deps, c);
}

/**
 * A follow-up's fields are valid: admission, then the code opens the report
 * before any file is read, since files are encrypted to its channel and
 * reporter.
 */
async function prepareFollowUp(
  routing: StatusRouting,
  c: Context,
  input: z.output<typeof followUpSchema>,
  { values, filesFollow }: SentFields,
): Promise<{ value: PreparedFollowUp; recipients: readonly string[] } | Response> {
  if (input.body === undefined && !filesFollow) return nothingToSend(routing, c, input.trackingCode);
  const opened = await openWhenAdmitted(routing, c, input.trackingCode, (busyRetryAfter) => {
    const again = { trackingCode: formatTrackingCode(input.trackingCode), followUpValue: values['body'] ?? '', limits: routing.limits };
    return followUpAgainPage(c, routing.deps.shells, c.get('lang'), { ...again, busyRetryAfter }, 503);
  });
  if (opened instanceof Response) return opened;
  const recipients = reporterRecipientsOf(routing.deps.db, opened);
  return { value: { opened, recipients }, recipients };
}

/**
 * The report as it now stands: its page for a browser without JavaScript,
 * JSON for a script. A follow-up just sent (`message_sent`) is a 201 and its
 * page says so; a lookup is a 200.
 */
async function answerStatus(
  { deps, limits }: StatusRouting,
  c: Context,
  digits: string,
  opened: OpenedReport,
  notice: 'message_sent' | null,
  status: 200 | 201 = notice === null ? 200 : 201,
): Promise<Response> {
  const view = await statusViewOf(deps.db, opened);
  if (c.get('wantsHtml')) {
    const details = { view, trackingCode: formatTrackingCode(digits), limits, now: deps.now().getTime() };
    return statusDetailsPage(c, deps.shells, c.get('lang'), notice === null ? details : { ...details, notice }, status);
  }
  return c.json(view, status);
}

/**
 * A follow-up that was not taken (its message or files had a problem): its
 * form again, with what was typed. A problem with the code itself shows the
 * code form instead.
 */
function followUpAgain({ deps, limits }: StatusRouting, c: Context, invalid: InvalidForm, uploadProblem?: DomainError): Response {
  const typed = invalid.values['trackingCode'];
  const problem = lookupProblem(invalid);
  if (problem !== null) return statusLookupPage(c, deps.shells, invalid.lang, problem, typed);
  const code = trackingCodeSchema.safeParse(typed);
  if (!code.success) return statusLookupPage(c, deps.shells, invalid.lang, 'required', typed);
  return followUpAgainPage(
    c,
    deps.shells,
    invalid.lang,
    {
      trackingCode: formatTrackingCode(code.data),
      followUpValue: invalid.values['body'] ?? '',
      limits,
      ...(uploadProblem
        ? { uploadProblem: uploadProblem.code as UploadProblem }
        : { followUpError: invalid.fields['body'] ?? 'invalid' }),
    },
    uploadProblem ? statusOf(uploadProblem) : 400,
  );
}

/** A follow-up with neither words nor files: the form again for a browser, 400 for a script. */
function nothingToSend(routing: StatusRouting, c: Context, digits: string): Response {
  if (c.get('wantsHtml')) return followUpAgain(routing, c, { lang: c.get('lang'), values: { trackingCode: digits }, fields: { body: 'required' } });
  throw fail('invalid_input', { body: 'required' });
}

/** No report for this code: the code form again for a browser, 404 for a script. */
function lookupNotFound(deps: RouteDeps, c: Context): Response {
  if (c.get('wantsHtml')) return statusLookupPage(c, deps.shells, c.get('lang'), 'not_found', undefined);
  throw fail('not_found');
}
