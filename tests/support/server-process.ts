/**
 * Tipline as a real process (`node --import tsx server/index.ts`, or the
 * compiled build/server.js as `npm start` runs it) on a free port, for tests
 * that need a real socket or a real crash: cut connections, kill -9,
 * resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TEST_ENV } from './test-env';

export interface ServerProcess {
  url: string;
  pid: number;
  output: () => string;
  /** SIGTERM and wait for exit. */
  stop: () => Promise<void>;
  /** SIGKILL (a crash, a power cut for the process) and wait for exit. */
  kill9: () => Promise<void>;
}

export async function startServer(dataDir: string, env: Record<string, string> = {}, from: 'source' | 'compiled' = 'source'): Promise<ServerProcess> {
  const entry = from === 'compiled' ? ['build/server.js'] : ['--import', 'tsx', 'server/index.ts'];
  const child: ChildProcess = spawn(process.execPath, ['--require', './server/threadpool-preload.cjs', ...entry], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', ...TEST_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /running on (http:\/\/[^/\s]+)\//.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    stop: () => signal('SIGTERM'),
    kill9: () => signal('SIGKILL'),
  };
}

/** A process's resident memory now and at its peak, in bytes (Linux /proc). */
export function residentMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Poll `check` until it returns true or `ms` pass. */
export async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}
