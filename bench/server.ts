/**
 * The real server (the compiled build/server.js) on loopback, on a free
 * port, with a given data directory — as `npm start` runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, postJson, signIn } from './http-client';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Settings for every benchmark server: Argon2id bounds wide enough that
 * concurrency 8 is never refused with 503, and 100 MiB evidence files allowed.
 * Argon2id m/t/p stay at the defaults, which the baseline reads from the
 * same configuration. The global rate limits are lifted: the benchmark
 * measures what the server can do, not what the limits allow (its client
 * sends no proof of work, so it would otherwise share the no-JavaScript
 * bucket of 20 reports a minute).
 */
export const BENCH_ENV: Record<string, string> = {
  HOST: '127.0.0.1',
  PORT: '0',
  ARGON2_MEMORY_BUDGET_MIB: '1024',
  ARGON2_QUEUE: '1024',
  MAX_FILE_MIB: '128',
  MAX_SUBMISSION_MIB: '128',
  RATE_SUBMISSIONS_PER_MINUTE: '1000000',
  RATE_SUBMISSIONS_NOJS_PER_MINUTE: '1000000',
  RATE_CHECKS_PER_MINUTE: '1000000',
  RATE_CHECKS_NOJS_PER_MINUTE: '1000000',
  RATE_SIGNINS_PER_MINUTE: '1000000',
  FAILED_CHECKS_PER_TAG_PER_HOUR: '1000000',
};

/**
 * The environment of a server with Tipline's default configuration: only
 * where to listen and where its data lives are set (DATA_DIR is added by
 * startServer), and no Tipline variable from the caller's shell leaks in.
 */
export function defaultServerEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
  const inherited = Object.fromEntries(keep.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name] as string]])));
  return { ...inherited, HOST: '127.0.0.1', PORT: '0' };
}

export interface StartOptions {
  /** The whole environment instead of the caller's plus BENCH_ENV (see defaultServerEnv). */
  baseEnv?: Record<string, string>;
  /** Keep at most this much of the server's output, half its beginning and half its end (a flood logs a line per request). */
  outputLimit?: number;
}

/** How a server process ended. */
export interface ServerExit {
  code: number | null;
  signal: string | null;
}

export interface RunningServer {
  url: string;
  pid: number;
  /** From spawning the process to the first answer of GET /api/health. */
  startupMs: number;
  /** Everything it printed so far (past the output limit: its beginning and its end). */
  output: () => string;
  /** How it ended, or null while it runs. */
  exited: () => ServerExit | null;
  /** Lines it logged at level "error" so far (counted past the output limit too). */
  errorLines: () => number;
  /** SIGTERM, and wait for it to exit. */
  stop: () => Promise<void>;
}

let compiled = false;

/** Build the site and compile the server if either is stale (once per process), as `npm start` does. */
function ensureBuilt(): void {
  if (compiled) return;
  const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('building the site or compiling the server failed');
  compiled = true;
}

/** Start the server on `dataDir` and wait until GET /api/health answers 200. */
export async function startServer(dataDir: string, env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningServer> {
  ensureBuilt();
  const begin = performance.now();
  const base = options.baseEnv ?? { ...process.env, ...BENCH_ENV };
  const child = spawn(process.execPath, ['--require', './server/threadpool-preload.cjs', 'build/server.js'], {
    cwd: REPO_ROOT,
    env: { ...base, ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const half = (options.outputLimit ?? Number.POSITIVE_INFINITY) / 2;
  let output = '';
  let end = '';
  let errorLines = 0;
  let exit: ServerExit | null = null;
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString();
    errorLines += text.split('"level":"error"').length - 1;
    if (output.length < half) output += text.slice(0, half - output.length);
    else end = (end + text).slice(-half);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start within 120 s: ${output}`)), 120_000);
      child.stdout.on('data', () => {
        const match = /running on (http:\/\/[^/\s]+)\//.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}: ${output}`));
      });
    });
    const health = await fetch(`${url}/api/health`);
    if (health.status !== 200) throw new Error(`GET /api/health answered ${health.status}`);
    await health.arrayBuffer();
    const startupMs = performance.now() - begin;
    return { url, pid: child.pid ?? 0, startupMs, output: () => (end === '' ? output : `${output}\n…\n${end}`), exited: () => exit, errorLines: () => errorLines, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The admin password a first start prints once (valid until the first sign-in changes it). */
export function printedAdminPassword(output: string): string {
  const match = /password: (\S+)/.exec(output);
  if (!match?.[1]) throw new Error('the first start printed no admin password');
  return match[1];
}

/** What the benchmark changes the printed admin password to. */
export const BENCH_ADMIN_PASSWORD = 'bench first admin password';

/**
 * The admin's first sign-in, which must replace the printed password before
 * anything else is allowed: done once through the API; returns the new one.
 */
export async function adminPasswordFrom(server: { url: string; output: () => string }): Promise<string> {
  const printed = printedAdminPassword(server.output());
  const client = createClient(server.url, 1);
  try {
    const session = await signIn(client, 'admin', printed);
    const res = await postJson(client, '/api/staff/password', { currentPassword: printed, newPassword: BENCH_ADMIN_PASSWORD }, session.headers);
    if (res.status !== 200) throw new Error(`the first admin's password change failed: ${res.status}`);
  } finally {
    client.close();
  }
  return BENCH_ADMIN_PASSWORD;
}

/** A process's resident memory now and at its peak, in bytes (Linux /proc). */
export function residentMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/**
 * Reset the peak (VmHWM) to the current resident size, so the next peak
 * belongs to what runs next. Linux ≥ 4.0; false when the kernel refuses.
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
