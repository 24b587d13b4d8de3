/**
 * Uploads over slow links against a real server process, in real time
 * (server/http/timeouts.test.ts checks the same rules with a moved clock):
 * an upload is cut only when it stops sending, never for taking long, while
 * every other request keeps a total bound.
 *
 * The first test runs about six minutes, longer than Node's default 300 s
 * request timeout that used to cut such uploads. It waits on the network
 * and uses little CPU, so vitest.config.ts runs this file in a pool of its
 * own, alongside the other files rather than after them.
 */
import { request } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_FIELDS, startRawUpload, type Answer, type RawUpload } from '../support/raw-upload';
import { eventually, startServer, type ServerProcess } from '../support/server-process';

const KiB = 1024;
const MiB = 1024 * KiB;
/** Short enough for a test to wait out, long enough that a loaded machine never looks idle by accident. */
const IDLE_SECONDS = 3;

const servers: ServerProcess[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startInstance(env: Record<string, string> = {}): Promise<{ server: ServerProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-slow-'));
  dataDirs.push(dataDir);
  const server = await startServer(dataDir, env);
  servers.push(server);
  return { server, dataDir };
}

function rowCounts(dataDir: string): { reports: number; files: number; messages: number } {
  const db = new Database(path.join(dataDir, 'tipline.db'), { readonly: true });
  try {
    const count = (table: string): number => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
    return { reports: count('reports'), files: count('report_files'), messages: count('report_messages') };
  } finally {
    db.close();
  }
}

function filesOnDisk(dataDir: string): { stored: string[]; incoming: string[] } {
  const dir = path.join(dataDir, 'files');
  return { stored: readdirSync(dir).filter((name) => name.endsWith('.age')), incoming: readdirSync(path.join(dir, 'incoming')) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the whole file at no more than `bytesPerSecond`, in small steps (little CPU). */
async function sendAtRate(upload: RawUpload, fileBytes: number, bytesPerSecond: number): Promise<void> {
  const started = performance.now();
  while (upload.sent() < fileBytes) {
    const due = Math.min(fileBytes, Math.floor(((performance.now() - started) / 1000) * bytesPerSecond));
    if (due > upload.sent()) await upload.send(due - upload.sent());
    await sleep(100);
  }
}

/**
 * A request whose small body is sent one byte every `everyMs`, far slower
 * than the bound allows; resolves with what the server answered (or 0 if it
 * closed the connection without an answer).
 */
function trickle(url: string, path: string, contentType: string, everyMs: number): { answer: Promise<Answer>; stop: () => void } {
  const body = Buffer.from(JSON.stringify({ trackingCode: '0000 0000 0000 0000 0000', padding: 'x'.repeat(400) }));
  const req = request(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, 'Content-Length': String(body.length), Accept: 'application/json' },
  });
  req.on('error', () => undefined);
  let sent = 0;
  const timer = setInterval(() => {
    if (sent < body.length && !req.destroyed) req.write(body.subarray(sent, (sent += 1)));
  }, everyMs);
  const answer = new Promise<Answer>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('close', () => setTimeout(() => resolve({ status: 0, body: '' }), 100));
  });
  void answer.finally(() => clearInterval(timer));
  return { answer, stop: () => (clearInterval(timer), req.destroy()) };
}

