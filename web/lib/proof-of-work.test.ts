/**
 * The islands' sending loop: no work while the server is calm; after a busy
 * answer, wait as asked and send again with at least the suggested effort;
 * a refused proof is tried once more with a fresh challenge; and after
 * enough busy answers, give up and hand the last one back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseProof, POW_HEADER } from '../../contract/proof-of-work';
import { bidOn, sendWithEffort, type SendResult } from './proof-of-work';

/** The challenge endpoint, as fetch sees it: always calm (suggests 0). */
function calmChallenges(): void {
  let n = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    expect(url).toMatch(/^\/api\/challenge\?purpose=(report|status|signin)$/);
    n += 1;
    return new Response(JSON.stringify({ challenge: `v2.report.9999999999.${'A'.repeat(21)}${n % 10}.${'B'.repeat(43)}`, suggestedEffort: 0, expiresIn: 600 }));
  });
}

const busy = (suggestedEffort: number): SendResult => ({
  status: 503,
  data: { error: { code: 'busy', message: 'busy', retryAfterSeconds: 0, suggestedEffort } },
});

afterEach(() => vi.unstubAllGlobals());

describe('sendWithEffort', () => {
  it('sends without a proof while the server is calm', async () => {
    calmChallenges();
    const sent: Record<string, string>[] = [];
    const result = await sendWithEffort('/api/reports', async (headers) => (sent.push(headers), { status: 201, data: {} }));
    expect(result.status).toBe(201);
    expect(sent).toEqual([{}]);
  });

  it('after a busy answer, sends again with at least the suggested effort, then twice its last', async () => {
    calmChallenges();
    const efforts: number[] = [];
    const retries: number[] = [];
    const answers = [busy(3), busy(1), { status: 201, data: {} }];
    const result = await sendWithEffort(
      '/api/reports',
      async (headers) => {
        const proof = headers[POW_HEADER];
        efforts.push(proof === undefined ? 0 : (parseProof(proof)?.effort ?? -1));
        return answers.shift() ?? { status: 500, data: null };
      },
      (tries) => retries.push(tries),
    );
    expect(result.status).toBe(201);
    expect(efforts).toEqual([0, 3, 6]);
    expect(retries).toEqual([1, 2]);
  });

  it('tries a refused proof once more with a fresh challenge, not forever', async () => {
    calmChallenges();
    let calls = 0;
    const refused = { status: 400, data: { error: { code: 'pow_invalid', message: 'replayed' } } };
    const result = await sendWithEffort('/api/status', async () => (calls += 1, refused));
    expect(result).toEqual(refused);
    expect(calls).toBe(2);
  });

  it('gives up after eight busy answers and hands back the last', async () => {
    calmChallenges();
    let calls = 0;
    const result = await sendWithEffort('/api/staff/login', async () => (calls += 1, busy(1)));
    expect(result.status).toBe(503);
    expect(calls).toBe(8);
  });

  it('bids a quarter above a suggestion, and at least one more, so as not to tie the bids already waiting', () => {
    expect(bidOn(0)).toBe(0);
    expect(bidOn(1)).toBe(3);
    expect(bidOn(4)).toBe(6);
    expect(bidOn(2_000)).toBe(2_501);
  });
});
