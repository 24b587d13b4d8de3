/**
 * How a colour profile sits in a JPEG (APP2 "ICC_PROFILE" segments) and a
 * PNG (the zlib-compressed iCCP chunk): reading an uploaded one, bounded,
 * and writing a standard's canonical profile (icc-standards.ts) in its place.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { MAX_PROFILE_BYTES, recogniseProfile } from './icc-recognise';
import { canonicalProfile, type StandardName } from './icc-standards';
import { pngChunk } from './png-chunk';

export const ICC_ID = Buffer.from('ICC_PROFILE\0', 'latin1');
/** An APP2 ICC payload: the id, the sequence number (from 1) and the count of segments, then a piece of the profile. */
export const ICC_HEADER_BYTES = ICC_ID.length + 2;
/** A PNG keyword (the iCCP profile name) is 1 to 79 bytes, then a NUL. */
const MAX_KEYWORD_BYTES = 79;

const jpegSegments = new Map<StandardName, Buffer>();
const pngChunks = new Map<StandardName, Buffer>();

/** The APP2 segment carrying a standard's canonical profile (one segment: it is about 550 bytes). */
export function canonicalIccSegment(name: StandardName): Buffer {
  let segment = jpegSegments.get(name);
  if (!segment) {
    const payload = Buffer.concat([ICC_ID, Buffer.from([1, 1]), canonicalProfile(name)]);
    const header = Buffer.from([0xff, 0xe2, 0, 0]);
    header.writeUInt16BE(payload.length + 2, 2);
    segment = Buffer.concat([header, payload]);
    jpegSegments.set(name, segment);
  }
  return segment;
}

/** The iCCP chunk carrying a standard's canonical profile, named after it (the name is the one the standard gives itself). */
export function canonicalIccpChunk(name: StandardName): Buffer {
  let chunk = pngChunks.get(name);
  if (!chunk) {
    // Keyword, NUL, compression method 0 (zlib), the compressed profile.
    const data = Buffer.concat([Buffer.from(name, 'latin1'), Buffer.from([0, 0]), deflateSync(canonicalProfile(name))]);
    chunk = pngChunk('iCCP', data);
    pngChunks.set(name, chunk);
  }
  return chunk;
}

/**
 * The standard an iCCP chunk's data holds, or null: a profile that is not
 * standard, not zlib, damaged, or over MAX_PROFILE_BYTES once inflated
 * (inflation stops there, so a zip bomb costs nothing).
 */
export function standardInIccp(data: Buffer): StandardName | null {
  const nul = data.subarray(0, MAX_KEYWORD_BYTES + 1).indexOf(0);
  if (nul < 1 || data[nul + 1] !== 0) return null;
  try {
    return recogniseProfile(
      inflateSync(data.subarray(nul + 2), {
        maxOutputLength: MAX_PROFILE_BYTES,
      }),
    );
  } catch {
    return null;
  }
}
