/**
 * Finding where a run of FF bytes ends. JPEG allows any number of FF fill
 * bytes before a marker (and inside entropy-coded data), and nothing stops a
 * file from holding megabytes of them. Looked at one byte at a time they
 * would cost several times what a photo does, so past the first few bytes of
 * a run whole 32-bit words are compared.
 */

/** Runs are looked at byte by byte up to this length: most are a byte or two. */
const SHORT_RUN = 8;
const ALL_FF = -1; // a 32-bit word of four FF bytes, as an Int32Array reads it

/** One per cleaner: keeps a word view of the chunk it last looked at. */
export class FillRuns {
  #bytes: Buffer | null = null;
  #words: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** Index in #bytes of the first byte of #words[0] (0 to 3, to align the view). */
  #wordsAt = 0;

  /** The index of the first byte at or after `from` that is not FF, or `end` when there is none before it. */
  end(bytes: Buffer, from: number, end: number): number {
    let at = from;
    const shortEnd = Math.min(end, from + SHORT_RUN);
    while (at < shortEnd && bytes[at] === 0xff) at += 1;
    if (at < shortEnd || at === end) return at;
    const words = this.#wordsOf(bytes);
    // Byte by byte up to a word boundary, then whole words, then the last few bytes.
    const firstWord = Math.ceil((at - this.#wordsAt) / 4);
    const lastWord = Math.floor((end - this.#wordsAt) / 4); // words wholly before `end`
    if (firstWord < lastWord) {
      for (const aligned = this.#wordsAt + firstWord * 4; at < aligned; at += 1) if (bytes[at] !== 0xff) return at;
      let word = firstWord;
      while (word < lastWord && words[word] === ALL_FF) word += 1;
      at = this.#wordsAt + word * 4;
    }
    while (at < end && bytes[at] === 0xff) at += 1;
    return at;
  }

  #wordsOf(bytes: Buffer): Int32Array<ArrayBufferLike> {
    if (bytes !== this.#bytes) {
      const skip = (4 - (bytes.byteOffset % 4)) % 4;
      const count = Math.max(0, Math.floor((bytes.length - skip) / 4));
      this.#words = new Int32Array(bytes.buffer, bytes.byteOffset + skip, count);
      this.#wordsAt = skip;
      this.#bytes = bytes;
    }
    return this.#words;
  }

  /** Lets go of the last chunk (it is a reporter's file). */
  forget(): void {
    this.#bytes = null;
    this.#words = new Int32Array(0);
  }
}
