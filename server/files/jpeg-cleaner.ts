/**
 * Removes identifying metadata from a JPEG without decoding it. A JPEG is a
 * sequence of marker segments (FF, code, 2-byte length, payload), any of
 * them preceded by FF fill bytes; each SOS segment is followed by
 * entropy-coded data, which runs until the next marker that is not a
 * restart (FF00 is a stuffed FF, FFD0-FFD7 are restarts). Progressive files
 * have several scans, with tables between them. jpeg-segments.ts decides
 * from each header which segments stay; kept payloads and entropy-coded data
 * stream through untouched, dropped payloads are skipped.
 *
 * An attacker can upload a file of nothing but fill bytes or a million empty
 * segments, so each chunk is read in place, by index, with nothing
 * allocated or pushed down the stream per segment: a crafted file costs a
 * loop iteration per segment, and receiving it costs the server about what
 * a photo does (metadata-cleaner.cost.test.ts bounds it). Only a header
 * split between two chunks (at most one per chunk, at most 16 bytes) is
 * copied. Fill runs are skipped a word at a time (fill-runs.ts). The
 * EXIF segment and the colour profile are read whole, once per file
 * (jpeg-kept-metadata.ts), to keep the orientation and a standard profile.
 */
import type { CleanOutput } from './clean-output';
import { FillRuns } from './fill-runs';
import { type FormatCleaner, UnreadableImageError } from './format-cleaner';
import { JpegKeptMetadata } from './jpeg-kept-metadata';
import {
  APP1,
  APP2,
  COLLECT_EXIF,
  DROP,
  EOI,
  fateTable,
  INSPECT,
  inspect,
  isRestart,
  isTooShort,
  isStandalone,
  KEEP,
  PREFIX_BYTES,
  REWRITE_JFIF,
  SOS,
  tooShort,
  unexpectedMarker,
  UNEXPECTED,
  writeJfifWithoutThumbnail,
} from './jpeg-segments';

const SOI_BYTES = Buffer.from([0xff, 0xd8]);
const FF = Buffer.from([0xff]);
const NOTHING = Buffer.alloc(0);
/** FF, code, length, and the payload bytes `inspect` reads. */
const HEADER_MAX_BYTES = 4 + PREFIX_BYTES;

/** After FF inside entropy-coded data, 1 for a code that ends the scan: anything but stuffing (00), a restart or more fill. */
const ENDS_SCAN = Uint8Array.from({ length: 256 }, (_, code) => (code !== 0x00 && code !== 0xff && !isRestart(code) ? 1 : 0));

/** Where the parser is, between one byte and the next. */
const AT_SOI = 0; // the first two bytes
const AT_MARKER = 1; // an FF must come, then a segment header
const AT_HELD_HEADER = 2; // a header began at the end of the last chunk; its first bytes are in #held
const AT_PAYLOAD = 3; // the rest of a segment's payload: #left bytes, kept if #keep
const AT_SCAN = 4; // entropy-coded data
const AT_AFTER_EOI = 5; // camera trailers and MPF secondary images (with their own EXIF): dropped

/** A streaming JPEG cleaner; see the module comment. */
export function jpegCleaner(): FormatCleaner {
  return new JpegCleaner();
}

class JpegCleaner implements FormatCleaner {
  #at = AT_SOI;
  #held: Buffer = NOTHING;
  #code = 0;
  #left = 0;
  #keep = false;
  #sawScan = false;
  /** In a scan: the last chunk ended with an FF that the next byte gives a meaning. */
  #heldFF = false;
  readonly #fill = new FillRuns();
  /** This file's fate for each marker code: APP1 and APP2 turn to DROP once read (see #updateFates). */
  readonly #fates = fateTable();
  readonly #kept = new JpegKeptMetadata();
  /** The payload being read is COLLECT_EXIF or COLLECT_ICC, handed to #kept; 0 otherwise. */
  #collect = 0;
  #scanBegun = false;

  write(chunk: Buffer, out: CleanOutput): void {
    let at = 0;
    while (at < chunk.length) {
      switch (this.#at) {
        case AT_SOI:
          at = this.#readSoi(chunk, at, out);
          break;
        case AT_MARKER:
          at = this.#readSegmentsAndScans(chunk, at, out);
          break;
        case AT_HELD_HEADER:
          at = this.#finishHeldHeader(chunk, at, out);
          break;
        case AT_PAYLOAD:
          at = this.#passPayload(chunk, at, out);
          break;
        case AT_SCAN:
          at = this.#resumeScan(chunk, at, out);
          break;
        case AT_AFTER_EOI:
          return;
      }
    }
  }

