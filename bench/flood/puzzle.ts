/**
 * Issue 10 item 3: how far the puzzle narrows the gap between an honest
 * browser and an attacker's native code. The browser side is the island's
 * own solver: the built pow-solver chunk from dist/, imported by a page the
 * real server serves (under the site's own CSP). The native side is the
 * attacker's solver (native-solver.ts). Both solve the same challenges, so
 * they make exactly the same number of evaluations and the ratio of their
 * times is the ratio of their speeds. The old puzzle is measured likewise
 * for comparison (old-puzzle.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { PUZZLE, stampInput, type ChallengeResponse, type Proof } from '../../contract/proof-of-work';
import type { PuzzleResults, PuzzleRow } from '../results';
import { REPO_ROOT } from '../server';
import { median } from '../stats';
import { phoneContext } from './browser';
import { nativePuzzleDigest, solveNativeSync, stampSearchFor } from './native-solver';
import { measureOldPuzzle, nodeCryptoSearch } from './old-puzzle';

export interface PuzzleOptions {
  efforts: readonly number[];
  /** Challenges solved at each effort (the same ones in the browser and natively). */
  solvesPerEffort: number;
  /** Single evaluations timed for the per-evaluation figure. */
  evaluations: number;
  /** Challenges the old SHA-256 puzzle is solved for. */
  oldPuzzleSolves: number;
}

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

const sum = (values: readonly number[]): number => values.reduce((total, n) => total + n, 0);

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
    const nodeCryptoStamp = timed(() => stampProofs.forEach((proof) => nodeCryptoSearch(stampInput(proof, ''), PUZZLE.stampBits))).ms / stampProofs.length;

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

    progress(`puzzle: the old SHA-256 puzzle, ${options.oldPuzzleSolves} solves`);
    const oldPuzzle = await measureOldPuzzle(page, await challenges(baseUrl, options.oldPuzzleSolves));

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
