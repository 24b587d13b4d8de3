/**
 * POST /api/reports: anonymous submission, as JSON or a plain form post,
 * with evidence files. A form post answers 303 to GET /api/reports/receipt,
 * which shows the code once (server/http/one-view-cookie.ts).
 */
import { Hono } from 'hono';
import { admit, answerRefusal } from '../abuse/guards';
import { receiptGonePage, receiptPage, reportFormPage } from '../html/pages';
import { DEFAULT_LANG, isLang } from '../../contract/languages';
import { validUpload, type AppVariables } from '../http/input';
import { reportSubmissionSchema } from '../../contract/schemas/reporter';
import { prepareReport, storeReport } from '../services/intake';
import type { RouteDeps } from './deps';
import { limitUploadBody, uploadRoute } from './uploads';

export function reportRoutes(deps: RouteDeps): Hono<{ Variables: AppVariables }> {
  const intake = {
    db: deps.db,
    instanceKey: deps.instanceKey,
    kdf: deps.kdf.reporter,
    deadlines: deps.config.deadlines,
    files: deps.files,
    regions: deps.regions,
  };
  const limits = deps.config.uploads;
  return new Hono<{ Variables: AppVariables }>().post(
    '/',
    limitUploadBody(deps.config),
    validUpload(
      reportSubmissionSchema,
      (c, invalid) => reportFormPage(c, deps.shells, invalid.lang, invalid.values, invalid.fields, { limits }),
      uploadRoute(deps, {
        // Only a valid report waits for a place; then the code and the
        // reporter key, since files are encrypted to them as they arrive.
        prepare: async (c, input, { values }) => {
          const admission = await admit(c, deps.guards, 'report');
          if (!admission.admitted) {
            const retryAfter = admission.retryAfterSeconds;
            return answerRefusal(c, admission, () => reportFormPage(c, deps.shells, c.get('lang'), values, {}, { limits, busyRetryAfter: retryAfter }));
          }
          const prepared = await prepareReport(intake, input.category);
          return { value: { ...prepared, lowEffort: admission.lowEffort }, recipients: prepared.recipients };
        },
        renderUploadProblem: (c, { lang, values, error }) =>
          reportFormPage(c, deps.shells, lang, values, {}, { limits, uploadProblem: error }),
      }),
    ),
    async (c) => {
      const prepared = c.get('prepared');
      // Admitted below the suggested effort while the lane was under load: marked for staff.
      const { trackingCode } = await storeReport(intake, prepared, c.get('input'), c.get('files'), { lowEffort: prepared.lowEffort });
      if (c.get('wantsHtml')) {
        // Redirect, so that a reload or going back never sends the report again.
        const lang = c.get('lang');
        deps.receipts.hold(c, { trackingCode, lang });
        return c.redirect(`${deps.receipts.path}?lang=${lang}`, 303);
      }
      return c.json({ trackingCode, status: 'received' as const }, 201);
    },
  ).get('/receipt', (c) => {
    const held = deps.receipts.take(c);
    if (held !== null) return receiptPage(c, deps.shells, held.lang, held.trackingCode);
    const asked = c.req.query('lang');
    return receiptGonePage(c, deps.shells, isLang(asked) ? asked : DEFAULT_LANG);
  });
}
