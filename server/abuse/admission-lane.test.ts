/**
 * The admission lane on a moved clock with a hand-driven timer: best effort
 * first, equal efforts in arrival order, a full line refusing its worst, a
 * share reserved for requests without a proof, waiting bounded in time, a
 * client that leaves giving its place up, and the suggested effort rising
 * under load and falling when calm.
 */
import { describe, expect, it } from 'vitest';
import { AdmissionLane, type Admission, type LaneOptions } from './admission-lane';
import { nextSuggestion } from './suggested-effort';

interface Harness {
  lane: AdmissionLane;
  /** Move the clock and run the lane's timer if it is due. */
  advance: (ms: number) => void;
}

function harness(options: Partial<LaneOptions> = {}): Harness {
  let nowMs = Date.parse('2026-12-01T10:00:00Z');
  let wake: { at: number; run: () => void } | null = null;
  const lane = new AdmissionLane({
    perMinute: 60,
    slowPerMinute: 0,
    queueSize: 4,
    slowQueueSize: 4,
    maxWaitMs: 30_000,
    periodMs: 10_000,
    now: () => new Date(nowMs),
    schedule: (run, ms) => {
      const timer = { at: nowMs + ms, run };
      wake = timer;
      return () => {
        if (wake === timer) wake = null;
      };
    },
    ...options,
  });
  const advance = (ms: number): void => {
    const until = nowMs + ms;
    while (wake !== null && wake.at <= until) {
      const due: { at: number; run: () => void } = wake;
      wake = null;
      nowMs = Math.max(nowMs, due.at);
      due.run();
    }
    nowMs = until;
  };
  return { lane, advance };
}

/** Start admissions and record how each ends, in the order they end. */
function track(lane: AdmissionLane, efforts: number[], signal?: AbortSignal): { ended: string[]; results: (Admission | null)[] } {
  const ended: string[] = [];
  const results: (Admission | null)[] = efforts.map(() => null);
  efforts.forEach((effort, index) => {
    void lane.admit(effort, signal).then((admission) => {
      results[index] = admission;
      ended.push(`${admission.admitted ? 'in' : 'out'}:${index}`);
    });
  });
  return { ended, results };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('admission lane', () => {
  it('admits at once while the burst lasts, then serves the best bid first and equal bids in arrival order', async () => {
    const { lane, advance } = harness({ perMinute: 60, queueSize: 8 }); // burst 15, one a second after that
    for (let n = 0; n < 15; n += 1) expect((await lane.admit(0)).admitted).toBe(true);
    const { ended } = track(lane, [5, 1, 9, 5, 1]);
    await settle();
    expect(ended).toEqual([]);
    for (let n = 0; n < 5; n += 1) {
      advance(1_000);
      await settle();
    }
    expect(ended).toEqual(['in:2', 'in:0', 'in:3', 'in:1', 'in:4']);
  });

  it('a full line refuses its worst: a lower newcomer at once, else the lowest and latest waiting', async () => {
    const { lane, advance } = harness({ perMinute: 4, queueSize: 3 }); // burst 1
    await lane.admit(0);
    const first = track(lane, [5, 5, 5]);
    const low = await lane.admit(5); // equal to the worst: the newcomer loses, nobody is overtaken
    expect(low.admitted).toBe(false);
    if (!low.admitted) {
      expect(low.retryAfterSeconds).toBeGreaterThan(0);
      expect(low.suggestedEffort).toBeGreaterThanOrEqual(10);
    }
    const high = track(lane, [8]);
    await settle();
    expect(first.ended).toEqual(['out:2']); // the latest of the equal bids made room
    advance(15_000);
    await settle();
    expect(high.ended).toEqual(['in:0']);
  });

  it('requests without a proof keep a reserved share in arrival order while bids fill the main line', async () => {
    const { lane, advance } = harness({ perMinute: 60, slowPerMinute: 12, queueSize: 4, slowQueueSize: 3 });
    // Drain both bursts (15 and 3).
    for (let n = 0; n < 18; n += 1) await lane.admit(n < 15 ? 7 : 0);
    const bids = track(lane, [7, 7, 7, 7]);
    const plain = track(lane, [0, 0, 0]);
    const overflow = await lane.admit(0);
    expect(overflow.admitted).toBe(false); // the slow line holds three
    // Keep the main line full of bids for 30 s: each second one is admitted and another arrives.
    const more = [];
    for (let second = 0; second < 25; second += 1) {
      more.push(track(lane, [7]));
      advance(1_000);
      await settle();
    }
    // The slow bucket (one per 5 s) let the three plain requests in, first come first served.
    expect(plain.ended).toEqual(['in:0', 'in:1', 'in:2']);
    expect(bids.ended.every((entry) => entry.startsWith('in:'))).toBe(true);
  });

  it('marks admissions below the suggested effort as low effort', async () => {
    const { lane, advance } = harness({ perMinute: 4, slowPerMinute: 4, queueSize: 1, slowQueueSize: 1 });
    expect(await lane.admit(0)).toEqual({ admitted: true, effort: 0, lowEffort: false }); // calm: suggestion 0
    await lane.admit(0); // both bursts used
    const flood = track(lane, [0, 0, 0]); // one waits, two are refused: the suggestion rises to 1
    advance(10_000);
    await settle();
    expect(lane.suggested.current()).toBe(1);
    advance(5_000); // a token: the one waiting gets in, below the suggestion
    await settle();
    expect(flood.results[0]).toEqual({ admitted: true, effort: 0, lowEffort: true });
    advance(15_000);
    expect(await lane.admit(1)).toEqual({ admitted: true, effort: 1, lowEffort: false });
  });

  it('a request waits at most maxWaitMs, and a client that leaves gives its place up', async () => {
    const { lane, advance } = harness({ perMinute: 1, queueSize: 4, maxWaitMs: 20_000 });
    await lane.admit(3);
    const left = new AbortController();
    const leaving = track(lane, [3], left.signal);
    const waiting = track(lane, [3]);
    left.abort();
    await settle();
    expect(leaving.ended).toEqual(['out:0']);
    expect(lane.waiting().withProof).toBe(1);
    advance(20_000);
    await settle();
    expect(waiting.ended).toEqual(['out:0']);
    const refusal = waiting.results[0];
    expect(refusal?.admitted).toBe(false);
    expect(lane.waiting()).toEqual({ withProof: 0, withoutProof: 0 });
  });
});

describe('suggested effort', () => {
  it('rises while bids at the suggestion are refused, holds while only lower ones are, and decays when calm', () => {
    expect(nextSuggestion(0, 0, true)).toBe(1); // requests without a proof turned away: ask for some work
    expect(nextSuggestion(100, 100, true)).toBe(200);
    expect(nextSuggestion(100, 500, true)).toBe(501);
    expect(nextSuggestion(100, 40, true)).toBe(100);
    expect(nextSuggestion(100, null, true)).toBe(100);
    expect(nextSuggestion(100, null, false)).toBe(66);
    expect(nextSuggestion(1, null, false)).toBe(0);
  });

  it('comes back to zero once a flood stops', async () => {
    const { lane, advance } = harness({ perMinute: 4, queueSize: 1 });
    await lane.admit(0);
    for (let round = 0; round < 6; round += 1) {
      track(lane, [lane.suggested.current() + 1, lane.suggested.current() + 1, lane.suggested.current() + 1]);
      advance(10_000);
      await settle();
    }
    const peak = lane.suggested.current();
    expect(peak).toBeGreaterThan(8);
    advance(30 * 60_000);
    await settle();
    expect(lane.suggested.current()).toBe(0);
  });
});