describe(`an upload that stops sending (UPLOAD_IDLE_SECONDS=${IDLE_SECONDS})`, () => {
  it('is cut with 408 on both upload routes, leaves no file (incoming included) and stores nothing', async () => {
    const { server, dataDir } = await startInstance({ UPLOAD_IDLE_SECONDS: String(IDLE_SECONDS) });
    // A report to follow up on, sent whole.
    const first = await startRawUpload(server.url, '/api/reports', REPORT_FIELDS, 64 * KiB).finish();
    expect(first.status).toBe(201);
    const trackingCode = (JSON.parse(first.body) as { trackingCode: string }).trackingCode;
    const before = rowCounts(dataDir);
    expect(before).toMatchObject({ reports: 1, files: 1 });

    const stalls = {
      report: (): RawUpload => startRawUpload(server.url, '/api/reports', REPORT_FIELDS, 20 * MiB),
      'follow-up': (): RawUpload => startRawUpload(server.url, '/api/status/messages', { trackingCode, body: 'Here is the ledger itself.' }, 20 * MiB),
    };
    for (const [route, start] of Object.entries(stalls)) {
      const upload = start();
      await upload.send(2 * MiB);
      expect(await eventually(() => filesOnDisk(dataDir).incoming.length === 1), route).toBe(true);
      // ... and nothing more: the client has gone quiet.
      const answer = await upload.answer;
      expect(answer.status, route).toBe(408);
      expect(JSON.parse(answer.body), route).toMatchObject({ error: { code: 'request_timeout' } });
      expect(await eventually(() => filesOnDisk(dataDir).incoming.length === 0), route).toBe(true);
    }
    expect(filesOnDisk(dataDir).stored).toHaveLength(1); // the first report's file only
    expect(rowCounts(dataDir)).toEqual(before);
    // The server is fine afterwards.
    expect((await startRawUpload(server.url, '/api/reports', REPORT_FIELDS, 64 * KiB).finish()).status).toBe(201);
  });

  it(`is not cut while it keeps sending, slowly, for several times UPLOAD_IDLE_SECONDS`, async () => {
    const { server, dataDir } = await startInstance({ UPLOAD_IDLE_SECONDS: String(IDLE_SECONDS) });
    const fileBytes = 4 * IDLE_SECONDS * 64 * KiB;
    const upload = startRawUpload(server.url, '/api/reports', REPORT_FIELDS, fileBytes);
    const started = performance.now();
    await sendAtRate(upload, fileBytes, 64 * KiB); // four times the idle time in all, a few KiB every 100 ms
    const answer = await upload.finish();
    expect(performance.now() - started).toBeGreaterThan(3 * IDLE_SECONDS * 1000);
    expect(answer.status).toBe(201);
    expect(rowCounts(dataDir)).toMatchObject({ reports: 1, files: 1 });
  }, 60_000);
});

describe('with the default settings', () => {
  it(
    'a 100 MiB file sent at 300 KiB/s arrives (past Node\'s old 300 s limit), while small bodies trickled alongside are cut by their total bound',
    async () => {
      const { server, dataDir } = await startInstance();
      const fileBytes = 100 * MiB; // the form's promise: MAX_FILE_MIB
      const upload = startRawUpload(server.url, '/api/reports', REPORT_FIELDS, fileBytes);
      // Not uploads: a code check (JSON), and a multipart body to a route that takes no files.
      const json = trickle(server.url, '/api/status', 'application/json', 2_000);
      const multipart = trickle(server.url, '/api/status', 'multipart/form-data; boundary=x', 2_000);
      try {
        const started = performance.now();
        await sendAtRate(upload, fileBytes, 300 * KiB);
        const answer = await upload.finish();
        const seconds = (performance.now() - started) / 1000;

        expect(seconds).toBeGreaterThan(300);
        expect(answer.status).toBe(201);
        expect(rowCounts(dataDir)).toMatchObject({ reports: 1, files: 1 });
        expect(filesOnDisk(dataDir)).toEqual({ stored: [expect.stringMatching(/^[0-9a-f]{32}\.age$/)], incoming: [] });
        // Each trickle would need 7 minutes for its ~420 bytes; both were cut at 300 s.
        for (const trickled of [json, multipart]) {
          const cut = await trickled.answer;
          expect(cut.status).toBe(408);
          expect(JSON.parse(cut.body)).toMatchObject({ error: { code: 'request_timeout' } });
        }
      } finally {
        json.stop();
        multipart.stop();
      }
    },
    // 100 MiB at 300 KiB/s is 341 s; room for a loaded machine.
    15 * 60_000,
  );
});
