/**
 * POST /api/status and POST /api/status/messages: what a tracking code
 * opens, and follow-ups (a message, evidence files, or both). The code only
 * ever travels in a POST body.
 */
import { Hono, type Context } from 'hono';
import { formatTrackingCode } from '../../web/lib/tracking-code';
import { statusDetailsPage, statusLookupPage } from '../html/pages';
import type { UploadProblem } from '../../web/lib/attachments';
import { reporterGuard } from '../abuse/reporter-guard';
import { apiError, limitBody, type ApiError } from '../http/errors';
import { validInput, validUpload, type AppVariables, type InvalidForm } from '../http/input';
import { followUpSchema, statusRequestSchema, trackingCodeSchema } from '../schemas/report';
import { addReporterFollowUp, openReportByCode, reporterRecipientsOf, statusViewOf } from '../services/reporter-access';
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
  const guard = reporterGuard(deps.guards, 'status');
  const limits = deps.config.uploads;
  const limit = limitBody(deps.config.maxBodyBytes);

  // A follow-up whose code is fine but whose message or files are not: show
  // the status page again with the error, which needs the report opened.
  const renderInvalidFollowUp = async (
    c: Context,
    invalid: InvalidForm,
    uploadProblem?: ApiError,
  ): Promise<Response> => {
    const typed = invalid.values['trackingCode'];
    const problem = lookupProblem(invalid);
    if (problem !== null) return statusLookupPage(c, deps.shells, invalid.lang, problem, typed);
    const code = trackingCodeSchema.safeParse(typed);
    if (!code.success) return statusLookupPage(c, deps.shells, invalid.lang, 'required', typed);
    const digits = code.data;
    const opened = await openReportByCode(access, digits);
    if (!opened) return statusLookupPage(c, deps.shells, invalid.lang, 'not_found', typed);
    return statusDetailsPage(
      c,
      deps.shells,
      invalid.lang,
      {
        view: await statusViewOf(deps.db, opened),
        trackingCode: formatTrackingCode(digits),
        followUpValue: invalid.values['body'] ?? '',
        limits,
        ...(uploadProblem
          ? { uploadProblem: uploadProblem.code as UploadProblem }
          : { followUpError: invalid.fields['body'] ?? 'invalid' }),
      },
      uploadProblem?.status ?? 400,
    );
  };

  const lookupNotFound = (c: Context): Response => {
    if (c.get('wantsHtml')) return statusLookupPage(c, deps.shells, c.get('lang'), 'not_found', undefined);
    throw apiError(404, 'not_found');
  };

  return new Hono<{ Variables: AppVariables }>()
    .post(
      '/',
      guard,
      limit,
      validInput(statusRequestSchema, (c, invalid) =>
        statusLookupPage(c, deps.shells, invalid.lang, lookupProblem(invalid) ?? 'required', invalid.values['trackingCode']),
      ),
      async (c) => {
        const digits = c.get('input').trackingCode;
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
      guard,
      limitUploadBody(deps.config),
      validUpload(
        followUpSchema,
        (c, invalid) => renderInvalidFollowUp(c, invalid),
        uploadRoute(deps, {
          // The code opens the report before any file is read: files are encrypted to its channel and reporter.
          prepare: async (c, input) => {
            const opened = await openReportByCode(access, input.trackingCode);
            if (!opened) return lookupNotFound(c);
            const recipients = reporterRecipientsOf(deps.db, opened);
            return { value: { opened, recipients }, recipients };
          },
          renderUploadProblem: (c, { lang, values, error }) => renderInvalidFollowUp(c, { lang, values, fields: {} }, error),
        }),
      ),
      async (c) => {
        const { trackingCode: digits, body } = c.get('input');
        const { opened, recipients } = c.get('prepared');
        const files = c.get('files');
        if (body === undefined && files.length === 0) {
          // Neither words nor files: nothing to send.
          if (c.get('wantsHtml')) {
            return renderInvalidFollowUp(c, { lang: c.get('lang'), values: { trackingCode: digits }, fields: { body: 'required' } });
          }
          throw apiError(400, 'invalid_input', { body: 'required' });
        }
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
