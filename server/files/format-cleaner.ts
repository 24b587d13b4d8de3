/**
 * What the metadata cleaner asks of each file format it handles, and the one
 * error a format may raise.
 */
import type { CleanOutput } from './clean-output';

/** Thrown (emitted as the stream error) when a JPEG/PNG is too malformed to clean safely. */
export class UnreadableImageError extends Error {
  override name = 'UnreadableImageError';
}

/**
 * A streaming parser for one format. It reads each chunk once, in place,
 * and keeps in `out` the bytes that belong in the cleaned file; a header
 * split between two chunks is the only thing it holds on to.
 */
export interface FormatCleaner {
  /** The next chunk of the file. Throws UnreadableImageError. */
  write(chunk: Buffer, out: CleanOutput): void;
  /** The file has ended. Throws UnreadableImageError. */
  end(out: CleanOutput): void;
}

/** Sends every byte on unchanged: files kept as they are. */
export const passThrough: FormatCleaner = {
  write(chunk, out) {
    out.keep(chunk, 0, chunk.length);
  },
  end() {},
};
