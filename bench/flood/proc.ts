/** CPU time of a process and of the whole machine, from Linux /proc. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (almost always 100). */
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** User + system CPU a process has used so far, in ms (NaN once it has gone). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

export interface MachineCpu {
  busy: number;
  total: number;
}

/** The machine's CPU counters now (all cores, in ticks). */
export function machineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  const total = ticks.slice(0, 8).reduce((sum, n) => sum + n, 0); // guest time is already in user
  return { busy: total - idle, total };
}

/** The share of all cores busy between two readings, in percent. */
export function busyPercent(before: MachineCpu, after: MachineCpu): number {
  const total = after.total - before.total;
  return total <= 0 ? NaN : ((after.busy - before.busy) / total) * 100;
}

/** A process's peak resident memory (VmHWM), in bytes; NaN once it has gone. */
function peakResidentBytes(pid: number): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? NaN : Number(kib) * 1024;
  } catch {
    return NaN;
  }
}

/**
 * Watch a process's peak resident memory every `everyMs`, so that the
 * peak is known even if the process dies; `stop` gives the highest seen.
 */
export function watchPeakMemory(pid: number, everyMs = 2_000): { stop: () => number } {
  let peak = NaN;
  const read = (): void => {
    const now = peakResidentBytes(pid);
    if (Number.isFinite(now)) peak = Number.isFinite(peak) ? Math.max(peak, now) : now;
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}