  end(out: CleanOutput): void {
    this.#fill.forget();
    if (this.#at === AT_SCAN && this.#heldFF) out.keep(FF, 0, 1);
    // Cut short after the first scan began: pixel data may be missing, but no metadata can have followed unseen.
    if (this.#at !== AT_AFTER_EOI && !this.#sawScan) throw new UnreadableImageError('JPEG ends before its image data');
  }

  /** SOI is two bytes, and a chunk may hold only one of them. */
  #readSoi(chunk: Buffer, at: number, out: CleanOutput): number {
    const soi = Buffer.concat([this.#held, chunk.subarray(at, at + SOI_BYTES.length - this.#held.length)]);
    const used = soi.length - this.#held.length;
    this.#held = soi;
    if (soi.length < SOI_BYTES.length) return at + used;
    if (!soi.equals(SOI_BYTES)) throw new UnreadableImageError('JPEG does not start with SOI');
    out.keep(soi, 0, soi.length);
    this.#held = NOTHING;
    this.#at = AT_MARKER;
    return at + used;
  }

  /**
   * Segments and scans, for as long as this chunk holds them: the loop a
   * crafted file spends its time in (a million tiny segments, fill bytes,
   * tiny scans), so it works on local variables and calls out only for a
   * header split between chunks or a payload running on (#readHeader,
   * #passPayload).
   */
  #readSegmentsAndScans(chunk: Buffer, from: number, out: CleanOutput): number {
    const end = chunk.length;
    let at = from;
    let inScan = this.#at === AT_SCAN;
    const fates = this.#fates;
    while (at < end) {
      if (inScan) {
        const marker = this.#endOfScan(chunk, at, out);
        if (marker === -1) return end; // the scan goes on in the next chunk
        at = marker;
        inScan = false;
        this.#at = AT_MARKER;
      }
      if (chunk[at] !== 0xff) throw new UnreadableImageError('JPEG has data where a marker should be');
      // Fill bytes before the code are dropped: the header starts at the last FF.
      const ff = chunk[at + 1] === 0xff ? this.#fill.end(chunk, at + 1, end) - 1 : at;
      const whole = ff + 4 <= end; // the header, at least, is in this chunk
      const code = whole ? (chunk[ff + 1] ?? 0) : 0;
      const fate = fates[code] ?? UNEXPECTED;
      const length = whole ? ((chunk[ff + 2] ?? 0) << 8) | (chunk[ff + 3] ?? 0) : 0;
      const next = ff + 2 + length;
      if (fate !== UNEXPECTED && length >= 2 && next <= end) {
        // The whole segment is in this chunk.
        if (fate === KEEP && isTooShort(code, length - 2)) throw tooShort(code);
        const kept = fate === INSPECT ? inspect(code, chunk, ff + 4, length - 2) : fate;
        if (kept === KEEP) out.keep(chunk, ff, next);
        else if (kept === REWRITE_JFIF) writeJfifWithoutThumbnail(chunk, ff + 4, out);
        else if (kept >= COLLECT_EXIF) this.#readKept(kept, chunk, ff + 4, next, out);
        at = next;
        if (code === SOS) {
          this.#scanBegins();
          this.#sawScan = true;
          this.#at = AT_SCAN;
          inScan = true;
        }
        continue;
      }
      const afterHeader = ff + 1 === end ? -1 : this.#readHeader(chunk, ff, out);
      if (afterHeader === -1) {
        this.#held = Buffer.from(chunk.subarray(ff));
        this.#at = AT_HELD_HEADER;
        return end;
      }
      return afterHeader; // #readHeader has set up the payload, or met EOI
    }
    return at;
  }

  /** Completes a header from the bytes held and the start of this chunk. */
  #finishHeldHeader(chunk: Buffer, from: number, out: CleanOutput): number {
    let at = from;
    // Only the FF so far: more FFs are fill, dropped.
    if (this.#held.length === 1) at = this.#fill.end(chunk, at, chunk.length);
    if (at === chunk.length) return at;
    const taken = Math.min(chunk.length - at, HEADER_MAX_BYTES - this.#held.length);
    const joined = Buffer.concat([this.#held, chunk.subarray(at, at + taken)]);
    const next = this.#readHeader(joined, 0, out);
    if (next === -1) {
      this.#held = joined; // still not whole: this chunk was shorter than the rest of the header
      return at + taken;
    }
    const used = next - this.#held.length;
    this.#held = NOTHING;
    return at + used;
  }

  /**
   * Reads the header whose FF is at `at` (FF, code, length and, for
   * APP0/APP2/APP14, the first payload bytes), keeps what stays of it and
   * sets up the payload. Returns where the payload continues, or -1 when
   * `bytes` ends before the header does.
   */
  #readHeader(bytes: Buffer, at: number, out: CleanOutput): number {
    if (at + 2 > bytes.length) return -1;
    const code = bytes[at + 1] ?? 0;
    if (isStandalone(code) || code === 0x00) return this.#readStandalone(bytes, at, code, out);
    if (at + 4 > bytes.length) return -1;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2) throw new UnreadableImageError('JPEG segment length is impossible');
    const payloadAt = at + 4;
    const payloadLength = length - 2;
    let fate = this.#fates[code] ?? UNEXPECTED;
    if (fate === UNEXPECTED) throw unexpectedMarker(code);
    if (code === SOS) this.#scanBegins();
    if (fate === KEEP && isTooShort(code, payloadLength)) throw tooShort(code);
    let read = 0; // payload bytes looked at here
    if (fate === INSPECT) {
      read = Math.min(payloadLength, PREFIX_BYTES);
      if (payloadAt + read > bytes.length) return -1;
      fate = inspect(code, bytes, payloadAt, payloadLength);
    }
    if (fate === REWRITE_JFIF) writeJfifWithoutThumbnail(bytes, payloadAt, out);
    else if (fate === KEEP) out.keep(bytes, at, payloadAt + read);
    this.#collect = fate >= COLLECT_EXIF ? fate : 0;
    if (this.#collect !== 0) {
      this.#kept.begin(payloadLength);
      this.#kept.add(bytes, payloadAt, payloadAt + read);
    }
    this.#code = code;
    this.#left = payloadLength - read;
    this.#keep = fate === KEEP;
    this.#at = AT_PAYLOAD;
    return payloadAt + read;
  }

  #readStandalone(bytes: Buffer, at: number, code: number, out: CleanOutput): number {
    if (code !== EOI || !this.#sawScan) {
      // SOI again, EOI before any picture, a restart or FF00 outside a scan: not a file we can follow.
      throw new UnreadableImageError(`JPEG has marker FF${code.toString(16).toUpperCase()} out of place`);
    }
    out.keep(bytes, at, at + 2);
    this.#at = AT_AFTER_EOI;
    return at + 2;
  }

  #passPayload(chunk: Buffer, at: number, out: CleanOutput): number {
    const n = Math.min(this.#left, chunk.length - at);
    if (this.#keep) out.keep(chunk, at, at + n);
    else if (this.#collect !== 0) this.#kept.add(chunk, at, at + n);
    this.#left -= n;
    if (this.#left === 0) {
      if (this.#collect !== 0) this.#finishKept(out);
      if (this.#code === SOS) this.#sawScan = true;
      this.#at = this.#code === SOS ? AT_SCAN : AT_MARKER;
    }
    return at + n;
  }

  /** A whole EXIF or ICC payload, `bytes[start, end)`: #kept writes what stays of it. */
  #readKept(kind: number, bytes: Buffer, start: number, end: number, out: CleanOutput): void {
    this.#kept.read(kind, bytes, start, end, out);
    this.#updateFates();
  }

  #finishKept(out: CleanOutput): void {
    this.#kept.finish(this.#collect, out);
    this.#collect = 0;
    this.#updateFates();
  }

  #scanBegins(): void {
    if (this.#scanBegun) return;
    this.#scanBegun = true;
    this.#kept.scanBegins();
    this.#updateFates();
  }

  /** Once #kept has what it keeps from APP1 or APP2, later ones are dropped unread: a crafted file cannot make it read more. */
  #updateFates(): void {
    if (this.#kept.exifDone) this.#fates[APP1] = DROP;
    if (this.#kept.profileDone) this.#fates[APP2] = DROP;
  }

  /** Entropy-coded data at the start of a chunk; an FF held from the last chunk is given its meaning first. */
  #resumeScan(chunk: Buffer, from: number, out: CleanOutput): number {
    if (this.#heldFF) {
      this.#heldFF = false;
      if (ENDS_SCAN[chunk[from] ?? 0] === 1) {
        this.#held = Buffer.from(FF);
        this.#at = AT_HELD_HEADER;
        return from;
      }
      out.keep(FF, 0, 1); // it belongs to the data
    }
    return this.#readSegmentsAndScans(chunk, from, out);
  }

  /**
   * Keeps entropy-coded data from `from` up to the marker that ends the
   * scan, and returns where that marker's FF is; -1 when the data runs to
   * the end of the chunk (a last FF is held: the next byte says what it is).
   * Stuffing (FF00), restarts and fill (FF FF...) are data, passed on as
   * they came (libjpeg also reads FF..FF00 as one FF).
   */
  #endOfScan(chunk: Buffer, from: number, out: CleanOutput): number {
    const end = chunk.length;
    let at = from;
    for (;;) {
      // The next FF: a photo has about one in a thousand bytes, found fastest
      // by the native search; data packed with FFs on purpose would pay a
      // native call for each, so the next few bytes are looked at first.
      const near = Math.min(end, at + 16);
      while (at < near && chunk[at] !== 0xff) at += 1;
      if (at === near) at = near === end ? -1 : chunk.indexOf(0xff, near);
      if (at === -1) {
        out.keep(chunk, from, end);
        return -1;
      }
      const after = chunk[at + 1] === 0xff ? this.#fill.end(chunk, at + 1, end) : at + 1;
      if (after === end) {
        out.keep(chunk, from, end - 1);
        this.#heldFF = true;
        return -1;
      }
      if (ENDS_SCAN[chunk[after] ?? 0] === 1) {
        out.keep(chunk, from, after - 1);
        return after - 1;
      }
      at = after + 1;
    }
  }
}
