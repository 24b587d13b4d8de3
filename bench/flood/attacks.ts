/**
 * The four floods of `npm run bench -- --flood`, as issue 10 describes the
 * attacks that closed Tipline before. Each runs until the tally is stopped.
 * Nothing here is clever about who it is: the server never sees an
 * identifier, so there is nothing to rotate.
 */
import { randomBytes } from 'node:crypto';
import { formatProof, MAX_EFFORT, POW_HEADER, type ChallengeResponse } from '../../contract/proof-of-work';
import { sampleSubmission } from '../submissions';
import type { AttackMode, AttackTally } from './attack-tally';
import { solveNative } from './native-solver';

/** How often the cheap flood polls and posts (issue 10: every 40 ms). */
const CHEAP_PERIOD_MS = 40;
/** Valid reports the free flood keeps in flight: enough to keep one core busy. */
const FREE_CONCURRENCY = 32;
/** Solved reports the solving flood keeps in flight: more than the admission line holds (32). */
const SOLVING_OUTSTANDING = 48;
/** A refusal's suggested effort is followed for one of the server's periods (10 s). */
const REFUSAL_MEMORY_MS = 10_000;
/** Concurrent sign-ins of the sign-in flood (issue 10). */
const SIGNIN_CONCURRENCY = 150;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sockets each attack needs: its concurrency and a little room. */
export function socketsFor(mode: AttackMode): number {
  return { cheap: 64, free: FREE_CONCURRENCY, solving: SOLVING_OUTSTANDING + 4, signin: SIGNIN_CONCURRENCY }[mode];
}

/** Run `mode` until the tally is stopped. */
export function runAttack(mode: AttackMode, tally: AttackTally): Promise<void> {
  switch (mode) {
    case 'cheap':
      return cheapFlood(tally);
    case 'free':
      return loops(FREE_CONCURRENCY, tally, () => tally.send('report', 'POST', '/api/reports', JSON.stringify(sampleSubmission())));
    case 'solving':
      return solvingFlood(tally);
    case 'signin':
      return loops(SIGNIN_CONCURRENCY, tally, () => signInOnce(tally));
  }
}

/** (a) Without solving anything: a challenge and `{}` to both reporter routes every 40 ms. */
async function cheapFlood(tally: AttackTally): Promise<void> {
  let tick = 0;
  while (tally.running) {
    const purpose = tick % 2 === 0 ? 'report' : 'status';
    void tally.send('challenge', 'GET', `/api/challenge?purpose=${purpose}`);
    void tally.send('report', 'POST', '/api/reports', '{}');
    void tally.send('status', 'POST', '/api/status', '{}');
    tick += 1;
    await sleep(CHEAP_PERIOD_MS);
  }
}

/** `count` closed loops of `once`, each sending again as soon as it has an answer. */
async function loops(count: number, tally: AttackTally, once: () => Promise<unknown>): Promise<void> {
  const loop = async (): Promise<void> => {
    while (tally.running) {
      if ((await once()) === null) await sleep(50); // a refused connection: do not spin
    }
  };
  await Promise.all(Array.from({ length: count }, loop));
}

/** (c) A failed sign-in with an unknown username, from the server's own origin (so the CSRF check passes). */
function signInOnce(tally: AttackTally): Promise<unknown> {
  const body = JSON.stringify({ username: `u${randomBytes(6).toString('hex')}`, password: randomBytes(12).toString('base64url') });
  return tally.send('signin', 'POST', '/api/staff/login', body, { origin: tally.baseUrl, 'sec-fetch-site': 'same-origin' });
}

/**
 * (b) Solve every proof at the server's suggested effort (at least 1, and
 * what a recent refusal asked for), keep many solved reports waiting in
 * line, and solve the next one meanwhile.
 */
async function solvingFlood(tally: AttackTally): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let refusal = { effort: 0, atMs: 0 };
  const submit = async (header: string): Promise<void> => {
    inFlight += 1;
    const answer = await tally.send('report', 'POST', '/api/reports', JSON.stringify(sampleSubmission()), { [POW_HEADER]: header });
    inFlight -= 1;
    if (answer?.status === 503) {
      const asked = (JSON.parse(answer.body) as { error?: { suggestedEffort?: number } }).error?.suggestedEffort ?? 0;
      refusal = { effort: Math.max(asked, performance.now() - refusal.atMs < REFUSAL_MEMORY_MS ? refusal.effort : 0), atMs: performance.now() };
    }
    wake?.();
  };
  while (tally.running) {
    if (inFlight >= SOLVING_OUTSTANDING) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      continue;
    }
    const answer = await tally.send('challenge', 'GET', '/api/challenge?purpose=report');
    if (answer?.status !== 200) {
      await sleep(100);
      continue;
    }
    const challenge = JSON.parse(answer.body) as ChallengeResponse;
    const work = tally.work;
    work.maxSuggested = Math.max(work.maxSuggested, challenge.suggestedEffort);
    work.lastSuggested = challenge.suggestedEffort;
    const recent = performance.now() - refusal.atMs < REFUSAL_MEMORY_MS ? refusal.effort : 0;
    const effort = Math.min(MAX_EFFORT, Math.max(1, challenge.suggestedEffort, recent));
    const solved = await solveNative(challenge.challenge, effort);
    work.proofs += 1;
    work.evaluations += solved.evaluations;
    work.stampTries += solved.stampTries;
    work.maxEffort = Math.max(work.maxEffort, effort);
    work.effortSum += effort;
    if (tally.running) void submit(formatProof(solved.proof));
  }
}
