/**
 * The end of an upload's pipeline: plaintext in, an age file on disk out,
 * with the SHA-256 and length of what came in. The event loop only copies
 * the bytes into a few reusable batches and hands them to a sealing worker
 * (crypto/payload-pool.ts), which hashes, seals and writes them. At most
 * IN_FLIGHT batches are with the worker: a slow disk or a busy worker slows
 * the upload down instead of filling memory.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { AgeFileStart } from '../crypto/age-stream';
import { openSealingJob, type SealedFile, type SealingJob } from '../crypto/payload-pool';
import { streamedBytes } from '../young-garbage';

/**
 * Plaintext per message to the worker: sixteen age chunks. At 256 KiB the
 * messages themselves (posting, waking the other thread) cost the two
 * threads about 30 ms per 100 MB; at 1 MiB they no longer show.
 */
const BATCH_BYTES = 1024 * 1024;
/** Batches with the worker at once (4 MiB), enough to keep it busy while the next one fills. */
const IN_FLIGHT = 4;

type Callback = (error?: Error | null) => void;

function batchOf(bytes: ArrayBuffer): { bytes: ArrayBuffer; view: Buffer } {
  return { bytes, view: Buffer.from(bytes) };
}

export class SealedFileWriter extends Writable {
  #handle: FileHandle | null = null;
  #job: SealingJob | null = null;
  #finished = false;
  #batch: { bytes: ArrayBuffer; view: Buffer } | null = null;
  #batchLength = 0;
  /** Batches the worker handed back, to fill again instead of allocating. */
  readonly #spare: ArrayBuffer[] = [];
  /** One promise per batch with the worker, oldest first; they never reject (see #failure). */
  readonly #inFlight: Promise<void>[] = [];
  #failure: Error | null = null;
  #result: SealedFile | null = null;

  /** `start` makes the age header (see ageFileStarter); the file at `path` must not exist yet. */
  constructor(
    private readonly path: string,
    private readonly start: () => Promise<AgeFileStart>,
  ) {
    super();
  }

  /** The plaintext's hash and length; throws if read before the stream finished. */
  get result(): SealedFile {
    if (this.#result === null) throw new Error('SealedFileWriter.result read before the stream finished');
    return this.#result;
  }

  override _construct(callback: Callback): void {
    this.#open().then(() => callback(), callback);
  }

  async #open(): Promise<void> {
    this.#handle = await open(this.path, 'wx');
    const { head, nonce, fileKey } = await this.start();
    this.#job = await openSealingJob({ fd: this.#handle.fd, head, fileKey, nonce });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: Callback): void {
    this.#take(chunk).then(() => callback(), callback);
  }

  async #take(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      const batch = (this.#batch ??= batchOf(this.#spare.pop() ?? new ArrayBuffer(BATCH_BYTES)));
      const copied = chunk.copy(batch.view, this.#batchLength, offset);
      this.#batchLength += copied;
      offset += copied;
      if (this.#batchLength === BATCH_BYTES) await this.#send();
    }
  }

  /** Hands the batch to the worker, then waits while too many are with it. */
  async #send(): Promise<void> {
    const job = this.#job;
    const batch = this.#batch;
    if (job === null || batch === null) throw new Error('SealedFileWriter written before it was open');
    const length = this.#batchLength;
    // The socket's buffers this batch was copied from are garbage now.
    streamedBytes(length);
    this.#batch = null;
    this.#batchLength = 0;
    this.#inFlight.push(
      job.write(batch.bytes, length).then(
        (back) => void this.#spare.push(back),
        (error: Error) => void (this.#failure ??= error),
      ),
    );
    while (this.#inFlight.length >= IN_FLIGHT) await this.#inFlight.shift();
    if (this.#failure !== null) throw this.#failure;
  }

  override _final(callback: Callback): void {
    this.#finish().then(() => callback(), callback);
  }

  async #finish(): Promise<void> {
    if (this.#batchLength > 0) await this.#send();
    await Promise.all(this.#inFlight.splice(0));
    if (this.#failure !== null) throw this.#failure;
    if (this.#job === null) throw new Error('SealedFileWriter finished before it was open');
    this.#result = await this.#job.end();
    this.#finished = true;
  }

  override _destroy(error: Error | null, callback: Callback): void {
    this.#close().then(
      () => callback(error),
      (closeError: Error) => callback(error ?? closeError),
    );
  }

  /** Stops the worker's use of the fd before closing it: a closed fd number can be reused by anything. */
  async #close(): Promise<void> {
    if (!this.#finished) await this.#job?.abort();
    await Promise.all(this.#inFlight.splice(0));
    this.#job = null;
    // The batches held plaintext.
    for (const spare of this.#spare.splice(0)) new Uint8Array(spare).fill(0);
    this.#batch?.view.fill(0);
    this.#batch = null;
    await this.#handle?.close();
    this.#handle = null;
  }
}
