/**
 * The messages between the event loop and a sealing worker
 * (sealing-worker.ts). Each job is one evidence file; the worker answers a
 * job's messages in the order they were sent, one answer per message.
 */

/** Event loop → worker. */
export type ToWorker =
  /** Start a file on `fd` (open for writing): write `head`, then seal the payload with the key from `fileKey` and `nonce`. */
  | { kind: 'open'; job: number; fd: number; head: Uint8Array; fileKey: ArrayBuffer; nonce: Uint8Array }
  /** The next `length` plaintext bytes, in `bytes` (transferred; it comes back with the answer). */
  | { kind: 'data'; job: number; bytes: ArrayBuffer; length: number }
  /** No more plaintext: seal the last chunk, flush the file to disk. */
  | { kind: 'end'; job: number }
  /** Forget the job without finishing the file. */
  | { kind: 'abort'; job: number };

/** Worker → event loop. After `done`, `aborted` or `failed` the worker never touches the job's fd again. */
export type FromWorker =
  | { kind: 'opened'; job: number }
  /** A `data` message is hashed, sealed and written; its buffer is handed back for reuse. */
  | { kind: 'written'; job: number; bytes: ArrayBuffer }
  | { kind: 'done'; job: number; sha256: string; size: number }
  | { kind: 'aborted'; job: number }
  /** The job failed (or was unknown); every later message of it is answered `failed` too. */
  | { kind: 'failed'; job: number; message: string };
