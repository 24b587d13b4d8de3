/**
 * Evidence files in the report and status islands: the island keeps its own
 * list of chosen files (so one can be removed before sending), checks the
 * limits as files are chosen, and sends them last in a multipart body with
 * XMLHttpRequest, which, unlike fetch, reports upload progress.
 */
import { FILES_FIELD, isUploadProblem, type UploadLimits, type UploadProblem } from '../../contract/attachments';
import { apiError, type PostResult } from '../lib/post-json';
import { sendWithEffort } from '../lib/proof-of-work';
import type { Lang } from '../i18n/lang';
import type { UploadMessages } from '../i18n/types';
import { loadFor } from './page-messages';

export { DEFAULT_UPLOAD_LIMITS } from '../../contract/attachments';
export { uploadSummaryItem } from '../components/upload-fields';
export { UploadStatus } from './upload-status';

/**
 * Every language's evidence-file messages, each its own chunk: the report
 * page loads its language's once files are chosen, after this module.
 */
const uploadMessageLoaders = import.meta.glob<UploadMessages>('../i18n/*/upload.json', { import: 'default' });

/** The evidence-file messages of `lang`. */
export function loadUploadMessages(lang: Lang): Promise<UploadMessages> {
  return loadFor(uploadMessageLoaders, lang);
}

/** The part of an island's state that concerns files. */
export interface UploadState {
  files: File[];
  /** Bytes of each file sent so far, while sending; null otherwise. */
  progress: number[] | null;
  uploadProblem: UploadProblem | undefined;
}

export const NO_FILES: UploadState = { files: [], progress: null, uploadProblem: undefined };

/** The first limit the files break, or undefined. */
export function checkFiles(files: readonly { size: number }[], limits: UploadLimits): UploadProblem | undefined {
  if (files.length > limits.maxFiles) return 'too_many_files';
  let total = 0;
  for (const file of files) {
    if (file.size > limits.maxFileBytes) return 'file_too_large';
    total += file.size;
  }
  return total > limits.maxSubmissionBytes ? 'submission_too_large' : undefined;
}

function withFiles(files: File[], limits: UploadLimits): UploadState {
  return { files, progress: null, uploadProblem: checkFiles(files, limits) };
}

/**
 * Moves the files in the form's file input into the list and empties the
 * input (so choosing again adds files instead of replacing them). Also used
 * on hydration for files chosen before the JavaScript arrived.
 */
export function takeChosenFiles(input: Element | null, state: UploadState, limits: UploadLimits): UploadState | null {
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || input.files === null || input.files.length === 0) return null;
  const files = [...state.files, ...Array.from(input.files)];
  input.value = '';
  return withFiles(files, limits);
}

/** The state after a click on a file's remove button, or null when the click was elsewhere. */
export function removeClicked(event: Event, state: UploadState, limits: UploadLimits): UploadState | null {
  const button = event.target instanceof Element ? event.target.closest('[data-remove]') : null;
  if (button === null || state.progress !== null) return null;
  const index = Number(button.getAttribute('data-remove'));
  return withFiles(
    state.files.filter((_, i) => i !== index),
    limits,
  );
}

/**
 * Bytes sent of each file, from the bytes sent of the whole body. Parts go
 * in order and the files come last; everything else (text fields, part
 * headers) is counted before the first file, so a bar fills late, never early.
 */
export function perFileProgress(loaded: number, total: number, sizes: readonly number[]): number[] {
  let offset = total - sizes.reduce((sum, size) => sum + size, 0);
  return sizes.map((size) => {
    const sent = Math.min(size, Math.max(0, loaded - offset));
    offset += size;
    return sent;
  });
}

/**
 * POSTs the form's fields and then `files` as multipart/form-data, asking for
 * JSON; `onProgress` gets each file's bytes sent. Like postJson, sends again
 * with more proof of work while the server is busy (`onRetry`). Never throws.
 */
export function postFiles(
  path: string,
  form: HTMLFormElement,
  files: readonly File[],
  onProgress: (progress: number[]) => void,
  onRetry?: (tries: number) => void,
): Promise<PostResult> {
  const body = new FormData(form);
  // Whatever the input holds is replaced by the island's list, appended after every text field.
  body.delete(FILES_FIELD);
  for (const file of files) body.append(FILES_FIELD, file);
  const sizes = files.map((file) => file.size);
  return sendWithEffort(path, (proof) => sendForm(path, body, proof, (loaded, total) => onProgress(perFileProgress(loaded, total, sizes))), onRetry);
}

/** One multipart POST with XMLHttpRequest, for its upload progress. */
function sendForm(path: string, body: FormData, proof: Record<string, string>, onProgress: (loaded: number, total: number) => void): Promise<PostResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(proof)) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, data: xhr.response as unknown });
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve({ status: 0, data: null });
    xhr.send(body);
  });
}

/** The limits the server sent with a file-limit error (it may be configured otherwise than the page says). */
export function apiUploadLimits(data: unknown): UploadLimits | undefined {
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  const error: unknown = data.error;
  if (typeof error !== 'object' || error === null || !('limits' in error)) return undefined;
  const limits: unknown = error.limits;
  if (typeof limits !== 'object' || limits === null) return undefined;
  const { maxFiles, maxFileBytes, maxSubmissionBytes } = limits as Record<string, unknown>;
  if (typeof maxFiles !== 'number' || typeof maxFileBytes !== 'number' || typeof maxSubmissionBytes !== 'number') return undefined;
  return { maxFiles, maxFileBytes, maxSubmissionBytes };
}

/** The file problem an API error names (`error.fields.files` or the code), if any. */
export function apiUploadProblem(data: unknown): UploadProblem | undefined {
  const error = apiError(data);
  const code = error?.fields[FILES_FIELD] ?? error?.code;
  return isUploadProblem(code) ? code : undefined;
}
