/**
 * POST /api/status and POST /api/status/messages: what a tracking code
 * opens. The code only ever travels in a POST body.
 */
import { Hono, type Context } from 'hono';
import { formatTrackingCode } from '../../web/lib/tracking-code';
import { statusDetailsPage, statusLookupPage } from '../html/pages';
import { apiError, limitBody } from '../http/errors';
import { validInput, type AppVariables, type InvalidForm } from '../http/input';
import { followUpSchema, statusRequestSchema, trackingCodeSchema } from '../schemas/report';
import { addReporterMessage, openReportByCode, statusViewOf } from '../services/reporter-access';
import type { RouteDeps } from './deps';

type LookupProblem = 'required' | 'tracking_code_format' | 'tracking_code_check_digit';

function lookupProblem(invalid: InvalidForm): LookupProblem | null {
  const problem = invalid.fields['trackingCode'];
  if (problem === undefined) return null;
  return problem === 'tracking_code_format' || problem === 'tracking_code_check_digit' ? problem : 'required';
}

export function statusRoutes(deps: RouteDeps): Hono<{ Variables: AppVariables }> {
  const access = { db: deps.db, instanceKey: deps.instanceKey, kdf: deps.config.argon2 };
  const limit = limitBody(deps.config.maxBodyBytes);

  // A follow-up whose code is fine but whose message is not: show the status
  // page again with the error, which needs the report opened.
  const renderInvalidFollowUp = async (c: Context, invalid: InvalidForm): Promise<Response> => {
    const typed = invalid.values['trackingCode'];
    const problem = lookupProblem(invalid);
    if (problem !== null) return statusLookupPage(c, deps.shells, invalid.lang, problem, typed);
    const code = trackingCodeSchema.safeParse(typed);
    if (!code.success) return statusLookupPage(c, deps.shells, invalid.lang, 'required', typed);
    const digits = code.data;
    const opened = await openReportByCode(access, digits);
    if (!opened) return statusLookupPage(c, deps.shells, invalid.lang, 'not_found', typed);
    const followUpError = invalid.fields['body'] ?? 'invalid';
    return statusDetailsPage(
      c,
      deps.shells,
      invalid.lang,
      {
        view: await statusViewOf(deps.db, opened),
        trackingCode: formatTrackingCode(digits),
        followUpError,
        followUpValue: invalid.values['body'] ?? '',
      },
      400,
    );
  };

  return new Hono<{ Variables: AppVariables }>()
    .post(
      '/',
      limit,
      validInput(statusRequestSchema, (c, invalid) =>
        statusLookupPage(c, deps.shells, invalid.lang, lookupProblem(invalid) ?? 'required', invalid.values['trackingCode']),
      ),
      async (c) => {
        const digits = c.get('input').trackingCode;
        const opened = await openReportByCode(access, digits);
        if (!opened) {
          if (c.get('wantsHtml')) return statusLookupPage(c, deps.shells, c.get('lang'), 'not_found', undefined);
          throw apiError(404, 'not_found');
        }
        const view = await statusViewOf(deps.db, opened);
        if (c.get('wantsHtml')) {
          return statusDetailsPage(c, deps.shells, c.get('lang'), { view, trackingCode: formatTrackingCode(digits) }, 200);
        }
        return c.json(view, 200);
      },
    )
    .post('/messages', limit, validInput(followUpSchema, renderInvalidFollowUp), async (c) => {
      const { trackingCode: digits, body } = c.get('input');
      const opened = await openReportByCode(access, digits);
      if (!opened) {
        if (c.get('wantsHtml')) return statusLookupPage(c, deps.shells, c.get('lang'), 'not_found', undefined);
        throw apiError(404, 'not_found');
      }
      await addReporterMessage(deps.db, opened, body);
      const view = await statusViewOf(deps.db, opened);
      if (c.get('wantsHtml')) {
        return statusDetailsPage(
          c,
          deps.shells,
          c.get('lang'),
          { view, trackingCode: formatTrackingCode(digits), notice: 'message_sent' },
          201,
        );
      }
      return c.json(view, 201);
    });
}
