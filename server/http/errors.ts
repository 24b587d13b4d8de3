/**
 * The one error shape of the API: `{ "error": { "code", "message", "fields"? } }`
 * with a stable code. Thrown as ApiError from deep code; turned into JSON or
 * an HTML page by the app's single onError.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatBytes, type UploadLimits, type UploadProblem } from '../../contract/attachments';
import type { FieldProblem } from '../../contract/report-fields';

export type ErrorCode =
  | 'invalid_input'
  | 'invalid_json'
  | 'invalid_tracking_code'
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'request_timeout'
  | 'service_unavailable'
  | 'rate_limited'
  | 'busy'
  | 'pow_invalid'
  | 'internal_error'
  // Evidence files (see web/lib/attachments.ts)
  | UploadProblem
  // Staff routes
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_rejected'
  | 'invalid_credentials'
  | 'login_throttled'
  | 'password_change_required'
  | 'totp_enrolment_required'
  | 'invalid_transition'
  | 'conflict'
  | 'last_key_holder';

export type FieldProblems = Record<string, FieldProblem>;
/** What `error.fields` can hold: a field's problem, or (for `files`) an upload problem. */
export type ErrorFields = Record<string, FieldProblem | UploadProblem>;

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: ErrorFields;
    limits?: UploadLimits;
    /** With `busy`: when to come back, and with how much work (see web/lib/proof-of-work.ts). */
    retryAfterSeconds?: number;
    suggestedEffort?: number;
  };
}

/** An expected failure with a stable code, safe to show to the client. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: ErrorFields,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
    /** For a file limit: the configured limits, so a client built with the defaults can name the real ones. */
    readonly limits?: UploadLimits,
  ) {
    super(status, { message });
  }

  body(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.limits ? { limits: this.limits } : {}),
      },
    };
  }
}

export const MESSAGES: Record<ErrorCode, string> = {
  invalid_input: 'Some fields are missing or invalid.',
  invalid_json: 'The request body is not valid JSON.',
  invalid_tracking_code: 'The tracking code is not valid: check every digit.',
  not_found: 'No report matches this tracking code.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'Send application/json, application/x-www-form-urlencoded or multipart/form-data.',
  request_timeout: 'The request took too long to arrive and was cut off. Nothing it carried was stored.',
  service_unavailable: 'The service cannot take this request right now; please try again later.',
  rate_limited: 'Too many requests right now; please wait a little and try again.',
  busy: 'The service is busy; nothing was stored. Try again after Retry-After seconds, with more work if you can.',
  pow_invalid: 'The proof of work was not accepted; fetch a new challenge.',
  internal_error: 'Something went wrong on our side. Nothing you sent was stored.',
  too_many_files: 'Too many files in one submission.',
  file_too_large: 'A file is too large.',
  submission_too_large: 'The files are too large together.',
  file_not_cleanable:
    'An image could not be read to remove its metadata. Send it with "keep metadata", or as another file type. Nothing was stored.',
  files_before_fields: 'Send the text fields before the files (file parts must come last). Nothing was stored.',
  unauthenticated: 'Sign in first; the session may have timed out.',
  forbidden: 'Your role does not allow this.',
  csrf_rejected: 'The request did not come from this site.',
  invalid_credentials: 'Wrong username, password or second-factor code.',
  login_throttled: 'Too many failed sign-ins for this account; wait before trying again.',
  password_change_required: 'Change your password before doing anything else.',
  totp_enrolment_required: 'Set up your second factor (TOTP) before doing anything else.',
  invalid_transition: 'The report cannot move to that status from its current one.',
  conflict: 'That conflicts with the current state.',
  last_key_holder: 'This would leave a channel key that nobody holds; grant it to someone else first.',
};

/** Shorthand: an ApiError with the standard message for its code. */
export function apiError(status: ContentfulStatusCode, code: ErrorCode, fields?: FieldProblems): ApiError {
  return new ApiError(status, code, MESSAGES[code], fields);
}

/** The API's answer to files that break a rule; the limits' messages name the configured limit. */
export function uploadProblemError(problem: UploadProblem, limits: UploadLimits): ApiError {
  const fields = { files: problem };
  switch (problem) {
    case 'too_many_files':
      return new ApiError(413, problem, `At most ${limits.maxFiles} files per submission. Nothing was stored.`, fields, {}, limits);
    case 'file_too_large':
      return new ApiError(413, problem, `Each file may be at most ${formatBytes(limits.maxFileBytes)}. Nothing was stored.`, fields, {}, limits);
    case 'submission_too_large':
      return new ApiError(
        413,
        problem,
        `All files of one submission may be at most ${formatBytes(limits.maxSubmissionBytes)} together. Nothing was stored.`,
        fields,
        {},
        limits,
      );
    case 'file_not_cleanable':
      return new ApiError(422, problem, MESSAGES[problem], fields);
    case 'files_before_fields':
      return new ApiError(400, problem, MESSAGES[problem], fields);
  }
}

/**
 * Refuse bodies over `maxSize` bytes (declared or streamed) with the API's
 * 413, before any parsing. A body that breaks off while it is counted (the
 * client went away) is a 400 like any unreadable body, not a server error.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw apiError(413, 'payload_too_large');
    },
  });
  return async (c, next) => {
    let counted = false;
    try {
      return await limit(c, async () => {
        counted = true;
        await next();
      });
    } catch (error) {
      if (!counted && !(error instanceof HTTPException)) throw apiError(400, 'invalid_input');
      throw error;
    }
  };
}
