/**
 * The console's one way to call the staff API: JSON in and out, same-origin
 * cookies, and a result value instead of exceptions. A 401 means the session
 * ended (idle timeout, logout elsewhere): callers send the person to sign in.
 */

export interface ApiFailure {
  ok: false;
  status: number;
  /** The API's stable error code, or 'network'. */
  code: string;
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

/** Told of every answer the server gave (not network failures): the idle-timeout warning counts from these. */
export type ApiListener = (path: string, status: number) => void;
const listeners = new Set<ApiListener>();

/** Listen to every staff API answer on this page; returns the unsubscribe function. */
export function onStaffApi(listener: ApiListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call `/api/staff/<path>`; never throws. */
export async function staffApi<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/staff/${path.replace(/^\//, '')}`, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
  for (const listener of listeners) listener(path, res.status);
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text === '' ? null : JSON.parse(text);
  } catch {
    data = null;
  }
  if (res.ok) return { ok: true, status: res.status, data: data as T };
  const error = (data as { error?: { code?: unknown; fields?: unknown } } | null)?.error;
  return {
    ok: false,
    status: res.status,
    code: typeof error?.code === 'string' ? error.code : 'internal_error',
    ...(typeof error?.fields === 'object' && error.fields !== null ? { fields: error.fields as Record<string, string> } : {}),
  };
}
