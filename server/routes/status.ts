/**
 * POST /api/status and POST /api/status/messages: what a tracking code
 * opens, and follow-ups (a message, evidence files, or both). The code only
 * ever travels in a POST body. A request is checked in full before it waits
 * for admission, and only an admitted one costs Argon2id work: an invalid or
 * refused follow-up gets its form back without the report being opened.
 */
import { Hono, type Context } from 'hono';
import { formatTrackingCode } from '../../contract/tracking-code';
import { followUpAgainPage, statusDetailsPage, statusLookupPage } from '../html/pages';
import type { UploadProblem } from '../../contract/attachments';
import { admit, answerRefusal } from '../abuse/guards';
import { limitBody, statusOf } from '../http/errors';
import { fail, type DomainError } from '../errors';
import { validInput, validUpload, type AppVariables, type InvalidForm } from '../http/input';
import { followUpSchema, statusRequestSchema, trackingCodeSchema } from '../../contract/schemas/reporter';
import {
  addReporterFollowUp,
  openReportByCode,
  refuseIfTagBlocked,
  reporterRecipientsOf,
  statusViewOf,
} from '../services/reporter-access';
import type { RouteDeps } from './deps';
import { limitUploadBody, uploadRoute } from './uploads';

type LookupProblem = 'required' | 'tracking_code_format' | 'tracking_code_check_digit';

function lookupProblem(invalid: InvalidForm): LookupProblem | null {
  const problem = invalid.fields['trackingCode'];
  if (problem === undefined) return null;
  return problem === 'tracking_code_format' || problem === 'tracking_code_check_digit' ? problem : 'required';
}

export function statusRoutes(deps: RouteDeps): Hono<{ Variables: AppVariables }> {
  const access = { db: deps.db, instanceKey: deps.instanceKey, kdf: deps.kdf.reporter, failedChecks: deps.guards.failedChecks };
  const limits = deps.config.uploads;

  // A follow-up that was not taken (its message or files had a problem):
  // its form again, with what was typed. A problem with the code itself
  // shows the code form instead.
  const followUpAgain = (c: Context, invalid: InvalidForm, uploadProblem?: DomainError): Response => {
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
  };

  // Neither words nor files.
  const nothingToSend = (c: Context, digits: string): Response => {
    if (c.get('wantsHtml')) return followUpAgain(c, { lang: c.get('lang'), values: { trackingCode: digits }, fields: { body: 'required' } });
    throw fail('invalid_input', { body: 'required' });
  };

  const lookupNotFound = (c: Context): Response => {
    if (c.get('wantsHtml')) return statusLookupPage(c, deps.shells, c.get('lang'), 'not_found', undefined);
    throw fail('not_found');
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
        refuseIfTagBlocked(access, digits);
        const admission = await admit(c, deps.guards, 'status');
        if (!admission.admitted) {
          const busyRetryAfter = admission.retryAfterSeconds;
          return answerRefusal(c, admission, () =>
            statusLookupPage(c, deps.shells, c.get('lang'), { busyRetryAfter }, formatTrackingCode(digits)),
          );
        }
        const opened = await openReportByCode(access, digits);
        if (!opened) return lookupNotFound(c);
        const view = await statusViewOf(deps.db, opened);
        if (c.get('wantsHtml')) {
          return statusDetailsPage(c, deps.shells, c.get('lang'), { view, trackingCode: formatTrackingCode(digits), limits }, 200);
        }
        return c.json(view, 200);
      },
    )
    .post(
      '/messages',
      limitUploadBody(deps.config),
      validUpload(
        followUpSchema,
        (c, invalid) => followUpAgain(c, invalid),
        uploadRoute(deps, {
          // Admission, then the code opens the report before any file is
          // read: files are encrypted to its channel and reporter.
          prepare: async (c, input, { values, filesFollow }) => {
            if (input.body === undefined && !filesFollow) return nothingToSend(c, input.trackingCode);
            refuseIfTagBlocked(access, input.trackingCode);
            const admission = await admit(c, deps.guards, 'status');
            if (!admission.admitted) {
              const again = { trackingCode: formatTrackingCode(input.trackingCode), followUpValue: values['body'] ?? '', limits };
              const busyRetryAfter = admission.retryAfterSeconds;
              return answerRefusal(c, admission, () => followUpAgainPage(c, deps.shells, c.get('lang'), { ...again, busyRetryAfter }, 503));
            }
            const opened = await openReportByCode(access, input.trackingCode);
            if (!opened) return lookupNotFound(c);
            const recipients = reporterRecipientsOf(deps.db, opened);
            return { value: { opened, recipients }, recipients };
          },
          renderUploadProblem: (c, { lang, values, error }) => followUpAgain(c, { lang, values, fields: {} }, error),
        }),
      ),
      async (c) => {
        const { trackingCode: digits, body } = c.get('input');
        const { opened, recipients } = c.get('prepared');
        const files = c.get('files');
        // File parts that all turned out empty: nothing to send after all.
        if (body === undefined && files.length === 0) return nothingToSend(c, digits);
        await addReporterFollowUp(deps.db, deps.files, opened, { body, files, recipients });
        const view = await statusViewOf(deps.db, opened);
        if (c.get('wantsHtml')) {
          return statusDetailsPage(
            c,
            deps.shells,
            c.get('lang'),
            { view, trackingCode: formatTrackingCode(digits), notice: 'message_sent', limits },
            201,
          );
        }
        return c.json(view, 201);
      },
    );
}
