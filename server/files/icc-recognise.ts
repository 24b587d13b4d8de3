/**
 * Tells whether an uploaded ICC profile is one of the standard colour spaces
 * (icc-standards.ts) by what it does, never by what it calls itself: its
 * colourants, white point and tone curves must match the standard's
 * published numbers. Its name, maker, model, dates and any other tag are not
 * looked at, because the profile is never kept: the photo gets the
 * standard's canonical copy instead.
 *
 * Vendors round differently (Apple's Display P3, HP's sRGB, lcms's and the
 * compact profiles differ in the fourth decimal; some store sRGB's curve as
 * a table of 1024 values, older ones the white as D65), so values are
 * compared within tolerances far smaller than the gaps between standards.
 * Every read is bounds-checked: the profile is attacker-supplied.
 */
import { D50, type Standard, STANDARDS, type StandardName, type Transfer, type Xyz } from './icc-standards';

/** Larger profiles are not looked at (and so dropped): a matrix/TRC display profile is a few KiB; a LUT profile is not one we keep. */
export const MAX_PROFILE_BYTES = 64 * 1024;
const HEADER_BYTES = 128;
const MAX_TAGS = 100;
/** How far a colourant or white point component may be from the standard's. Standards differ by 0.05 and more. */
const XYZ_TOLERANCE = 0.004;
/** How far a tone curve may be from the standard's, on a 0 to 1 scale (about 1.3 of 255 levels). */
const CURVE_TOLERANCE = 0.005;
const CURVE_SAMPLES = 64;

/** The standard colour space `profile` is, or null when it is anything else or cannot be read. */
export function recogniseProfile(profile: Buffer): StandardName | null {
  if (profile.length < HEADER_BYTES + 4 || profile.length > MAX_PROFILE_BYTES) return null;
  const size = profile.readUInt32BE(0);
  if (size < HEADER_BYTES + 4 || size > profile.length) return null;
  const bytes = profile.subarray(0, size);
  if (bytes.toString('latin1', 36, 40) !== 'acsp') return null;
  if (bytes.toString('latin1', 16, 24) !== 'RGB XYZ ') return null;
  const tags = readTagTable(bytes);
  if (!tags) return null;
  const colourants = [xyzTag(bytes, tags.get('rXYZ')), xyzTag(bytes, tags.get('gXYZ')), xyzTag(bytes, tags.get('bXYZ'))];
  const white = xyzTag(bytes, tags.get('wtpt'));
  const curves = [curveTag(bytes, tags.get('rTRC')), curveTag(bytes, tags.get('gTRC')), curveTag(bytes, tags.get('bTRC'))];
  if (!white || colourants.some((c) => !c) || curves.some((c) => !c)) return null;
  const match = STANDARDS.find(
    (s) =>
      colourants.every((c, i) => c !== null && close(c, s.colourants[i as 0 | 1 | 2])) &&
      (close(white, D50) || close(white, s.white)) &&
      curves.every((curve) => curve !== null && followsTransfer(curve, s)),
  );
  return match?.name ?? null;
}

interface TagPlace {
  offset: number;
  size: number;
}

/** Signature to place, for the first occurrence of each tag whose data lies inside the profile. */
function readTagTable(bytes: Buffer): Map<string, TagPlace> | null {
  const count = bytes.readUInt32BE(HEADER_BYTES);
  if (count > MAX_TAGS || HEADER_BYTES + 4 + 12 * count > bytes.length) return null;
  const tags = new Map<string, TagPlace>();
  for (let i = 0; i < count; i += 1) {
    const entry = HEADER_BYTES + 4 + 12 * i;
    const signature = bytes.toString('latin1', entry, entry + 4);
    const offset = bytes.readUInt32BE(entry + 4);
    const size = bytes.readUInt32BE(entry + 8);
    if (offset + size > bytes.length || size < 8) return null;
    if (!tags.has(signature)) tags.set(signature, { offset, size });
  }
  return tags;
}

function fixed(bytes: Buffer, at: number): number {
  return bytes.readInt32BE(at) / 65536;
}

function xyzTag(bytes: Buffer, place: TagPlace | undefined): Xyz | null {
  if (!place || place.size < 20 || bytes.toString('latin1', place.offset, place.offset + 4) !== 'XYZ ') return null;
  return [fixed(bytes, place.offset + 8), fixed(bytes, place.offset + 12), fixed(bytes, place.offset + 16)];
}

function close(a: Xyz, b: Xyz): boolean {
  return Math.abs(a[0] - b[0]) <= XYZ_TOLERANCE && Math.abs(a[1] - b[1]) <= XYZ_TOLERANCE && Math.abs(a[2] - b[2]) <= XYZ_TOLERANCE;
}

type Curve = (x: number) => number;

/** Parameters each parametric curve type has (ICC.1:2022, 10.18). */
const PARA_PARAMS = [1, 3, 4, 5, 7];

/** A curv (table or gamma) or para tone curve as a function on [0, 1], or null. */
function curveTag(bytes: Buffer, place: TagPlace | undefined): Curve | null {
  if (!place || place.size < 12) return null;
  const { offset, size } = place;
  const type = bytes.toString('latin1', offset, offset + 4);
  if (type === 'curv') {
    const count = bytes.readUInt32BE(offset + 8);
    if (12 + 2 * count > size) return null;
    if (count === 0) return (x) => x;
    if (count === 1) {
      const gamma = bytes.readUInt16BE(offset + 12) / 256;
      return (x) => x ** gamma;
    }
    const entry = (i: number): number => bytes.readUInt16BE(offset + 12 + 2 * i) / 65535;
    return (x) => {
      const at = x * (count - 1);
      const i = Math.min(Math.floor(at), count - 2);
      return entry(i) + (entry(i + 1) - entry(i)) * (at - i);
    };
  }
  if (type === 'para') {
    const kind = bytes.readUInt16BE(offset + 8);
    const n = PARA_PARAMS[kind];
    if (n === undefined || 12 + 4 * n > size) return null;
    const p = Array.from({ length: n }, (_, i) => fixed(bytes, offset + 12 + 4 * i));
    return parametric(kind, p);
  }
  return null;
}

/** ICC parametric curve types 0 to 4, from their parameters g, a, b, c, d, e, f. */
function parametric(kind: number, [g = 1, a = 1, b = 0, c = 0, d = 0, e = 0, f = 0]: number[]): Curve {
  const power = (x: number): number => Math.max(0, a * x + b) ** g;
  switch (kind) {
    case 0:
      return (x) => x ** g;
    case 1:
      return (x) => (x >= -b / a ? power(x) : 0);
    case 2:
      return (x) => (x >= -b / a ? power(x) + c : c);
    case 3:
      return (x) => (x >= d ? power(x) : c * x);
    default:
      return (x) => (x >= d ? power(x) + e : c * x + f);
  }
}

function followsTransfer(curve: Curve, s: Standard): boolean {
  const expected = transferCurve(s.transfer);
  for (let i = 0; i <= CURVE_SAMPLES; i += 1) {
    const x = i / CURVE_SAMPLES;
    if (!(Math.abs(curve(x) - expected(x)) <= CURVE_TOLERANCE)) return false;
  }
  return true;
}

function transferCurve(transfer: Transfer): Curve {
  return parametric(transfer.type, [...transfer.params]);
}
