/**
 * Uploads against a real server process: a connection cut mid-upload and a
 * server killed mid-upload leave no partial file, no row and no orphan; a
 * 200 MiB file streams through in bounded memory (a bound, not a timing).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, residentMemory, startServer, type ServerProcess } from '../support/server-process';
import { REPORT_FIELDS, startRawUpload, UPLOAD_MARKER, type RawUpload } from '../support/raw-upload';

const MiB = 1024 * 1024;
const BOUNDARY = '----tipline-test-boundary';

let dataDir: string;
let server: ServerProcess | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

function freshDataDir(): string {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-upload-'));
  return dataDir;
}

/** A report upload of `fileBytes` bytes, sent as the test says; see tests/support/raw-upload.ts. */
function startUpload(url: string, fileBytes: number): RawUpload {
  return startRawUpload(url, '/api/reports', REPORT_FIELDS, fileBytes);
}

function rowCounts(): { reports: number; files: number } {
  const db = new Database(path.join(dataDir, 'tipline.db'), { readonly: true });
  try {
    const count = (table: string): number => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
    return { reports: count('reports'), files: count('report_files') };
  } finally {
    db.close();
  }
}

const incoming = (): string[] => readdirSync(path.join(dataDir, 'files', 'incoming'));
const stored = (): string[] => readdirSync(path.join(dataDir, 'files')).filter((name) => name.endsWith('.age'));

describe('an upload cut short', () => {
  it('a connection cut mid-upload leaves no partial file, no row and no orphan', async () => {
    server = await startServer(freshDataDir());
    const upload = startUpload(server.url, 50 * MiB);
    await upload.send(8 * MiB);
    expect(await eventually(() => incoming().length === 1)).toBe(true);
    upload.cut();
    expect(await eventually(() => incoming().length === 0)).toBe(true);
    expect(stored()).toEqual([]);
    expect(rowCounts()).toEqual({ reports: 0, files: 0 });
    // The server is fine afterwards: the same upload, completed, is stored.
    const again = startUpload(server.url, 2 * MiB);
    expect((await again.finish()).status).toBe(201);
    expect(rowCounts()).toEqual({ reports: 1, files: 1 });
  });

  it('a server killed mid-upload leaves only an encrypted partial, which the next start deletes', async () => {
    server = await startServer(freshDataDir());
    const upload = startUpload(server.url, 50 * MiB);
    await upload.send(8 * MiB);
    expect(await eventually(() => incoming().length === 1)).toBe(true);
    await server.kill9();
    server = null;
    upload.cut();

    expect(rowCounts()).toEqual({ reports: 0, files: 0 });
    expect(stored()).toEqual([]);
    for (const name of incoming()) {
      // Even the partial never held the file in clear.
      expect(readFileSync(path.join(dataDir, 'files', 'incoming', name)).includes(Buffer.from(UPLOAD_MARKER))).toBe(false);
    }
    server = await startServer(dataDir);
    expect(incoming()).toEqual([]);
    expect(stored()).toEqual([]);
    expect(rowCounts()).toEqual({ reports: 0, files: 0 });
  });
});

describe('memory', () => {
  it('a 200 MiB upload grows the server\'s resident memory by less than 64 MiB', async () => {
    server = await startServer(freshDataDir(), { MAX_FILE_MIB: '256', MAX_SUBMISSION_MIB: '256' });
    // Warm up: one small upload, so the baseline includes what every upload needs (Argon2id, age, parsers).
    expect((await startUpload(server.url, MiB).finish()).status).toBe(201);
    const baseline = residentMemory(server.pid).rss;
    let highest = baseline;
    const pid = server.pid;
    const sampler = setInterval(() => (highest = Math.max(highest, residentMemory(pid).rss)), 25);
    try {
      const answer = await startUpload(server.url, 200 * MiB).finish();
      expect(answer.status).toBe(201);
    } finally {
      clearInterval(sampler);
    }
    const growth = Math.max(highest, residentMemory(pid).peak) - baseline;
    expect(growth).toBeLessThan(64 * MiB);
    expect(rowCounts()).toEqual({ reports: 2, files: 2 });
  }, 120_000);
});

describe('malformed multipart never takes the server down', () => {
  it('a nameless part, a broken part header, or a body that ends inside a file part (unread, refused, or waiting for its fields to be checked): 400, nothing kept, and the server keeps answering', async () => {
    server = await startServer(freshDataDir());
    const part = (disposition: string, value: string): string => `--${BOUNDARY}\r\nContent-Disposition: form-data${disposition}\r\n\r\n${value}\r\n`;
    // A file part whose body ends before its closing boundary.
    const cutFile = (name: string): string =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${'x'.repeat(1000)}`;
    const fields = part('; name="category"', 'organised_crime') + part('; name="details"', 'The loan sharks on Dihua Street keep a ledger of who pays.');
    const bodies: Record<string, string> = {
      'a part without a name': part('', 'nameless') + `--${BOUNDARY}--\r\n`,
      'a body ending inside a part nobody reads': fields + cutFile('ignored'),
      'a body ending inside a file after invalid fields': part('; name="category"', 'nonsense') + cutFile('files'),
      'a body ending inside a file while the fields are checked': fields + cutFile('files'),
      // busboy stops at the broken header without ending the file part before it.
      'a malformed part header (a NUL) after a file, and no closing boundary':
        fields + cutFile('files') + `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name=""; filename="a\u0000b"\r\n\r\nx\r\n` + cutFile('files') + '\r\n',
    };
    for (const [name, body] of Object.entries(bodies)) {
      const response = await fetch(`${server.url}/api/reports`, {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, Accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status, name).toBe(400);
      await response.text();
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(rowCounts().reports).toBe(0);
    expect(incoming()).toEqual([]);
    expect(stored()).toEqual([]);
  });
});
