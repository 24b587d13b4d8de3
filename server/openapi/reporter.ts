/** The reporter routes in the OpenAPI document. */
import { z } from 'zod';
import {
  followUpSchema,
  healthSchema,
  reportFieldsSchema,
  statusRequestSchema,
  statusViewSchema,
  submissionResponseSchema,
} from '../../contract/schemas/reporter';
import { FILES_FIELD, KEEP_METADATA_FIELD } from '../../contract/attachments';
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
    'A solved proof of work, `<challenge>:<effort>:<solution>:<stamp>` (GET /api/challenge; web/lib/proof-of-work.ts): ' +
    'uint32(Argon2id(challenge ":" solution)) × effort ≤ 2^32 − 1, and SHA-256 of the whole header but the stamp\'s value ' +
    'followed by the stamp starts with puzzle.stampBits zero bits. Single use. Requests wait for admission in order of effort; ' +
    'no header is effort 0 (browsers without JavaScript), which has a reserved share in arrival order. Checked only once ' +
    'the body is valid.',
  schema: { type: 'string' },
};

const challengeSchema = z.object({
  challenge: z.string().meta({ description: 'Signed, expiring, single use.' }),
  suggestedEffort: z.number().int().meta({ description: 'The effort that gets through now; 0 when calm (send no proof).' }),
  expiresIn: z.number().int().meta({ description: 'Seconds.' }),
  puzzle: z.object({
    algorithm: z.literal('argon2id'),
    memoryKib: z.number().int(),
    passes: z.number().int(),
    salt: z.string(),
    stampBits: z.number().int(),
  }),
});

export const reporterPaths: Paths = {
  '/api/challenge': {
    get: {
      operationId: 'getChallenge',
      tags: ['reporter'],
      parameters: [{ name: 'purpose', in: 'query', required: true, schema: { type: 'string', enum: ['report', 'status', 'signin'] } }],
      responses: { 200: jsonResponse('A challenge and the effort suggested now; costs the server an HMAC and stores nothing.', challengeSchema), ...errors(400) },
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
      requestBody: formOrJsonBody(reportFieldsSchema, true),
      responses: {
        201: jsonResponse('Stored and encrypted, with every file; the tracking code is shown once.', submissionResponseSchema),
        ...errors(400, 408, 413, 415, 422, 503),
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
