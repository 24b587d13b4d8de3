/**
 * The one error table: every code the API answers with, its HTTP status and
 * its message, and the one error shape `{ "error": { "code", "message", … } }`.
 * The server's services throw these codes (server/errors.ts) and one place
 * turns them into responses (server/http/errors.ts); clients and pages read the
 * code and translate it through their catalogues.
 */
import { z } from 'zod';
import type { UploadProblem } from './attachments';

interface ErrorEntry {
  status: 400 | 401 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  /** The API's own (English) message; pages and islands show their language's text for the code instead. */
  message: string;
}

export const ERRORS = {
  invalid_input: { status: 400, message: 'Some fields are missing or invalid.' },
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  invalid_tracking_code: { status: 400, message: 'The tracking code is not valid: check every digit.' },
  pow_invalid: { status: 400, message: 'The proof of work was not accepted; fetch a new challenge.' },
  not_found: { status: 404, message: 'No report matches this tracking code.' },
  // With an Allow header (and `allow`) naming the methods the address answers.
  method_not_allowed: { status: 405, message: 'This address does not answer that method.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive and was cut off. Nothing it carried was stored.' },
  payload_too_large: { status: 413, message: 'The request is too large.' },
  unsupported_media_type: { status: 415, message: 'Send application/json, application/x-www-form-urlencoded or multipart/form-data.' },
  rate_limited: { status: 429, message: 'Too many requests right now; please wait a little and try again.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. Nothing you sent was stored.' },
  service_unavailable: { status: 503, message: 'The service cannot take this request right now; please try again later.' },
  busy: { status: 503, message: 'The service is busy; nothing was stored. Try again after Retry-After seconds, with more work if you can.' },
  // Evidence files (contract/attachments.ts): the limits' messages name the configured limit.
  too_many_files: { status: 413, message: 'Too many files in one submission.' },
  file_too_large: { status: 413, message: 'A file is too large.' },
  submission_too_large: { status: 413, message: 'The files are too large together.' },
  file_not_cleanable: {
    status: 422,
    message: 'An image could not be read to remove its metadata. Send it with "keep metadata", or as another file type. Nothing was stored.',
  },
  files_before_fields: { status: 400, message: 'Send the text fields before the files (file parts must come last). Nothing was stored.' },
  // Staff routes
  unauthenticated: { status: 401, message: 'Sign in first; the session may have timed out.' },
  invalid_credentials: { status: 401, message: 'Wrong username, password or second-factor code.' },
  forbidden: { status: 403, message: 'Your role does not allow this.' },
  csrf_rejected: { status: 403, message: 'The request did not come from this site.' },
  password_change_required: { status: 403, message: 'Change your password before doing anything else.' },
  totp_enrolment_required: { status: 403, message: 'Set up your second factor (TOTP) before doing anything else.' },
  login_throttled: { status: 429, message: 'Too many failed sign-ins for this account; wait before trying again.' },
  invalid_transition: { status: 409, message: 'The report cannot move to that status from its current one.' },
  conflict: { status: 409, message: 'That conflicts with the current state.' },
  lease_held: { status: 409, message: 'Another staff member holds this lead; take it over first. Nothing was changed.' },
  invalid_recipient: { status: 400, message: 'Not an age recipient: give an X25519 (age1…) or post-quantum hybrid (age1pq1…) public key.' },
  // 409, not 422 or 500: the request is right and the server did nothing wrong; the stored
  // file's state is what stands in the way, until it is restored from a backup.
  file_damaged: {
    status: 409,
    message: 'This evidence file is damaged on the server (it fails its integrity check), so it was not sent. Restore it from a backup.',
  },
  last_key_holder: { status: 409, message: "This would leave a channel key that nobody holds; grant it to someone else first." },
  signing_key_unavailable: {
    status: 409,
    message: 'Your signing key is not unlocked in this session, so this decision cannot be signed. Sign out and in again; if it persists, ask an admin. Nothing was changed.',
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** Fails to compile when an upload problem has no row in the table. */
export const UPLOAD_PROBLEMS_IN_TABLE: UploadProblem extends ErrorCode ? true : never = true;

/** Who holds a lead's live lease and until when (ISO to the second): in the case view and with `lease_held`. */
export const heldLeaseSchema = z.object({
  holder: z.object({ id: z.number().int(), username: z.string() }),
  until: z.string(),
});
export type HeldLease = z.infer<typeof heldLeaseSchema>;

/** The one error shape of every API answer that is not a success. */
export const errorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).meta({ description: 'Stable machine-readable code.' }),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().meta({ description: 'Field name -> problem code.' }),
    limits: z
      .object({ maxFiles: z.number().int(), maxFileBytes: z.number().int(), maxSubmissionBytes: z.number().int() })
      .optional()
      .meta({ description: 'With a file-limit error: the limits this server enforces.' }),
    retryAfterSeconds: z.number().int().optional().meta({ description: 'When trying again makes sense: seconds to wait, as in Retry-After.' }),
    suggestedEffort: z
      .number()
      .int()
      .optional()
      .meta({ description: 'With busy: the proof-of-work effort a new attempt should carry to get through.' }),
    lease: heldLeaseSchema.optional().meta({ description: 'With lease_held: who holds the lead and until when.' }),
    allow: z.array(z.string()).optional().meta({ description: 'With method_not_allowed: the methods the address answers, as in the Allow header.' }),
  }),
});
export type ApiErrorBody = z.infer<typeof errorSchema>;
