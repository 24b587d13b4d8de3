/**
 * The one place where failures become HTTP answers: a domain error's code
 * (contract/errors.ts) gives the status and the error body; Hono's own
 * exceptions and an overloaded Argon2id queue are mapped onto codes too.
 * Also the body-size limit every route starts with.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatBytes, type UploadLimits, type UploadProblem } from '../../contract/attachments';
import { ERRORS, type ApiErrorBody } from '../../contract/errors';
import { KdfOverloadedError } from '../crypto/kdf-limit';
import { DomainError, fail } from '../errors';

/** The domain error an exception stands for; null for an unexpected one (a bug: answered 500, logged by kind). */
export function asDomainError(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  if (err instanceof KdfOverloadedError) return new DomainError('service_unavailable', { message: 'The server is busy; please try again in a few seconds.', retryAfterSeconds: err.retryAfterSeconds });
  if (err instanceof HTTPException) {
    if (err.status === 413) return fail('payload_too_large');
    if (err.status >= 500) return fail(err.status === 503 ? 'service_unavailable' : 'internal_error');
    return new DomainError('invalid_input', { message: 'The request could not be read.' });
  }
  return null;
}

/** The HTTP status of a domain error, from the table. */
export function statusOf(error: DomainError): ContentfulStatusCode {
  return ERRORS[error.code].status;
}

/** Headers that go with a domain error's answer (Retry-After when it says when to come back, Allow with a 405). */
export function headersOf(error: DomainError): Record<string, string> {
  const { retryAfterSeconds, allow } = error.details;
  return {
    ...(retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }),
    ...(allow === undefined ? {} : { Allow: allow.join(', ') }),
  };
}

/** The JSON error body of a domain error. */
export function bodyOf(error: DomainError): ApiErrorBody {
  const { fields, limits, retryAfterSeconds, suggestedEffort, lease, allow } = error.details;
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(fields ? { fields } : {}),
      ...(limits ? { limits } : {}),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      ...(suggestedEffort === undefined ? {} : { suggestedEffort }),
      ...(lease === undefined ? {} : { lease }),
      ...(allow === undefined ? {} : { allow: [...allow] }),
    },
  };
}

/** The API's answer to files that break a rule; the limits' messages name the configured limit. */
export function uploadProblemError(problem: UploadProblem, limits: UploadLimits): DomainError {
  const fields = { files: problem };
  switch (problem) {
    case 'too_many_files':
      return new DomainError(problem, { message: `At most ${limits.maxFiles} files per submission. Nothing was stored.`, fields, limits });
    case 'file_too_large':
      return new DomainError(problem, { message: `Each file may be at most ${formatBytes(limits.maxFileBytes, true)}. Nothing was stored.`, fields, limits });
    case 'submission_too_large':
      return new DomainError(problem, {
        message: `All files of one submission may be at most ${formatBytes(limits.maxSubmissionBytes, true)} together. Nothing was stored.`,
        fields,
        limits,
      });
    case 'file_not_cleanable':
    case 'files_before_fields':
      return new DomainError(problem, { fields });
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
      throw fail('payload_too_large');
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
      if (!counted && !(error instanceof HTTPException) && !(error instanceof DomainError)) throw fail('invalid_input');
      throw error;
    }
  };
}
