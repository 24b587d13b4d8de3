/**
 * Gathers one segment's payload (JPEG) or chunk's data (PNG) that arrives
 * in pieces, when the cleaner must read all of it before deciding what to
 * write: EXIF for its orientation, an ICC profile. Callers never collect
 * more than a few such segments per file, each bounded (a JPEG segment is
 * at most 65,533 bytes; a PNG chunk is collected only up to
 * MAX_PROFILE_BYTES), so the cleaner's memory stays bounded.
 */
export class SegmentCollector {
  #bytes = Buffer.alloc(0);
  #filled = 0;

  /** Starts a payload of `length` bytes. */
  begin(length: number): void {
    this.#bytes = Buffer.allocUnsafe(length);
    this.#filled = 0;
  }

  /** Adds `bytes[start, end)`, or as much of it as the payload still lacks. */
  add(bytes: Buffer, start: number, end: number): void {
    this.#filled += bytes.copy(this.#bytes, this.#filled, start, Math.min(end, start + this.#bytes.length - this.#filled));
  }

  /** The whole payload, once every byte has been added; the collector lets go of it. */
  take(): Buffer {
    const bytes = this.#bytes.subarray(0, this.#filled);
    this.#bytes = Buffer.alloc(0);
    this.#filled = 0;
    return bytes;
  }
}
