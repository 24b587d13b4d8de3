/** GET /reply-templates (caseworkers), POST /admin/reply-templates, PUT and DELETE /admin/reply-templates/:id (admins). */
import { Hono } from 'hono';
import { listReplyTemplates } from '../data/reply-templates';
import { jsonInput } from '../http/json-input';
import { queryInput } from '../http/query-input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { pathId } from '../path-id';
import { replyTemplateSchema, replyTemplatesQuerySchema } from '../../contract/schemas/reply-templates';
import { changeReplyTemplate, createReplyTemplate, removeReplyTemplate } from '../services/reply-templates';
import { staffAuthDeps, type RouteDeps } from './deps';

/** A template id from the path: the one reading of path ids (path-id.ts). */
function templateId(value: string): number {
  return pathId(value, 'id');
}

export function staffReplyTemplateRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const auth = staffAuthDeps(deps);
  const caseworkers = requireStaff(auth, { roles: ['triager', 'admin'] });
  const admin = requireStaff(auth, { roles: ['admin'] });

  return new Hono<{ Variables: StaffVariables }>()
    .get('/reply-templates', caseworkers, queryInput(replyTemplatesQuerySchema), (c) =>
      c.json({ templates: listReplyTemplates(deps.db, c.get('query').language) }, 200),
    )
    .post('/admin/reply-templates', admin, jsonInput(replyTemplateSchema), (c) =>
      c.json(createReplyTemplate(deps.db, c.get('staff'), c.get('input'), deps.now()), 201),
    )
    .put('/admin/reply-templates/:id', admin, jsonInput(replyTemplateSchema), (c) => {
      changeReplyTemplate(deps.db, c.get('staff'), templateId(c.req.param('id')), c.get('input'), deps.now());
      return c.body(null, 204);
    })
    .delete('/admin/reply-templates/:id', admin, (c) => {
      removeReplyTemplate(deps.db, c.get('staff'), templateId(c.req.param('id')), deps.now());
      return c.body(null, 204);
    });
}
