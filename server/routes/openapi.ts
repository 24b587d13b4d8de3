/**
 * GET /api/openapi.json: the API described from the very zod schemas that
 * validate it, so the document cannot drift from the code.
 */
import { Hono } from 'hono';
import { reporterPaths } from '../openapi/reporter';
import { staffAccountPaths } from '../openapi/staff-accounts';
import { staffAuthorityPaths } from '../openapi/staff-authorities';
import { staffAuditWitnessPaths } from '../openapi/staff-audit-witness';
import { staffCasePaths } from '../openapi/staff-cases';
import { staffLowEffortPaths } from '../openapi/staff-low-effort';
import { staffNotificationPaths } from '../openapi/staff-notifications';
import { staffReplyTemplatePaths } from '../openapi/staff-reply-templates';
import { staffReportsUpwardPaths } from '../openapi/staff-reports-upward';
import { staffSearchPaths } from '../openapi/staff-search';

/** The OpenAPI 3.1 document. */
export function buildOpenApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tipline API',
      version: '1',
      description:
        'Anonymous reporting (submit, status, follow-ups; tracking codes travel only in POST bodies, never in URLs) ' +
        'and the staff API behind a session cookie.',
    },
    components: {
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: 'tipline_staff', description: '`__Host-tipline_staff` behind TLS.' },
      },
    },
    paths: { ...reporterPaths, ...staffAccountPaths, ...staffLowEffortPaths, ...staffNotificationPaths, ...staffCasePaths, ...staffSearchPaths, ...staffReplyTemplatePaths, ...staffAuditWitnessPaths, ...staffReportsUpwardPaths, ...staffAuthorityPaths },
  };
}

export function openApiRoutes(): Hono {
  const document = buildOpenApiDocument();
  return new Hono().get('/', (c) => c.json(document));
}
