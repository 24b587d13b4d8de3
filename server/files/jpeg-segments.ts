/**
 * Which JPEG marker segments a cleaned file keeps. Everything a decoder
 * needs (frame, tables, scans) stays; everything that only describes the
 * photo goes, because that is where cameras and editors write who, where
 * and when:
 * - APP1: EXIF (GPS, camera make/model/serial, DateTimeOriginal, a thumbnail
 *   with its own copy) and XMP (the same again, plus editing history).
 * - APP13: Photoshop IRB with IPTC (by-line, location, keywords).
 * - APP2 other than ICC: MPF (index of secondary images), FPXR (FlashPix).
 * - APP3 to APP12, APP15: maker-specific (Meta, Ducky, GoPro, DJI, ...).
 * - COM: free text, often software or a name.
 * - APP0 other than JFIF (JFXX thumbnails, AVI1).
 */
import { UnreadableImageError } from './format-cleaner';

export const SOS = 0xda;
export const EOI = 0xd9;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;

const JFIF_ID = Buffer.from('JFIF\0', 'latin1');
const ICC_ID = Buffer.from('ICC_PROFILE\0', 'latin1');
const ADOBE_ID = Buffer.from('Adobe', 'latin1');
/** JFIF header fields up to and including the densities: id (5), version (2), units (1), x/y density (4). */
const JFIF_FIELDS_BYTES = 12;

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

/**
 * The bytes to write for one marker segment (marker, length, payload), or
 * null to drop it. Throws for a marker that has no place in a JPEG file
 * (reserved, JPEG extensions such as JPEG-LS): we cannot tell what it holds.
 */
export function cleanSegment(code: number, payload: Buffer): Buffer | null {
  if (isDecodingSegment(code)) return segment(code, payload);
  // APP14 "Adobe" says whether the data is RGB, YCbCr or YCCK: without it CMYK photos decode with wrong colours.
  if (code === APP14) return startsWith(payload, ADOBE_ID) ? segment(code, payload) : null;
  // APP2 ICC_PROFILE: the colour profile, needed to show the colours right; may be split over several segments.
  if (code === APP2) return startsWith(payload, ICC_ID) ? segment(code, payload) : null;
  if (code === APP0) return jfifWithoutThumbnail(payload);
  if ((code >= APP0 && code <= 0xef) || code === COM) return null;
  throw new UnreadableImageError(`JPEG has an unexpected marker FF${code.toString(16).toUpperCase()}`);
}

/**
 * JFIF carries the pixel aspect ratio (worth keeping) and an optional
 * thumbnail (a second, uncleaned copy of the picture, which may show what
 * editing removed): rewrite it with the thumbnail dimensions set to 0.
 */
function jfifWithoutThumbnail(payload: Buffer): Buffer | null {
  if (!startsWith(payload, JFIF_ID) || payload.length < JFIF_FIELDS_BYTES + 2) return null;
  return segment(APP0, Buffer.concat([payload.subarray(0, JFIF_FIELDS_BYTES), Buffer.from([0, 0])]));
}

function segment(code: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, code, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

function startsWith(payload: Buffer, id: Buffer): boolean {
  return payload.length >= id.length && payload.subarray(0, id.length).equals(id);
}
