/**
 * Domain errors: an expected failure with a stable code from the contract's
 * error table (contract/errors.ts). Services and the data they guard throw
 * these and know nothing of HTTP; server/http/errors.ts is the one place that
 * turns them into a status, headers and the error body.
 */
import type { UploadLimits, UploadProblem } from '../contract/attachments';
import { ERRORS, type ErrorCode, type HeldLease } from '../contract/errors';
import type { FieldProblem } from '../contract/report-fields';

export type FieldProblems = Record<string, FieldProblem>;
/** What `error.fields` can hold: a field's problem, or (for `files`) an upload problem. */
export type ErrorFields = Record<string, FieldProblem | UploadProblem>;

export interface ErrorDetails {
  /** Instead of the table's message, when it can say more (a configured limit, a reason). */
  message?: string;
  fields?: ErrorFields;
  /** For a file limit: the configured limits, so a client built with the defaults can name the real ones. */
  limits?: UploadLimits;
  /** When trying again makes sense (sent as Retry-After too). */
  retryAfterSeconds?: number;
  /** With `busy`: the proof-of-work effort that should get through. */
  suggestedEffort?: number;
  /** With `lease_held`: who holds the lead and until when, so a console can say so without another request. */
  lease?: HeldLease;
  /** With `method_not_allowed`: the methods the path answers (sent as Allow too). */
  allow?: readonly string[];
}

export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(details.message ?? ERRORS[code].message);
  }

  get fields(): ErrorFields | undefined {
    return this.details.fields;
  }

  get limits(): UploadLimits | undefined {
    return this.details.limits;
  }
}

/** Shorthand: a domain error with the table's message, and the fields at fault if any. */
export function fail(code: ErrorCode, fields?: FieldProblems): DomainError {
  return new DomainError(code, fields ? { fields } : {});
}
