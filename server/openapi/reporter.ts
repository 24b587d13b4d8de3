/** The reporter routes in the OpenAPI document. */
import { z } from 'zod';
import {
  followUpSchema,
  healthSchema,
  reportSubmissionSchema,
  statusRequestSchema,
  statusViewSchema,
  submissionResponseSchema,
} from '../schemas/report';
import { FILES_FIELD, KEEP_METADATA_FIELD } from '../../web/lib/attachments';
import { errors, jsonResponse, requestSchema, type Paths } from './helpers';

const FORM_NOTE =
  'Plain HTML forms may post the same fields as application/x-www-form-urlencoded or multipart/form-data ' +
  '(nested fields as dotted names, e.g. contact.name); they get an HTML page back instead of JSON.';

const UPLOAD_NOTE =
  ' Evidence files go in multipart/form-data as `files` parts, which must come after every text field ' +
  '(400 files_before_fields otherwise). Defaults: 10 files, 100 MiB each, 300 MiB together (MAX_FILES, MAX_FILE_MIB, ' +
  'MAX_SUBMISSION_MIB). Files stream in and are age-encrypted as they arrive; JPEG and PNG lose identifying metadata ' +
  '(EXIF, XMP, IPTC, comments, PNG text and time chunks) losslessly unless keepMetadata is "on". The answer comes ' +
  'only once every file is stored; a refused or cut-off upload stores nothing.';

/** JSON, urlencoded or multipart: the same schema for all three; multipart may add files. */
function formOrJsonBody(schema: z.ZodType, withFiles = false): object {
  const json = requestSchema(schema);
  const multipart = withFiles
    ? {
        ...json,
        properties: {
          ...(json as { properties?: object }).properties,
          [KEEP_METADATA_FIELD]: { type: 'string', enum: ['on'], description: 'Keep the files\' metadata (e.g. a photo\'s time and place).' },
          [FILES_FIELD]: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } },
        },
      }
    : json;
  return {
    required: true,
    description: FORM_NOTE + (withFiles ? UPLOAD_NOTE : ''),
    content: {
      'application/json': { schema: json },
      'application/x-www-form-urlencoded': { schema: json },
      'multipart/form-data': { schema: multipart },
    },
  };
}

const powHeader = {
  name: 'X-Tipline-Pow',
  in: 'header',
  required: false,
  description:
    'A solved proof of work, `<challenge>:<solution>` (GET /api/challenge): SHA-256 of that string starts with `difficulty` zero bits. ' +
    'Single use. With it the request counts against the generous global rate limit; without it (browsers without JavaScript) the strict one.',
  schema: { type: 'string' },
};

const challengeSchema = z.object({
  challenge: z.string(),
  difficulty: z.number().int().meta({ description: 'Leading zero bits the solution must give.' }),
  expiresIn: z.number().int().meta({ description: 'Seconds.' }),
});

export const reporterPaths: Paths = {
  '/api/challenge': {
    get: {
      operationId: 'getChallenge',
      tags: ['reporter'],
      parameters: [{ name: 'purpose', in: 'query', required: true, schema: { type: 'string', enum: ['report', 'status'] } }],
      responses: { 200: jsonResponse('A signed, expiring, single-use challenge.', challengeSchema), ...errors(400, 429) },
    },
  },
  '/api/health': {
    get: { operationId: 'health', tags: ['reporter'], responses: { 200: jsonResponse('The server is up.', healthSchema) } },
  },
  '/api/reports': {
    post: {
      operationId: 'submitReport',
      tags: ['reporter'],
      parameters: [powHeader],
      requestBody: formOrJsonBody(reportSubmissionSchema, true),
      responses: {
        201: jsonResponse('Stored and encrypted, with every file; the tracking code is shown once.', submissionResponseSchema),
        ...errors(400, 408, 413, 415, 422, 429, 503),
      },
    },
  },
  '/api/status': {
    post: {
      operationId: 'checkStatus',
      tags: ['reporter'],
      parameters: [powHeader],
      requestBody: formOrJsonBody(statusRequestSchema),
      responses: { 200: jsonResponse('The report status and messages.', statusViewSchema), ...errors(400, 404, 413, 415, 429, 503) },
    },
  },
  '/api/status/messages': {
    post: {
      operationId: 'addFollowUp',
      tags: ['reporter'],
      description: 'A message (`body`), evidence files, or both; without files `body` is required.',
      parameters: [powHeader],
      requestBody: formOrJsonBody(followUpSchema, true),
      responses: {
        201: jsonResponse('Stored; the updated status, messages and files.', statusViewSchema),
        ...errors(400, 404, 408, 409, 413, 415, 422, 429, 503),
      },
    },
  },
};
