/**
 * What a crafted image can make the server spend. An attacker uploads the
 * file that is worst for the metadata cleaner (tests/support/crafted-images.ts:
 * megabytes of FF fill bytes, a million empty segments, a million tiny
 * scans, entropy-coded data packed with stuffing or restarts, a million
 * empty PNG chunks). Each must still clean right, and receiving it
 * (counting, cleaning, hashing, encrypting and writing it: what an upload
 * costs the server per byte) must stay within a bound of what a plain
 * picture of the same format costs per MiB:
 * - twice, for the files issue 10 names: fill runs and a million empty
 *   segments (they are dropped, so they cost less than a photo);
 * - four times, for any other crafted file. Tiny segments that are kept
 *   cost a loop iteration each in the cleaner and are then hashed and
 *   encrypted like a photo's bytes: measured 1.5 to 2.8 times. The cleaner
 *   before this bound was written cost 20 to 50 times, which this catches.
 *
 * The costs are CPU time per MiB of one process (bench/cleaner-cost.ts,
 * started here under tsx as the server runs). Each run measures the plain
 * picture and then the crafted file, and the bound holds the least of the
 * runs' ratios: relative to the same machine under the same load, not a
 * speed (CI runs other test files beside this one on the same cores). The cleaner alone spends more
 * per MiB on these files than on a photo, whose cleaning is little more
 * than a native search for FF bytes; BENCHMARKS.md gives both figures.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CleanerCost } from '../../bench/cleaner-cost';
import { craftedJpeg, craftedPng, JPEG_JUNK, pieces, PNG_JUNK } from '../../tests/support/crafted-images';
import { clean } from '../../tests/support/image-bytes';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function measure(): Promise<CleanerCost[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/cleaner-cost.ts', '--json'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout) as CleanerCost[]) : reject(new Error(`cleaner-cost exited ${code}: ${stderr}`)))),
  );
}

/** The crafted files issue 10 names. */
const NAMED = new Set([
  '4 MiB of fill bytes before a marker',
  'a million empty COM segments, each after a fill byte',
  'a million empty APP1 segments',
  'a million empty APP0 segments (each looked into)',
]);

/** How many times a plain picture's cost per MiB receiving `name` may cost. */
const boundFor = (name: string): number => (NAMED.has(name) ? 2 : 4);

let costs: CleanerCost[];
beforeAll(async () => {
  costs = await measure();
}, 300_000);

function costOf(name: string): CleanerCost {
  const cost = costs.find((c) => c.name === name);
  if (!cost) throw new Error(`no cost measured for ${name}`);
  return cost;
}

describe('a crafted JPEG', () => {
  it.each(Object.keys(JPEG_JUNK).map((name) => [name, boundFor(name)] as const))('%s: cleaned right, and at most %d times as costly per MiB to receive as a plain photo', async (name, bound) => {
    const crafted = await craftedJpeg(name);
    const { output, result } = await clean(pieces(crafted.input));
    expect(result).toEqual({ mime: 'image/jpeg', metadata: 'removed' });
    expect(output.equals(crafted.expected)).toBe(true); // the small photo in it byte for byte, the junk as the rules say

    const cost = costOf(name);
    expect(cost.mib).toBeGreaterThan(3);
    expect(cost.ratio.receive).toBeLessThanOrEqual(bound);
  });
});

describe('a crafted PNG', () => {
  it.each(Object.keys(PNG_JUNK).map((name) => [name, boundFor(name)] as const))('%s: cleaned right, and at most %d times as costly per MiB to receive as a plain PNG', async (name, bound) => {
    const crafted = await craftedPng(name);
    const { output, result } = await clean(pieces(crafted.input));
    expect(result).toEqual({ mime: 'image/png', metadata: 'removed' });
    expect(output.equals(crafted.expected)).toBe(true);

    const cost = costOf(name);
    expect(cost.mib).toBeGreaterThan(3);
    expect(cost.ratio.receive).toBeLessThanOrEqual(bound);
  });
});
