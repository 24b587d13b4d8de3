/** The queue and case-workflow routes in the OpenAPI document. */
import { z } from 'zod';
import {
  assigneeSchema,
  bulkActionSchema,
  closeSchema,
  interferenceQuerySchema,
  interferenceSchema,
  leadFieldsSchema,
  leaseSchema,
  linkSchema,
  messageSchema,
  moveSchema,
  noteSchema,
  prioritySchema,
  referralSchema,
  reportListQuerySchema,
  revealContactSchema,
  statusChangeSchema,
  tagCreateSchema,
} from '../../contract/schemas/staff-reports';
import {
  addedRecordSchema,
  closedReportSchema,
  revealedContactSchema,
  bulkResultSchema,
  caseViewSchema,
  createdSchema,
  linkedLeadSchema,
  memberListSchema,
  queuePageSchema,
  reportSummarySchema,
  assigneesSchema,
  tagListSchema,
} from '../../contract/schemas/staff-views';
import { interferencePageSchema } from '../../contract/schemas/staff-oversight-views';
import { errors, jsonBody, jsonResponse, queryParameters, requestSchema, type Operation, type Paths } from './helpers';
import { staffOperation } from './staff-accounts';
import { FILES_FIELD, KEEP_METADATA_FIELD } from '../../contract/attachments';

/** JSON, or multipart with the same fields (contact.name etc.) and `files` parts after them, as the web form's upload. */
function leadBody(): object {
  const json = requestSchema(leadFieldsSchema);
  const multipart = {
    ...json,
    properties: {
      ...(json as { properties?: object }).properties,
      [KEEP_METADATA_FIELD]: { type: 'string', enum: ['on'], description: "Keep the files' metadata (e.g. a photo's time and place)." },
      [FILES_FIELD]: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } },
    },
  };
  return {
    required: true,
    description:
      'JSON, or multipart/form-data with evidence files as `files` parts after every text field: the same limits, metadata ' +
      'removal and encryption (to the channel and the reporter key of the returned code) as POST /api/reports.',
    content: { 'application/json': { schema: json }, 'multipart/form-data': { schema: multipart } },
  };
}

