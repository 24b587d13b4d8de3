/**
 * GET /api/openapi.json: the reporter API described from the very zod
 * schemas that validate it, so the document cannot drift from the code.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  errorSchema,
  followUpSchema,
  healthSchema,
  reportSubmissionSchema,
  statusRequestSchema,
  statusViewSchema,
  submissionResponseSchema,
} from '../schemas/report';

type JsonSchema = z.core.JSONSchema.BaseSchema;

// Inline JSON Schema (2020-12, the dialect of OpenAPI 3.1) without the `$schema` key.
function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}
const requestSchema = (schema: z.ZodType): JsonSchema => toSchema(schema, 'input');
const responseSchema = (schema: z.ZodType): JsonSchema => toSchema(schema, 'output');

const FORM_NOTE =
  'Plain HTML forms may post the same fields as application/x-www-form-urlencoded or multipart/form-data ' +
  '(nested fields as dotted names, e.g. contact.name); they get an HTML page back instead of JSON.';

function body(schema: z.ZodType): object {
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

const json = (description: string, schema: z.ZodType): object => ({
  description,
  content: { 'application/json': { schema: responseSchema(schema) } },
});

const errors = (...statuses: (keyof typeof ERROR_DESCRIPTIONS)[]): Record<string, object> =>
  Object.fromEntries(statuses.map((status) => [status, json(ERROR_DESCRIPTIONS[status], errorSchema)]));

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input (code invalid_input, invalid_json or invalid_tracking_code; fields names each problem).',
  404: 'No report matches the code (code not_found).',
  413: 'The body is larger than the limit (code payload_too_large).',
  415: 'Unsupported content type (code unsupported_media_type).',
  503: 'The service cannot take the request now (code service_unavailable).',
} as const;

/** The OpenAPI 3.1 document for the public API. */
export function buildOpenApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tipline reporter API',
      version: '1',
      description:
        'Anonymous reporting: submit a report, get a tracking code, check status and talk with staff. ' +
        'Tracking codes travel only in POST bodies, never in URLs.',
    },
    paths: {
      '/api/health': {
        get: { operationId: 'health', responses: { 200: json('The server is up.', healthSchema) } },
      },
      '/api/reports': {
        post: {
          operationId: 'submitReport',
          requestBody: body(reportSubmissionSchema),
          responses: { 201: json('Stored and encrypted; the tracking code is shown once.', submissionResponseSchema), ...errors(400, 413, 415, 503) },
        },
      },
      '/api/status': {
        post: {
          operationId: 'checkStatus',
          requestBody: body(statusRequestSchema),
          responses: { 200: json('The report status and messages.', statusViewSchema), ...errors(400, 404, 413, 415, 503) },
        },
      },
      '/api/status/messages': {
        post: {
          operationId: 'addFollowUp',
          requestBody: body(followUpSchema),
          responses: { 201: json('Stored; the updated status and messages.', statusViewSchema), ...errors(400, 404, 413, 415, 503) },
        },
      },
    },
  };
}

export function openApiRoutes(): Hono {
  const document = buildOpenApiDocument();
  return new Hono().get('/', (c) => c.json(document));
}
