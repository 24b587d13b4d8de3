/**
 * A multipart body sent without a Content-Length (chunked) that passes a
 * limit is cut off there (issue 16, item 6): the 413 with its stable code
 * comes while the client is still sending, the rest of the body is never
 * read, and nothing is stored or left behind. In process, the body's
 * stream shows how much was read; against a real server process, the
 * answer's timing and the connection's end show it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBodyLimit } from '../../server/routes/uploads';
import { submit } from '../support/casework';
import { ADMIN, countRows, createTestInstance, type TestInstance } from '../support/instance';
import { ORIGIN, signIn } from '../support/staff';
import { residentMemory, startServer, type ServerProcess } from '../support/server-process';
import { filesOnDisk, noise } from '../support/uploads';

const KiB = 1024;
const MiB = 1024 * KiB;
const LIMITS = { MAX_FILES: '2', MAX_FILE_MIB: '1', MAX_SUBMISSION_MIB: '1' } as const;
const BOUNDARY = 'tipline-chunked-boundary';
const BLOCK = Buffer.from(noise(64 * KiB, 7));
/** How much the client offers: far past every limit. */
const OFFERED = 512 * MiB;

/** The multipart start: the report's text fields (and `extra`), then a part named `partName` whose bytes follow. */
function head(partName: string, extra: Record<string, string> = {}): Buffer {
  const field = (name: string, value: string): string => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const fields = { category: 'organised_crime', details: 'The loan sharks on Dihua Street keep a ledger of who pays protection.', ...extra };
  return Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => field(name, value))
      .join('') +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${partName}"; filename="ledger.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
}

/** Which limit each kind of endless part meets first: a file its own, a part nobody reads the whole body's. */
const CASES = [
  { part: 'files', code: 'file_too_large' },
  { part: 'attachment', code: 'payload_too_large' },
] as const;

describe('in process: the body stops being read at the limit', () => {
  let t: TestInstance;
  let trackingCode: string;
  let staffCookie: string;
  beforeAll(async () => {
    t = await createTestInstance(LIMITS);
    ({ trackingCode } = await submit(t));
    staffCookie = await signIn(t, ADMIN.username, ADMIN.password);
  });
  afterAll(() => t.close());

  /** Each route that takes files, with the text fields it needs before them and the headers its callers send. */
  const routes = (): { path: string; fields: Record<string, string>; headers: Record<string, string> }[] => [
    { path: '/api/reports', fields: {}, headers: {} },
    { path: '/api/status/messages', fields: { trackingCode }, headers: {} },
    { path: '/api/staff/leads', fields: { source: 'phone' }, headers: { Cookie: staffCookie, Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' } },
  ];

  it.each(CASES)('an endless `$part` part gets 413 $code after little more than the bound is read, on every upload route, and nothing is kept', async ({ part, code }) => {
    const bound = multipartBodyLimit(t.config);
    const before = { reports: countRows(t.db, 'reports'), messages: countRows(t.db, 'report_messages'), files: countRows(t.db, 'report_files') };
    for (const route of routes()) {
      let pulled = 0;
      let cancelled = false;
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(head(part, route.fields)),
        pull: (controller) => {
          if (pulled >= OFFERED) return controller.close();
          pulled += BLOCK.length;
          controller.enqueue(BLOCK);
        },
        cancel: () => void (cancelled = true),
      });
      const res = await t.app.request(`${ORIGIN}${route.path}`, {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, Accept: 'application/json', ...route.headers },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status, route.path).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code } });
      expect(cancelled, route.path).toBe(true);
      // The stream's own read-ahead and the parser's buffers, nothing like the body's end.
      expect(pulled, route.path).toBeLessThan(bound + 4 * MiB);
    }
    expect({ reports: countRows(t.db, 'reports'), messages: countRows(t.db, 'report_messages'), files: countRows(t.db, 'report_files') }).toEqual(before);
    expect(filesOnDisk(t.dataDir).incoming).toEqual([]);
  });
});

describe('a real server: the answer comes while the client is still sending', () => {
  let server: ServerProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-chunked-'));
    server = await startServer(dataDir, LIMITS);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Sends an endless chunked body as fast as the connection takes it; resolves once the server has answered and closed. */
  function sendEndless(part: string): Promise<{ status: number; body: string; sentAtAnswer: number; sentInAll: number; closedMsAfterAnswer: number }> {
    return new Promise((resolve) => {
      const req = request(`${server.url}/api/reports`, {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, Accept: 'application/json', 'Transfer-Encoding': 'chunked' },
      });
      let sent = 0;
      let answer: { status: number; body: string; sentAtAnswer: number; at: number } | null = null;
      let finished = false;
      const finish = (): void => {
        if (finished || answer === null) return;
        finished = true;
        resolve({ status: answer.status, body: answer.body, sentAtAnswer: answer.sentAtAnswer, sentInAll: sent, closedMsAfterAnswer: performance.now() - answer.at });
      };
      const pump = (): void => {
        while (!req.destroyed && sent < OFFERED) {
          sent += BLOCK.length;
          if (!req.write(BLOCK)) return void req.once('drain', pump);
        }
        if (sent >= OFFERED) req.end();
      };
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          answer = { status: res.statusCode ?? 0, body: text, sentAtAnswer: sent, at: performance.now() };
          // The server closes the connection soon after answering; wait for that (or give up after 5 s).
          setTimeout(() => {
            req.destroy();
            finish();
          }, 5000).unref();
          if (req.socket?.destroyed) finish();
        });
      });
      req.on('error', () => undefined);
      req.on('close', finish);
      req.write(head(part));
      pump();
    });
  }

  it.each(CASES)('an endless `$part` part: 413 $code long before the body would end, then the connection is closed', async ({ part, code }) => {
    const memoryBefore = residentMemory(server.pid).rss;
    const outcome = await sendEndless(part);
    expect(outcome.status).toBe(413);
    expect(JSON.parse(outcome.body)).toMatchObject({ error: { code } });
    // The bound is about 1.3 MiB; what the client got written by then (about 6 MiB here) sits in
    // the two sockets' buffers, unread. Reading on to the end would have taken all 512 MiB.
    expect(outcome.sentAtAnswer).toBeLessThan(16 * MiB);
    // The server stopped reading: the connection ended (half a second after the answer) with nothing more taken.
    expect(outcome.sentInAll).toBeLessThan(32 * MiB);
    expect(outcome.closedMsAfterAnswer).toBeLessThan(5000);
    expect(residentMemory(server.pid).rss - memoryBefore).toBeLessThan(64 * MiB);
    expect(filesOnDisk(dataDir)).toEqual({ stored: [], incoming: [] });
  });

  it('still answers other requests afterwards', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
  });
});
