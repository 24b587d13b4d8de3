/**
 * How long a client may take to send its request. Node bounds the whole of
 * every request (`requestTimeout`, 300 s by default), which cuts an honest
 * upload over a slow link: at 300 KiB/s (Tor, a weak mobile connection) no
 * file over ~88 MiB arrives. Here instead:
 * - headers keep Node's own timeout (`headersTimeout`, 60 s);
 * - an upload (a multipart body to one of the upload routes) has no total
 *   bound, but is cut when no byte has arrived for `uploadIdleMs` while the
 *   server was ready to read: time the server spends not reading (waiting
 *   for a proof of work to be checked, or for the disk) never counts
 *   against the client;
 * - every other request (pages, small JSON and urlencoded bodies) must
 *   arrive whole within `requestMs` of its headers, as Node's default did,
 *   so a client trickling a small body cannot hold a connection for long.
 * A request cut short gets 408 with the API's error shape and its
 * connection closed; the route reading its body sees the body break off, as
 * when a client goes away (no incoming file is left, nothing is stored).
 * Applied to the Node server by server/index.ts (createApp never listens).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ERRORS } from '../../contract/errors';

export interface RequestTimeouts {
  /** An upload is cut after this long without a byte while the server waits for one. */
  uploadIdleMs: number;
  /** Any other request must arrive whole this long after its headers. */
  requestMs: number;
  /** Which requests are uploads (only the headers are known yet). */
  isUpload: (req: IncomingMessage) => boolean;
  /** A monotonic clock in milliseconds (tests move their own); performance.now by default. */
  now?: () => number;
  /** How often to look, in milliseconds; 0 never looks by itself (tests call `check`). Default: a quarter of the shorter bound, at most 1 s. */
  checkEveryMs?: number;
}

/** Node's own default for the whole request, kept for everything that is not an upload. */
export const DEFAULT_REQUEST_MS = 300_000;

interface Watched {
  req: IncomingMessage;
  res: ServerResponse;
  upload: boolean;
  since: number;
  bytesRead: number;
}

const TIMEOUT_BODY = JSON.stringify({ error: { code: 'request_timeout', message: ERRORS.request_timeout.message } });
const TIMEOUT_RESPONSE =
  'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
  `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(TIMEOUT_BODY)}\r\n\r\n${TIMEOUT_BODY}`;

/** The requests still arriving and their deadlines; one timer looks at all of them. */
export class RequestDeadlines {
  readonly #options: RequestTimeouts;
  readonly #now: () => number;
  readonly #checkEveryMs: number;
  readonly #watched = new Set<Watched>();
  #timer: NodeJS.Timeout | null = null;

  constructor(options: RequestTimeouts) {
    this.#options = options;
    this.#now = options.now ?? ((): number => performance.now());
    this.#checkEveryMs = options.checkEveryMs ?? Math.min(1000, Math.max(50, Math.min(options.uploadIdleMs, options.requestMs) / 4));
  }

  /** Starts watching a request whose headers have just arrived. */
  watch(req: IncomingMessage, res: ServerResponse): void {
    const entry: Watched = { req, res, upload: this.#options.isUpload(req), since: this.#now(), bytesRead: req.socket.bytesRead };
    this.#watched.add(entry);
    // Not when the response closes: an early answer (413) can come while the body is still arriving.
    req.once('close', () => this.#watched.delete(entry));
    if (this.#timer === null && this.#checkEveryMs > 0) {
      this.#timer = setInterval(() => this.check(), this.#checkEveryMs);
      this.#timer.unref();
    }
  }

  /** Cuts every request past its deadline; forgets those that have arrived whole. */
  check(): void {
    const now = this.#now();
    for (const entry of this.#watched) {
      if (entry.req.complete || entry.req.socket.destroyed) {
        this.#watched.delete(entry);
      } else if (entry.upload ? this.#idleTooLong(entry, now) : now - entry.since >= this.#options.requestMs) {
        this.#watched.delete(entry);
        cut(entry);
      }
    }
    if (this.#watched.size === 0 && this.#timer !== null) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  }

  /** Stops looking (the server is closing). */
  close(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#watched.clear();
  }

  /** True when the client has sent nothing for too long while the server was waiting for it. */
  #idleTooLong(entry: Watched, now: number): boolean {
    const bytesRead = entry.req.socket.bytesRead;
    if (bytesRead !== entry.bytesRead || serverIsBehind(entry.req)) {
      entry.bytesRead = bytesRead;
      entry.since = now;
      return false;
    }
    return now - entry.since >= this.#options.uploadIdleMs;
  }
}

/**
 * Bytes received but not yet read, or reading paused: the server is the one
 * not keeping up (the client cannot send while the connection's window is
 * full), so this time is not the client's.
 */
function serverIsBehind(req: IncomingMessage): boolean {
  return req.readableLength > 0 || req.isPaused();
}

/** Answers 408 if nothing was answered yet, then closes the connection (as Node does for its own timeouts). */
function cut({ req, res }: Watched): void {
  const socket = req.socket;
  if (!res.headersSent && socket.writable) socket.write(TIMEOUT_RESPONSE);
  socket.destroy();
}

/**
 * Replaces Node's total request timeout on `server` with the bounds above.
 * Headers keep Node's `headersTimeout`.
 */
export function applyRequestTimeouts(server: Server, options: RequestTimeouts): RequestDeadlines {
  const deadlines = new RequestDeadlines(options);
  server.requestTimeout = 0; // replaced per request below; Node still enforces headersTimeout on its own
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => deadlines.watch(req, res));
  server.once('close', () => deadlines.close());
  return deadlines;
}
