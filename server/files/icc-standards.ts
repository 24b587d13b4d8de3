/**
 * The colour spaces whose profile a cleaned photo may keep, defined by their
 * published numbers, and the one profile written for each. A profile is
 * recognised by what it does (icc-recognise.ts), and the photo then gets
 * the canonical copy made here, never the uploaded bytes: a phone's profile
 * may describe itself as "Pixel 8 Pro Camera", name the maker and model in
 * its header or carry private tags, and none of that may ride along.
 *
 * Where the numbers come from (chromaticities are CIE 1931 xy):
 * - sRGB: IEC 61966-2-1:1999. Primaries R 0.64/0.33, G 0.30/0.60,
 *   B 0.15/0.06; white D65 0.3127/0.3290; transfer function
 *   ((x + 0.055) / 1.055)^2.4 above 0.04045, x / 12.92 below.
 * - Display P3: Apple's Display P3, the DCI-P3 primaries of SMPTE
 *   EG 432-1:2010 (R 0.680/0.320, G 0.265/0.690, B 0.150/0.060) with D65
 *   white and the sRGB transfer function.
 * - Adobe RGB (1998): Adobe RGB (1998) Color Image Encoding, version
 *   2005-05. Primaries R 0.64/0.33, G 0.21/0.71, B 0.15/0.06; white D65;
 *   gamma 563/256 (2.19921875).
 * - The profile connection space is D50, X 0.9642 Y 1.0 Z 0.8249 (ICC.1:2022,
 *   7.2.16), and colourants are adapted to it from D65 with the Bradford
 *   transform (ICC.1:2022, annex E), as every matrix/TRC display profile does.
 *
 * The profiles are built here from those numbers (ICC version 4.3, matrix
 * and parametric curves, about 500 bytes), so they are ours to distribute
 * under the project's licence; nothing was copied from a vendor's profile.
 */
import { createHash } from 'node:crypto';

export type StandardName = 'sRGB' | 'Display P3' | 'Adobe RGB (1998)';

export type Xyz = readonly [number, number, number];
type Matrix = readonly [Xyz, Xyz, Xyz];

/** A transfer function: ICC parametric curve type 0 (gamma) or 3 (sRGB's piecewise curve), parameters as the ICC lists them. */
export interface Transfer {
  type: 0 | 3;
  params: readonly number[];
}

export interface Standard {
  name: StandardName;
  /** What the canonical profile calls itself (exiftool's Profile Description). */
  description: string;
  /** Red, green and blue colourants adapted to D50: the profile's rXYZ, gXYZ and bXYZ. */
  colourants: Matrix;
  transfer: Transfer;
  /** The white point before adaptation (D65 for all three). */
  white: Xyz;
}

/** D50, the ICC profile connection space's white. */
export const D50: Xyz = [0.9642, 1.0, 0.8249];

const SRGB_TRANSFER: Transfer = {
  type: 3,
  params: [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045],
};
const ADOBE_TRANSFER: Transfer = { type: 0, params: [563 / 256] };

const BRADFORD: Matrix = [
  [0.8951, 0.2664, -0.1614],
  [-0.7502, 1.7135, 0.0367],
  [0.0389, -0.0685, 1.0296],
];

function dot(a: Xyz, b: Xyz): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function transpose(m: Matrix): Matrix {
  return [
    [m[0][0], m[1][0], m[2][0]],
    [m[0][1], m[1][1], m[2][1]],
    [m[0][2], m[1][2], m[2][2]],
  ];
}

function apply(m: Matrix, v: Xyz): Xyz {
  return [dot(m[0], v), dot(m[1], v), dot(m[2], v)];
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const columns = transpose(b);
  return [apply(columns, a[0]), apply(columns, a[1]), apply(columns, a[2])];
}

