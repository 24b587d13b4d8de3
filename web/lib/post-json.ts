/**
 * The islands' one way to talk to the API: a JSON POST that never throws.
 * The proof-of-work code loads only when something is sent, so the report
 * page's JavaScript stays within its budget until then.
 */
import type { SendFailure } from '../i18n/types';
import type { SendResult } from './proof-of-work';

/** `status` 0 means the request never got a response (network error). */
export type PostResult = SendResult;

/**
 * POST `body` as JSON to a same-origin API path, with proof of work when the
 * server asks for it; when it answers that it is busy, send again with more
 * work (`onRetry` is told) until it takes the request or gives up.
 */
export async function postJson(path: string, body: unknown, onRetry?: (tries: number) => void): Promise<PostResult> {
  let sendWithEffort: typeof import('./proof-of-work').sendWithEffort;
  try {
    ({ sendWithEffort } = await import('./proof-of-work'));
  } catch {
    return { status: 0, data: null };
  }
  return sendWithEffort(
    path,
    async (proof) => {
      try {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...proof },
          body: JSON.stringify(body),
          credentials: 'same-origin',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        });
        const data: unknown = await response.json().catch(() => null);
        return { status: response.status, data };
      } catch {
        return { status: 0, data: null };
      }
    },
    onRetry,
  );
}

/** The API's `{ error: { code, fields? } }`, or null when the body is something else. */
export function apiError(data: unknown): { code: string; fields: Record<string, string> } | null {
  if (typeof data !== 'object' || data === null || !('error' in data)) return null;
  const error: unknown = data.error;
  if (typeof error !== 'object' || error === null) return null;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const fields: Record<string, string> = {};
  const raw = 'fields' in error ? error.fields : undefined;
  if (typeof raw === 'object' && raw !== null) {
    for (const [name, problem] of Object.entries(raw)) {
      if (typeof problem === 'string') fields[name] = problem;
    }
  }
  return { code, fields };
}

/** Which message to show for a response that is neither success nor a validation error. */
export function failureFor(status: number, data?: unknown): SendFailure {
  if (status === 503 && apiError(data)?.code === 'busy') return 'busy';
  switch (status) {
    case 0:
      return 'network';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    case 503:
      return 'service_unavailable';
    default:
      return 'other';
  }
}
