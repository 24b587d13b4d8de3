/**
 * Keys the catalogues are indexed by that are not part of the API's
 * vocabulary (contract/vocabulary.ts): the error pages, why an island's
 * request failed, what a code lookup can find wrong.
 */

/** Error pages the server can show; anything else falls back to `generic`. */
export const ERROR_CODES = [
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'service_unavailable',
  'internal_error',
  'not_found_page',
  'method_not_allowed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a request sent by an island failed, other than a validation error. */
export type SendFailure =
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'service_unavailable'
  | 'busy'
  | 'network'
  | 'other';

/** `busy` has a `{wait}` placeholder (waitAbout in fill.ts). */
export type LookupProblem = 'required' | 'tracking_code_format' | 'tracking_code_check_digit' | 'not_found' | 'busy';

/** A form field's label and, for some, a hint under it. */
export interface FieldText {
  label: string;
  hint?: string;
}
