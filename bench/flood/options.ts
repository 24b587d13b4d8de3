/** Phase lengths and honest traffic of `--flood`, full and `--quick`. */
import type { AttackMode, FloodPhase } from '../results';
import type { PuzzleOptions } from './puzzle';

export interface FloodOptions {
  quick: boolean;
  phases: readonly FloodPhase[];
  /** The attack runs alone this long before honest reporters start (the solving flood needs longer to raise the suggested effort). */
  warmupMs: number;
  solvingWarmupMs: number;
  /** Honest attempts start during this window; the attack then goes on until the last has finished. */
  windowMs: number;
  /** The calm phase (no attacker) is only a baseline. */
  calmWindowMs: number;
  /** A new JavaScript reporter this often, a new no-JavaScript one that often. */
  jsEveryMs: number;
  noJsEveryMs: number;
  /** How long a JavaScript attempt is watched before it counts as failed (the goal is 60 s). */
  jsCapMs: number;
  /** How long a no-JavaScript reporter keeps posting again (the goal: 5 minutes). */
  noJsDeadlineMs: number;
  puzzle: PuzzleOptions;
}

/** The attack of each phase. */
export const PHASE_ATTACK: Record<FloodPhase, AttackMode | null> = { calm: null, a: 'cheap', a2: 'free', b: 'solving', c: 'signin' };

/** What each phase is, for the table. */
export const PHASE_TITLE: Record<FloodPhase, string> = {
  calm: 'calm: no attacker (baseline)',
  a: '(a) cheap flood: a challenge and {} to /api/reports and /api/status every 40 ms',
  a2: '(a2) free flood: valid reports without proof of work, 32 in flight, as fast as one process can',
  b: '(b) solving flood: valid reports, every one with a proof at the suggested effort, native solver, 48 in flight',
  c: '(c) sign-in flood: 150 concurrent POST /api/staff/login with unknown usernames',
};

/** Honest reporters' goals (issue 10 item 9). */
export const GOAL = { jsMs: 60_000, jsPercent: 95, noJsMs: 300_000, noJsPercent: 50 } as const;

export const FLOOD_FULL: FloodOptions = {
  quick: false,
  phases: ['calm', 'a', 'a2', 'b', 'c'],
  warmupMs: 15_000,
  solvingWarmupMs: 40_000,
  windowMs: 180_000,
  calmWindowMs: 60_000,
  jsEveryMs: 10_000,
  noJsEveryMs: 30_000,
  jsCapMs: 180_000,
  noJsDeadlineMs: GOAL.noJsMs,
  puzzle: { efforts: [16, 64, 256], solvesPerEffort: 8, evaluations: 400, oldPuzzleSolves: 4 },
};

/** About 15 s a phase: every phase runs and is counted; the figures mean little. */
export const FLOOD_QUICK: FloodOptions = {
  quick: true,
  phases: ['calm', 'a', 'a2', 'b', 'c'],
  warmupMs: 1_500,
  solvingWarmupMs: 3_000,
  windowMs: 5_000,
  calmWindowMs: 2_000,
  jsEveryMs: 2_500,
  noJsEveryMs: 2_500,
  jsCapMs: 10_000,
  noJsDeadlineMs: 8_000,
  puzzle: { efforts: [4, 16], solvesPerEffort: 2, evaluations: 20, oldPuzzleSolves: 1 },
};
