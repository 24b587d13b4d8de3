/**
 * The two things a cleaned JPEG keeps from segments it otherwise drops: the
 * orientation from the EXIF APP1 segment and a standard colour profile from
 * the APP2 ICC_PROFILE segments. Neither is copied: the cleaner writes a
 * minimal EXIF segment (exif-orientation.ts) or the standard's canonical
 * profile (icc-standards.ts) where the original stood.
 *
 * Decoders read both before the first scan (libjpeg's jpeg_read_header), and
 * browsers use the first EXIF segment; so only the first EXIF segment and
 * the first profile before the first scan are looked at, and everything
 * after is dropped unread. That bounds the work a crafted file can cause:
 * one EXIF segment (at most 64 KiB), and ICC segments up to
 * MAX_PROFILE_BYTES of profile in all, arriving in order (1 of n, 2 of n,
 * ...), as every writer sends them. A profile sent out of order, too large,
 * or unfinished when the scan starts is dropped.
 */
import type { CleanOutput } from './clean-output';
import { EXIF_ID, orientationJpegSegment, readOrientation } from './exif-orientation';
import { canonicalIccSegment, ICC_HEADER_BYTES, ICC_ID } from './icc-embedding';
import { MAX_PROFILE_BYTES, recogniseProfile } from './icc-recognise';
import { COLLECT_EXIF } from './jpeg-segments';
import { SegmentCollector } from './segment-collector';

export class JpegKeptMetadata {
  /** True once the EXIF segment has been read (or can no longer be): later APP1 segments are dropped unread. */
  exifDone = false;
  /** Likewise for the profile and APP2. */
  profileDone = false;
  readonly #collector = new SegmentCollector();
  #pieces: Buffer[] = [];
  #profileBytes = 0;
  #nextSequence = 1;
  #count = 0;

  /** Starts a segment whose payload comes in pieces: `add` each, then `finish`. */
  begin(payloadLength: number): void {
    this.#collector.begin(payloadLength);
  }

  add(bytes: Buffer, start: number, end: number): void {
    this.#collector.add(bytes, start, end);
  }

  finish(kind: number, out: CleanOutput): void {
    const payload = this.#collector.take();
    this.read(kind, payload, 0, payload.length, out);
  }

  /** Reads a whole payload `bytes[start, end)` of `kind` (COLLECT_EXIF or COLLECT_ICC) and writes what it keeps. */
  read(kind: number, bytes: Buffer, start: number, end: number, out: CleanOutput): void {
    if (kind === COLLECT_EXIF) this.#readExif(bytes, start, end, out);
    else this.#readIccPiece(bytes, start, end, out);
  }

  /** The first scan begins: a profile not finished by now is dropped, and nothing later is looked at. */
  scanBegins(): void {
    this.exifDone = true;
    this.#dropProfile();
  }

  #readExif(bytes: Buffer, start: number, end: number, out: CleanOutput): void {
    this.exifDone = true;
    const orientation = readOrientation(bytes, start + EXIF_ID.length, end);
    if (orientation !== 0) keepWhole(orientationJpegSegment(orientation), out);
  }

  #readIccPiece(bytes: Buffer, start: number, end: number, out: CleanOutput): void {
    const sequence = bytes[start + ICC_ID.length] ?? 0;
    const count = bytes[start + ICC_ID.length + 1] ?? 0;
    const piece = end - start - ICC_HEADER_BYTES;
    const inOrder = sequence === this.#nextSequence && count !== 0 && (this.#count === 0 || count === this.#count);
    if (!inOrder || this.#profileBytes + piece > MAX_PROFILE_BYTES) return this.#dropProfile();
    this.#count = count;
    this.#nextSequence += 1;
    this.#profileBytes += piece;
    // A copy: the profile is read only once its last piece has come, and the input may be reused by then.
    this.#pieces.push(Buffer.from(bytes.subarray(start + ICC_HEADER_BYTES, end)));
    if (sequence < count) return;
    const standard = recogniseProfile(Buffer.concat(this.#pieces));
    this.#dropProfile();
    if (standard) keepWhole(canonicalIccSegment(standard), out);
  }

  #dropProfile(): void {
    this.profileDone = true;
    this.#pieces = [];
  }
}

/** Keeps a copy of a segment made here: it is shared by every upload, so no view of it goes down a stream. */
function keepWhole(segment: Buffer, out: CleanOutput): void {
  out.copy(segment, 0, segment.length);
}
