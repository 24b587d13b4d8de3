import { describe, expect, it } from 'vitest';
import { FillRuns } from './fill-runs';

/** The end of an FF run the slow, obvious way. */
function naiveEnd(bytes: Buffer, from: number, end: number): number {
  let at = from;
  while (at < end && bytes[at] === 0xff) at += 1;
  return at;
}

describe('FillRuns.end', () => {
  it('agrees with a byte-by-byte search for every run length, start, end and memory alignment', () => {
    const runs = new FillRuns();
    const backing = Buffer.alloc(256, 0x00);
    for (let misalign = 0; misalign < 4; misalign += 1) {
      for (let length = 0; length <= 70; length += 1) {
        // A run of `length` FFs at 10, in a view whose memory starts `misalign` bytes into the backing store.
        const bytes = backing.subarray(misalign, misalign + 120).fill(0x00);
        bytes.fill(0xff, 10, 10 + length);
        for (const from of [10, 11, 13]) {
          for (const end of [bytes.length, 10 + length, 10 + length + 1, Math.max(from, 10 + length - 1), from + 9]) {
            if (end < from) continue;
            expect(runs.end(bytes, from, end), `misalign ${misalign}, run ${length}, from ${from}, end ${end}`).toBe(naiveEnd(bytes, from, end));
          }
        }
      }
    }
  });

  it('never reads past `end`, even when the bytes after it are FF too', () => {
    const bytes = Buffer.alloc(100, 0xff);
    expect(new FillRuns().end(bytes, 3, 50)).toBe(50);
  });
});
