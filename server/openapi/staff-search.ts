/** Search and related leads in the OpenAPI document. */
import { relatedAnswerSchema, searchAnswerSchema, searchQuerySchema } from '../../contract/schemas/staff-search';
import { errors, jsonBody, jsonResponse, queryParameters, type Paths } from './helpers';
import { staffOperation } from './staff-accounts';

const CASEWORKERS = 'triager, admin (only for the channels they hold)';
const HOW =
  'Every token of the query must match (Traditional and Simplified Chinese, full- and half-width, upper and lower case are the same; ' +
  'Chinese is matched by character pairs; plates and phone numbers however they are grouped). Results come from the caller\'s channels only, newest first. ' +
  'Audited as staff.searched with the number of results, never the query; the query is never logged.';

export const staffSearchPaths: Paths = {
  '/api/staff/search': {
    get: staffOperation('searchLeads', CASEWORKERS, {
      summary: `Search the caller's leads through the blind index. ${HOW} A tracking code is refused here (400): codes travel only in request bodies; use POST.`,
      parameters: queryParameters(searchQuerySchema),
      responses: { 200: jsonResponse('Up to 50 leads.', searchAnswerSchema), ...errors(400, 401, 403) },
    }),
    post: staffOperation('searchLeadsByBody', CASEWORKERS, {
      summary: `The same search with the query in the body, so it never sits in a URL (what the console uses). ${HOW} A tracking code finds its report if it lies in the caller's channels.`,
      requestBody: jsonBody(searchQuerySchema),
      responses: { 200: jsonResponse('Up to 50 leads.', searchAnswerSchema), ...errors(400, 401, 403, 503) },
    }),
  },
  '/api/staff/reports/{id}/related': {
    get: staffOperation('relatedLeads', CASEWORKERS, {
      summary:
        'Other leads of the same channel sharing tokens with this one, ranked by shared tokens weighted by rarity (tokens in more than 5% of the channel\'s reports are ignored); at most 10.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: { 200: jsonResponse('Related leads.', relatedAnswerSchema), ...errors(401, 403, 404) },
    }),
  },
};
