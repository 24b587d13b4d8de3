/**
 * Removes identifying metadata from a PNG without decoding it. A PNG is a
 * signature and a list of chunks (4-byte length, 4-letter type, data, CRC).
 * Metadata lives in ancillary chunks: text (tEXt, zTXt, iTXt: XMP, comments,
 * "Creation Time"), tIME, eXIf (EXIF with GPS and camera serial) and private
 * ones (caBX: C2PA provenance). Kept chunks stream through as they came; only
 * their 8-byte header is ever held.
 */
import type { ByteQueue } from './byte-queue';
import { type Emit, type FormatCleaner, UnreadableImageError } from './format-cleaner';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHUNK_HEADER_BYTES = 8; // length, type
const CRC_BYTES = 4;
const MAX_CHUNK_LENGTH = 0x7fff_ffff; // the PNG spec's limit

/** Ancillary chunks that change how the picture looks (colour, transparency, animation) but say nothing about who made it. */
const KEPT_ANCILLARY = new Set([
  'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'hIST', 'sPLT',
  'cICP', 'mDCv', 'cLLi', 'acTL', 'fcTL', 'fdAT',
]);

type State =
  | { at: 'signature' }
  | { at: 'chunk-header' }
  | { at: 'chunk-body'; left: number; keep: boolean; last: boolean }
  | { at: 'after-iend' };

/** A streaming PNG cleaner; see the module comment. */
export function pngCleaner(): FormatCleaner {
  let state: State = { at: 'signature' };
  let chunksSeen = 0;
  let sawImageData = false;

  function readSignature(input: ByteQueue, emit: Emit): boolean {
    const signature = input.take(SIGNATURE.length);
    if (signature === null) return false;
    if (!signature.equals(SIGNATURE)) throw new UnreadableImageError('PNG signature is damaged');
    emit(signature);
    state = { at: 'chunk-header' };
    return true;
  }

  function readChunkHeader(input: ByteQueue, emit: Emit): boolean {
    const header = input.take(CHUNK_HEADER_BYTES);
    if (header === null) return false;
    const length = header.readUInt32BE(0);
    const type = chunkType(header.subarray(4));
    if (length > MAX_CHUNK_LENGTH) throw new UnreadableImageError(`PNG chunk ${type} is impossibly long`);
    // A decoder reads IHDR first to know what the rest means; a file without it is not a PNG we can vouch for.
    if (chunksSeen === 0 && type !== 'IHDR') throw new UnreadableImageError('PNG does not start with IHDR');
    chunksSeen += 1;
    if (type === 'IDAT' || type === 'fdAT') sawImageData = true;
    const keep = keepsChunk(type);
    if (keep) emit(header);
    state = { at: 'chunk-body', left: length + CRC_BYTES, keep, last: type === 'IEND' };
    return true;
  }

  /** Streams (or skips) the data and CRC of the current chunk, in whatever pieces they arrive. */
  function passChunkBody(input: ByteQueue, emit: Emit): boolean {
    if (state.at !== 'chunk-body') return false;
    while (state.left > 0 && input.length > 0) {
      const piece = input.takeUpTo(state.left);
      if (state.keep) emit(piece);
      state.left -= piece.length;
    }
    if (state.left > 0) return false;
    state = state.last ? { at: 'after-iend' } : { at: 'chunk-header' };
    return true;
  }

  function step(input: ByteQueue, emit: Emit): boolean {
    switch (state.at) {
      case 'signature':
        return readSignature(input, emit);
      case 'chunk-header':
        return readChunkHeader(input, emit);
      case 'chunk-body':
        return passChunkBody(input, emit);
      case 'after-iend':
        // Anything after IEND is not part of the picture (appended files, trailers): dropped.
        input.clear();
        return false;
    }
  }

  return {
    consume(input, emit) {
      while (step(input, emit));
    },
    end(input, emit) {
      this.consume(input, emit);
      // Cut short after image data: what came through is all allowlisted, so it may go as it is.
      if (state.at !== 'after-iend' && !sawImageData) throw new UnreadableImageError('PNG ends before its image data');
    },
  };
}

/** Critical chunks (uppercase first letter) are always kept: a decoder must understand them to show the picture. */
function keepsChunk(type: string): boolean {
  const critical = type.charCodeAt(0) < 0x61;
  return critical || KEPT_ANCILLARY.has(type);
}

/** The chunk type as text; anything but four ASCII letters means the file is not what it claims. */
function chunkType(bytes: Buffer): string {
  for (const byte of bytes) {
    const letter = (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    if (!letter) throw new UnreadableImageError('PNG chunk type is not four letters');
  }
  return bytes.toString('latin1');
}
