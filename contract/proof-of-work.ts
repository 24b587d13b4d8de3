/**
 * The proof-of-work protocol, shared by the browser (web/lib/proof-of-work.ts
 * sends, web/lib/pow-solver.ts solves), the server
 * (server/abuse/proof-of-work.ts checks) and the tests. Modelled on Tor's
 * onion-service defence (proposal 327): a client may attach work to a
 * request; its *effort* is the expected number of puzzle evaluations the
 * work took; requests wait for admission in order of effort, and no proof
 * is effort 0. The server suggests an effort with every challenge (0 when
 * it is calm, so nobody solves anything then) and raises it under load.
 *
 * The puzzle is Argon2id (see PUZZLE) rather than SHA-256: a memory-hard
 * function in WebAssembly narrows the gap between a phone and an
 * attacker's native code or GPU. A solution for effort E is a string s with
 *   uint32(Argon2id(challenge ":" s)) × E ≤ 2³² − 1,
 * as in Tor's hs_pow; about E evaluations find one, one evaluation checks it.
 * A cheap SHA-256 stamp over the whole proof comes on top, so that nobody can
 * make the server run Argon2id without having hashed first.
 *
 * Pure data and arithmetic: it is in the report island's bundle and stays small.
 */

/** The request header that carries a proof: `<challenge>:<effort>:<solution>:<stamp>`. */
export const POW_HEADER = 'X-Tipline-Pow';

/** What a challenge is for; each has its own admission lane and suggested effort. */
export const POW_PURPOSES = ['report', 'status', 'signin'] as const;
export type PowPurpose = (typeof POW_PURPOSES)[number];

/**
 * The puzzle of challenge version v2. Argon2id at 256 KiB and two passes:
 * about 0.25 ms native to check, a few times that in a phone's WebAssembly
 * (BENCHMARKS.md has the measured ratio). Changing it means a new version.
 */
export const PUZZLE = {
  algorithm: 'argon2id',
  memoryKib: 256,
  passes: 2,
  /** Argon2id needs a salt; the challenge inside the password is what makes each puzzle unique. */
  salt: 'tipline proof of work v2',
  /**
   * Leading zero bits of the SHA-256 stamp: about 4,000 hashes — some 20 ms
   * in a browser, and about 1 ms even for SHA-NI native code, still more than
   * the server's one Argon2id check of a proof it makes possible.
   */
  stampBits: 12,
} as const;

/** The largest effort anyone may claim (several hours of a phone's work). */
export const MAX_EFFORT = 10_000_000;

/** What GET /api/challenge answers. */
export interface ChallengeResponse {
  challenge: string;
  /** The effort the server suggests right now; 0 means no proof is needed. */
  suggestedEffort: number;
  /** Seconds the challenge stays valid. */
  expiresIn: number;
  puzzle: typeof PUZZLE;
}

/** The parts of a proof header. */
export interface Proof {
  challenge: string;
  effort: number;
  solution: string;
  stamp: string;
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** True when a puzzle digest is good enough for `effort` (r × E ≤ 2³² − 1, without passing 2⁵³). */
export function meetsEffort(digest: Uint8Array, effort: number): boolean {
  const r = (((digest[0] ?? 255) << 24) >>> 0) + ((digest[1] ?? 255) << 16) + ((digest[2] ?? 255) << 8) + (digest[3] ?? 255);
  return effort <= 1 || r <= Math.floor(0xffffffff / effort);
}

/** The Argon2id password of one attempt. */
export function puzzleInput(challenge: string, solution: string): string {
  return `${challenge}:${solution}`;
}

/** What the SHA-256 stamp covers: the whole proof but the stamp. */
export function stampInput(proof: Omit<Proof, 'stamp'>, stamp: string): string {
  return `${proof.challenge}:${proof.effort}:${proof.solution}:${stamp}`;
}

/** The header value for a proof. */
export function formatProof(proof: Proof): string {
  return `${proof.challenge}:${proof.effort}:${proof.solution}:${proof.stamp}`;
}

/** Split a header value; null when it is not shaped like a proof. */
export function parseProof(header: string): Proof | null {
  const match = /^([A-Za-z0-9._-]{1,200}):([1-9]\d{0,7}):([a-z0-9]{1,12}):([a-z0-9]{1,12})$/.exec(header);
  if (!match) return null;
  const [, challenge = '', effort = '', solution = '', stamp = ''] = match;
  return { challenge, effort: Number(effort), solution, stamp };
}

/** Which challenge each reporter route takes. */
export function powPurposeOf(path: string): PowPurpose | null {
  if (path === '/api/reports') return 'report';
  if (path === '/api/status' || path === '/api/status/messages') return 'status';
  return path === '/api/staff/login' || path === '/api/staff/recover' ? 'signin' : null;
}
