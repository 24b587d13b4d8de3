/** The reply template routes in the OpenAPI document. */
import { replyTemplateListSchema, replyTemplateSchema, replyTemplatesQuerySchema } from '../../contract/schemas/reply-templates';
import { createdSchema } from '../../contract/schemas/staff-views';
import { errors, jsonBody, jsonResponse, queryParameters, type Paths } from './helpers';
import { staffOperation } from './staff-accounts';

const CASEWORKERS = 'triager, admin';
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const noContent = { description: 'Done.' };

export const staffReplyTemplatePaths: Paths = {
  '/api/staff/reply-templates': {
    get: staffOperation('listReplyTemplates', CASEWORKERS, {
      summary: 'Reply templates admins wrote, for the reply box: those of one language, or all, by language and title. Generic phrases, stored in clear.',
      parameters: queryParameters(replyTemplatesQuerySchema),
      responses: { 200: jsonResponse('The templates.', replyTemplateListSchema), ...errors(400, 401, 403) },
    }),
  },
  '/api/staff/admin/reply-templates': {
    post: staffOperation('createReplyTemplate', 'admin', {
      summary: 'Add a reply template in one language. Stored in clear: it must not hold case details. Audited as reply_template.created with the id.',
      requestBody: jsonBody(replyTemplateSchema),
      responses: { 201: jsonResponse('The new template\'s id.', createdSchema), ...errors(400, 401, 403) },
    }),
  },
  '/api/staff/admin/reply-templates/{id}': {
    put: staffOperation('changeReplyTemplate', 'admin', {
      summary: 'Rewrite a reply template (its language, title and body). Audited as reply_template.changed with the id.',
      parameters: [idParameter],
      requestBody: jsonBody(replyTemplateSchema),
      responses: { 204: noContent, ...errors(400, 401, 403, 404) },
    }),
    delete: staffOperation('deleteReplyTemplate', 'admin', {
      summary: 'Delete a reply template. Audited as reply_template.deleted with the id.',
      parameters: [idParameter],
      responses: { 204: noContent, ...errors(401, 403, 404) },
    }),
  },
};
