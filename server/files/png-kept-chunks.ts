/**
 * The two PNG chunks a cleaned picture keeps in a new form: eXIf becomes a
 * chunk holding only the orientation (exif-orientation.ts), iCCP becomes the
 * canonical copy of its profile's standard (icc-standards.ts) or goes. As in
 * JPEG, decoders read both before the image data and only once (the PNG spec
 * allows one of each), so only the first of each before the first IDAT is
 * read, and only when it is at most MAX_PROFILE_BYTES long (an eXIf that
 * long holds a thumbnail; a real orientation-only one is 26 bytes, a
 * phone's whole EXIF a few KiB); the rest are dropped unread.
 */
import type { CleanOutput } from './clean-output';
import { orientationPngChunk, readOrientation } from './exif-orientation';
import { canonicalIccpChunk, standardInIccp } from './icc-embedding';
import { MAX_PROFILE_BYTES } from './icc-recognise';
import { SegmentCollector } from './segment-collector';

const EXIF = Buffer.from('eXIf', 'latin1').readInt32BE(0);
const ICCP = Buffer.from('iCCP', 'latin1').readInt32BE(0);

export class PngKeptChunks {
  #exifDone = false;
  #profileDone = false;
  #type = 0;
  #length = 0;
  /** Chosen by `wants`, but no byte of it collected yet: a chunk read whole in place needs no copy. */
  #pending = false;
  readonly #collector = new SegmentCollector();

  /** True when the chunk with this header is one to read (then `read` its data whole, or `add` the pieces and `finish`). */
  wants(type: number, length: number, sawImageData: boolean): boolean {
    if (type !== EXIF && type !== ICCP) return false;
    const first = type === EXIF ? !this.#exifDone : !this.#profileDone;
    if (type === EXIF) this.#exifDone = true;
    else this.#profileDone = true;
    if (!first || sawImageData || length > MAX_PROFILE_BYTES) return false;
    this.#type = type;
    this.#length = length;
    this.#pending = true;
    return true;
  }

  add(bytes: Buffer, start: number, end: number): void {
    if (this.#pending) this.#collector.begin(this.#length);
    this.#pending = false;
    this.#collector.add(bytes, start, end);
  }

  finish(out: CleanOutput): void {
    const data = this.#pending ? Buffer.alloc(0) : this.#collector.take();
    this.read(data, 0, data.length, out);
  }

  /** Reads the chosen chunk's whole data, `bytes[start, end)`, and writes what stays of it. */
  read(bytes: Buffer, start: number, end: number, out: CleanOutput): void {
    this.#pending = false;
    const chunk = this.#type === EXIF ? exifChunk(bytes, start, end) : iccpChunk(bytes.subarray(start, end));
    // A copy: the chunk is shared by every upload, so no view of it goes down a stream.
    if (chunk) out.copy(chunk, 0, chunk.length);
  }
}

function exifChunk(bytes: Buffer, start: number, end: number): Buffer | null {
  const orientation = readOrientation(bytes, start, end);
  return orientation === 0 ? null : orientationPngChunk(orientation);
}

function iccpChunk(data: Buffer): Buffer | null {
  const standard = standardInIccp(data);
  return standard ? canonicalIccpChunk(standard) : null;
}
