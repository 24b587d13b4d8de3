/** The admin's low-effort batch routes in the OpenAPI document. */
import { MAX_DISCARD_HOURS, MAX_DISCARD_PER_ACTION } from '../../contract/low-effort';
import { lowEffortBatchesQuerySchema, lowEffortDiscardSchema } from '../../contract/schemas/staff-admin';
import { discardSummarySchema, lowEffortBatchPageSchema } from '../../contract/schemas/staff-views';
import { errors, jsonBody, jsonResponse, queryParameters, type Paths } from './helpers';
import { staffOperation } from './staff-accounts';

export const staffLowEffortPaths: Paths = {
  '/api/staff/admin/low-effort': {
    get: staffOperation('listLowEffortBatches', 'admin', {
      summary: 'Hours with low-effort marked reports, newest first, with how many are still discardable. Metadata only.',
      parameters: queryParameters(lowEffortBatchesQuerySchema),
      responses: { 200: jsonResponse('A page of hours.', lowEffortBatchPageSchema), ...errors(400, 401, 403) },
    }),
  },
  '/api/staff/admin/low-effort/discard': {
    post: staffOperation('discardLowEffort', 'admin', {
      summary:
        `Delete, in one audited action (low_effort.discarded, with the count and ids), the marked reports received from \`from\` to \`to\` ` +
        `(hours, both included, at most ${MAX_DISCARD_HOURS} hours; at most ${MAX_DISCARD_PER_ACTION} reports, oldest first) that nobody has worked on: status new, never acknowledged, no lease, ` +
        'no assignee, no priority, no public message, no staff reply, no case record, no link. Their messages and evidence files go with them.',
      requestBody: jsonBody(lowEffortDiscardSchema),
      responses: { 200: jsonResponse('What was deleted (0 when nothing matched; no audit entry then).', discardSummarySchema), ...errors(400, 401, 403) },
    }),
  },
};
