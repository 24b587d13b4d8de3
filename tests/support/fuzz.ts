/**
 * The harness of the "bad input never hurts" property tests: a generated
 * request, sent in-process, and the judge of its answer: never a 5xx, a
 * stable JSON error or an HTML page, never a stack trace or a file path, and
 * nothing under /api/staff/ done without a session and same-origin headers.
 * fuzz-runner.ts checks what is stored.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ERROR_CODES } from '../../contract/errors';
import type { TestInstance } from './instance';

/** The codes a 4xx may carry: the stable set, minus the server-side failures. */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set(
  ERROR_CODES.filter((code) => code !== 'internal_error' && code !== 'service_unavailable'),
);

/** Placeholders in a Cookie header, replaced when the request is sent. */
export const ADMIN_TOKEN = '{admin}';
export const ENDED_TOKEN = '{ended}';

/** One generated request. `body` goes out as bytes, declared or not, or as a chunked stream. */
export interface FuzzRequest {
  method: string;
  /** Path and query, sent as given (the URL parser normalises it exactly as for a real request). */
  target: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  delivery?: 'declared' | 'undeclared' | 'stream' | 'aborted-stream';
}

function streamOf(bytes: Uint8Array, abort: boolean): ReadableStream<Uint8Array> {
  const chunk = Math.max(1, Math.ceil(bytes.length / 3));
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (abort && offset >= chunk) return controller.error(new Error('client went away'));
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/** Build the Request as a client would send it. */
export function toRequest(req: FuzzRequest): Request {
  const headers = new Headers(req.headers);
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers };
  if (req.body !== undefined && req.method !== 'GET' && req.method !== 'HEAD') {
    const delivery = req.delivery ?? 'undeclared';
    if (delivery === 'declared') headers.set('Content-Length', String(req.body.length));
    if (delivery === 'stream' || delivery === 'aborted-stream') {
      init.body = streamOf(req.body, delivery === 'aborted-stream');
      init.duplex = 'half';
    } else {
      init.body = new Uint8Array(req.body);
    }
  }
  return new Request(`http://localhost${req.target}`, init);
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** A request must be answered, whatever it holds, well within this. */
const ANSWER_TIMEOUT_MS = 10_000;

/** Send in-process and read the whole answer. */
export async function send(t: TestInstance, req: FuzzRequest): Promise<Answer> {
  const answer = async (): Promise<Answer> => {
    const res = await t.app.request(toRequest(req));
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
  });
  try {
    return await Promise.race([answer(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const STACK_FRAME = /^\s*at .+(:\d+:\d+\)?|\(native\))$/m;
const SOURCE_POSITION = /\.(ts|tsx|js|mjs):\d+/;
const REPO = path.resolve(import.meta.dirname, '../..');
/** Never in any answer: file paths of this machine, secrets, a system file. */
const LEAKS = ['node_modules', '/server/', REPO, tmpdir(), 'file://', 'AGE-SECRET-KEY-', 'root:x:0:0'];

/** True when the request may be answered with a page: not an API route, or a form post from a browser. */
function mayGetHtml(req: FuzzRequest): boolean {
  const path = new URL(`http://localhost${req.target}`).pathname;
  if (!path.startsWith('/api/')) return true;
  const type = (req.headers['Content-Type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const json = type === 'application/json' || type.endsWith('+json');
  return !json && (req.headers['Accept'] ?? '').includes('text/html');
}

/** What is wrong with an answer, if anything (an empty list when it is fine). */
export function answerProblems(req: FuzzRequest, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (STACK_FRAME.test(answer.text) || SOURCE_POSITION.test(answer.text)) problems.push('a stack frame in the body');
  // Pages show what was typed (and stored follow-ups): escaped, never as markup.
  if (answer.contentType.startsWith('text/html') && answer.text.includes('<script>alert(1)')) problems.push('generated markup echoed unescaped');
  for (const leak of LEAKS) if (answer.text.includes(leak)) problems.push(`"${leak}" in the body`);
  // A HEAD answer has no body to judge.
  if (answer.status < 400 || req.method === 'HEAD') return problems;
  if (answer.contentType.startsWith('text/html')) {
    if (!mayGetHtml(req)) problems.push('an HTML page for an API client');
    if (!/^<!doctype html>/i.test(answer.text.trimStart())) problems.push('HTML without the site layout');
    return problems;
  }
  if (!answer.contentType.startsWith('application/json')) return [...problems, `content type "${answer.contentType}"`];
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [...problems, 'JSON that does not parse'];
  }
  problems.push(...errorShapeProblems(body));
  return problems;
}

function errorShapeProblems(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error') return ['not {"error":{...}}'];
  const error: unknown = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return ['error is not an object'];
  const { code, message, fields, limits, retryAfterSeconds, suggestedEffort, allow, ...rest } = error as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof code !== 'string' || !CLIENT_ERROR_CODES.has(code)) problems.push(`code ${JSON.stringify(code)} outside the stable set`);
  if (typeof message !== 'string' || message === '') problems.push('no message');
  if (fields !== undefined && (typeof fields !== 'object' || fields === null || Array.isArray(fields))) problems.push('fields is not an object');
  // `limits` comes only with a file-limit error (the server's configured limits).
  if (limits !== undefined && !(code === 'too_many_files' || code === 'file_too_large' || code === 'submission_too_large')) {
    problems.push('limits with an error that is not a file limit');
  }
  // When trying again makes sense (a throttled sign-in, a busy server): whole seconds, as in Retry-After.
  if (retryAfterSeconds !== undefined && !(Number.isInteger(retryAfterSeconds) && (retryAfterSeconds as number) >= 0)) problems.push('retryAfterSeconds is not whole seconds');
  if (suggestedEffort !== undefined && code !== 'busy') problems.push('suggestedEffort with an error that is not busy');
  // A 405 names the methods the path does answer, as its Allow header does.
  if (allow !== undefined && !(code === 'method_not_allowed' && Array.isArray(allow) && allow.every((method) => typeof method === 'string'))) {
    problems.push('allow with an error that is not method_not_allowed');
  }
  if (code === 'method_not_allowed' && !Array.isArray(allow)) problems.push('method_not_allowed without allow');
  if (Object.keys(rest).length > 0) problems.push(`extra keys ${Object.keys(rest).join()}`);
  return problems;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the headers say the request came from this site (as server/http/staff-auth.ts judges it). */
function sameOrigin(headers: Record<string, string>): boolean {
  const site = headers['Sec-Fetch-Site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  return headers['Origin'] === 'http://localhost';
}

/**
 * The staff guards, seen from outside: without the admin's session nothing
 * under /api/staff/ succeeds (signing in needs a password no generated
 * request has), and no state changes without same-origin headers.
 */
export function staffGuardProblems(generated: FuzzRequest, answer: Answer): string[] {
  const path = new URL(`http://localhost${generated.target}`).pathname;
  if (!path.startsWith('/api/staff/') || answer.status >= 400) return [];
  const problems: string[] = [];
  if (!(generated.headers['Cookie'] ?? '').includes('{admin}')) problems.push(`a staff route answered ${answer.status} without a session`);
  if (!SAFE_METHODS.has(generated.method) && !sameOrigin(generated.headers)) problems.push(`a state change (${answer.status}) without same-origin headers`);
  return problems;
}

/** A short description of a request for a failure message (bodies cut). */
export function describeRequest(req: FuzzRequest): string {
  const body = req.body === undefined ? '' : ` body(${req.body.length}, ${req.delivery ?? 'undeclared'})=${JSON.stringify(Buffer.from(req.body.subarray(0, 300)).toString('latin1'))}`;
  return `${req.method} ${req.target.slice(0, 300)} ${JSON.stringify(req.headers).slice(0, 600)}${body}`;
}

/**
 * Sends requests and fails on the first answer or stored change that breaks
 * the rules. Counts what it sent. No rejected request may write anything,
 * failed sign-ins included: they are counted in memory and reach the audit
 * trail aggregated, when their window closes.
 */
