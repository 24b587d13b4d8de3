/**
 * A worker thread that hashes, seals and writes evidence files, so that the
 * event loop only parses the upload and copies its bytes here. Per 100 MB
 * this is about 80 ms of SHA-256, 40 ms of ChaCha20-Poly1305 and 30 ms of
 * writes that would otherwise hold up every other request. Only sealed
 * bytes are written: the plaintext stays in memory, as on the event loop.
 */
import { createHash, type Hash } from 'node:crypto';
import { fsyncSync, writeSync, writevSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { streamedBytes } from '../young-garbage';
import { PayloadSealer } from './age-payload';
import type { FromWorker, ToWorker } from './sealing-protocol';

interface Job {
  fd: number;
  sealer: PayloadSealer;
  hash: Hash;
  size: number;
}

const jobs = new Map<number, Job>();


/** Writes every byte of `chunks` in order; a regular file may still take fewer than asked. */
function writeAll(fd: number, chunks: Buffer[]): void {
  let pending = chunks;
  while (pending.length > 0) {
    let written = pending.length === 1 && pending[0] !== undefined ? writeSync(fd, pending[0]) : writevSync(fd, pending);
    const rest: Buffer[] = [];
    for (const chunk of pending) {
      if (written >= chunk.length) written -= chunk.length;
      else {
        rest.push(chunk.subarray(written));
        written = 0;
      }
    }
    pending = rest;
  }
}

function jobOf(id: number): Job {
  const job = jobs.get(id);
  if (job === undefined) throw new Error('no such sealing job (it failed before)');
  return job;
}

function handle(message: ToWorker): FromWorker {
  switch (message.kind) {
    case 'open': {
      const fileKey = new Uint8Array(message.fileKey);
      try {
        const job = { fd: message.fd, sealer: new PayloadSealer(fileKey, message.nonce), hash: createHash('sha256'), size: 0 };
        jobs.set(message.job, job);
      } finally {
        fileKey.fill(0);
      }
      writeAll(message.fd, [Buffer.from(message.head)]);
      return { kind: 'opened', job: message.job };
    }
    case 'data': {
      const job = jobOf(message.job);
      const plaintext = Buffer.from(message.bytes, 0, message.length);
      job.hash.update(plaintext);
      job.size += plaintext.length;
      const sealed: Buffer[] = [];
      job.sealer.update(plaintext, (chunk) => sealed.push(chunk));
      writeAll(job.fd, sealed);
      streamedBytes(plaintext.length);
      return { kind: 'written', job: message.job, bytes: message.bytes };
    }
    case 'end': {
      const job = jobOf(message.job);
      const sealed: Buffer[] = [];
      job.sealer.final((chunk) => sealed.push(chunk));
      writeAll(job.fd, sealed);
      // Durable before the file counts as received (FileStore.commit only renames).
      fsyncSync(job.fd);
      jobs.delete(message.job);
      return { kind: 'done', job: message.job, sha256: job.hash.digest('hex'), size: job.size };
    }
    case 'abort': {
      jobs.get(message.job)?.sealer.wipe();
      jobs.delete(message.job);
      return { kind: 'aborted', job: message.job };
    }
  }
}

const port = parentPort;
if (port === null) throw new Error('sealing-worker.ts runs as a worker thread');
port.on('message', (message: ToWorker) => {
  let answer: FromWorker;
  try {
    answer = handle(message);
  } catch (error) {
    jobs.get(message.job)?.sealer.wipe();
    jobs.delete(message.job);
    // Messages of node:fs and node:crypto errors name no content; the event loop logs none anyway.
    answer = { kind: 'failed', job: message.job, message: error instanceof Error ? error.message : 'sealing failed' };
  }
  port.postMessage(answer, answer.kind === 'written' ? [answer.bytes] : []);
});