function invert(m: Matrix): Matrix {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

function xyToXyz(x: number, y: number): Xyz {
  return [x / y, 1, (1 - x - y) / y];
}

/** The Bradford chromatic adaptation from `white` to D50: the canonical profile's chad tag. */
export function bradfordToD50(white: Xyz): Matrix {
  const from = apply(BRADFORD, white);
  const to = apply(BRADFORD, D50);
  const scale: Matrix = [
    [to[0] / from[0], 0, 0],
    [0, to[1] / from[1], 0],
    [0, 0, to[2] / from[2]],
  ];
  return multiply(invert(BRADFORD), multiply(scale, BRADFORD));
}

/** rXYZ, gXYZ, bXYZ for primaries and a white point, adapted to D50. */
function colourantsFor(primaries: readonly [Xyz, Xyz, Xyz], white: Xyz): Matrix {
  // The RGB-to-XYZ matrix has the primaries as columns, each scaled so that R = G = B = 1 gives the white.
  const columns = transpose(primaries);
  const scale = apply(invert(columns), white);
  const toXyz: Matrix = [
    [columns[0][0] * scale[0], columns[0][1] * scale[1], columns[0][2] * scale[2]],
    [columns[1][0] * scale[0], columns[1][1] * scale[1], columns[1][2] * scale[2]],
    [columns[2][0] * scale[0], columns[2][1] * scale[1], columns[2][2] * scale[2]],
  ];
  // A colourant is a column of the adapted matrix.
  return transpose(multiply(bradfordToD50(white), toXyz));
}

const D65 = xyToXyz(0.3127, 0.329);

type Xy = readonly [number, number];

function standard(name: StandardName, description: string, [r, g, b]: readonly [Xy, Xy, Xy], transfer: Transfer): Standard {
  const primaries: Matrix = [xyToXyz(...r), xyToXyz(...g), xyToXyz(...b)];
  return {
    name,
    description,
    colourants: colourantsFor(primaries, D65),
    transfer,
    white: D65,
  };
}

/** The standards a kept profile must be one of. */
export const STANDARDS: readonly Standard[] = [
  standard(
    'sRGB',
    'sRGB IEC61966-2.1',
    [
      [0.64, 0.33],
      [0.3, 0.6],
      [0.15, 0.06],
    ],
    SRGB_TRANSFER,
  ),
  standard(
    'Display P3',
    'Display P3',
    [
      [0.68, 0.32],
      [0.265, 0.69],
      [0.15, 0.06],
    ],
    SRGB_TRANSFER,
  ),
  // "compatible": the numbers are Adobe's published ones, the profile is not Adobe's file.
  standard(
    'Adobe RGB (1998)',
    'Adobe RGB (1998) compatible',
    [
      [0.64, 0.33],
      [0.21, 0.71],
      [0.15, 0.06],
    ],
    ADOBE_TRANSFER,
  ),
];

/** ICC s15Fixed16Number. */
function fixed(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(Math.round(value * 65536));
  return bytes;
}

function typed(signature: string, body: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(signature, 'latin1'), Buffer.alloc(4), ...body]);
}

function xyzTag(value: Xyz): Buffer {
  return typed('XYZ ', value.map(fixed));
}

/** multiLocalizedUnicodeType with one en-US record. */
function mlucTag(text: string): Buffer {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  const head = Buffer.alloc(20);
  head.writeUInt32BE(1, 0); // records
  head.writeUInt32BE(12, 4); // record size
  head.write('enUS', 8, 'latin1');
  head.writeUInt32BE(utf16.length, 12);
  head.writeUInt32BE(28, 16); // offset from the start of the tag
  return typed('mluc', [head, utf16]);
}

function paraTag(transfer: Transfer): Buffer {
  const kind = Buffer.alloc(4);
  kind.writeUInt16BE(transfer.type, 0);
  return typed('para', [kind, ...transfer.params.map(fixed)]);
}

function padded(bytes: Buffer): Buffer {
  return bytes.length % 4 === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(4 - (bytes.length % 4))]);
}

/** The canonical ICC v4.3 display profile for `s`; see the module comment. */
function buildProfile(s: Standard): Buffer {
  const curve = paraTag(s.transfer);
  const chad = bradfordToD50(s.white);
  const elements: [string[], Buffer][] = [
    [['desc'], mlucTag(s.description)],
    [['cprt'], mlucTag('No copyright, use freely')],
    [['wtpt'], xyzTag(D50)],
    [['chad'], typed('sf32', chad.flat().map(fixed))],
    [['rXYZ'], xyzTag(s.colourants[0])],
    [['gXYZ'], xyzTag(s.colourants[1])],
    [['bXYZ'], xyzTag(s.colourants[2])],
    [['rTRC', 'gTRC', 'bTRC'], curve], // one curve, shared by the three channels
  ];
  const tagCount = elements.reduce((n, [signatures]) => n + signatures.length, 0);
  const table = Buffer.alloc(4 + 12 * tagCount);
  table.writeUInt32BE(tagCount, 0);
  const data: Buffer[] = [];
  let offset = 128 + table.length;
  let entry = 4;
  for (const [signatures, element] of elements) {
    for (const signature of signatures) {
      table.write(signature, entry, 'latin1');
      table.writeUInt32BE(offset, entry + 4);
      table.writeUInt32BE(element.length, entry + 8);
      entry += 12;
    }
    const bytes = padded(element);
    data.push(bytes);
    offset += bytes.length;
  }
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0);
  header.writeUInt32BE(0x04300000, 8); // version 4.3
  header.write('mntrRGB XYZ ', 12, 'latin1');
  // A fixed creation date, the same in every cleaned photo: 2026-01-01 00:00:00.
  [2026, 1, 1, 0, 0, 0].forEach((value, i) => header.writeUInt16BE(value, 24 + 2 * i));
  header.write('acsp', 36, 'latin1');
  D50.forEach((value, i) => fixed(value).copy(header, 68 + 4 * i)); // the PCS illuminant
  // Platform, flags, maker, model, attributes, intent (perceptual) and creator stay 0: they say nothing.
  const profile = Buffer.concat([header, table, ...data]);
  // Profile ID: MD5 of the profile with flags, intent and the ID itself zeroed (ICC.1:2022, 7.2.18); they are zero already.
  createHash('md5').update(profile).digest().copy(profile, 84);
  return profile;
}

const built = new Map<StandardName, Buffer>();

/** The canonical profile of a standard, built once. Callers must not change it. */
export function canonicalProfile(name: StandardName): Buffer {
  let profile = built.get(name);
  if (!profile) {
    const s = STANDARDS.find((candidate) => candidate.name === name);
    if (!s) throw new Error(`no standard colour space ${name}`);
    profile = buildProfile(s);
    built.set(name, profile);
  }
  return profile;
}
