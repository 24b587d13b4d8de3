/**
 * Multipart uploads sent by hand to a real server process, so that a test
 * decides when each byte goes: stop half-way, trickle, cut the connection.
 * Text fields come first, then one file part whose every 64 KiB block starts
 * with UPLOAD_MARKER (so a copy stored in clear would be findable).
 */
import { request } from 'node:http';
import { noise } from './uploads';

export const UPLOAD_MARKER = 'CLEAR-TEXT-MARKER-of-the-evidence';
const BOUNDARY = '----tipline-test-boundary';
const BLOCK_BYTES = 64 * 1024;

export interface Answer {
  status: number;
  body: string;
}

export interface RawUpload {
  /** Sends the next `bytes` of the file; resolves once the socket has taken them. */
  send: (bytes: number) => Promise<void>;
  /** Sends the rest of the file and the closing boundary; resolves with the answer. */
  finish: () => Promise<Answer>;
  /** The answer whenever it comes (also when the server answers before the body is sent); rejects if the connection closes without one. */
  answer: Promise<Answer>;
  /** File bytes sent so far. */
  sent: () => number;
  /** Cuts the connection. */
  cut: () => void;
}

/** The report form's text fields, as a browser sends them. */
export const REPORT_FIELDS: Readonly<Record<string, string>> = {
  category: 'organised_crime',
  details: 'The loan sharks on Dihua Street keep a ledger of who pays protection.',
};

/** The multipart text before the file's bytes, and the closing after them. */
function envelope(fields: Readonly<Record<string, string>>, fileName: string): { head: Buffer; tail: Buffer } {
  const field = (name: string, value: string): string => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head =
    Object.entries(fields)
      .map(([name, value]) => field(name, value))
      .join('') +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { head: Buffer.from(head), tail: Buffer.from(`\r\n--${BOUNDARY}--\r\n`) };
}

/**
 * Starts a multipart POST to `url` + `path` carrying `fields` and one file of
 * `fileBytes` bytes, with its Content-Length declared. Only the text fields
 * are sent at first; the request stays open until `send`/`finish`/`cut`.
 */
export function startRawUpload(url: string, path: string, fields: Readonly<Record<string, string>>, fileBytes: number): RawUpload {
  const { head, tail } = envelope(fields, 'ledger.bin');
  const block = Buffer.concat([Buffer.from(UPLOAD_MARKER), Buffer.from(noise(BLOCK_BYTES - UPLOAD_MARKER.length))]);
  let sent = 0;
  const req = request(`${url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
      'Content-Length': String(head.length + fileBytes + tail.length),
      Accept: 'application/json',
    },
  });
  req.on('error', () => undefined); // cut on purpose, by the server, or the server died
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('close', () => setTimeout(() => reject(new Error('closed without an answer')), 100));
  });
  answer.catch(() => undefined);
  req.write(head);
  const write = (chunk: Buffer): Promise<void> =>
    new Promise((resolve) => {
      if (req.destroyed || req.write(chunk)) resolve();
      else req.once('drain', resolve).once('close', resolve);
    });
  return {
    async send(bytes) {
      const until = Math.min(fileBytes, sent + bytes);
      while (sent < until && !req.destroyed) {
        const n = Math.min(block.length, until - sent);
        await write(n === block.length ? block : block.subarray(0, n));
        sent += n;
      }
    },
    async finish() {
      await this.send(fileBytes - sent);
      req.end(tail);
      return answer;
    },
    answer,
    sent: () => sent,
    cut: () => req.destroy(),
  };
}
