/**
 * Issue 10 item 3: how far the puzzle narrows the gap between an honest
 * browser and an attacker's native code. The browser side is the island's
 * own solver: the built pow-solver chunk from dist/, imported by a page the
 * real server serves (under the site's own CSP). The native side is the
 * attacker's solver (native-solver.ts). Both solve the same challenges, so
 * they make exactly the same number of evaluations and the ratio of their
 * times is the ratio of their speeds. The old puzzle (SHA-256 with 15 zero
 * bits, the code before issue 10: one awaited Web Crypto digest per try) is
 * measured the same way for comparison.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { leadingZeroBits, PUZZLE, type ChallengeResponse, type Proof } from '../../web/lib/proof-of-work';
import type { PuzzleResults, PuzzleRow } from '../results';
import { REPO_ROOT } from '../server';
import { median } from '../stats';
import { phoneContext } from './browser';
import { nativePuzzleDigest, solveNativeSync, stampSearchFor } from './native-solver';
import { searchStamp } from './sha256-stamp';

export interface PuzzleOptions {
  efforts: readonly number[];
  /** Challenges solved at each effort (the same ones in the browser and natively). */
  solvesPerEffort: number;
  /** Single evaluations timed for the per-evaluation figure. */
  evaluations: number;
  /** Challenges the old SHA-256 puzzle is solved for. */
  oldPuzzleSolves: number;
}

/** The old puzzle's difficulty: leading zero bits of SHA-256(challenge ":" solution). */
const OLD_DIFFICULTY = 15;

/** The built solver chunk's URL path (its name carries a content hash). */
export function builtSolverChunk(siteDir = path.join(REPO_ROOT, 'dist')): string {
  const name = readdirSync(path.join(siteDir, '_astro')).find((file) => /^pow-solver\.[\w-]+\.js$/.test(file));
  if (name === undefined) throw new Error('no pow-solver chunk in dist/_astro: build the site first');
  return `/_astro/${name}`;
}

async function challenges(baseUrl: string, count: number): Promise<string[]> {
  const list: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${baseUrl}/api/challenge?purpose=report`);
    list.push(((await response.json()) as ChallengeResponse).challenge);
  }
  return list;
}

/** Time `run` in ms. */
function timed<T>(run: () => T): { value: T; ms: number } {
  const begin = performance.now();
  const value = run();
  return { value, ms: performance.now() - begin };
}

/** The island's solver in the page: solve each challenge at `effort`, timing each. */
function solveInPage(page: Page, chunk: string, list: string[], effort: number): Promise<{ proofs: Proof[]; ms: number[] }> {
  return page.evaluate(
    async ({ chunk, list, effort }) => {
      const solver = (await import(chunk)) as { solve: (challenge: string, effort: number) => Promise<Proof> };
      const proofs: Proof[] = [];
      const ms: number[] = [];
      for (const challenge of list) {
        const begin = performance.now();
        proofs.push(await solver.solve(challenge, effort));
        ms.push(performance.now() - begin);
      }
      return { proofs, ms };
    },
    { chunk, list, effort },
  );
}

/** Per-evaluation and per-stamp times of the island's solver in the page. */
function unitTimesInPage(page: Page, chunk: string, challenge: string, evaluations: number): Promise<{ evaluationMs: number; stampMs: number }> {
  return page.evaluate(
    async ({ chunk, challenge, evaluations }) => {
      const solver = (await import(chunk)) as {
        puzzleDigest: (challenge: string, solution: string) => Promise<Uint8Array>;
        findStamp: (proof: Omit<Proof, 'stamp'>) => Promise<string>;
      };
      await solver.puzzleDigest(challenge, 'warm');
      let begin = performance.now();
      for (let n = 0; n < evaluations; n += 1) await solver.puzzleDigest(challenge, n.toString(36));
      const evaluationMs = (performance.now() - begin) / evaluations;
      const stamps: number[] = [];
      for (let n = 0; n < 5; n += 1) {
        begin = performance.now();
        await solver.findStamp({ challenge, effort: 1, solution: `s${n}` });
        stamps.push(performance.now() - begin);
      }
      return { evaluationMs, stampMs: stamps.reduce((sum, ms) => sum + ms, 0) / stamps.length };
    },
    { chunk, challenge, evaluations },
  );
}

/** The pre-issue-10 solver, as it was: one awaited Web Crypto SHA-256 per try. */
function oldSolveInPage(page: Page, list: string[], difficulty: number): Promise<{ tries: number[]; ms: number[] }> {
  return page.evaluate(
    async ({ list, difficulty }) => {
      // No named helper functions in here: tsx would wrap them in a __name() the page does not have.
      const encoder = new TextEncoder();
      const tries: number[] = [];
      const ms: number[] = [];
      for (const challenge of list) {
        const begin = performance.now();
        for (let n = 0; ; n += 1) {
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${n.toString(36)}`)));
          let bits = 0;
          for (const byte of digest) {
            if (byte !== 0) {
              bits += Math.clz32(byte) - 24;
              break;
            }
            bits += 8;
          }
          if (bits >= difficulty) {
            tries.push(n + 1);
            break;
          }
        }
        ms.push(performance.now() - begin);
      }
      return { tries, ms };
    },
    { list, difficulty },
  );
}

/** The old puzzle with node:crypto, one createHash per try (the obvious native solver). */
function oldSolveNodeCrypto(challenge: string, difficulty: number): number {
  let n = 0;
  while (leadingZeroBits(createHash('sha256').update(`${challenge}:${n.toString(36)}`).digest()) < difficulty) n += 1;
  return n + 1;
}

