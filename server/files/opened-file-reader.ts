/**
 * A stored evidence file as its plaintext, for a download. The event loop
 * reads only the age header (the library unwraps the file key and checks
 * the header MAC); a payload worker (crypto/payload-pool.ts) reads and
 * authenticates the payload, about 1 MiB at a time, and hands the plaintext
 * over. Per 100 MB that keeps about 40 ms of ChaCha20-Poly1305 and 20-40 ms
 * of file reads off the event loop, which is left with writing to the socket.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AGE_START_BYTES, agePayloadStart } from '../crypto/age-stream';
import { openOpeningJob, type OpeningJob } from '../crypto/payload-pool';
import { streamedBytes } from '../young-garbage';

/** Plaintext waiting to be read before the next is fetched: one worker answer ahead of the consumer, no more. */
const READ_AHEAD_BYTES = 2 * 1024 * 1024;

type Callback = (error?: Error | null) => void;

/**
 * Like age-stream.ts's ageDecryptor, every chunk it passes on is
 * authenticated, but a cut-off or tampered file only fails where the damage
 * is: the output counts only once the stream has ended without error.
 */
export class OpenedFileReader extends Readable {
  #handle: FileHandle | null = null;
  #job: OpeningJob | null = null;
  #fetching: Promise<void> | null = null;
  #ended = false;

  constructor(
    private readonly path: string,
    private readonly identities: readonly string[],
  ) {
    super();
  }

  override _construct(callback: Callback): void {
    this.#open().then(() => callback(), callback);
  }

  async #open(): Promise<void> {
    this.#handle = await open(this.path, 'r');
    const start = Buffer.alloc(AGE_START_BYTES);
    const { bytesRead } = await this.#handle.read(start, 0, start.length, 0);
    const { offset, fileKey, nonce } = await agePayloadStart(this.identities, start.subarray(0, bytesRead));
    this.#job = await openOpeningJob({ fd: this.#handle.fd, offset, fileKey, nonce });
  }

  override _read(): void {
    this.#fetch();
  }

  /** Asks the worker for the next plaintext unless it is already asked. */
  #fetch(): void {
    const job = this.#job;
    if (job === null || this.#fetching !== null || this.#ended || this.destroyed) return;
    this.#fetching = job.read().then(
      ({ chunks, last }) => {
        this.#fetching = null;
        if (this.destroyed) return;
        for (const chunk of chunks) this.push(Buffer.from(chunk));
        streamedBytes(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
        if (last) {
          this.#ended = true;
          this.push(null);
        } else if (this.readableLength < READ_AHEAD_BYTES) {
          // The next answer is on its way while this one is sent.
          this.#fetch();
        }
      },
      (error: Error) => {
        this.#fetching = null;
        this.destroy(error);
      },
    );
  }

  override _destroy(error: Error | null, callback: Callback): void {
    this.#close().then(
      () => callback(error),
      (closeError: Error) => callback(error ?? closeError),
    );
  }

  /** Stops the worker's use of the fd before closing it: a closed fd number can be reused by anything. */
  async #close(): Promise<void> {
    await this.#fetching;
    if (!this.#ended) await this.#job?.abort();
    this.#job = null;
    await this.#handle?.close();
    this.#handle = null;
  }
}
