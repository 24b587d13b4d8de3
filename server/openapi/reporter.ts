/** The reporter routes in the OpenAPI document. */
import type { z } from 'zod';
import {
  followUpSchema,
  healthSchema,
  reportSubmissionSchema,
  statusRequestSchema,
  statusViewSchema,
  submissionResponseSchema,
} from '../schemas/report';
import { errors, jsonResponse, requestSchema, type Paths } from './helpers';

const FORM_NOTE =
  'Plain HTML forms may post the same fields as application/x-www-form-urlencoded or multipart/form-data ' +
  '(nested fields as dotted names, e.g. contact.name); they get an HTML page back instead of JSON.';

/** JSON, urlencoded or multipart: the same schema for all three. */
function formOrJsonBody(schema: z.ZodType): object {
  const json = requestSchema(schema);
  return {
    required: true,
    description: FORM_NOTE,
    content: {
      'application/json': { schema: json },
      'application/x-www-form-urlencoded': { schema: json },
      'multipart/form-data': { schema: json },
    },
  };
}

export const reporterPaths: Paths = {
  '/api/health': {
    get: { operationId: 'health', tags: ['reporter'], responses: { 200: jsonResponse('The server is up.', healthSchema) } },
  },
  '/api/reports': {
    post: {
      operationId: 'submitReport',
      tags: ['reporter'],
      requestBody: formOrJsonBody(reportSubmissionSchema),
      responses: { 201: jsonResponse('Stored and encrypted; the tracking code is shown once.', submissionResponseSchema), ...errors(400, 413, 415, 503) },
    },
  },
  '/api/status': {
    post: {
      operationId: 'checkStatus',
      tags: ['reporter'],
      requestBody: formOrJsonBody(statusRequestSchema),
      responses: { 200: jsonResponse('The report status and messages.', statusViewSchema), ...errors(400, 404, 413, 415, 503) },
    },
  },
  '/api/status/messages': {
    post: {
      operationId: 'addFollowUp',
      tags: ['reporter'],
      requestBody: formOrJsonBody(followUpSchema),
      responses: { 201: jsonResponse('Stored; the updated status and messages.', statusViewSchema), ...errors(400, 404, 413, 415, 503) },
    },
  },
};