const CASEWORKERS = 'triager, admin (only for the channels they hold)';
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const fileIdParameter = { name: 'fileId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

function binaryResponse(description: string): object {
  return { description, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
}

function caseAction(operationId: string, body: z.ZodType, ok: Record<string, object>, statuses: number[], description?: string): { post: Operation } {
  return {
    post: staffOperation(operationId, CASEWORKERS, {
      ...(description ? { summary: description } : {}),
      parameters: [idParameter],
      requestBody: jsonBody(body),
      responses: { ...ok, ...errors(400, 401, 403, 404, ...statuses) },
    }),
  };
}

const updated = { 200: jsonResponse('The report\'s updated queue row.', reportSummarySchema) };

export const staffCasePaths: Paths = {
  '/api/staff/reports': {
    get: staffOperation('listReports', CASEWORKERS, {
      summary:
        'Queue metadata (no content), open leads only unless `status` asks for closed ones (or `all`). Sorted by `sort`/`order`: priority (queue order: unmarked before low-effort marked, then priority descending, then id ascending; `asc` reverses it), received, or the next deadline; keyset pagination with nextCursor (a cursor belongs to its sort). Each row says whether it is unread for the caller (the reporter wrote since they last opened it).',
      parameters: queryParameters(reportListQuerySchema),
      responses: { 200: jsonResponse('A page.', queuePageSchema), ...errors(400, 401, 403) },
    }),
  },
  '/api/staff/reports/bulk': {
    post: staffOperation('bulkAction', CASEWORKERS, {
      summary:
        'Assign many leads, tag or untag them (with a tag of each lead\'s own channel), or close them as spam or duplicate, in one transaction. Each lead is checked and audited on its own (report.assignee_changed, report.tagged, report.untagged, report.closed); a lead someone else holds is left unchanged and listed under held, one outside the caller\'s channels under notFound.',
      requestBody: jsonBody(bulkActionSchema),
      responses: { 200: jsonResponse('What happened to each lead.', bulkResultSchema), ...errors(400, 401, 403) },
    }),
  },
  '/api/staff/tags': {
    get: staffOperation('listTags', CASEWORKERS, {
      summary: 'The tags of the caller\'s channels (id, channel, name). Names are stored encrypted to their channel and decrypted with the session\'s channel keys.',
      responses: { 200: jsonResponse('The tags.', tagListSchema), ...errors(401, 403) },
    }),
    post: staffOperation('createTag', CASEWORKERS, {
      summary: 'Make a tag for a channel the caller holds (404 otherwise; 409 conflict when it has a tag of that name). The name is encrypted to the channel; audited as tag.created with the tag id.',
      requestBody: jsonBody(tagCreateSchema),
      responses: { 201: jsonResponse('The new tag\'s id.', createdSchema), ...errors(400, 401, 403, 404, 409) },
    }),
  },
  '/api/staff/members': {
    get: staffOperation('listMembers', CASEWORKERS, {
      summary: 'Enabled staff who hold any of the caller\'s channels (id, username, which of those channels): whom leads may be assigned to.',
      responses: { 200: jsonResponse('The members.', memberListSchema), ...errors(401, 403) },
    }),
  },
  '/api/staff/queue/claim': {
    post: staffOperation('claimReport', CASEWORKERS, {
      summary:
        'Atomically lease the first unleased report in new/triage of the caller\'s channels in queue order: unmarked before low-effort marked, then highest priority, then oldest.',
      responses: { 200: jsonResponse('The claimed report, decrypted.', caseViewSchema), 204: { description: 'Nothing to claim.' }, ...errors(401, 403) },
    }),
  },
  '/api/staff/reports/{id}': {
    get: staffOperation('getReport', CASEWORKERS, {
      summary: 'The decrypted report (never the contact details); audited as a view.',
      parameters: [idParameter],
      responses: { 200: jsonResponse('The report.', caseViewSchema), ...errors(401, 403, 404) },
    }),
  },
  '/api/staff/reports/{id}/files/{fileId}': {
    get: staffOperation('downloadFile', CASEWORKERS, {
      summary: 'An evidence file, decrypted as it streams; audited (file.downloaded).',
      description:
        `Roles: ${CASEWORKERS}. Always an attachment with an inert content type (else application/octet-stream), ` +
        'nosniff and a sandboxing CSP, so no uploaded HTML or SVG runs in this origin. Every chunk of the stored file is ' +
        'authenticated before the first header is sent: a damaged file gets 409 file_damaged (audited as file.damaged), never a truncated download.',
      parameters: [idParameter, fileIdParameter],
      responses: { 200: binaryResponse('The file as the reporter sent it (after metadata removal).'), ...errors(400, 401, 403, 404, 409) },
    }),
  },
  '/api/staff/reports/{id}/files/{fileId}/check': {
    get: staffOperation('checkFile', CASEWORKERS, {
      summary: 'Whether the stored file opens whole with the channel key, without sending it: the console asks before a download.',
      description: `Roles: ${CASEWORKERS}. Not audited when intact (nothing of the file is sent); a damaged file gets 409 file_damaged and is audited as file.damaged.`,
      parameters: [idParameter, fileIdParameter],
      responses: { 200: jsonResponse('The file is intact.', z.object({ intact: z.literal(true) })), ...errors(400, 401, 403, 404, 409) },
    }),
  },
  '/api/staff/reports/{id}/files/{fileId}/encrypted': {
    get: staffOperation('exportEncryptedFile', CASEWORKERS, {
      summary: 'The stored age file as it is; opens with `age --decrypt` and the channel key. Audited (file.exported).',
      parameters: [idParameter, fileIdParameter],
      responses: { 200: binaryResponse('An age file (name.age), as stored, even if damaged (409 file_damaged only when it is gone).'), ...errors(400, 401, 403, 404, 409) },
    }),
  },
  '/api/staff/reports/{id}/files/{fileId}/preview': {
    get: staffOperation('previewFile', CASEWORKERS, {
      summary: 'A JPEG or PNG cleaned of metadata at intake, decrypted for inline display on the case page; audited (file.previewed).',
      description: `Roles: ${CASEWORKERS}. Inline, Cache-Control: no-store, nosniff, CSP default-src 'none'; img-src 'self'. Any other file answers 404; a damaged one 409 file_damaged, checked before anything is sent.`,
      parameters: [idParameter, fileIdParameter],
      responses: {
        200: { description: 'The image.', content: { 'image/jpeg': { schema: { type: 'string', contentMediaType: 'image/jpeg' } }, 'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } } } },
        ...errors(400, 401, 403, 404, 409),
      },
    }),
  },
  '/api/staff/reports/{id}/lease': caseAction(
    'changeLease',
    leaseSchema,
    updated,
    [409],
    'Renew or release (only the lease holder: 409 lease_held naming whoever holds it instead), or take_over from whoever holds it (audited as report.lease_taken_over with the previous holder). A renewal never counts as activity for the idle timeout.',
  ),
  '/api/staff/reports/{id}/status': caseAction('changeStatus', statusChangeSchema, updated, [409], 'Through the state machine (409 invalid_transition).'),
  '/api/staff/reports/{id}/priority': caseAction('changePriority', prioritySchema, updated, [409]),
  '/api/staff/reports/{id}/assignees': {
    get: staffOperation('listAssignees', CASEWORKERS, {
      summary: 'Who the report may be assigned to: enabled members holding its channel, by username (id and username only).',
      parameters: [idParameter],
      responses: { 200: jsonResponse('The members.', assigneesSchema), ...errors(400, 401, 403, 404) },
    }),
  },
  '/api/staff/reports/{id}/assignee': caseAction('changeAssignee', assigneeSchema, updated, [409]),
  '/api/staff/reports/{id}/public-message': caseAction('setPublicMessage', messageSchema, updated, [409]),
  '/api/staff/reports/{id}/replies': caseAction('replyToReporter', messageSchema, { 201: jsonResponse('Sent.', createdSchema) }, [409]),
  '/api/staff/reports/{id}/notes': caseAction(
    'addNote',
    noteSchema,
    { 201: jsonResponse('Added; a formal record answers with its signature check.', addedRecordSchema) },
    [409],
    'An internal note. With `formal: true` it is a formal record (簽字確認), signed with the author\'s Ed25519 key like a decision.',
  ),
  '/api/staff/reports/{id}/referrals': caseAction(
    'addReferral',
    referralSchema,
    { 201: jsonResponse('Referred; signed by the caller.', addedRecordSchema.extend({ report: reportSummarySchema })) },
    [409],
  ),
  '/api/staff/reports/{id}/interference': caseAction(
    'addInterference',
    interferenceSchema,
    { 201: jsonResponse('Recorded; signed by the caller.', addedRecordSchema) },
    [409],
    'A structured entry of the interference register (who, when, how, what was asked, whether reported to a superior, what followed), encrypted to the channel only; the case page and the registers page both send it. A case write: 409 lease_held while someone else holds the lead.',
  ),
  '/api/staff/reports/{id}/links': caseAction(
    'linkReports',
    linkSchema,
    {
      201: jsonResponse(
        'Linked; `related` is the other lead as the case page lists it.',
        z.object({ reportId: z.number().int(), relatedId: z.number().int(), related: linkedLeadSchema }),
      ),
    },
    [409],
  ),
  '/api/staff/reports/{id}/close': caseAction(
    'closeReport',
    closeSchema,
    { 200: jsonResponse('The report\'s updated queue row and the signed closing record.', closedReportSchema) },
    [409],
    'Closing with an outcome is a signed decision: it is kept as a case record signed with the caller\'s key.',
  ),
  '/api/staff/reports/{id}/reveal-contact': caseAction(
    'revealContact',
    revealContactSchema,
    { 200: jsonResponse('The contact details and the signed record of the reveal.', revealedContactSchema) },
    [409],
    'Audited on its own as report.contact_revealed; the reason is kept as an encrypted note, signed with the caller\'s key.',
  ),
  '/api/staff/reports/{id}/move': caseAction('moveReport', moveSchema, updated, [409], 'Re-encrypts everything to the new channel; the caller must hold both.'),
  '/api/staff/interference': {
    get: staffOperation('listInterference', CASEWORKERS, {
      summary:
        'The interference register across the caller\'s channels, newest first, decrypted. Each entry has a version: 2 is structured, 1 is free text recorded before the register was structured, returned as written.',
      parameters: queryParameters(interferenceQuerySchema),
      responses: {
        200: jsonResponse(
          'A page.',
          interferencePageSchema,
        ),
        ...errors(400, 401, 403),
      },
    }),
  },
  '/api/staff/leads': {
    post: staffOperation('enterLead', CASEWORKERS, {
      summary: 'A lead taken by phone, letter or visit: stored like a web report, with its source; hand the tracking code to the person.',
      requestBody: leadBody(),
      responses: { 201: jsonResponse('Stored, with every file.', z.object({ id: z.number().int(), trackingCode: z.string() })), ...errors(400, 401, 403, 408, 413, 415, 422, 503) },
    }),
  },
};
