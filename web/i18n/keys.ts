/**
 * The keys and entry shapes the English catalogue declares for its keyed
 * maps, so that the catalogue type derived from it (types.ts) can be indexed
 * by a whole union (a field name, a status) rather than by one literal key.
 * Everything else in a catalogue's type comes from the English text itself.
 */

/** Error pages the server can show; anything else falls back to `generic`. */
export const ERROR_CODES = [
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'service_unavailable',
  'internal_error',
  'not_found_page',
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

/** Gives a part of the English catalogue its declared type (a keyed map, an optional key), which every language then satisfies. */
export function typed<T>(value: T): T {
  return value;
}
