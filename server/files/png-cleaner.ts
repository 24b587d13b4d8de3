/**
 * Removes identifying metadata from a PNG without decoding it. A PNG is a
 * signature and a list of chunks (4-byte length, 4-letter type, data, CRC).
 * Metadata lives in ancillary chunks: text (tEXt, zTXt, iTXt: XMP, comments,
 * "Creation Time"), tIME, eXIf (EXIF with GPS and camera serial) and private
 * ones (caBX: C2PA provenance). Kept chunks stream through as they came.
 *
 * As with JPEG, a file may be a million empty chunks: each input chunk is
 * read in place, by index, with nothing allocated per PNG chunk; only a
 * chunk header split between two input chunks (8 bytes) is copied.
 */
import type { CleanOutput } from './clean-output';
import { type FormatCleaner, UnreadableImageError } from './format-cleaner';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHUNK_HEADER_BYTES = 8; // length, type
const CRC_BYTES = 4;
const MAX_CHUNK_LENGTH = 0x7fff_ffff; // the PNG spec's limit
const NOTHING = Buffer.alloc(0);

/**
 * A chunk type as the signed 32-bit number its four bytes spell: comparing
 * types then allocates nothing (as unsigned, most types would not fit in
 * V8's small integers and each look-up would make a heap number).
 */
function typeCode(type: string): number {
  return Buffer.from(type, 'latin1').readInt32BE(0);
}

const IHDR = typeCode('IHDR');
const IDAT = typeCode('IDAT');
const FDAT = typeCode('fdAT');
const IEND = typeCode('IEND');

/** Ancillary chunks that change how the picture looks (colour, transparency, animation) but say nothing about who made it. */
const KEPT_ANCILLARY = Int32Array.from(
  [
    'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'hIST', 'sPLT',
    'cICP', 'mDCv', 'cLLi', 'acTL', 'fcTL', 'fdAT',
  ].map(typeCode),
);

/** Critical chunks (uppercase first letter) are always kept: a decoder must understand them to show the picture. */
function keepsChunk(type: number): boolean {
  const critical = ((type >>> 24) & 0xff) < 0x61;
  return critical || KEPT_ANCILLARY.includes(type);
}

/** 1 for the bytes a chunk type may be made of: ASCII letters. */
const LETTER = Uint8Array.from({ length: 256 }, (_, byte) => ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) ? 1 : 0));

/** Where the parser is, between one byte and the next. */
const AT_SIGNATURE = 0;
const AT_CHUNK_HEADER = 1;
const AT_HELD_HEADER = 2; // a chunk header began at the end of the last input chunk; its first bytes are in #held
const AT_CHUNK_BODY = 3; // data and CRC: #left bytes, kept if #keep
const AT_AFTER_IEND = 4; // anything after IEND is not part of the picture (appended files, trailers): dropped

/** A streaming PNG cleaner; see the module comment. */
export function pngCleaner(): FormatCleaner {
  return new PngCleaner();
}

class PngCleaner implements FormatCleaner {
  #at = AT_SIGNATURE;
  #held: Buffer = NOTHING;
  #left = 0;
  #keep = false;
  #last = false;
  #chunksSeen = 0;
  #sawImageData = false;

  write(chunk: Buffer, out: CleanOutput): void {
    let at = 0;
    while (at < chunk.length) {
      switch (this.#at) {
        case AT_SIGNATURE:
        case AT_HELD_HEADER:
          at = this.#finishHeld(chunk, at, out);
          break;
        case AT_CHUNK_HEADER:
          at = this.#readChunks(chunk, at, out);
          break;
        case AT_CHUNK_BODY:
          at = this.#passBody(chunk, at, out);
          break;
        case AT_AFTER_IEND:
          return;
      }
    }
  }

  end(): void {
    // Cut short after image data: what came through is all allowlisted, so it may go as it is.
    if (this.#at !== AT_AFTER_IEND && !this.#sawImageData) throw new UnreadableImageError('PNG ends before its image data');
  }

  /** Chunk after chunk, for as long as this input chunk holds their headers whole. */
  #readChunks(chunk: Buffer, from: number, out: CleanOutput): number {
    let at = from;
    while (at < chunk.length && this.#at === AT_CHUNK_HEADER) {
      if (at + CHUNK_HEADER_BYTES > chunk.length) {
        this.#held = Buffer.from(chunk.subarray(at));
        this.#at = AT_HELD_HEADER;
        return chunk.length;
      }
      this.#readChunkHeader(chunk, at, out);
      at = this.#passBody(chunk, at + CHUNK_HEADER_BYTES, out);
    }
    return at;
  }

  /** The signature, or a chunk header, from the bytes held and the start of this input chunk. */
  #finishHeld(chunk: Buffer, at: number, out: CleanOutput): number {
    const wanted = (this.#at === AT_SIGNATURE ? SIGNATURE.length : CHUNK_HEADER_BYTES) - this.#held.length;
    const joined = Buffer.concat([this.#held, chunk.subarray(at, at + wanted)]);
    const used = joined.length - this.#held.length;
    this.#held = joined;
    if (used < wanted) return at + used;
    this.#held = NOTHING;
    if (this.#at === AT_SIGNATURE) {
      if (!joined.equals(SIGNATURE)) throw new UnreadableImageError('PNG signature is damaged');
      out.keep(joined, 0, joined.length);
      this.#at = AT_CHUNK_HEADER;
    } else {
      this.#readChunkHeader(joined, 0, out);
    }
    return at + used;
  }

  #readChunkHeader(bytes: Buffer, at: number, out: CleanOutput): void {
    const length = bytes.readUInt32BE(at);
    // Anything but four ASCII letters means the file is not what it claims.
    const letters = (LETTER[bytes[at + 4] ?? 0] ?? 0) + (LETTER[bytes[at + 5] ?? 0] ?? 0) + (LETTER[bytes[at + 6] ?? 0] ?? 0) + (LETTER[bytes[at + 7] ?? 0] ?? 0);
    if (letters !== 4) throw new UnreadableImageError('PNG chunk type is not four letters');
    const type = bytes.readInt32BE(at + 4);
    if (length > MAX_CHUNK_LENGTH) throw new UnreadableImageError(`PNG chunk ${bytes.toString('latin1', at + 4, at + 8)} is impossibly long`);
    // A decoder reads IHDR first to know what the rest means; a file without it is not a PNG we can vouch for.
    if (this.#chunksSeen === 0 && type !== IHDR) throw new UnreadableImageError('PNG does not start with IHDR');
    this.#chunksSeen += 1;
    if (type === IDAT || type === FDAT) this.#sawImageData = true;
    this.#keep = keepsChunk(type);
    if (this.#keep) out.keep(bytes, at, at + CHUNK_HEADER_BYTES);
    this.#left = length + CRC_BYTES;
    this.#last = type === IEND;
    this.#at = AT_CHUNK_BODY;
  }

  /** Streams (or skips) the data and CRC of the current chunk, in whatever pieces they arrive. */
  #passBody(chunk: Buffer, at: number, out: CleanOutput): number {
    const n = Math.min(this.#left, chunk.length - at);
    if (this.#keep) out.keep(chunk, at, at + n);
    this.#left -= n;
    if (this.#left === 0) this.#at = this.#last ? AT_AFTER_IEND : AT_CHUNK_HEADER;
    return at + n;
  }
}
