// On its own in this file so that no other test's garbage shows in the process's memory.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from './age';
import { ageDecryptor, ageEncryptor } from './age-stream';

const MiB = 1024 * 1024;
const PLAINTEXT_BYTES = 200 * MiB;
const PIECE = 100 * 1024; // not a multiple of the 64 KiB chunk, so chunks straddle pieces
const GC_EVERY = 1 * MiB;

// V8 frees buffers only when it collects, and each plaintext byte leaves about
// three bytes of garbage (its piece, the cipher's output, the sealed chunk).
// Scavenge every GC_EVERY bytes, so the memory measured is what the encryptor
// holds on to, not what is merely uncollected.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

/** 200 MiB made as it is read: never in memory at once. */
async function* lazyPlaintext(): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < PLAINTEXT_BYTES; sent += PIECE) {
    if (sent % GC_EVERY < PIECE) collectGarbage({ type: 'minor' });
    yield Buffer.alloc(Math.min(PIECE, PLAINTEXT_BYTES - sent), (sent / PIECE) & 0xff);
  }
}

/** A sink that counts bytes and notes the process's peak memory. */
function measuringSink(): { sink: Writable; bytes: () => number; growthMiB: () => number } {
  collectGarbage();
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      peak = Math.max(peak, process.memoryUsage().rss);
      callback();
    },
  });
  return { sink, bytes: () => bytes, growthMiB: () => (peak - before) / MiB };
}

describe('memory', () => {
  it('encrypts 200 MiB with less than 32 MiB of memory growth', async () => {
    const { recipient } = await generateKeyPair();
    const { sink, bytes, growthMiB } = measuringSink();
    await pipeline(Readable.from(lazyPlaintext()), ageEncryptor([recipient]), sink);
    const overhead = bytes() - PLAINTEXT_BYTES - (PLAINTEXT_BYTES / (64 * 1024)) * 16;
    // What is left is the header and nonce: all of the plaintext went through.
    expect(overhead).toBeGreaterThan(100);
    expect(overhead).toBeLessThan(300);
    expect(growthMiB()).toBeLessThan(32);
  }, 120_000);

  it('encrypts and decrypts 200 MiB in one chain with less than 32 MiB of memory growth', async () => {
    const { identity, recipient } = await generateKeyPair();
    const { sink, bytes, growthMiB } = measuringSink();
    await pipeline(Readable.from(lazyPlaintext()), ageEncryptor([recipient]), ageDecryptor([identity]), sink);
    expect(bytes()).toBe(PLAINTEXT_BYTES);
    expect(growthMiB()).toBeLessThan(32);
  }, 120_000);
});
