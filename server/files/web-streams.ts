/** Node stream -> web ReadableStream that reads only when asked (backpressure end to end). */
import type { Readable } from 'node:stream';

/**
 * Unlike a queue-filling adapter, this pulls one chunk per request from the
 * web side, so a slow consumer (encryption, disk) slows the upload down
 * instead of buffering it in memory.
 */
export function toWebStream(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller): Promise<void> {
        const next = await chunks.next();
        if (next.done === true) controller.close();
        else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      async cancel(reason): Promise<void> {
        source.destroy(reason instanceof Error ? reason : undefined);
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