const sum = (values: readonly number[]): number => values.reduce((total, n) => total + n, 0);

/**
 * Microseconds per SHA-256 of `bytes` bytes in native C, from `openssl
 * speed` (one EVP call per hash, so a loop written in C does at least this
 * well); NaN when the openssl command is not there.
 */
function opensslSha256Us(bytes: number): number {
  const run = spawnSync('openssl', ['speed', '-seconds', '2', '-bytes', String(bytes), '-evp', 'sha256'], { encoding: 'utf8' });
  const kBytesPerSecond = Number(/^sha256\s+([\d.]+)k\s*$/m.exec(run.stdout ?? '')?.[1] ?? NaN);
  return (bytes / (kBytesPerSecond * 1000)) * 1e6;
}

/** Measure the puzzle in Chromium (the island's code) and natively, and the old puzzle likewise. */
export async function measurePuzzle(browser: Browser, baseUrl: string, options: PuzzleOptions, progress: (line: string) => void): Promise<PuzzleResults> {
  const chunk = builtSolverChunk();
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/report/`);
    const [first = ''] = await challenges(baseUrl, 1);

    progress('puzzle: one evaluation and one stamp, Chromium and native');
    const browserUnits = await unitTimesInPage(page, chunk, first, options.evaluations);
    nativePuzzleDigest(first, 'warm');
    const nativeEvaluation = timed(() => {
      for (let n = 0; n < options.evaluations; n += 1) nativePuzzleDigest(first, n.toString(36));
    }).ms / options.evaluations;
    const stampProofs = Array.from({ length: 5 }, (_, n) => ({ challenge: first, effort: 1, solution: `s${n}` }));
    const nativeStamp = timed(() => stampProofs.forEach((proof) => stampSearchFor(proof).step(Number.MAX_SAFE_INTEGER))).ms / stampProofs.length;
    const nodeCryptoStamp = timed(() => stampProofs.forEach((proof) => oldSolveNodeCrypto(`${first}:1:${proof.solution}`, PUZZLE.stampBits))).ms / stampProofs.length;

    const rows: PuzzleRow[] = [];
    for (const effort of options.efforts) {
      progress(`puzzle: ${options.solvesPerEffort} solves at effort ${effort}, Chromium and native`);
      const list = await challenges(baseUrl, options.solvesPerEffort);
      const inBrowser = await solveInPage(page, chunk, list, effort);
      const native = list.map((challenge) => timed(() => solveNativeSync(challenge, effort)));
      const same = native.every((solved, i) => JSON.stringify(solved.value.proof) === JSON.stringify(inBrowser.proofs[i]));
      if (!same) throw new Error('the island and the native solver found different proofs');
      const chromiumMs = sum(inBrowser.ms) / list.length;
      const nativeMs = sum(native.map((solved) => solved.ms)) / list.length;
      rows.push({
        effort,
        solves: list.length,
        meanEvaluations: sum(native.map((solved) => solved.value.evaluations)) / list.length,
        chromiumMs,
        chromiumMedianMs: median(inBrowser.ms),
        nativeMs,
        ratio: chromiumMs / nativeMs,
      });
    }

    progress(`puzzle: the old SHA-256 puzzle (${OLD_DIFFICULTY} bits), ${options.oldPuzzleSolves} solves`);
    const oldList = await challenges(baseUrl, options.oldPuzzleSolves);
    const oldBrowser = await oldSolveInPage(page, oldList, OLD_DIFFICULTY);
    const oldNode = oldList.map((challenge) => timed(() => oldSolveNodeCrypto(challenge, OLD_DIFFICULTY)));
    const oldNative = oldList.map((challenge) => timed(() => searchStamp(`${challenge}:`, OLD_DIFFICULTY)));
    const hashes = sum(oldBrowser.tries);
    const opensslUs = opensslSha256Us(`${oldList[0] ?? ''}:0`.length);
    if (sum(oldNode.map((run) => run.value)) !== hashes || sum(oldNative.map((run) => run.value.tries)) !== hashes) {
      throw new Error('the old puzzle took different numbers of tries');
    }
    const perHashUs = (ms: number): number => (ms * 1000) / hashes;
    const oldPuzzle = {
      difficulty: OLD_DIFFICULTY,
      hashes,
      chromiumWebCryptoUs: perHashUs(sum(oldBrowser.ms)),
      nodeCryptoUs: perHashUs(sum(oldNode.map((run) => run.ms))),
      nativeUs: perHashUs(sum(oldNative.map((run) => run.ms))),
      opensslUs,
      ratio: 0,
      ratioToNodeCrypto: 0,
      ratioToOpenssl: 0,
    };
    oldPuzzle.ratio = oldPuzzle.chromiumWebCryptoUs / oldPuzzle.nativeUs;
    oldPuzzle.ratioToNodeCrypto = oldPuzzle.chromiumWebCryptoUs / oldPuzzle.nodeCryptoUs;
    oldPuzzle.ratioToOpenssl = oldPuzzle.chromiumWebCryptoUs / opensslUs;

    return {
      puzzle: { memoryKib: PUZZLE.memoryKib, passes: PUZZLE.passes, stampBits: PUZZLE.stampBits },
      evaluation: { chromiumMs: browserUnits.evaluationMs, nativeMs: nativeEvaluation, ratio: browserUnits.evaluationMs / nativeEvaluation },
      stamp: { chromiumMs: browserUnits.stampMs, nativeMs: nativeStamp, nodeCryptoMs: nodeCryptoStamp, ratio: browserUnits.stampMs / nativeStamp },
      rows,
      oldPuzzle,
    };
  } finally {
    await context.close();
  }
}
