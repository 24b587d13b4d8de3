/**
 * The proof-of-work protocol, shared by the browser, the server
 * (server/abuse/proof-of-work.ts) and the tests. Modelled on Tor's
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
 * This module is in the report island's bundle and stays small; the solver
 * (which loads hash-wasm) is imported only when work is asked for.
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

/** A fresh challenge for a purpose, or null when none could be had. */
export async function fetchChallenge(purpose: PowPurpose): Promise<ChallengeResponse | null> {
  try {
    const response = await fetch(`/api/challenge?purpose=${purpose}`, { cache: 'no-store', credentials: 'same-origin', referrerPolicy: 'no-referrer' });
    const data = (response.ok ? await response.json() : null) as Partial<ChallengeResponse> | null;
    return typeof data?.challenge === 'string' && typeof data.suggestedEffort === 'number' ? (data as ChallengeResponse) : null;
  } catch {
    return null;
  }
}

/**
 * What to bid on a suggestion: a quarter more, and at least one more. A line
 * full of bids at exactly the suggestion turns away a newcomer that only
 * ties them (the earlier bid keeps its place), so bidding just the
 * suggestion would often cost a wasted solve and a wait.
 */
export function bidOn(suggestedEffort: number): number {
  return suggestedEffort > 0 ? Math.ceil(suggestedEffort * 1.25) + 1 : 0;
}

/**
 * The proof-of-work header for a request to `path`, bidding on the server's
 * suggested effort or at `minEffort`, whichever is higher: none when neither
 * asks for work, or when no challenge or solver could be had (the request
 * then goes at effort 0, like one from a browser without JavaScript).
 */
export async function proofHeaders(path: string, minEffort = 0): Promise<Record<string, string>> {
  const purpose = powPurposeOf(path);
  const challenge = purpose === null ? null : await fetchChallenge(purpose);
  const effort = challenge === null ? 0 : Math.min(MAX_EFFORT, Math.max(bidOn(challenge.suggestedEffort), minEffort));
  if (challenge === null || effort === 0) return {};
  try {
    const { solve } = await import('./pow-solver');
    return { [POW_HEADER]: formatProof(await solve(challenge.challenge, effort)) };
  } catch {
    return {}; // no WebAssembly (Tor Browser "Safer"): effort 0
  }
}

/** What a refusal for load says: when to try again and with how much work. */
export interface BusyAnswer {
  retryAfterSeconds: number;
  suggestedEffort: number;
}

/** The busy answer in an API error body (503 `busy`), or null for any other answer. */
export function busyAnswer(status: number, data: unknown): BusyAnswer | null {
  if (status !== 503 || typeof data !== 'object' || data === null || !('error' in data)) return null;
  const error = data.error as { code?: unknown; retryAfterSeconds?: unknown; suggestedEffort?: unknown } | null;
  if (error?.code !== 'busy') return null;
  const number = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  return { retryAfterSeconds: number(error.retryAfterSeconds, 5), suggestedEffort: number(error.suggestedEffort, 1) };
}

/** A result any sender returns; `status` 0 means no answer came (network). */
export interface SendResult {
  status: number;
  data: unknown;
}

/** How many times a busy answer is met with more work before the island gives up and says so. */
const MAX_TRIES = 8;

/** Too much Argon2id work queued (503 service_unavailable): the same request may pass a little later. */
function overloaded(status: number, data: unknown): boolean {
  return status === 503 && typeof data === 'object' && data !== null && (data as { error?: { code?: unknown } }).error?.code === 'service_unavailable';
}

/** A proof the server refused (its challenge expired while solving, or looked spent): a new one may pass. */
function proofRefused(status: number, data: unknown): boolean {
  return status === 400 && typeof data === 'object' && data !== null && (data as { error?: { code?: unknown } }).error?.code === 'pow_invalid';
}

/**
 * Send with proof of work, and when the server answers that it is busy,
 * wait as long as it asks and send again with more work (the greater of its
 * new suggestion and twice the last effort), telling `onRetry` each time;
 * when its Argon2id queue is full, send the same again a little later; a
 * refused proof is tried once more with a fresh challenge. `send` gets the
 * headers to add; the caller keeps whatever was typed.
 */
export async function sendWithEffort(
  path: string,
  send: (headers: Record<string, string>) => Promise<SendResult>,
  onRetry: (tries: number) => void = () => undefined,
): Promise<SendResult> {
  let effort = 0;
  let freshProof = true;
  for (let tries = 1; ; tries += 1) {
    const result = await send(await proofHeaders(path, effort));
    if (freshProof && proofRefused(result.status, result.data)) {
      freshProof = false;
      continue;
    }
    const busy = busyAnswer(result.status, result.data) ?? (overloaded(result.status, result.data) ? { retryAfterSeconds: 5, suggestedEffort: effort } : null);
    if (busy === null || tries >= MAX_TRIES) return result;
    onRetry(tries);
    await new Promise((resolve) => setTimeout(resolve, Math.min(busy.retryAfterSeconds, 30) * 1000));
    effort = overloaded(result.status, result.data) ? effort : Math.max(busy.suggestedEffort, effort * 2, 1);
  }
}
