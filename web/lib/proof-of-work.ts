/**
 * The browser's side of the proof-of-work protocol (contract/proof-of-work.ts):
 * fetch a challenge, bid on the suggested effort, send, and when the server
 * is busy, wait and send again with more work. The solver (which loads
 * hash-wasm) is imported only when work is asked for.
 */
import { formatProof, MAX_EFFORT, POW_HEADER, powPurposeOf, type ChallengeResponse, type PowPurpose } from '../../contract/proof-of-work';

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
