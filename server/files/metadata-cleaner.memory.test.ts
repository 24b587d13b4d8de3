// On its own in this file so that no other test's garbage shows in the process's memory.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PNG_SIGNATURE, pngChunk, TINY_IHDR } from '../../tests/support/image-bytes';
import { MetadataCleaner } from './metadata-cleaner';

const MiB = 1024 * 1024;
const IDAT_BYTES = 200 * MiB;
const PIECE = 64 * 1024;
const GC_EVERY = 8 * MiB;

// V8 frees buffers only when it collects, and lets up to 64 MiB of them wait for that: collect every
// GC_EVERY bytes, so the memory measured is what the cleaner holds on to, not what is merely uncollected.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A PNG whose one IDAT chunk holds `idatBytes`, made as it is read: never in memory at once. */
async function* hugePng(idatBytes: number): AsyncGenerator<Buffer> {
  yield PNG_SIGNATURE;
  yield TINY_IHDR;
  const header = Buffer.from('\0\0\0\0IDAT', 'latin1');
  header.writeUInt32BE(idatBytes);
  yield header;
  for (let sent = 0; sent < idatBytes; sent += PIECE) {
    if (sent % GC_EVERY === 0) collectGarbage();
    // A fresh buffer each time: a cleaner that held on to them would grow by the whole chunk.
    yield Buffer.alloc(Math.min(PIECE, idatBytes - sent), (sent / PIECE) & 0xff);
  }
  yield Buffer.from([0, 0, 0, 0]); // CRC: the cleaner passes it on unchecked
  yield pngChunk('tEXt', 'Author\0Jane Reporter');
  yield pngChunk('IEND');
}

describe('memory', () => {
  it('streams a PNG with a 200 MiB IDAT chunk with less than 32 MiB of memory growth', async () => {
    collectGarbage();
    const before = process.memoryUsage().rss;
    let peak = before;
    let bytesOut = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytesOut += chunk.length;
        peak = Math.max(peak, process.memoryUsage().rss);
        callback();
      },
    });
    const cleaner = new MetadataCleaner({ keepMetadata: false });
    await pipeline(Readable.from(hugePng(IDAT_BYTES)), cleaner, sink);
    expect(bytesOut).toBe(PNG_SIGNATURE.length + TINY_IHDR.length + 12 + IDAT_BYTES + 12);
    expect(cleaner.result).toEqual({ mime: 'image/png', metadata: 'removed' });
    expect((peak - before) / MiB).toBeLessThan(32);
  }, 120_000);
});
