/**
 * What the metadata cleaner asks of each file format it handles, and the one
 * error a format may raise.
 */
import type { ByteQueue } from './byte-queue';

/** Thrown (emitted as the stream error) when a JPEG/PNG is too malformed to clean safely. */
export class UnreadableImageError extends Error {
  override name = 'UnreadableImageError';
}

/** Where a format cleaner sends the bytes it keeps, in order. */
export type Emit = (bytes: Buffer) => void;

/**
 * A streaming parser for one format. It takes what it can use from `input`,
 * emits the bytes that belong in the cleaned file, and leaves an incomplete
 * tail (a half-received header) in `input` until more arrives.
 */
export interface FormatCleaner {
  /** Uses as much of `input` as it can. Throws UnreadableImageError. */
  consume(input: ByteQueue, emit: Emit): void;
  /** The input has ended with `input` still unused. Throws UnreadableImageError. */
  end(input: ByteQueue, emit: Emit): void;
}

/** Sends every byte on unchanged: files kept as they are. */
export const passThrough: FormatCleaner = {
  consume(input, emit) {
    while (input.length > 0) emit(input.takeUpTo(input.length));
  },
  end(input, emit) {
    this.consume(input, emit);
  },
};
