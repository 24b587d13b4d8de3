/**
 * The fastest proof-of-work solver we could write for one core, for the
 * attacker of `--flood` and the puzzle comparison: Argon2id through
 * @node-rs/argon2's hashRawSync (native code on the calling thread: no
 * thread pool, so one process is one core's worth of work), and the stamp
 * through the midstate SHA-256 of sha256-stamp.ts. It tries solutions in
 * the island's order (web/lib/pow-solver.ts), so for one challenge and
 * effort both find the same proof.
 */
import { hashRawSync } from '@node-rs/argon2';
import { meetsEffort, PUZZLE, puzzleInput, stampInput, type Proof } from '../../contract/proof-of-work';
import { StampSearch } from './sha256-stamp';

const SALT = Buffer.from(PUZZLE.salt, 'utf8');
const ARGON2 = { salt: SALT, memoryCost: PUZZLE.memoryKib, timeCost: PUZZLE.passes, parallelism: 1, outputLen: 32 } as const;

/** One evaluation of the puzzle, natively. */
export function nativePuzzleDigest(challenge: string, solution: string): Buffer {
  // `algorithm` left out: Argon2id is the default (STACK.md: the const enum is undefined under tsx).
  return hashRawSync(puzzleInput(challenge, solution), ARGON2);
}

/** A proof and the work it took. */
export interface Solved {
  proof: Proof;
  /** Argon2id evaluations made. */
  evaluations: number;
  /** SHA-256 candidates tried for the stamp. */
  stampTries: number;
}

/** The SHA-256 stamp search for a proof without its stamp. */
export function stampSearchFor(partial: Omit<Proof, 'stamp'>): StampSearch {
  return new StampSearch(stampInput(partial, ''), PUZZLE.stampBits);
}

/** Solve without ever yielding (for timing the puzzle). */
export function solveNativeSync(challenge: string, effort: number): Solved {
  let n = 0;
  while (!meetsEffort(nativePuzzleDigest(challenge, n.toString(36)), effort)) n += 1;
  const partial = { challenge, effort, solution: n.toString(36) };
  const search = stampSearchFor(partial);
  let stamp: string | null = null;
  while (stamp === null) stamp = search.step(1 << 16);
  return { proof: { ...partial, stamp }, evaluations: n + 1, stampTries: search.next };
}

/**
 * Solve in slices of about `sliceMs`, letting the event loop run between
 * them, so that a process solving all the time still reads its responses
 * and keeps its requests outstanding.
 */
export async function solveNative(challenge: string, effort: number, sliceMs = 10): Promise<Solved> {
  const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  let n = 0;
  let sliceEnds = performance.now() + sliceMs;
  while (!meetsEffort(nativePuzzleDigest(challenge, n.toString(36)), effort)) {
    n += 1;
    if (performance.now() >= sliceEnds) {
      await pause();
      sliceEnds = performance.now() + sliceMs;
    }
  }
  const partial = { challenge, effort, solution: n.toString(36) };
  const search = stampSearchFor(partial);
  let stamp: string | null = null;
  while (stamp === null) {
    // About a millisecond of hashing per step on this machine; pause once per slice.
    stamp = search.step(2048);
    if (stamp === null && performance.now() >= sliceEnds) {
      await pause();
      sliceEnds = performance.now() + sliceMs;
    }
  }
  return { proof: { ...partial, stamp }, evaluations: n + 1, stampTries: search.next };
}
