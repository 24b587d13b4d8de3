/**
 * A worker thread for the bulk of evidence files' bytes, so that the event
 * loop stays free for other requests. Uploads: it hashes, seals and writes
 * what the event loop parsed (per 100 MB about 80 ms of SHA-256, 40 ms of
 * ChaCha20-Poly1305 and 30 ms of writes). Downloads: it reads and opens the
 * payload and hands over the authenticated plaintext. Only sealed bytes are
 * ever written; plaintext stays in memory, as on the event loop.
 */
import { createHash, type Hash } from 'node:crypto';
import { fdatasync, fsyncSync, readSync, writeSync, writevSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { streamedBytes } from '../young-garbage';
import { CHUNK_SIZE, PayloadOpener, PayloadSealer } from './age-payload';
import type { FromWorker, ToWorker } from './payload-protocol';

interface SealingJob {
  kind: 'seal';
  fd: number;
  sealer: PayloadSealer;
  hash: Hash;
  size: number;
  /** Bytes written since the last flush to disk began. */
  unflushed: number;
  /** A flush running in the background, if any. */
  flushing: Promise<void> | null;
  /** What a background flush failed with: the file cannot count as stored. */
  flushError: Error | null;
}

/**
 * Written bytes between background flushes. The file must be on disk before
 * it counts as received; flushing 100 MB only at the end took about 30 ms
 * after the last byte had arrived, which a flush every few MiB while the
 * file arrives (on libuv's threads, not this one) takes off the end.
 */
const FLUSH_EVERY_BYTES = 8 * 1024 * 1024;

/** Starts a background flush of what the job wrote so far, unless one is running. */
function flushSome(job: SealingJob, written: number): void {
  job.unflushed += written;
  if (job.unflushed < FLUSH_EVERY_BYTES || job.flushing !== null) return;
  job.unflushed = 0;
  job.flushing = new Promise((resolve) => {
    fdatasync(job.fd, (error) => {
      // Linux reports a failed write-back once per open file: kept, or the final fsync might not see it.
      if (error) job.flushError ??= error;
      job.flushing = null;
      resolve();
    });
  });
}

interface OpeningJob {
  kind: 'open';
  fd: number;
  opener: PayloadOpener;
  position: number;
  /** Reused for every read: what is opened from it is copied out by the cipher. */
  sealed: Buffer;
}

/** Sealed bytes read per `pull`: sixteen whole chunks, so a message carries about 1 MiB. */
const READ_BYTES = 16 * (CHUNK_SIZE + 16);

/**
 * Reads per `check`: 8 MiB, a few milliseconds of work, so that a check of
 * a 100 MiB file never holds up the other files this worker serves for long.
 */
const CHECK_READS = 8;

const jobs = new Map<number, SealingJob | OpeningJob>();

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

/** Fills `buffer` from `fd` at `position` as far as the file goes; returns the bytes read. */
function readFull(fd: number, buffer: Buffer, position: number): number {
  let filled = 0;
  while (filled < buffer.length) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

function jobOf<K extends 'seal' | 'open'>(id: number, kind: K): Extract<SealingJob | OpeningJob, { kind: K }> {
  const job = jobs.get(id);
  if (job?.kind !== kind) throw new Error('no such job (it failed before)');
  return job as Extract<SealingJob | OpeningJob, { kind: K }>;
}

/** A key handed over for this job: used, then wiped. */
function withKey<T>(bytes: ArrayBuffer, use: (key: Uint8Array) => T): T {
  const key = new Uint8Array(bytes);
  try {
    return use(key);
  } finally {
    key.fill(0);
  }
}

/** Cipher output as transferable buffers: each is its own ArrayBuffer unless it is a slice, which is copied. */
function transferable(chunks: Buffer[]): ArrayBuffer[] {
  return chunks.map((chunk) => {
    if (chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer) return chunk.buffer;
    const copy = new ArrayBuffer(chunk.length);
    chunk.copy(new Uint8Array(copy));
    return copy;
  });
}

/** Durable before the file counts as received (FileStore.commit only renames); no flush left running on the fd. */
async function finishSealing(id: number, job: SealingJob): Promise<FromWorker> {
  await job.flushing;
  if (job.flushError !== null) throw job.flushError;
  fsyncSync(job.fd);
  jobs.delete(id);
  return { kind: 'done', job: id, sha256: job.hash.digest('hex'), size: job.size };
}

/**
 * Reads and opens the next READ_BYTES of an opening job, handing each
 * authenticated chunk to `emit`; true once the payload is complete (the job
 * is then forgotten). Throws on tampering.
 */
function openNext(id: number, job: OpeningJob, emit: (chunk: Buffer) => void): boolean {
  const read = readFull(job.fd, job.sealed, job.position);
  job.position += read;
  if (read > 0) job.opener.update(job.sealed.subarray(0, read), emit);
  streamedBytes(read);
  // A short read is the end of the file: the chunk held back is the last one.
  if (read === job.sealed.length) return false;
  job.opener.final(emit);
  jobs.delete(id);
  return true;
}

function handle(message: ToWorker): FromWorker | Promise<FromWorker> {
  switch (message.kind) {
    case 'seal': {
      const sealer = withKey(message.fileKey, (key) => new PayloadSealer(key, message.nonce));
      jobs.set(message.job, { kind: 'seal', fd: message.fd, sealer, hash: createHash('sha256'), size: 0, unflushed: 0, flushing: null, flushError: null });
      writeAll(message.fd, [Buffer.from(message.head)]);
      return { kind: 'started', job: message.job };
    }
    case 'data': {
      const job = jobOf(message.job, 'seal');
      const plaintext = Buffer.from(message.bytes, 0, message.length);
      job.hash.update(plaintext);
      job.size += plaintext.length;
      if (job.flushError !== null) throw job.flushError;
      const sealed: Buffer[] = [];
      job.sealer.update(plaintext, (chunk) => sealed.push(chunk));
      writeAll(job.fd, sealed);
      flushSome(job, plaintext.length);
      streamedBytes(plaintext.length);
      return { kind: 'written', job: message.job, bytes: message.bytes };
    }
    case 'end': {
      const job = jobOf(message.job, 'seal');
      const sealed: Buffer[] = [];
      job.sealer.final((chunk) => sealed.push(chunk));
      writeAll(job.fd, sealed);
      return finishSealing(message.job, job);
    }
    case 'open': {
      const opener = withKey(message.fileKey, (key) => new PayloadOpener(key, message.nonce));
      jobs.set(message.job, { kind: 'open', fd: message.fd, opener, position: message.offset, sealed: Buffer.allocUnsafe(READ_BYTES) });
      return { kind: 'started', job: message.job };
    }
    case 'pull': {
      const job = jobOf(message.job, 'open');
      const plaintext: Buffer[] = [];
      const last = openNext(message.job, job, (chunk) => plaintext.push(chunk));
      return { kind: 'plaintext', job: message.job, chunks: transferable(plaintext), last };
    }
    case 'check': {
      const job = jobOf(message.job, 'open');
      // Authenticated and dropped: the plaintext is garbage as soon as it is made.
      let last = false;
      for (let reads = 0; reads < CHECK_READS && !last; reads++) last = openNext(message.job, job, () => undefined);
      return { kind: 'checked', job: message.job, last };
    }
    case 'abort': {
      const job = jobs.get(message.job);
      if (job?.kind === 'seal') job.sealer.wipe();
      else job?.opener.wipe();
      jobs.delete(message.job);
      return { kind: 'aborted', job: message.job };
    }
  }
}

function transferList(answer: FromWorker): ArrayBuffer[] {
  if (answer.kind === 'written') return [answer.bytes];
  if (answer.kind === 'plaintext') return answer.chunks;
  return [];
}

const port = parentPort;
if (port === null) throw new Error('payload-worker.ts runs as a worker thread');
function failed(id: number, error: unknown): FromWorker {
  const job = jobs.get(id);
  if (job?.kind === 'seal') job.sealer.wipe();
  else job?.opener.wipe();
  jobs.delete(id);
  // Messages of node:fs and node:crypto errors name no content; the event loop logs none anyway.
  return { kind: 'failed', job: id, message: error instanceof Error ? error.message : 'payload worker failed' };
}

const answer = (reply: FromWorker): void => port.postMessage(reply, transferList(reply));

// Only `end` answers later (after a flush), and nothing of its job follows it.
port.on('message', (message: ToWorker) => {
  let reply: FromWorker | Promise<FromWorker>;
  try {
    reply = handle(message);
  } catch (error) {
    reply = failed(message.job, error);
  }
  if (reply instanceof Promise) reply.then(answer, (error: unknown) => answer(failed(message.job, error)));
  else answer(reply);
});
