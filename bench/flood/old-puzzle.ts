/**
 * The puzzle before issue 10, for comparison: SHA-256(challenge ":" solution)
 * with 15 leading zero bits, solved in the browser with one awaited Web
 * Crypto digest per try (as web/lib/proof-of-work.ts did), against
 * node:crypto, the midstate JavaScript search and C (openssl speed), all
 * on the same challenges and so the same number of hashes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { leadingZeroBits } from '../../contract/proof-of-work';
import type { PuzzleResults } from '../results';
import { searchStamp } from './sha256-stamp';

const DIFFICULTY = 15;

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

/** Candidates tried until SHA-256(prefix + base36(n)) has `bits` zero bits, one node:crypto createHash per try (the obvious Node solver). */
export function nodeCryptoSearch(prefix: string, bits: number): number {
  let n = 0;
  while (leadingZeroBits(createHash('sha256').update(prefix + n.toString(36)).digest()) < bits) n += 1;
  return n + 1;
}

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

const sum = (values: readonly number[]): number => values.reduce((total, n) => total + n, 0);

function timed<T>(run: () => T): { value: T; ms: number } {
  const begin = performance.now();
  const value = run();
  return { value, ms: performance.now() - begin };
}

/** Solve the old puzzle for each challenge in the page and natively; per-hash times and ratios. */
export async function measureOldPuzzle(page: Page, list: string[]): Promise<PuzzleResults['oldPuzzle']> {
  const inBrowser = await oldSolveInPage(page, list, DIFFICULTY);
  const node = list.map((challenge) => timed(() => nodeCryptoSearch(`${challenge}:`, DIFFICULTY)));
  const native = list.map((challenge) => timed(() => searchStamp(`${challenge}:`, DIFFICULTY)));
  const hashes = sum(inBrowser.tries);
  if (sum(node.map((run) => run.value)) !== hashes || sum(native.map((run) => run.value.tries)) !== hashes) {
    throw new Error('the old puzzle took different numbers of tries');
  }
  const perHashUs = (ms: number): number => (ms * 1000) / hashes;
  const chromiumWebCryptoUs = perHashUs(sum(inBrowser.ms));
  const nodeCryptoUs = perHashUs(sum(node.map((run) => run.ms)));
  const nativeUs = perHashUs(sum(native.map((run) => run.ms)));
  const opensslUs = opensslSha256Us(`${list[0] ?? ''}:0`.length);
  return {
    difficulty: DIFFICULTY,
    hashes,
    chromiumWebCryptoUs,
    nodeCryptoUs,
    nativeUs,
    opensslUs,
    ratio: chromiumWebCryptoUs / nativeUs,
    ratioToNodeCrypto: chromiumWebCryptoUs / nodeCryptoUs,
    ratioToOpenssl: chromiumWebCryptoUs / opensslUs,
  };
}
