/**
 * A few long-lived worker threads (payload-worker.ts) that seal evidence
 * files as they are uploaded and open them as they are downloaded, off the
 * event loop. A worker takes several files at once, answering each one's
 * messages in order; the server starts one at start-up (warmPayloadWorkers),
 * and workers do not keep the process alive while idle.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './payload-protocol';

/** What a finished file's plaintext was. */
export interface SealedFile {
  /** Hex SHA-256 of the plaintext. */
  sha256: string;
  size: number;
}

/** One file being sealed by a worker; its calls are answered in the order they were made. */
export interface SealingJob {
  /** Hash, seal and write `length` bytes of `bytes` (transferred); resolves with `bytes` back once written. */
  write(bytes: ArrayBuffer, length: number): Promise<ArrayBuffer>;
  /** Seal the last chunk and fsync; after it settles the worker no longer uses the fd. */
  end(): Promise<SealedFile>;
  /** Drop the file; after it settles the worker no longer uses the fd. Never rejects. */
  abort(): Promise<void>;
}

/** The age file a job writes into `fd`: header and payload nonce as `head`, and the file key (wiped here). */
export interface SealingStart {
  fd: number;
  head: Uint8Array;
  fileKey: Uint8Array;
  nonce: Uint8Array;
}

/** One file being opened by a worker. */
export interface OpeningJob {
  /** The next authenticated plaintext, in order; `last` once the payload is complete and authenticated. Rejects on tampering. */
  read(): Promise<{ chunks: ArrayBuffer[]; last: boolean }>;
  /** Authenticate the next few MiB without handing any plaintext over; true once the whole payload is authenticated. Rejects on tampering. */
  check(): Promise<boolean>;
  /** Stop; after it settles the worker no longer uses the fd. Never rejects. */
  abort(): Promise<void>;
}

/** The payload of the age file on `fd` from byte `offset`, with its file key (wiped here) and nonce. */
export interface OpeningStart {
  fd: number;
  offset: number;
  fileKey: Uint8Array;
  nonce: Uint8Array;
}

// One core is left to the event loop: parsing the upload and copying it here keep it busy too.
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * The worker refused a job's message: the file failed authentication, was
 * cut short or could not be read. Not a crash of the worker, which fails
 * its jobs with a plain Error.
 */
export class PayloadJobError extends Error {
  override name = 'PayloadJobError';
}

type Waiter = { settle: (answer: FromWorker) => void; fail: (error: Error) => void };

interface JobState {
  waiters: Waiter[];
  /** Set once the job can take nothing more: it failed, or its worker died. */
  failure: Error | null;
}

class PayloadWorker {
  readonly worker: Worker;
  readonly jobs = new Map<number, JobState>();
  #crash: Error | null = null;

