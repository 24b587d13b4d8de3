import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { wantedThreadPoolSize } from './threadpool';
import { threadPoolSizeFor } from './threadpool-preload.cjs';

const PROBE = 'tests/support/threadpool-probe.ts';
const fifoDir = mkdtempSync(path.join(tmpdir(), 'tipline-threads-'));
afterAll(() => rmSync(fifoDir, { recursive: true, force: true }));

/** Start the probe the way the server is started (with or without the preload); its one output line. */
function probe(options: { preload: boolean; blocked: number; waitMs: number; env?: Record<string, string> }): string {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (options.env?.['UV_THREADPOOL_SIZE'] === undefined) delete env['UV_THREADPOOL_SIZE'];
  const args = [...(options.preload ? ['--require', './server/threadpool-preload.cjs'] : []), '--import', 'tsx', PROBE, fifoDir, String(options.blocked), String(options.waitMs)];
  return spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 60_000 }).stdout.trim();
}

describe('libuv thread pool', () => {
  it('is sized by the preload to both Argon2id pools plus file I/O, as the configuration computes it', () => {
    const envs = [
      {},
      { ARGON2_MEMORY_KIB: '65536', ARGON2_MEMORY_BUDGET_MIB: '1024', ARGON2_STAFF_MEMORY_BUDGET_MIB: '128' },
      { ARGON2_MEMORY_BUDGET_MIB: '19', ARGON2_STAFF_MEMORY_BUDGET_MIB: '' },
      { ARGON2_MEMORY_BUDGET_MIB: '65536', ARGON2_STAFF_MEMORY_BUDGET_MIB: '65536' },
    ];
    for (const env of envs) expect(threadPoolSizeFor(env)).toBe(wantedThreadPoolSize(loadConfig(env)));
    expect(wantedThreadPoolSize(loadConfig({}))).toBe(13 + 3 + 4);
  });

  it('really has that many threads in a process started like the server, and only 4 without the preload', () => {
    const wanted = wantedThreadPoolSize(loadConfig({}));
    for (let n = 0; n < wanted; n += 1) execFileSync('mkfifo', [path.join(fifoDir, `fifo-${n}`)]);
    // All but one thread stuck: a pool of `wanted` still answers.
    expect(probe({ preload: true, blocked: wanted - 1, waitMs: 30_000 })).toBe(`size=${wanted} more=yes`);
    // Every thread stuck: it does not (the probe can tell).
    expect(probe({ preload: true, blocked: wanted, waitMs: 1_000 })).toBe(`size=${wanted} more=no`);
    // Without the preload, setting it in the entry module would be too late: libuv's 4.
    expect(probe({ preload: false, blocked: 4, waitMs: 1_000 })).toBe('size= more=no');
  }, 120_000);

  it("keeps the operator's UV_THREADPOOL_SIZE", () => {
    expect(probe({ preload: true, blocked: 0, waitMs: 30_000, env: { UV_THREADPOOL_SIZE: '7' } })).toBe('size=7 more=yes');
  });
});
