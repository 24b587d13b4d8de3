/**
 * GET and POST /search and GET /reports/:id/related: finding leads through
 * the blind index (server/services/search.ts).
 *
 * The console searches with POST so that a query (a name, a phone number)
 * never sits in a URL, where a reverse proxy's access log would keep it;
 * GET ?q= answers the same for scripts, but refuses tracking codes, which
 * travel only in request bodies (DESIGN.md). Neither is logged with its
 * query. Each search is audited as `staff.searched` with the number of
 * results and whether it was a tracking code, never the query: a search is
 * a question about content, and oversight should see how often someone
 * asks (a fishing expedition shows as a burst), not what.
 */
import { Hono } from 'hono';
import type { StaffSession } from '../auth/session-store';
import { appendAudit } from '../data/audit';
import { jsonInput } from '../http/json-input';
import { queryInput } from '../http/query-input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { searchQuerySchema } from '../../contract/schemas/staff-search';
import type { SearchAnswer } from '../../contract/schemas/staff-search';
import { openCase, parseReportId } from '../services/case-access';
import { relatedLeads, searchLeads, trackingCodeIn, type QueryChannel, type SearchDeps } from '../services/search';
import { toSecond } from '../time';
import { staffAuthDeps, type RouteDeps } from './deps';

export function staffSearchRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  // Content-derived answers: triagers, and admins for the channels they hold. Auditors get 403.
  const caseworkers = requireStaff(staffAuthDeps(deps), { roles: ['triager', 'admin'] });
  const search: SearchDeps = { db: deps.db, instanceKey: deps.instanceKey, kdf: deps.kdf.staff };

  const answer = async (session: StaffSession, q: string, from: QueryChannel): Promise<SearchAnswer> => {
    const found = await searchLeads(search, session, q, from);
    const trackingCode = trackingCodeIn(q) !== null;
    appendAudit(deps.db, { at: toSecond(deps.now()), actorStaffId: session.staffId, action: 'staff.searched', detail: { results: found.results.length, trackingCode } });
    // Reports still unindexed in the caller's channels: the indexer takes them now, in the background.
    if (found.unindexed > 0) deps.searchIndexer.kick();
    return found;
  };

  return new Hono<{ Variables: StaffVariables }>()
    .get('/search', caseworkers, queryInput(searchQuerySchema), async (c) => c.json(await answer(c.get('staff'), c.get('query').q, 'url'), 200))
    .post('/search', caseworkers, jsonInput(searchQuerySchema), async (c) => c.json(await answer(c.get('staff'), c.get('input').q, 'body'), 200))
    .get('/reports/:id/related', caseworkers, (c) => {
      const opened = openCase(deps.db, c.get('staff'), parseReportId(c.req.param('id')));
      return c.json(relatedLeads(deps.db, opened), 200);
    });
}