  constructor(onExit: (self: PayloadWorker) => void) {
    this.worker = startWorker();
    this.worker.unref();
    this.worker.on('message', (answer: FromWorker) => this.#answer(answer));
    this.worker.on('error', (error) => (this.#crash ??= error));
    this.worker.on('exit', () => {
      onExit(this);
      // Once it has exited it cannot write to any fd: every job may close its own.
      const error = new Error('the payload worker stopped', { cause: this.#crash });
      // Their states stay, failed, so that every later call of theirs says why.
      for (const state of this.jobs.values()) fail(state, error);
    });
  }

  send(message: ToWorker, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    const state = this.jobs.get(message.job);
    if (state === undefined) return Promise.reject(new Error('no such payload job'));
    if (state.failure !== null) return Promise.reject(state.failure);
    return new Promise<FromWorker>((settle, reject) => {
      state.waiters.push({ settle, fail: reject });
      this.worker.postMessage(message, transfer);
    });
  }

  #answer(answer: FromWorker): void {
    const state = this.jobs.get(answer.job);
    if (state === undefined) return;
    if (answer.kind === 'failed') {
      fail(state, new PayloadJobError(`payload worker: ${answer.message}`));
      this.#release(answer.job);
      return;
    }
    state.waiters.shift()?.settle(answer);
    if (answer.kind === 'done' || answer.kind === 'aborted' || ((answer.kind === 'plaintext' || answer.kind === 'checked') && answer.last)) this.#release(answer.job);
  }

  #release(job: number): void {
    this.jobs.delete(job);
    if (this.jobs.size === 0) this.worker.unref();
  }
}

function fail(state: JobState, error: Error): void {
  state.failure ??= error;
  for (const waiter of state.waiters.splice(0)) waiter.fail(error);
}

/**
 * The compiled server runs build/payload-worker.js beside build/server.js;
 * from source (tsx, vitest: run from the project, where tsx resolves) the
 * worker loads the TypeScript through tsx.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./payload-worker.js', import.meta.url));
  const source = new URL('./payload-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

const workers: PayloadWorker[] = [];
let nextJob = 1;

/** The least busy worker, starting another while there are fewer than POOL_SIZE and all are busy. */
function pickWorker(): PayloadWorker {
  const idle = workers.find((candidate) => candidate.jobs.size === 0);
  if (idle !== undefined) return idle;
  if (workers.length < POOL_SIZE) {
    const started = new PayloadWorker((self) => {
      const index = workers.indexOf(self);
      if (index >= 0) workers.splice(index, 1);
    });
    workers.push(started);
    return started;
  }
  return workers.reduce((least, candidate) => (candidate.jobs.size < least.jobs.size ? candidate : least));
}

/** A job on the least busy worker, set up by `start` (its key handed over in a fresh buffer, so the caller's is wiped here). */
async function startJob(fileKey: Uint8Array, start: (job: number, key: ArrayBuffer) => ToWorker): Promise<{ owner: PayloadWorker; job: number }> {
  const owner = pickWorker();
  const job = nextJob++;
  owner.jobs.set(job, { waiters: [], failure: null });
  owner.worker.ref();
  const key = new Uint8Array(fileKey);
  fileKey.fill(0);
  await owner.send(start(job, key.buffer), [key.buffer]);
  return { owner, job };
}

/** Forgets a job, waiting until its worker has answered everything sent before. */
async function abortJob(owner: PayloadWorker, job: number): Promise<void> {
  // A job that failed, finished, or whose worker died is already forgotten by it.
  await owner.send({ kind: 'abort', job }).catch(() => undefined);
}

/** Starts sealing a file: the worker writes `head` to `fd`, then the payload as it arrives. */
export async function openSealingJob(start: SealingStart): Promise<SealingJob> {
  const { owner, job } = await startJob(start.fileKey, (id, fileKey) => ({ kind: 'seal', job: id, fd: start.fd, head: start.head, fileKey, nonce: start.nonce }));
  return {
    write: async (bytes, length) => {
      const answer = await owner.send({ kind: 'data', job, bytes, length }, [bytes]);
      if (answer.kind !== 'written') throw new Error(`unexpected answer ${answer.kind}`);
      return answer.bytes;
    },
    end: async () => {
      const answer = await owner.send({ kind: 'end', job });
      if (answer.kind !== 'done') throw new Error(`unexpected answer ${answer.kind}`);
      return { sha256: answer.sha256, size: answer.size };
    },
    abort: () => abortJob(owner, job),
  };
}

/** Starts opening a file's payload: each `read` has the worker read, authenticate and hand over about 1 MiB; each `check` authenticates about 8 MiB and hands nothing over. */
export async function openOpeningJob(start: OpeningStart): Promise<OpeningJob> {
  const { owner, job } = await startJob(start.fileKey, (id, fileKey) => ({ kind: 'open', job: id, fd: start.fd, offset: start.offset, fileKey, nonce: start.nonce }));
  return {
    read: async () => {
      const answer = await owner.send({ kind: 'pull', job });
      if (answer.kind !== 'plaintext') throw new Error(`unexpected answer ${answer.kind}`);
      return { chunks: answer.chunks, last: answer.last };
    },
    check: async () => {
      const answer = await owner.send({ kind: 'check', job });
      if (answer.kind !== 'checked') throw new Error(`unexpected answer ${answer.kind}`);
      return answer.last;
    },
    abort: () => abortJob(owner, job),
  };
}

/**
 * Starts a worker ahead of the first file, so that its start (a few ms,
 * about 10 MiB) is part of the server's start, not of an upload's.
 */
export function warmPayloadWorkers(): void {
  if (workers.length === 0) pickWorker().worker.unref();
}

/** Stops every worker now, failing their jobs as a crash would; the next job starts a fresh one. For tests and shutdown. */
export async function stopPayloadWorkers(): Promise<void> {
  await Promise.all(workers.map((running) => running.worker.terminate()));
}
