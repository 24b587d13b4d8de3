/**
 * The messages between the event loop and a payload worker
 * (payload-worker.ts). Each job is one evidence file, being sealed (an
 * upload) or opened (a download); the worker answers a job's messages in the
 * order they were sent, one answer per message.
 */

/** Event loop → worker. */
export type ToWorker =
  /** Start sealing a file on `fd` (open for writing): write `head`, then the payload sealed with the key from `fileKey` and `nonce`. */
  | { kind: 'seal'; job: number; fd: number; head: Uint8Array; fileKey: ArrayBuffer; nonce: Uint8Array }
  /** The next `length` plaintext bytes, in `bytes` (transferred; it comes back with the answer). */
  | { kind: 'data'; job: number; bytes: ArrayBuffer; length: number }
  /** No more plaintext: seal the last chunk, flush the file to disk. */
  | { kind: 'end'; job: number }
  /** Start opening the payload of the age file on `fd` (open for reading), which starts at byte `offset`. */
  | { kind: 'open'; job: number; fd: number; offset: number; fileKey: ArrayBuffer; nonce: Uint8Array }
  /** Read, authenticate and send the next plaintext. */
  | { kind: 'pull'; job: number }
  /** Read and authenticate the next few MiB, keeping no plaintext: a check of the whole file before a download starts. */
  | { kind: 'check'; job: number }
  /** Forget the job without finishing it. */
  | { kind: 'abort'; job: number };

/** Worker → event loop. After `done`, `aborted`, `failed` or a `plaintext` or `checked` with `last`, the worker never touches the job's fd again. */
export type FromWorker =
  /** `seal` or `open` is set up. */
  | { kind: 'started'; job: number }
  /** A `data` message is hashed, sealed and written; its buffer is handed back for reuse. */
  | { kind: 'written'; job: number; bytes: ArrayBuffer }
  | { kind: 'done'; job: number; sha256: string; size: number }
  /** Authenticated plaintext (transferred), in order; `last` once the whole payload is. */
  | { kind: 'plaintext'; job: number; chunks: ArrayBuffer[]; last: boolean }
  /** The next stretch of the payload authenticated (and its plaintext dropped); `last` once the whole payload is. */
  | { kind: 'checked'; job: number; last: boolean }
  | { kind: 'aborted'; job: number }
  /** The job failed (or was unknown); every later message of it is answered `failed` too. */
  | { kind: 'failed'; job: number; message: string };
