/** POST /api/reports: anonymous submission, as JSON or a plain form post. */
import { Hono } from 'hono';
import { receiptPage, reportFormPage } from '../html/pages';
import { limitBody } from '../http/errors';
import { validInput, type AppVariables } from '../http/input';
import { reportSubmissionSchema } from '../schemas/report';
import { submitReport } from '../services/intake';
import type { RouteDeps } from './deps';

export function reportRoutes(deps: RouteDeps): Hono<{ Variables: AppVariables }> {
  const intake = {
    db: deps.db,
    instanceKey: deps.instanceKey,
    kdf: deps.config.argon2,
    deadlines: deps.config.deadlines,
  };
  return new Hono<{ Variables: AppVariables }>().post(
    '/',
    limitBody(deps.config.maxBodyBytes),
    validInput(reportSubmissionSchema, (c, invalid) => reportFormPage(c, deps.shells, invalid.lang, invalid.values, invalid.fields)),
    async (c) => {
      const { trackingCode } = await submitReport(intake, c.get('input'));
      if (c.get('wantsHtml')) return receiptPage(c, deps.shells, c.get('lang'), trackingCode);
      return c.json({ trackingCode, status: 'received' as const }, 201);
    },
  );
}
