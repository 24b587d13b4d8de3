/** Reports upward (GET /api/staff/reports-upward/...) in the OpenAPI document. */
import { auditExportQuerySchema, signedStatisticsReportSchema } from '../../contract/reports-upward';
import { statisticsQuerySchema } from '../../contract/schemas/staff-oversight-views';
import { errors, queryParameters, responseSchema, type Paths } from './helpers';
import { staffOperation } from './staff-accounts';

const OVERSEERS = 'auditor, admin';

export const staffReportsUpwardPaths: Paths = {
  '/api/staff/reports-upward/statistics': {
    get: staffOperation('statisticsReportUpward', OVERSEERS, {
      summary: 'The statistics for `from`..`to` as a report for a supervising body, signed by the instance key; audited (upward.statistics_signed).',
      parameters: queryParameters(statisticsQuerySchema),
      responses: {
        200: {
          description: 'An attachment: `{report, signature}`, the signature Ed25519 over the canonical JSON of `report` (contract/reports-upward.ts).',
          content: { 'application/json': { schema: responseSchema(signedStatisticsReportSchema) } },
        },
        ...errors(400, 401, 403),
      },
    }),
  },
  '/api/staff/reports-upward/audit-export': {
    get: staffOperation('auditExportUpward', OVERSEERS, {
      summary: 'The audit trail (or ids `fromId`..`toId`) as JSON lines for a supervising body, closed by a signed trailer; audited (upward.audit_exported).',
      parameters: queryParameters(auditExportQuerySchema),
      responses: {
        200: {
          description: 'An attachment: a header line, one line per entry exactly as stored, and `{trailer, signature}` with the latest signed checkpoint.',
          content: { 'application/x-ndjson': { schema: { type: 'string' } } },
        },
        ...errors(400, 401, 403),
      },
    }),
  },
};
