/**
 * Which JPEG marker segments a cleaned file keeps. Everything a decoder
 * needs (frame, tables, scans) stays; everything that only describes the
 * photo goes, because that is where cameras and editors write who, where
 * and when:
 * - APP1: EXIF (GPS, camera make/model/serial, DateTimeOriginal, a thumbnail
 *   with its own copy) and XMP (the same again, plus editing history). The
 *   EXIF orientation alone survives, in a segment written anew
 *   (jpeg-kept-metadata.ts).
 * - APP2 ICC_PROFILE: kept only when the profile is a standard one, and then
 *   replaced by the standard's canonical copy (jpeg-kept-metadata.ts).
 * - APP13: Photoshop IRB with IPTC (by-line, location, keywords).
 * - APP2 other than ICC: MPF (index of secondary images), FPXR (FlashPix).
 * - APP3 to APP12, APP15: maker-specific (Meta, Ducky, GoPro, DJI, ...).
 * - COM: free text, often software or a name.
 * - APP0 other than JFIF (JFXX thumbnails, AVI1).
 *
 * The rules read the input in place (marker code, then at most the first
 * PREFIX_BYTES of the payload) and allocate nothing per segment: a file may
 * hold a million of them.
 */
import { EXIF_ID } from './exif-orientation';
import { UnreadableImageError } from './format-cleaner';
import { ICC_HEADER_BYTES, ICC_ID } from './icc-embedding';

export const SOS = 0xda;
export const EOI = 0xd9;
const APP0 = 0xe0;
export const APP1 = 0xe1;
export const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;

/** What becomes of a segment. */
export const DROP = 0;
export const KEEP = 1;
/** APP0, APP1, APP2, APP14: the payload's first bytes say (see `inspect`). */
export const INSPECT = 2;
/** APP0 JFIF: kept, rewritten without its thumbnail (see `writeJfifWithoutThumbnail`). */
export const REWRITE_JFIF = 3;
/** A marker without a length, or one with no place in a JPEG file. */
export const UNEXPECTED = 4;
/** APP1 EXIF, APP2 ICC_PROFILE: read whole by JpegKeptMetadata, which writes what stays. */
export const COLLECT_EXIF = 5;
export const COLLECT_ICC = 6;

const JFIF_ID = Buffer.from('JFIF\0', 'latin1');
const ADOBE_ID = Buffer.from('Adobe', 'latin1');
/** An Adobe segment's payload: id (5), version (2), flags (2 + 2), colour transform (1). */
const ADOBE_BYTES = 12;
/** JFIF header fields up to and including the densities: id (5), version (2), units (1), x/y density (4). */
const JFIF_FIELDS_BYTES = 12;
/** The most payload bytes `inspect` needs: the ICC id, or the JFIF fields. */
export const PREFIX_BYTES = 12;

/**
 * Segments a decoder needs: SOF0-15 (not C4, C8, CC), DHT, DAC, DQT, DNL,
 * DRI, DHP and EXP (hierarchical mode), SOS. None of them carries text.
 */
function isDecodingSegment(code: number): boolean {
  const startOfFrame = code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc;
  const tables = code === 0xc4 || code === 0xcc || (code >= 0xdb && code <= 0xdf);
  return startOfFrame || tables || code === SOS;
}

/** Markers with no length and no payload. */
export function isStandalone(code: number): boolean {
  return code === 0x01 || (code >= 0xd0 && code <= 0xd9);
}

/** Restart markers: part of the entropy-coded data, not segments. */
export function isRestart(code: number): boolean {
  return code >= 0xd0 && code <= 0xd7;
}

function fateByCode(code: number): number {
  if (isStandalone(code) || code === 0x00) return UNEXPECTED;
  if (isDecodingSegment(code)) return KEEP;
  // APP14 "Adobe" says whether the data is RGB, YCbCr or YCCK: without it CMYK photos decode with wrong colours.
  // APP2 ICC_PROFILE: the colour profile, needed to show the colours right; may be split over several segments.
  // APP1 EXIF: its orientation, needed to show a phone photo upright.
  if (code === APP0 || code === APP1 || code === APP2 || code === APP14) return INSPECT;
  if ((code >= APP0 && code <= 0xef) || code === COM) return DROP;
  // Reserved codes and JPEG extensions such as JPEG-LS: we cannot tell what they hold.
  return UNEXPECTED;
}

/** Every marker code's fate, worked out once: a table look-up per segment. */
const FATES = Uint8Array.from({ length: 256 }, (_, code) => fateByCode(code));

/**
 * Every marker code's fate (KEEP, DROP, INSPECT or UNEXPECTED), for one
 * file: the cleaner turns APP1 and APP2 to DROP once it has what it keeps
 * from them.
 */
