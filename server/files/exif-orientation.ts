/**
 * The one EXIF tag a cleaned photo keeps: Orientation. A phone stores the
 * picture as the sensor saw it and says in EXIF how to turn it; without the
 * tag staff see it sideways. The tag is read from the uploaded EXIF and
 * written into a tiny TIFF structure made here, so no byte of the uploaded
 * EXIF (GPS, camera, serial, time, maker notes, thumbnail) is ever copied:
 * only a number from 2 to 8.
 *
 * TIFF (the layout EXIF uses): byte order "II" or "MM", 42, the offset of
 * the first IFD; an IFD is a 2-byte count of 12-byte entries (tag, type,
 * count, value or offset). Orientation is tag 0x0112 of the first IFD, one
 * SHORT (TIFF 6.0, section 8; EXIF 2.32, 4.6.4).
 */
import { pngChunk } from './png-chunk';

const ORIENTATION_TAG = 0x0112;
const SHORT = 3;
/** "Exif\0\0": what starts an EXIF APP1 segment in JPEG (PNG's eXIf chunk has no such prefix). */
export const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');

/**
 * The Orientation (2 to 8) in the TIFF structure `bytes[start, end)`, or 0
 * when there is none, it is 1 (as taken: nothing to do), or the structure is
 * not one we can read. Reads only inside the range.
 */
export function readOrientation(bytes: Buffer, start: number, end: number): number {
  if (end - start < 8) return 0;
  const order = bytes.toString('latin1', start, start + 2);
  if (order !== 'II' && order !== 'MM') return 0;
  const little = order === 'II';
  const u16 = (at: number): number => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number): number => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (u16(start + 2) !== 42) return 0;
  const ifd = u32(start + 4);
  if (ifd < 8 || ifd > end - start - 2) return 0;
  const count = u16(start + ifd);
  for (let i = 0; i < count; i += 1) {
    const entry = start + ifd + 2 + i * 12;
    if (entry + 12 > end) return 0;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    if (u16(entry + 2) !== SHORT || u32(entry + 4) !== 1) return 0;
    const orientation = u16(entry + 8);
    return orientation >= 2 && orientation <= 8 ? orientation : 0;
  }
  return 0;
}

/**
 * A big-endian TIFF structure with one IFD of one entry, Orientation: the
 * whole EXIF a cleaned file carries (26 bytes, the same for every photo
 * with that orientation).
 */
export function orientationTiff(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // the IFD follows the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(ORIENTATION_TAG, 10);
  tiff.writeUInt16BE(SHORT, 12);
  tiff.writeUInt32BE(1, 14); // one value, held in the entry itself
  tiff.writeUInt16BE(orientation, 18);
  // Bytes 20 to 21 pad the value; 22 to 25 (no next IFD) stay 0.
  return tiff;
}

const jpegSegments = new Map<number, Buffer>();

/** The APP1 segment (FF E1, length, "Exif\0\0", the TIFF above) a cleaned JPEG gets for `orientation`. */
export function orientationJpegSegment(orientation: number): Buffer {
  let segment = jpegSegments.get(orientation);
  if (!segment) {
    const payload = Buffer.concat([EXIF_ID, orientationTiff(orientation)]);
    segment = Buffer.concat([Buffer.from([0xff, 0xe1, 0, payload.length + 2]), payload]);
    jpegSegments.set(orientation, segment);
  }
  return segment;
}

const pngChunks = new Map<number, Buffer>();

/** The eXIf chunk (the TIFF above, with no prefix) a cleaned PNG gets for `orientation`. */
export function orientationPngChunk(orientation: number): Buffer {
  let chunk = pngChunks.get(orientation);
  if (!chunk) {
    chunk = pngChunk('eXIf', orientationTiff(orientation));
    pngChunks.set(orientation, chunk);
  }
  return chunk;
}
