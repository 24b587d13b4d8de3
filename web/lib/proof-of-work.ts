/**
 * The client's side of the proof of work (the server's is in
 * server/abuse/proof-of-work.ts): find a solution whose SHA-256 with the
 * challenge starts with `difficulty` zero bits. Uses Web Crypto, so it adds
 * almost nothing to the page's JavaScript. Shared with the tests.
 */

/** The request header that carries `<challenge>:<solution>`. */
export const POW_HEADER = 'X-Tipline-Pow';

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

/** Search solutions 0, 1, 2, … (base 36) until one is hard enough; returns the header value. */
export async function solveChallenge(challenge: string, difficulty: number): Promise<string> {
  const encoder = new TextEncoder();
  for (let n = 0; ; n += 1) {
    const solution = n.toString(36);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${solution}`)));
    if (leadingZeroBits(digest) >= difficulty) return `${challenge}:${solution}`;
  }
}