export function fateTable(): Uint8Array {
  return Uint8Array.from(FATES);
}

/**
 * The fewest payload bytes a well-formed decoding segment has: a frame
 * header with one component, one Huffman or quantisation table, a scan
 * header with one component. Nothing a real encoder writes is shorter; a
 * file of a million empty "tables" is built to make the cleaner work, and
 * is refused (a kept segment that short costs more per byte than a photo).
 */
function minimumPayload(code: number): number {
  if (code === 0xc4) return 17; // DHT: class and id, 16 code counts
  if (code === 0xdb) return 65; // DQT: precision and id, 64 values
  if (code === SOS) return 6; // component count, one component (2), spectral selection and approximation (3)
  if (code === 0xdf) return 1; // EXP
  if (code === 0xcc || code === 0xdc || code === 0xdd) return 2; // DAC (one pair), DNL, DRI
  return isDecodingSegment(code) ? 9 : 0; // SOFn, DHP: precision, height, width, count (6), one component (3)
}

const MINIMUM_PAYLOAD = Uint8Array.from({ length: 256 }, (_, code) => minimumPayload(code));

/** True for a decoding segment shorter than any well-formed one (see minimumPayload). */
export function isTooShort(code: number, payloadLength: number): boolean {
  return payloadLength < (MINIMUM_PAYLOAD[code] ?? 0);
}

/** The error for a decoding segment shorter than any well-formed one. */
export function tooShort(code: number): UnreadableImageError {
  return new UnreadableImageError(`JPEG segment FF${code.toString(16).toUpperCase()} is too short to be real`);
}

/** The error for a marker that has no place in a JPEG file. */
export function unexpectedMarker(code: number): UnreadableImageError {
  return new UnreadableImageError(`JPEG has an unexpected marker FF${code.toString(16).toUpperCase()}`);
}

/**
 * For an APP0, APP1, APP2 or APP14 segment whose payload starts at `payloadAt`
 * (with at least min(payloadLength, PREFIX_BYTES) bytes of it in `bytes`):
 * KEEP, DROP, REWRITE_JFIF, COLLECT_EXIF or COLLECT_ICC.
 */
export function inspect(code: number, bytes: Buffer, payloadAt: number, payloadLength: number): number {
  // Shorter than the real thing (Adobe: version, two flag words, transform; ICC: sequence number and count after the id): dropped.
  if (code === APP14) return startsWith(bytes, payloadAt, payloadLength, ADOBE_ID) && payloadLength >= ADOBE_BYTES ? KEEP : DROP;
  if (code === APP2) return startsWith(bytes, payloadAt, payloadLength, ICC_ID) && payloadLength >= ICC_HEADER_BYTES ? COLLECT_ICC : DROP;
  // XMP and anything else in APP1 is dropped; an EXIF header too short to hold a TIFF header likewise.
  if (code === APP1) return startsWith(bytes, payloadAt, payloadLength, EXIF_ID) && payloadLength >= EXIF_ID.length + 8 ? COLLECT_EXIF : DROP;
  // JFIF carries the pixel aspect ratio (worth keeping) and an optional
  // thumbnail (a second, uncleaned copy of the picture, which may show what
  // editing removed): it is rewritten with the thumbnail dimensions set to 0.
  const jfif = startsWith(bytes, payloadAt, payloadLength, JFIF_ID) && payloadLength >= JFIF_FIELDS_BYTES + 2;
  return jfif ? REWRITE_JFIF : DROP;
}

/** A JFIF segment as it is rewritten: header, the fields, a 0x0 thumbnail. Filled in for each segment, then copied out. */
const jfifRewritten = Buffer.from([0xff, APP0, 0, JFIF_FIELDS_BYTES + 2 + 2, ...new Array<number>(JFIF_FIELDS_BYTES + 2).fill(0)]);

/** Writes the JFIF segment whose payload starts at `payloadAt`, with a 0x0 thumbnail and nothing after it. */
export function writeJfifWithoutThumbnail(bytes: Buffer, payloadAt: number, out: { copy: (bytes: Buffer, start: number, end: number) => void }): void {
  for (let i = 0; i < JFIF_FIELDS_BYTES; i += 1) jfifRewritten[4 + i] = bytes[payloadAt + i] ?? 0;
  out.copy(jfifRewritten, 0, jfifRewritten.length);
}

/** True when the payload at `at` (of `length` bytes) starts with `id`; a plain loop, cheaper than a native call for a few bytes. */
function startsWith(bytes: Buffer, at: number, length: number, id: Buffer): boolean {
  if (length < id.length) return false;
  for (let i = 0; i < id.length; i += 1) if (bytes[at + i] !== id[i]) return false;
  return true;
}
