/** POST /api/reports: anonymous submission, as JSON or a plain form post, with evidence files. */
import { Hono } from 'hono';
import { reporterGuard } from '../abuse/reporter-guard';
import { receiptPage, reportFormPage } from '../html/pages';
import { validUpload, type AppVariables } from '../http/input';
import { reportSubmissionSchema } from '../schemas/report';
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
  };
  const limits = deps.config.uploads;
  return new Hono<{ Variables: AppVariables }>().post(
    '/',
    reporterGuard(deps.guards, 'report'),
    limitUploadBody(deps.config),
    validUpload(
      reportSubmissionSchema,
      (c, invalid) => reportFormPage(c, deps.shells, invalid.lang, invalid.values, invalid.fields, { limits }),
      uploadRoute(deps, {
        // The code and the reporter key come first: files are encrypted to them as they arrive.
        prepare: async (_c, input) => {
          const prepared = await prepareReport(intake, input.category);
          return { value: prepared, recipients: prepared.recipients };
        },
        renderUploadProblem: (c, { lang, values, error }) =>
          reportFormPage(c, deps.shells, lang, values, {}, { limits, uploadProblem: error }),
      }),
    ),
    async (c) => {
      const { trackingCode } = await storeReport(intake, c.get('prepared'), c.get('input'), c.get('files'));
      if (c.get('wantsHtml')) return receiptPage(c, deps.shells, c.get('lang'), trackingCode);
      return c.json({ trackingCode, status: 'received' as const }, 201);
    },
  );
}
