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

/** Which challenge each reporter route takes. */
export function powPurposeOf(path: string): 'report' | 'status' | null {
  if (path === '/api/reports') return 'report';
  return path === '/api/status' || path === '/api/status/messages' ? 'status' : null;
}

/**
 * The proof-of-work header for a request to `path`: fetch a challenge and
 * solve it. Any failure gives no header, and the request still goes, in the
 * stricter bucket that browsers without JavaScript share.
 */
export async function proofHeaders(path: string): Promise<Record<string, string>> {
  const purpose = powPurposeOf(path);
  if (purpose === null) return {};
  try {
    const response = await fetch(`/api/challenge?purpose=${purpose}`, { cache: 'no-store', credentials: 'same-origin', referrerPolicy: 'no-referrer' });
    const data: unknown = response.ok ? await response.json() : null;
    if (typeof data !== 'object' || data === null) return {};
    const { challenge, difficulty } = data as { challenge?: unknown; difficulty?: unknown };
    if (typeof challenge !== 'string' || typeof difficulty !== 'number') return {};
    return { [POW_HEADER]: await solveChallenge(challenge, difficulty) };
  } catch {
    return {};
  }
}
