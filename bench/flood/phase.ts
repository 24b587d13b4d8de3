/**
 * One phase of `--flood`: a fresh server with the default configuration,
 * an attacker process (none in the calm phase), and honest reporters
 * starting at fixed intervals while it runs. The attack goes on until the
 * last honest attempt has finished; then the phase's figures are taken.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import type { FloodPhase, FloodPhaseRow, HonestAttempt, HonestSummary } from '../results';
import { defaultServerEnv, resetPeakMemory, startServer } from '../server';
import { median } from '../stats';
import { forkAttacker, type RunningAttacker } from './attacker-process';
import { javaScriptReporter, noJavaScriptReporter } from './honest-reporters';
import { GOAL, PHASE_ATTACK, type FloodOptions } from './options';
import { busyPercent, machineCpu, processCpuMs, watchPeakMemory } from './proc';
import { countStored } from './stored';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The last `count` lines of some output that are not JSON log lines (a crash's message and stack). */
function lastLines(output: string, count: number): string {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('{'))
    .slice(-count)
    .join('\n');
}

/** Sum answer counts over attempts. */
function mergeCounts(counts: readonly Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const count of counts) for (const [key, n] of Object.entries(count)) merged[key] = (merged[key] ?? 0) + n;
  return merged;
}

/** One kind of honest reporter's attempts as the table's figures. */
export function summarise(attempts: readonly HonestAttempt[], goalMs: number): HonestSummary {
  const done = attempts.filter((attempt) => attempt.ok);
  const withinGoal = done.filter((attempt) => attempt.ms <= goalMs).length;
  const times = done.map((attempt) => attempt.ms);
  return {
    attempts: attempts.length,
    succeeded: done.length,
    withinGoal,
    goalMs,
    ratePercent: attempts.length === 0 ? NaN : (withinGoal / attempts.length) * 100,
    medianMs: median(times),
    maxMs: times.length === 0 ? NaN : Math.max(...times),
    posts: attempts.reduce((total, attempt) => total + attempt.posts, 0),
    answers: mergeCounts(attempts.map((attempt) => attempt.answers)),
    outcomes: mergeCounts(attempts.map((attempt) => ({ [attempt.outcome]: 1 }))),
    maxEffort: Math.max(0, ...attempts.map((attempt) => attempt.maxEffort)),
    medianLoadMs: median(attempts.map((attempt) => attempt.loadMs).filter(Number.isFinite)),
  };
}

/** Start honest reporters at their intervals during the window; resolves when every one has finished. */
async function honestTraffic(
  phase: FloodPhase,
  browser: Browser,
  url: string,
  options: FloodOptions,
  attackStartedMs: number,
  progress: (line: string) => void,
): Promise<HonestAttempt[]> {
  const windowMs = phase === 'calm' ? options.calmWindowMs : options.windowMs;
  const began = performance.now();
  const running: Promise<HonestAttempt>[] = [];
  const report = (attempt: HonestAttempt): HonestAttempt => {
    const answers = Object.entries(attempt.answers).map(([key, n]) => `${key}×${n}`).join(', ');
    progress(`${phase}: ${attempt.kind} reporter from ${seconds(attempt.startedMs)}: ${attempt.outcome} after ${seconds(attempt.ms)} (${answers || 'no answer'})${attempt.detail === undefined ? '' : `: ${attempt.detail}`}`);
    return attempt;
  };
  let nextJs = 0;
  let nextNoJs = 0;
  for (;;) {
    const elapsed = performance.now() - began;
    if (elapsed >= windowMs) break;
    const startedMs = performance.now() - attackStartedMs;
    if (elapsed >= nextJs) {
      running.push(javaScriptReporter(browser, url, startedMs, options.jsCapMs).then(report));
      nextJs += options.jsEveryMs;
    }
    if (elapsed >= nextNoJs) {
      running.push(noJavaScriptReporter(url, startedMs, options.noJsDeadlineMs).then(report));
      nextNoJs += options.noJsEveryMs;
    }
    await sleep(Math.max(1, Math.min(nextJs, nextNoJs, windowMs) - (performance.now() - began)));
  }
  return Promise.all(running);
}

/** Run one phase on a fresh data directory under `scratch`. */
export async function runPhase(phase: FloodPhase, browser: Browser, options: FloodOptions, scratch: string, progress: (line: string) => void): Promise<FloodPhaseRow> {
  const dataDir = path.join(scratch, `flood-${phase}`);
  const attack = PHASE_ATTACK[phase];
  const server = await startServer(dataDir, {}, { baseEnv: defaultServerEnv(), outputLimit: 64 * 1024 });
  let row: Omit<FloodPhaseRow, 'junk' | 'stored'>;
  let attacker: RunningAttacker | null = null;
  try {
    attacker = attack === null ? null : await forkAttacker(attack, server.url);
    resetPeakMemory(server.pid);
    const memory = watchPeakMemory(server.pid);
    const machineBefore = machineCpu();
    const serverCpuBefore = processCpuMs(server.pid);
    const attackStartedMs = performance.now();
    attacker?.start();
    const warmupMs = attack === null ? 0 : attack === 'solving' ? options.solvingWarmupMs : options.warmupMs;
    progress(`${phase}: ${attack ?? 'no'} attack${warmupMs > 0 ? `, alone for ${seconds(warmupMs)}` : ''}`);
    await sleep(warmupMs);
    const attempts = await honestTraffic(phase, browser, server.url, options, attackStartedMs, progress);
    const attackerStats = (await attacker?.stop()) ?? null;
    const attackMs = performance.now() - attackStartedMs;
    const serverCpuMs = processCpuMs(server.pid) - serverCpuBefore;
    const peakRssBytes = memory.stop();
    // A server that died under the attack is a result, not a benchmark failure.
    const exit = server.exited();
    if (exit !== null) progress(`${phase}: THE SERVER EXITED during the attack (code ${exit.code}, signal ${exit.signal})`);
    const js = summarise(attempts.filter((attempt) => attempt.kind === 'js'), GOAL.jsMs);
    const nojs = summarise(attempts.filter((attempt) => attempt.kind === 'nojs'), GOAL.noJsMs);
    const reporter503s = Object.entries({ ...mergeCounts([js.answers, nojs.answers]) })
      .filter(([key]) => key.startsWith('503'))
      .reduce((total, [, n]) => total + n, 0);
    row = {
      phase,
      attack,
      attackMs,
      warmupMs,
      js,
      nojs,
      reporter503s,
      attacker: attackerStats,
      server: {
        cpuPercent: (serverCpuMs / attackMs) * 100,
        peakRssBytes,
        errorLines: server.errorLines(),
        exit: exit === null ? null : { ...exit, lastOutput: lastLines(server.output(), 20) },
      },
      machineBusyPercent: busyPercent(machineBefore, machineCpu()),
      loadAverage: loadavg(),
      attempts,
    };
  } finally {
    attacker?.kill();
    await server.stop();
  }
  const stored = countStored(dataDir);
  return { ...row, stored, junk: stored.junk };
}
