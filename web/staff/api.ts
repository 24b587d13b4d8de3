/**
 * The console's one way to call the staff API: JSON in and out, same-origin
 * cookies, and a result value instead of exceptions. A 401 means the session
 * ended (idle timeout, logout elsewhere): callers send the person to sign in.
 */
import { powPurposeOf } from '../../contract/proof-of-work';
import type { SendResult } from '../lib/proof-of-work';
import { BACKGROUND_HEADER, IDLE_ENDS_HEADER } from '../../contract/staff-session-headers';
import type { StaffAnswer, StaffMethod, StaffPath } from '../../contract/staff-api';
import type { HeldLease } from '../../contract/errors';

export interface ApiFailure {
  ok: false;
  status: number;
  /** The API's stable error code, or 'network'. */
  code: string;
  fields?: Record<string, string>;
  /** With lease_held: who holds the lead and until when. */
  lease?: HeldLease;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

/** An answer the server gave, as listeners hear of it. */
export interface ApiAnswer {
  path: string;
  status: number;
  /** True when the console sent the request by itself (`background`), not for something a person did. */
  background: boolean;
  /** When the server's idle timeout ends the session, as of this answer (its X-Tipline-Idle-Ends), if it said. */
  idleEndsAt: string | null;
}

/** Told of every answer the server gave (not network failures): the idle-timeout countdown follows these. */
export type ApiListener = (answer: ApiAnswer) => void;
const listeners = new Set<ApiListener>();

export interface ApiOptions {
  /**
   * The console sends this by itself (lease renewal, polling, the session
   * bar's checks), not because a person did something: the server does not
   * count it as activity, and neither does the idle countdown.
   */
  background?: boolean;
  /**
   * Sign-in and recovery carry proof of work when the server asks for it and,
   * when it answers that it is busy, are sent again with more: told each time.
   */
  onRetry?: (tries: number) => void;
}

/** Listen to every staff API answer on this page; returns the unsubscribe function. */
export function onStaffApi(listener: ApiListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call `/api/staff/<path>`; never throws. The answer's type comes from the contract's map of staff routes. */
export async function staffApi<M extends StaffMethod, P extends StaffPath<M>>(
  method: M,
  path: P,
  body?: unknown,
  options: ApiOptions = {},
): Promise<ApiResult<StaffAnswer<M, P>>> {
  type T = StaffAnswer<M, P>;
  const url = `/api/staff/${path.replace(/^\//, '')}`;
  const send = (extra: Record<string, string>): Promise<SendResult> => sendOnce(method, url, path, body, options.background === true, extra);
  if (powPurposeOf(url) === null) return resultOf<T>(await send({}));
  try {
    const { sendWithEffort } = await import('../lib/proof-of-work');
    return resultOf<T>(await sendWithEffort(url, send, options.onRetry));
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
}

/** One request; every listener hears of its answer. */
async function sendOnce(
  method: StaffMethod,
  url: string,
  path: string,
  body: unknown,
  background: boolean,
  extra: Record<string, string>,
): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(background ? { [BACKGROUND_HEADER]: '1' } : {}),
        ...extra,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { status: 0, data: null };
  }
  const answer: ApiAnswer = { path, status: res.status, background, idleEndsAt: res.headers.get(IDLE_ENDS_HEADER) };
  for (const listener of listeners) listener(answer);
  const text = await res.text();
  try {
    return { status: res.status, data: text === '' ? null : (JSON.parse(text) as unknown) };
  } catch {
    return { status: res.status, data: null };
  }
}

function resultOf<T>({ status, data }: SendResult): ApiResult<T> {
  if (status === 0) return { ok: false, status: 0, code: 'network' };
  if (status >= 200 && status < 300) return { ok: true, status, data: data as T };
  const error = (data as { error?: { code?: unknown; fields?: unknown; lease?: unknown } } | null)?.error;
  return {
    ok: false,
    status,
    code: typeof error?.code === 'string' ? error.code : 'internal_error',
    ...(typeof error?.fields === 'object' && error.fields !== null ? { fields: error.fields as Record<string, string> } : {}),
    ...(typeof error?.lease === 'object' && error.lease !== null ? { lease: error.lease as HeldLease } : {}),
  };
}
