/**
 * Removes identifying metadata from a PNG without decoding it. A PNG is a
 * signature and a list of chunks (4-byte length, 4-letter type, data, CRC).
 * Metadata lives in ancillary chunks: text (tEXt, zTXt, iTXt: XMP, comments,
 * "Creation Time"), tIME, eXIf (EXIF with GPS and camera serial) and private
 * ones (caBX: C2PA provenance). Kept chunks stream through as they came.
 * Two are read whole and written anew (png-kept-chunks.ts): the first eXIf
 * before the image data gives way to one holding only the orientation, the
 * first iCCP to the canonical copy of its standard profile, if it is one.
 *
 * As with JPEG, a file may be a million empty chunks: each input chunk is
 * read in place, by index, with nothing allocated per PNG chunk; only a
 * chunk header split between two input chunks (8 bytes) is copied.
 */
import type { CleanOutput } from './clean-output';
import { type FormatCleaner, UnreadableImageError } from './format-cleaner';
import { PngKeptChunks } from './png-kept-chunks';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHUNK_HEADER_BYTES = 8; // length, type
const CRC_BYTES = 4;
const MAX_CHUNK_LENGTH = 0x7fff_ffff; // the PNG spec's limit
const NOTHING = Buffer.alloc(0);

/**
 * A chunk type as the signed 32-bit number its four bytes spell, so that
 * comparing types allocates nothing.
 */
function typeCode(type: string): number {
  return Buffer.from(type, 'latin1').readInt32BE(0);
}

const IHDR = typeCode('IHDR');
const IDAT = typeCode('IDAT');
const FDAT = typeCode('fdAT');
const IEND = typeCode('IEND');

/**
 * A type as a key V8 keeps as a small integer (no heap number per look-up).
 * Lossless for letters: the top bit of an ASCII byte is 0 and the next is 1.
 */
function smallKey(type: number): number {
  return type & 0x3fff_ffff;
}

/** Ancillary chunks that change how the picture looks (colour, transparency, animation) but say nothing about who made it. */
const KEPT_ANCILLARY = new Set(
  [
    'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs', 'hIST', 'sPLT',
    'cICP', 'mDCv', 'cLLi', 'acTL', 'fcTL', 'fdAT',
  ].map((type) => smallKey(typeCode(type))),
);

/** Critical chunks (uppercase first letter) are always kept: a decoder must understand them to show the picture. */
function keepsChunk(type: number): boolean {
  const critical = ((type >>> 24) & 0xff) < 0x61;
  return critical || KEPT_ANCILLARY.has(smallKey(type));
}

/**
 * True when the four bytes of `type` are ASCII letters, checked all at once
 * (a file may have a million chunk types to check): with bit 5 set every
 * letter is lower case, and adding 0x1f or 0x05 to a byte below 0x80 sets
 * its top bit exactly when it is at least 'a' or past 'z', with no carry
 * into the next byte.
 */
function isFourLetters(type: number): boolean {
  const lower = type | 0x2020_2020;
  const atLeastA = lower + 0x1f1f_1f1f;
  const pastZ = lower + 0x0505_0505;
  return ((type & 0x8080_8080) | (~atLeastA & 0x8080_8080) | (pastZ & 0x8080_8080)) === 0;
}

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
  readonly #kept = new PngKeptChunks();
  /** The current chunk is read by #kept (eXIf or iCCP), which writes what stays of it. */
  #collect = false;
  /** Data bytes of the current chunk not yet passed (#left also counts the CRC). */
  #dataLeft = 0;

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

  /**
   * Chunk after chunk, for as long as this input chunk holds their headers
   * whole: the loop a file of a million tiny chunks spends its time in, so
   * a chunk lying whole in this input chunk is kept or skipped right here.
   */
  #readChunks(chunk: Buffer, from: number, out: CleanOutput): number {
    const end = chunk.length;
    let at = from;
    while (at < end && this.#at === AT_CHUNK_HEADER) {
      if (at + CHUNK_HEADER_BYTES > end) {
        this.#held = Buffer.from(chunk.subarray(at));
        this.#at = AT_HELD_HEADER;
        return end;
      }
      const keep = this.#readChunkHeader(chunk, at);
      const bodyAt = at + CHUNK_HEADER_BYTES;
      if (bodyAt + this.#left <= end && !this.#last) {
        if (keep) out.keep(chunk, at, bodyAt + this.#left);
        else if (this.#collect) this.#kept.read(chunk, bodyAt, bodyAt + this.#dataLeft, out);
        at = bodyAt + this.#left;
        this.#at = AT_CHUNK_HEADER;
        continue;
      }
      if (keep) out.keep(chunk, at, bodyAt);
      at = this.#passBody(chunk, bodyAt, out);
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
      if (this.#readChunkHeader(joined, 0)) out.keep(joined, 0, joined.length);
    }
    return at + used;
  }

  /** Reads the chunk header at `at` and sets up its body; true when the chunk is kept. */
  #readChunkHeader(bytes: Buffer, at: number): boolean {
    // Read by hand rather than with readUInt32BE: this runs for each of what may be a million chunks.
    const length = (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
    const type = (((bytes[at + 4] ?? 0) << 24) | ((bytes[at + 5] ?? 0) << 16) | ((bytes[at + 6] ?? 0) << 8) | (bytes[at + 7] ?? 0)) | 0;
    // Anything but four ASCII letters means the file is not what it claims.
    if (!isFourLetters(type)) throw new UnreadableImageError('PNG chunk type is not four letters');
    if (length > MAX_CHUNK_LENGTH) throw new UnreadableImageError(`PNG chunk ${bytes.toString('latin1', at + 4, at + 8)} is impossibly long`);
    // A decoder reads IHDR first to know what the rest means; a file without it is not a PNG we can vouch for.
    if (this.#chunksSeen === 0 && type !== IHDR) throw new UnreadableImageError('PNG does not start with IHDR');
    this.#chunksSeen += 1;
    if (type === IDAT || type === FDAT) this.#sawImageData = true;
    this.#collect = this.#kept.wants(type, length, this.#sawImageData);
    this.#keep = !this.#collect && keepsChunk(type);
    this.#left = length + CRC_BYTES;
    this.#dataLeft = length;
    this.#last = type === IEND;
    this.#at = AT_CHUNK_BODY;
    return this.#keep;
  }

  /** Streams (or skips) the data and CRC of the current chunk, in whatever pieces they arrive. */
  #passBody(chunk: Buffer, at: number, out: CleanOutput): number {
    const n = Math.min(this.#left, chunk.length - at);
    if (this.#keep) out.keep(chunk, at, at + n);
    else if (this.#collect) this.#kept.add(chunk, at, at + Math.min(n, this.#dataLeft));
    this.#left -= n;
    this.#dataLeft = Math.max(0, this.#dataLeft - n);
    if (this.#left === 0) {
      if (this.#collect) this.#kept.finish(out);
      this.#collect = false;
      this.#at = this.#last ? AT_AFTER_IEND : AT_CHUNK_HEADER;
    }
    return at + n;
  }
}
