/**
 * Playwright fixtures: one real Tipline server per worker, the compiled
 * build/server.js on an OS-assigned port and a temporary data directory,
 * exactly as `npm start` runs it (minus the build step, which the test
 * script does first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { TEST_ENV } from '../support/test-env';
import { completeFirstSignIn } from './staff-setup';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr. */
  output: () => string;
}

/** Start the compiled server of the project at `cwd` (this one unless told: a built copy, tests/support/profile-copy.ts). */
export async function startServer(extraEnv: Record<string, string>, cwd = process.cwd()): Promise<{ server: RunningServer; child: ChildProcess }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-e2e-'));
  const child = spawn(process.execPath, ['--require', './server/threadpool-preload.cjs', 'build/server.js'], {
    cwd,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...TEST_ENV, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const match = /running on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(match[1]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { server: { url, dataDir, output: () => output }, child };
}

export const test = base.extend<{ baseURL: string }, { server: RunningServer; serverEnv: Record<string, string>; firstSignInDone: boolean }>({
  // Extra environment for the server, e.g. small upload limits:
  // `test.use({ serverEnv: { MAX_FILES: '2' } })` gets its own worker and server.
  serverEnv: [{}, { scope: 'worker', option: true }],
  // The printed first password must be changed at the first sign-in; the fixture does it once so
  // tests sign in with firstAdminPassword(). `test.use({ firstSignInDone: false })` keeps the printed one.
  firstSignInDone: [true, { scope: 'worker', option: true }],
  server: [
    async ({ serverEnv, firstSignInDone }, use) => {
      const { server, child } = await startServer(serverEnv);
      try {
        if (firstSignInDone) await completeFirstSignIn(server.url, server.output());
        await use(server);
      } finally {
        child.kill('SIGTERM');
        rmSync(server.dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };
