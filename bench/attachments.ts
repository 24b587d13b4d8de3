/**
 * Part 4: evidence file upload (multipart POST /api/reports, the file part
 * after the text fields) and staff download
 * (GET /api/staff/reports/:id/files/:fileId) in MB/s, the server's peak
 * resident memory growth during each, and node:crypto ChaCha20-Poly1305 in
 * 64 KiB chunks as the yardstick (age encrypts files with it).
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../server/services/instance';
import { createClient, signIn, type HttpClient } from './http-client';
import type { AttachmentResult } from './results';
import { residentMemory, resetPeakMemory } from './server';
import { median, percentile, timed } from './stats';

const BOUNDARY = '----tipline-bench-boundary';
const CHUNK = 64 * 1024;

/** Incompressible, repeatable bytes (xorshift), one MiB to be sent over and over. */
function noiseBlock(): Buffer {
  const out = Buffer.alloc(1024 * 1024);
  let x = 0x9e3779b9;
  for (let i = 0; i < out.length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Upload one report with one file of `fileBytes`, streamed; resolves with the status. */
function uploadOnce(client: HttpClient, fileBytes: number, block: Buffer): Promise<number> {
  const field = (name: string, value: string): string => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field('category', 'organised_crime') +
      field('details', 'Ledger of protection payments, scanned; see the attached archive.') +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="ledger.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return new Promise<number>((resolve, reject) => {
    const req = request(`${client.baseUrl}/api/reports`, {
      method: 'POST',
      agent: client.agent,
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': String(head.length + fileBytes + tail.length),
        accept: 'application/json',
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    const pump = async (): Promise<void> => {
      const write = (chunk: Buffer): Promise<void> => new Promise((done) => (req.write(chunk) ? done() : req.once('drain', done)));
      await write(head);
      for (let sent = 0; sent < fileBytes; sent += block.length) await write(block.subarray(0, Math.min(block.length, fileBytes - sent)));
      req.end(tail);
    };
    pump().catch(reject);
  });
}

/** Download a file, counting its bytes; resolves with the status and the byte count. */
function downloadOnce(client: HttpClient, urlPath: string, headers: Record<string, string>): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${client.baseUrl}${urlPath}`, { method: 'GET', agent: client.agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** node:crypto ChaCha20-Poly1305 over `total` bytes in 64 KiB chunks, each sealed on its own (as age's STREAM does); MB/s. */
export function chachaMBps(total: number): number {
  const key = randomBytes(32);
  const chunk = randomBytes(CHUNK);
  const nonce = Buffer.alloc(12);
  const begin = performance.now();
  for (let done = 0, counter = 0; done < total; done += CHUNK, counter += 1) {
    nonce.writeUInt32BE(counter, 8);
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
    cipher.update(chunk);
    cipher.final();
    cipher.getAuthTag();
  }
  return total / 1e6 / ((performance.now() - begin) / 1000);
}

/** The newest stored file: its report and id (read from the database, outside the timing). */
function newestFile(dataDir: string): { reportId: number; fileId: number } {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const row = db.prepare<[], { reportId: number; fileId: number }>('SELECT report_id AS reportId, id AS fileId FROM report_files ORDER BY id DESC LIMIT 1').get();
    if (!row) throw new Error('the upload stored no file');
    return row;
  } finally {
    db.close();
  }
}

/**
 * GET /api/health every `everyMs` on a socket of its own while `work` runs:
 * how long the server takes to answer someone else while a file arrives.
 * The probe shares the benchmark's event loop with the upload it sends, so
 * its figures are an upper bound.
 */
async function healthWhile<T>(baseUrl: string, work: () => Promise<T>, everyMs = 20): Promise<{ value: T; latenciesMs: number[] }> {
  const probe = createClient(baseUrl, 1);
  const latenciesMs: number[] = [];
  let running = true;
  const probing = (async () => {
    while (running) {
      const begin = performance.now();
      await probe.send('GET', '/api/health');
      latenciesMs.push(performance.now() - begin);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    return { value: await work(), latenciesMs };
  } finally {
    running = false;
    await probing;
    probe.close();
  }
}

export async function benchAttachments(
  client: HttpClient,
  server: { pid: number; dataDir: string; adminPassword: string },
  options: { fileBytes: number; rounds: number; chachaBytes: number },
): Promise<AttachmentResult> {
  const block = noiseBlock();
  const session = await signIn(client, 'admin', server.adminPassword);
  const headers = Object.fromEntries(Object.entries(session.headers).map(([k, v]) => [k, String(v)]));
  const uploads: number[] = [];
  const downloads: number[] = [];
  const chacha: number[] = [];
  const uploadGrowth: number[] = [];
  const healthMs: number[] = [];
  const downloadGrowth: number[] = [];
  let peakReset = true;
  let errors = 0;
  // Measure growth from the resident size just before each phase to the phase's peak.
  const watch = async <T>(work: () => Promise<T>, into: number[]): Promise<{ ms: number; value: T }> => {
    peakReset = resetPeakMemory(server.pid) && peakReset;
    const before = residentMemory(server.pid).rss;
    const result = await timed(work);
    into.push(residentMemory(server.pid).peak - before);
    return result;
  };
  for (let round = 0; round < options.rounds; round += 1) {
    chacha.push(chachaMBps(options.chachaBytes));
    const up = await watch(async () => {
      const probed = await healthWhile(client.baseUrl, () => uploadOnce(client, options.fileBytes, block));
      healthMs.push(...probed.latenciesMs);
      return probed.value;
    }, uploadGrowth);
    if (up.value !== 201) errors += 1;
    uploads.push(options.fileBytes / 1e6 / (up.ms / 1000));
    const { reportId, fileId } = newestFile(server.dataDir);
    const down = await watch(() => downloadOnce(client, `/api/staff/reports/${reportId}/files/${fileId}`, headers), downloadGrowth);
    if (down.value.status !== 200 || down.value.bytes !== options.fileBytes) errors += 1;
    downloads.push(options.fileBytes / 1e6 / (down.ms / 1000));
  }
  const chachaRate = median(chacha);
  return {
    fileBytes: options.fileBytes,
    uploadMBps: median(uploads),
    downloadMBps: median(downloads),
    chachaMBps: chachaRate,
    uploadRatio: median(uploads) / chachaRate,
    downloadRatio: median(downloads) / chachaRate,
    // The worst round: constant memory is a bound, not an average.
    uploadPeakGrowthBytes: Math.max(...uploadGrowth),
    downloadPeakGrowthBytes: Math.max(...downloadGrowth),
    peakReset,
    healthDuringUploadP99Ms: percentile(healthMs, 99),
    healthDuringUploadProbes: healthMs.length,
    errors,
  };
}
