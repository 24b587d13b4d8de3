/** What the routes that take evidence files (reports, follow-ups, staff-entered leads) share. */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config';
import { limitBody } from '../http/errors';
import { type DomainError, fail } from '../errors';
import type { RawFields, UploadRoute } from '../http/input';
import type { Lang } from '../../contract/languages';
import type { RouteDeps } from './deps';

/** The one staff route that takes files; the staff API's small body limit does not apply to its multipart bodies. */
const STAFF_UPLOAD_PATH = '/api/staff/leads';

/** Where app.ts mounts the routes that take evidence files: reports, follow-ups and leads staff enter. */
export const UPLOAD_PATHS: ReadonlySet<string> = new Set(['/api/reports', '/api/status/messages', STAFF_UPLOAD_PATH]);

/** True for a multipart body sent to the staff route that takes files (bounded by limitUploadBody instead). */
export function isStaffUpload(path: string, contentType: string | undefined): boolean {
  return path === STAFF_UPLOAD_PATH && (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
}

/**
 * True for a request that may carry evidence files: a multipart POST to an
 * upload route. Only the request line and headers are looked at (the body
 * has not arrived); server/http/timeouts.ts gives these an idle timeout
 * instead of a total one.
 */
export function isUploadRequest(req: IncomingMessage): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return req.method === 'POST' && type === 'multipart/form-data' && UPLOAD_PATHS.has(path);
}

/** Room for multipart part headers: per part, far more than a browser sends. */
const PART_OVERHEAD_BYTES = 4096;

/**
 * The body bound for an upload route. Multipart bodies may declare up to
 * the text limit plus the files' limit and are then counted as they stream
 * (by the multipart reader, which also stops a body without a declared
 * length at that bound); anything else keeps the small text limit.
 * Hono's bodyLimit is not used for multipart: without a Content-Length it
 * would buffer the whole body in memory.
 */
export function limitUploadBody(config: Config): MiddlewareHandler {
  const textOnly = limitBody(config.maxBodyBytes);
  const multipartMax = multipartBodyLimit(config);
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'multipart/form-data') return textOnly(c, next);
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > multipartMax) throw fail('payload_too_large');
    await next();
    return undefined;
  };
}

/** The largest multipart body: the text limit, every file, and room for part headers. */
export function multipartBodyLimit(config: Config): number {
  const { maxFiles, maxSubmissionBytes } = config.uploads;
  return config.maxBodyBytes + maxSubmissionBytes + (maxFiles + 64) * PART_OVERHEAD_BYTES;
}

/** The parts of an UploadRoute that come from the configuration. */
export function uploadRoute<I, P>(
  deps: RouteDeps,
  route: {
    prepare: UploadRoute<I, P>['prepare'];
    renderUploadProblem: (c: Context, problem: { lang: Lang; values: RawFields; error: DomainError }) => Response | Promise<Response>;
  },
): UploadRoute<I, P> {
  return {
    store: deps.files,
    limits: deps.config.uploads,
    maxFieldBytes: deps.config.maxBodyBytes,
    maxBodyBytes: multipartBodyLimit(deps.config),
    ...route,
  };
}
