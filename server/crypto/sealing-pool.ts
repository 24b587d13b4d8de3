/**
 * A few long-lived worker threads (sealing-worker.ts) that hash, seal and
 * write evidence files off the event loop. A worker takes several uploads
 * at once, answering each one's messages in order; workers start on the
 * first upload and do not keep the process alive while idle.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './sealing-protocol';

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

// One core is left to the event loop: parsing the upload and copying it here keep it busy too.
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));

type Waiter = { settle: (answer: FromWorker) => void; fail: (error: Error) => void };

interface JobState {
  waiters: Waiter[];
  /** Set once the job can take nothing more: it failed, or its worker died. */
  failure: Error | null;
}

class SealingWorker {
  readonly worker: Worker;
  readonly jobs = new Map<number, JobState>();
  #crash: Error | null = null;

  constructor(onExit: (self: SealingWorker) => void) {
    this.worker = startWorker();
    this.worker.unref();
    this.worker.on('message', (answer: FromWorker) => this.#answer(answer));
    this.worker.on('error', (error) => (this.#crash ??= error));
    this.worker.on('exit', () => {
      onExit(this);
      // Once it has exited it cannot write to any fd: every job may close its own.
      const error = new Error('the sealing worker stopped', { cause: this.#crash });
      for (const state of this.jobs.values()) fail(state, error);
      this.jobs.clear();
    });
  }

  send(message: ToWorker, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    const state = this.jobs.get(message.job);
    if (state === undefined) return Promise.reject(new Error('no such sealing job'));
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
      fail(state, new Error(`sealing failed: ${answer.message}`));
      this.#release(answer.job);
      return;
    }
    state.waiters.shift()?.settle(answer);
    if (answer.kind === 'done' || answer.kind === 'aborted') this.#release(answer.job);
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
 * The compiled server runs build/sealing-worker.js beside build/server.js;
 * from source (tsx, vitest) the worker loads the TypeScript through tsx.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./sealing-worker.js', import.meta.url));
  const source = new URL('./sealing-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

const workers: SealingWorker[] = [];
let nextJob = 1;

/** The least busy worker, starting another while there are fewer than POOL_SIZE and all are busy. */
function pickWorker(): SealingWorker {
  const idle = workers.find((candidate) => candidate.jobs.size === 0);
  if (idle !== undefined) return idle;
  if (workers.length < POOL_SIZE) {
    const started = new SealingWorker((self) => workers.splice(workers.indexOf(self) >>> 0, 1));
    workers.push(started);
    return started;
  }
  return workers.reduce((least, candidate) => (candidate.jobs.size < least.jobs.size ? candidate : least));
}

/** Starts sealing a file: the worker writes `head` to `fd`, then the payload as it arrives. */
export async function openSealingJob(start: SealingStart): Promise<SealingJob> {
  const owner = pickWorker();
  const job = nextJob++;
  owner.jobs.set(job, { waiters: [], failure: null });
  owner.worker.ref();
  // A fresh buffer to hand over, so the caller's key is wiped here and no copy is left behind.
  const fileKey = new Uint8Array(start.fileKey);
  start.fileKey.fill(0);
  await owner.send({ kind: 'open', job, fd: start.fd, head: start.head, fileKey: fileKey.buffer, nonce: start.nonce }, [fileKey.buffer]);
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
    abort: async () => {
      // A job that failed, or whose worker died, is already forgotten by it.
      await owner.send({ kind: 'abort', job }).catch(() => undefined);
    },
  };
}
