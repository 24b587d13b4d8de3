/**
 * The bytes a format cleaner keeps from one input chunk, gathered so that a
 * file made of a million tiny pieces costs little per piece: kept ranges
 * that touch are joined, short ones are copied together into one
 * block, long ones are passed on as views of the input without copying, and
 * the stream gets a few buffers per chunk rather than one per segment (each
 * buffer pushed through a stream costs far more than a few bytes copied).
 */

/** Ranges up to this long are copied; longer ones are passed on as views. */
const COPY_UP_TO = 256;
/** Ranges up to this long are copied by a loop here, longer ones by a native call. */
const LOOP_COPY_UP_TO = 8;
/** Copied bytes are packed into blocks of this size. */
const BLOCK_BYTES = 64 * 1024;

/** What a format cleaner keeps, handed to the stream a few buffers at a time (see the module comment). */
export class CleanOutput {
  #pieces: Buffer[] = [];
  // The last kept range, not yet placed: the next one may continue it.
  #range: Buffer | null = null;
  #rangeStart = 0;
  #rangeEnd = 0;
  // Copies of short ranges; [#blockFrom, #blockTo) is written but not yet handed out.
  // Allocated on first use: a photo's output is all long ranges.
  #block = Buffer.alloc(0);
  #blockFrom = 0;
  #blockTo = 0;

  /** Keeps `bytes[start, end)`. The caller must not change those bytes afterwards. */
  keep(bytes: Buffer, start: number, end: number): void {
    if (end <= start) return;
    if (bytes === this.#range && start === this.#rangeEnd) {
      this.#rangeEnd = end;
      return;
    }
    this.#place();
    this.#range = bytes;
    this.#rangeStart = start;
    this.#rangeEnd = end;
  }

  /** Keeps a copy of `bytes[start, end)`, taken now: for bytes the caller is about to reuse. */
  copy(bytes: Buffer, start: number, end: number): void {
    this.#place();
    this.#copyIn(bytes, start, end);
  }

  /** Everything kept since the last call, in order. */
  take(): Buffer[] {
    this.#place();
    this.#handOutBlock();
    const pieces = this.#pieces;
    this.#pieces = [];
    return pieces;
  }

  #place(): void {
    const range = this.#range;
    if (range === null) return;
    this.#range = null;
    if (this.#rangeEnd - this.#rangeStart > COPY_UP_TO) {
      this.#handOutBlock();
      this.#pieces.push(range.subarray(this.#rangeStart, this.#rangeEnd));
    } else {
      this.#copyIn(range, this.#rangeStart, this.#rangeEnd);
    }
  }

  #copyIn(bytes: Buffer, start: number, end: number): void {
    if (this.#blockTo + (end - start) > this.#block.length) this.#newBlock();
    const block = this.#block;
    if (end - start > LOOP_COPY_UP_TO) {
      this.#blockTo += bytes.copy(block, this.#blockTo, start, end);
      return;
    }
    // A plain loop: for a handful of bytes it is cheaper than a native copy call.
    let to = this.#blockTo;
    for (let at = start; at < end; at += 1) block[to++] = bytes[at] ?? 0;
    this.#blockTo = to;
  }

  #handOutBlock(): void {
    if (this.#blockTo === this.#blockFrom) return;
    this.#pieces.push(this.#block.subarray(this.#blockFrom, this.#blockTo));
    this.#blockFrom = this.#blockTo;
  }

  #newBlock(): void {
    this.#handOutBlock();
    // Bytes handed out are views of the old block, so it is never written again.
    this.#block = Buffer.allocUnsafe(BLOCK_BYTES);
    this.#blockFrom = 0;
    this.#blockTo = 0;
  }
}
