/**
 * Solving a proof-of-work challenge (see proof-of-work.ts): Argon2id attempts
 * in WebAssembly until one meets the effort, then the SHA-256 stamp. Loaded
 * on demand, and only when the server asks for work: hash-wasm weighs about
 * 15 KB gzipped. Also what the tests and the benchmark's honest reporter use.
 */
import { argon2id, createSHA256 } from 'hash-wasm';
import { leadingZeroBits, meetsEffort, PUZZLE, puzzleInput, stampInput, type Proof } from '../../contract/proof-of-work';

const encoder = new TextEncoder();

/** One evaluation of the puzzle. */
export function puzzleDigest(challenge: string, solution: string): Promise<Uint8Array> {
  return argon2id({
    password: puzzleInput(challenge, solution),
    salt: PUZZLE.salt,
    parallelism: 1,
    iterations: PUZZLE.passes,
    memorySize: PUZZLE.memoryKib,
    hashLength: 32,
    outputType: 'binary',
  });
}

/** A proof for `challenge` at `effort` (about `effort` Argon2id evaluations). */
export async function solve(challenge: string, effort: number): Promise<Proof> {
  let n = 0;
  while (!meetsEffort(await puzzleDigest(challenge, n.toString(36)), effort)) n += 1;
  const partial = { challenge, effort, solution: n.toString(36) };
  return { ...partial, stamp: await findStamp(partial) };
}

/** The first stamp whose SHA-256 over the proof has PUZZLE.stampBits leading zero bits. */
export async function findStamp(proof: Omit<Proof, 'stamp'>): Promise<string> {
  const sha = await createSHA256();
  for (let n = 0; ; n += 1) {
    const stamp = n.toString(36);
    sha.init();
    sha.update(encoder.encode(stampInput(proof, stamp)));
    if (leadingZeroBits(sha.digest('binary')) >= PUZZLE.stampBits) return stamp;
  }
}
