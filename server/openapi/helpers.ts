/** Building blocks for the OpenAPI document: JSON Schema from the validating zod schemas. */
import { z } from 'zod';
import { errorSchema } from '../../contract/errors';

export type JsonSchema = z.core.JSONSchema.BaseSchema;
export type Operation = Record<string, unknown>;
export type Paths = Record<string, Record<string, Operation>>;

// Inline JSON Schema (2020-12, the dialect of OpenAPI 3.1) without the `$schema` key.
function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

export const requestSchema = (schema: z.ZodType): JsonSchema => toSchema(schema, 'input');
export const responseSchema = (schema: z.ZodType): JsonSchema => toSchema(schema, 'output');

/** Query parameters from a zod object schema. */
export function queryParameters(schema: z.ZodType): object[] {
  const json = requestSchema(schema) as { properties?: Record<string, object> };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: false, schema: property }));
}

/** A JSON request body. */
export function jsonBody(schema: z.ZodType): object {
  return { required: true, content: { 'application/json': { schema: requestSchema(schema) } } };
}

/** A JSON response. */
export function jsonResponse(description: string, schema: z.ZodType): object {
  return { description, content: { 'application/json': { schema: responseSchema(schema) } } };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400:
    'Invalid input (code invalid_input, invalid_json or invalid_tracking_code; `fields` names each problem, including a path id ' +
    'that is not the decimal digits of a positive integer, e.g. `0x10` or `1e1`), ' +
    'files_before_fields when a file part came before a text field, or pow_invalid for a refused proof of work.',
  401: 'No live session, or wrong credentials (code unauthenticated or invalid_credentials).',
  403: 'Role, pending restriction or CSRF check refuses it (code forbidden, password_change_required, totp_enrolment_required, csrf_rejected).',
  404: 'Not found, or outside the caller\'s channels: the two answer identically (code not_found).',
  408:
    'The request took too long to arrive and its connection was closed (code request_timeout): an upload that sent nothing ' +
    'for UPLOAD_IDLE_SECONDS, or any other request not whole within 300 s of its headers. Nothing is stored.',
  409:
    'Conflicts with the current state (code conflict, invalid_transition or last_key_holder; signing_key_unavailable when a decision ' +
    'cannot be signed because the session holds no signing key), or lease_held: another staff member ' +
    'holds a live lease on the lead, named with its expiry in `lease`; nothing was changed. For an evidence file, file_damaged: ' +
    'the stored file fails its integrity check (or is gone), so nothing of it was sent; it must be restored from a backup.',
  413:
    'Too large (code payload_too_large), or evidence files over a limit: too_many_files, file_too_large, submission_too_large; ' +
    'the message names the configured limit and fields.files repeats the code. Nothing is stored.',
  422: 'An image could not be read to remove its metadata (code file_not_cleanable); send it with keepMetadata. Nothing is stored.',
  415: 'Unsupported content type (code unsupported_media_type).',
  429:
    'Too many requests: a global rate limit, failed code checks for this lookup tag (code rate_limited), or failed sign-ins ' +
    'for this username (code login_throttled); see Retry-After.',
  503:
    'Busy: no place in line for this effort now (code busy, with retryAfterSeconds and suggestedEffort: come back then with ' +
    'that much proof of work), or too much Argon2id work queued (code service_unavailable); see Retry-After. Nothing is stored.',
};

/** Error responses for the given statuses, all with the one error shape. */
export function errors(...statuses: number[]): Record<string, object> {
  return Object.fromEntries(statuses.map((status) => [String(status), jsonResponse(ERROR_DESCRIPTIONS[status] ?? 'Error.', errorSchema)]));
}
