/**
 * The bytes a streaming parser has received but not yet used. Chunks are kept
 * as they came and only joined when a caller asks for a fixed number of bytes
 * (a marker, a length, one small segment), so a file sent in 1-byte chunks
 * costs no more than one sent whole.
 */
export class ByteQueue {
  #chunks: Buffer[] = [];
  #length = 0;

  /** Bytes waiting. */
  get length(): number {
    return this.#length;
  }

  /** Appends bytes at the end. */
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  /** Puts bytes back at the front (a parser read further than it used). */
  unshift(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#chunks.unshift(chunk);
    this.#length += chunk.length;
  }

  /** Removes exactly `n` bytes, joined into one buffer; null (and nothing removed) while fewer are waiting. */
  take(n: number): Buffer | null {
    if (n > this.#length) return null;
    const parts: Buffer[] = [];
    let wanted = n;
    while (wanted > 0) {
      const part = this.takeUpTo(wanted);
      parts.push(part);
      wanted -= part.length;
    }
    return parts.length === 1 ? (parts[0] ?? Buffer.alloc(0)) : Buffer.concat(parts, n);
  }

  /** Removes at most `n` bytes without copying: part or all of the first chunk. Empty when nothing waits. */
  takeUpTo(n: number): Buffer {
    const first = this.#chunks[0];
    if (first === undefined || n <= 0) return Buffer.alloc(0);
    if (first.length <= n) {
      this.#chunks.shift();
      this.#length -= first.length;
      return first;
    }
    this.#chunks[0] = first.subarray(n);
    this.#length -= n;
    return first.subarray(0, n);
  }

  /** Drops everything waiting. */
  clear(): void {
    this.#chunks = [];
    this.#length = 0;
  }
}
