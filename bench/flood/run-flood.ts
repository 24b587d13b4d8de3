/**
 * `npm run bench -- --flood [--quick]`: the puzzle measured in Chromium
 * and natively, then each phase (calm, a, a2, b, c) against a fresh server
 * with Tipline's default configuration. Chromium runs for the whole run;
 * each honest JavaScript attempt gets a fresh context.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import type { BenchResults, FloodPhaseRow, FloodResults } from '../results';
import { defaultServerEnv, REPO_ROOT, startServer } from '../server';
import { launchChromium } from './browser';
import type { FloodOptions } from './options';
import { runPhase } from './phase';
import { measurePuzzle } from './puzzle';

async function puzzleOnItsOwnServer(browser: Browser, options: FloodOptions, scratch: string, progress: (line: string) => void): Promise<FloodResults['puzzle']> {
  const server = await startServer(path.join(scratch, 'flood-puzzle'), {}, { baseEnv: defaultServerEnv(), outputLimit: 64 * 1024 });
  try {
    return await measurePuzzle(browser, server.url, options.puzzle, progress);
  } finally {
    await server.stop();
  }
}

/** Measure everything `--flood` measures. */
export async function runFlood(
  options: FloodOptions,
  scratch: string,
  machine: BenchResults['meta']['machine'],
  progress: (line: string) => void,
): Promise<FloodResults> {
  const startedAt = new Date();
  const begin = performance.now();
  progress('building the site if needed');
  const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('building the site failed');

  const browser = await launchChromium();
  const phases: FloodPhaseRow[] = [];
  let puzzle: FloodResults['puzzle'];
  try {
    puzzle = await puzzleOnItsOwnServer(browser, options, scratch, progress);
    for (const phase of options.phases) {
      progress(`phase ${phase}: starting a fresh server with the default configuration`);
      phases.push(await runPhase(phase, browser, options, scratch, progress));
    }
  } finally {
    await browser.close();
  }
  const { jsEveryMs, noJsEveryMs, windowMs, jsCapMs, noJsDeadlineMs } = options;
  return {
    meta: {
      mode: options.quick ? 'flood-quick' : 'flood',
      startedAt: startedAt.toISOString(),
      seconds: (performance.now() - begin) / 1000,
      machine: { ...machine, loadAverageAfter: loadavg() },
      serverEnv: ['HOST', 'PORT', 'DATA_DIR'],
      honest: { jsEveryMs, noJsEveryMs, windowMs, jsCapMs, noJsDeadlineMs },
    },
    puzzle,
    phases,
  };
}
