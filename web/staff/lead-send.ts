/**
 * Sending a lead from the intake page: the form's fields, then its files, as
 * multipart/form-data to POST /api/staff/leads. XMLHttpRequest rather than
 * fetch, for upload progress. Never throws.
 */
import type { ApiResult } from './api';

/** What the server answers for a stored lead. */
export interface EnteredLead {
  id: number;
  trackingCode: string;
}

/** POST the form (text fields first: the file input must be its last named control); `onProgress` gets 0..1. */
export function sendLead(form: HTMLFormElement, onProgress: (share: number) => void): Promise<ApiResult<EnteredLead>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/staff/leads');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve(resultOf(xhr.status, xhr.response as unknown));
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve({ ok: false, status: 0, code: 'network' });
    xhr.send(new FormData(form));
  });
}

function resultOf(status: number, data: unknown): ApiResult<EnteredLead> {
  if (status === 201 && isEntered(data)) return { ok: true, status, data };
  const error = typeof data === 'object' && data !== null && 'error' in data ? (data.error as { code?: unknown; fields?: unknown }) : undefined;
  const fields = typeof error?.fields === 'object' && error.fields !== null ? (error.fields as Record<string, string>) : undefined;
  return { ok: false, status, code: typeof error?.code === 'string' ? error.code : 'internal_error', ...(fields ? { fields } : {}) };
}

function isEntered(data: unknown): data is EnteredLead {
  return typeof data === 'object' && data !== null && 'trackingCode' in data && typeof data.trackingCode === 'string';
}
