/**
 * What a cleaned photo keeps so that staff see it as the reporter took it:
 * the EXIF orientation, and a colour profile when it is a standard one
 * (recognised by content, replaced by a canonical copy). Checked with
 * exiftool, which nobody here wrote; that it then displays upright in a
 * browser is tests/e2e/photo-orientation.spec.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exiftoolTags, identifyingTags } from '../../tests/support/exiftool';
import {
  byteByByte,
  clean,
  exifSegment,
  iccpChunk,
  iccSegments,
  jpegSegment,
  pngChunk,
  randomSplit,
  tiff,
  withChunksAfterIhdr,
  withSegmentsAfterSoi,
} from '../../tests/support/image-bytes';
import { canonicalProfile } from './icc-standards';

const fixtures = path.join(import.meta.dirname, '../../tests/fixtures/images');
const fixture = (name: string): Buffer => readFileSync(path.join(fixtures, name));
const profile = (name: string): Buffer => fixture(`profiles/${name}`);
const plainJpeg = fixture('with-metadata.jpg');
const plainPng = fixture('with-metadata.png');

/** What the phone wrote that names it or its owner, as it would appear in the bytes (ICC v2 text is ASCII, v4 UTF-16). */
const PHONE_WORDS = ['Pixel', 'Google', 'P8PR', 'GOOG', '3A201FDH600ABC', '012345678901', 'Jane', 'Zurich'];
function namesThePhone(bytes: Buffer): string[] {
  return PHONE_WORDS.filter((word) => bytes.includes(Buffer.from(word, 'latin1')) || bytes.includes(Buffer.from(word, 'utf16le').swap16()));
}

const ORIENTATION_NAMES = [
  '',
  'Horizontal (normal)',
  'Mirror horizontal',
  'Rotate 180',
  'Mirror vertical',
  'Mirror horizontal and rotate 270 CW',
  'Rotate 90 CW',
  'Mirror horizontal and rotate 90 CW',
  'Rotate 270 CW',
];

/** The EXIF segment a cleaned JPEG must carry for orientation `o`, spelled out: big-endian TIFF, one IFD, one entry. */
function expectedOrientationSegment(o: number): Buffer {
  return Buffer.from(
    `ffe10022457869660000` + `4d4d002a00000008` + `0001` + `0112` + `0003` + `00000001` + o.toString(16).padStart(4, '0') + `0000` + `00000000`,
    'hex',
  );
}

function icc(tags: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => key.startsWith('ICC')));
}

describe.each([
  ['JPEG', 'jpg'],
  ['PNG', 'png'],
])('a %s phone photo stored sideways, with Orientation 6 and everything a phone writes', (_format, extension) => {
  const photo = fixture(`rotated-phone-photo.${extension}`);
  const name = `photo.${extension}`;

  it('had GPS, make, model, serial, times, maker notes, XMP and a profile named after the phone before cleaning (so the next tests can fail)', () => {
    const before = exiftoolTags(photo, name);
    expect(identifyingTags(before)).toEqual(
      expect.arrayContaining([
        'IFD0:Make',
        'IFD0:Model',
        'ExifIFD:SerialNumber',
        'ExifIFD:DateTimeOriginal',
        'ExifIFD:MakerNoteUnknownText',
        'GPS:GPSLatitude',
        'XMP-dc:Creator',
        'ICC-header:DeviceModel',
      ]),
    );
    if (extension === 'jpg') expect(identifyingTags(before)).toEqual(expect.arrayContaining(['IFD1:ThumbnailImage', 'IPTC:By-line', 'File:Comment']));
    expect(before).toMatchObject({
      'IFD0:Orientation': 'Rotate 90 CW',
      'ICC_Profile:ProfileDescription': 'Pixel 8 Pro Camera',
    });
    // (A PNG's profile is compressed: its words are not in the bytes as they are.)
    expect(namesThePhone(photo)).toEqual(expect.arrayContaining(['Pixel', 'Google', '3A201FDH600ABC', '012345678901', 'Jane']));
  });

  it('keeps Orientation "Rotate 90 CW" and nothing identifying, according to exiftool', async () => {
    const { output, result } = await clean(photo);
    const after = exiftoolTags(output, name);
    expect(after['IFD0:Orientation']).toBe('Rotate 90 CW');
    expect(identifyingTags(after)).toEqual([]);
    // Of all EXIF, only the orientation: no other IFD0 tag, no EXIF, GPS, thumbnail (IFD1), maker notes, IPTC or XMP.
    expect(Object.keys(after).filter((key) => /^(IFD|ExifIFD|GPS|MakerNotes|IPTC|XMP|Photoshop|PNG-t|PNG-i|PNG-z)/.test(key))).toEqual([
      'IFD0:Orientation',
    ]);
    expect(Object.keys(after).filter((key) => /Warning|Error/.test(key))).toEqual([]);
    expect(result).toEqual({
      mime: extension === 'jpg' ? 'image/jpeg' : 'image/png',
      metadata: 'removed',
    });
  });

  it('keeps the colour as sRGB, in a canonical profile with nothing of the phone in it', async () => {
    const { output } = await clean(photo);
    expect(icc(exiftoolTags(output, name))).toMatchObject({
      'ICC_Profile:ProfileDescription': 'sRGB IEC61966-2.1',
      'ICC-header:DeviceManufacturer': '',
      'ICC-header:DeviceModel': '',
      'ICC-header:ProfileCreator': '',
    });
    expect(namesThePhone(output)).toEqual([]);
  });

  it('decodes to exactly the same pixels', async () => {
    const { output } = await clean(photo);
    const pixels = (bytes: Buffer): Buffer =>
      extension === 'jpg' ? Buffer.from(jpeg.decode(bytes, { useTArray: true }).data) : PNG.sync.read(bytes).data;
    expect(pixels(output).equals(pixels(photo))).toBe(true);
  });

  it('gives the same output sent whole, byte by byte, or split at 100 random places', async () => {
    const whole = (await clean(photo)).output;
    expect((await clean(byteByByte(photo))).output.equals(whole)).toBe(true);
    for (let seed = 1; seed <= 100; seed += 1) {
      const { output } = await clean(randomSplit(photo, seed, [2, 13, 300, 5000][seed % 4] ?? 1));
      if (!output.equals(whole)) expect.fail(`seed ${seed} gave different output`);
    }
  });
});

describe('orientation', () => {
  const MAKE = 0x010f;
  const MODEL = 0x0110;
  const ORIENTATION = 0x0112;

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('keeps orientation %d in a JPEG as a 36-byte EXIF segment of its own (none for 1, the default)', async (o) => {
    const input = withSegmentsAfterSoi(plainJpeg, [
      exifSegment(
        tiff('II', [
          [MAKE, 'Google'],
          [ORIENTATION, o],
          [MODEL, 'Pixel 8 Pro'],
        ]),
      ),
    ]);
    const { output } = await clean(input);
    const expected = o === 1 ? Buffer.alloc(0) : expectedOrientationSegment(o);
    // Right where the phone's EXIF stood: after SOI, before the JFIF header the fixture has (jpeg-js wrote it after).
    expect(output.subarray(2, 2 + expected.length).toString('hex')).toBe(expected.toString('hex'));
    expect(output.subarray(2 + expected.length, 4 + expected.length).toString('hex')).toBe('ffe0');
    const after = exiftoolTags(output, 'o.jpg');
    expect(after['IFD0:Orientation']).toBe(o === 1 ? undefined : ORIENTATION_NAMES[o]);
    expect(identifyingTags(after)).toEqual([]);
  });

  it('reads a big-endian EXIF as well as a little-endian one', async () => {
    const input = withSegmentsAfterSoi(plainJpeg, [
      exifSegment(
        tiff('MM', [
          [MAKE, 'Google'],
          [ORIENTATION, 8],
        ]),
      ),
    ]);
    expect((await clean(input)).output.subarray(2, 38).toString('hex')).toBe(expectedOrientationSegment(8).toString('hex'));
  });

  it.each([
    ['an orientation of 9', tiff('II', [[ORIENTATION, 9]])],
    ['an orientation of 0', tiff('II', [[ORIENTATION, 0]])],
    ['an orientation stored as text', tiff('II', [[ORIENTATION, '6']])],
    ['an IFD pointing past the end', Buffer.from('49492a00ff000000', 'hex')],
    [
      'an IFD cut short',
      tiff('II', [
        [MAKE, 'Google'],
        [ORIENTATION, 6],
      ]).subarray(0, 20),
    ],
    ['no TIFF byte order', Buffer.concat([Buffer.from('XX'), tiff('II', [[ORIENTATION, 6]]).subarray(2)])],
  ])('writes no EXIF at all for %s', async (_problem, tiffBytes) => {
    const { output } = await clean(withSegmentsAfterSoi(plainJpeg, [exifSegment(tiffBytes)]));
    expect(output.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
  });

  it('reads only the first EXIF segment, as browsers do, and skips XMP before it', async () => {
    const xmp = jpegSegment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta tiff:Orientation="3"/>');
    const input = withSegmentsAfterSoi(plainJpeg, [xmp, exifSegment(tiff('MM', [[ORIENTATION, 6]])), exifSegment(tiff('MM', [[ORIENTATION, 3]]))]);
    const { output } = await clean(input);
    expect(exiftoolTags(output, 'o.jpg')['IFD0:Orientation']).toBe('Rotate 90 CW');
    expect(output.subarray(2, 38).toString('hex')).toBe(expectedOrientationSegment(6).toString('hex'));
    expect(output.indexOf(Buffer.from('Exif\0\0', 'latin1'), 10)).toBe(-1);
  });

  it('keeps orientation 8 from a PNG eXIf chunk before the image data, and drops one after it', async () => {
    const eXIf = pngChunk(
      'eXIf',
      tiff('II', [
        [MAKE, 'Google'],
        [ORIENTATION, 8],
      ]),
    );
    const before = await clean(withChunksAfterIhdr(plainPng, [eXIf]));
    const expected = pngChunk('eXIf', Buffer.from('4d4d002a00000008000101120003000000010008000000000000', 'hex'));
    expect(before.output.subarray(33, 33 + expected.length).toString('hex')).toBe(expected.toString('hex'));
    expect(exiftoolTags(before.output, 'o.png')['IFD0:Orientation']).toBe('Rotate 270 CW');

    const iend = plainPng.length - 12;
    const afterIdat = Buffer.concat([plainPng.subarray(0, iend), eXIf, plainPng.subarray(iend)]);
    expect(exiftoolTags((await clean(afterIdat)).output, 'o.png')['IFD0:Orientation']).toBeUndefined();
  });
});

/** A JPEG and a PNG carrying `profileBytes` (one APP2 segment; the iCCP chunk). */
function withProfile(profileBytes: Buffer): { jpg: Buffer; png: Buffer } {
  return {
    jpg: withSegmentsAfterSoi(plainJpeg, iccSegments(profileBytes, 1)),
    png: withChunksAfterIhdr(plainPng, [iccpChunk('Pixel 8 Pro', profileBytes)]),
  };
}

/** `bytes` with every occurrence of `from` replaced by `to` (same length), e.g. a profile's description. */
function retouched(bytes: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(bytes);
  const target = Buffer.from(from, 'latin1');
  const replacement = Buffer.concat([Buffer.from(to, 'latin1'), Buffer.alloc(target.length)]).subarray(0, target.length);
  for (let at = out.indexOf(target); at !== -1; at = out.indexOf(target, at + 1)) replacement.copy(out, at);
  return out;
}

/** phone-srgb.icc with its shared tone curve (1024 entries) replaced by gamma 1.8: sRGB primaries, not sRGB. */
function srgbPrimariesWithGamma18(): Buffer {
  const out = Buffer.from(profile('phone-srgb.icc'));
  const curve = out.indexOf(Buffer.from('curv', 'latin1'));
  const count = out.readUInt32BE(curve + 8);
  for (let i = 0; i < count; i += 1) out.writeUInt16BE(Math.round((i / (count - 1)) ** 1.8 * 65535), curve + 12 + 2 * i);
  return out;
}

describe.each([
  ['JPEG', 'jpg'],
  ['PNG', 'png'],
] as const)('colour profiles in a %s', (_format, extension) => {
  it.each([
    ["a phone's profile named 'Pixel 8 Pro Camera' that is sRGB", profile('phone-srgb.icc'), 'sRGB IEC61966-2.1'],
    ["a camera's Adobe RGB (1998) profile named after its serial number", profile('camera-adobe-rgb.icc'), 'Adobe RGB (1998) compatible'],
    ['a real standard sRGB profile (compact, CC0, as libvips embeds it)', profile('srgb-compact-cc0.icc'), 'sRGB IEC61966-2.1'],
    ['a real standard Display P3 profile (compact, CC0, as libvips embeds it)', profile('display-p3-compact-cc0.icc'), 'Display P3'],
    ["each of Tipline's own canonical profiles (sRGB)", canonicalProfile('sRGB'), 'sRGB IEC61966-2.1'],
    ['(Display P3)', canonicalProfile('Display P3'), 'Display P3'],
    ['(Adobe RGB)', canonicalProfile('Adobe RGB (1998)'), 'Adobe RGB (1998) compatible'],
  ])('replaces %s by the canonical %s', async (_name, profileBytes, description) => {
    const { output } = await clean(withProfile(profileBytes)[extension]);
    const after = exiftoolTags(output, `p.${extension}`);
    expect(after['ICC_Profile:ProfileDescription']).toBe(description);
    expect(after['ICC-header:DeviceModel']).toBe('');
    expect(identifyingTags(after)).toEqual([]);
    expect(namesThePhone(output)).toEqual([]);
    if (extension === 'jpg')
      expect(
        output.includes(
          canonicalProfile(description.startsWith('sRGB') ? 'sRGB' : description.startsWith('Adobe') ? 'Adobe RGB (1998)' : 'Display P3'),
        ),
      ).toBe(true);
  });

  it.each([
    ["a hand-calibrated display's profile", profile('calibrated-display.icc')],
    [
      "a calibrated display's profile that calls itself 'sRGB IEC61966-2.1'",
      retouched(profile('calibrated-display.icc'), "Jane's MacBook Pro calibrated 2026-03-14", 'sRGB IEC61966-2.1'),
    ],
    ['a profile with sRGB primaries but gamma 1.8 curves', srgbPrimariesWithGamma18()],
    ['a profile cut short', profile('phone-srgb.icc').subarray(0, 600)],
    ['a profile that is not a profile', Buffer.from('not an ICC profile, but Pixel 8 Pro Camera anyway')],
  ])('drops %s: no colour profile is left', async (_name, profileBytes) => {
    const { output } = await clean(withProfile(profileBytes)[extension]);
    expect(icc(exiftoolTags(output, `p.${extension}`))).toEqual({});
    expect(namesThePhone(output)).toEqual([]);
  });
});

describe('colour profile limits', () => {
  const srgb = profile('srgb-compact-cc0.icc');
  const descriptionOf = async (input: Buffer, extension = 'jpg'): Promise<unknown> =>
    exiftoolTags((await clean(input)).output, `p.${extension}`)['ICC_Profile:ProfileDescription'];

  it('joins a profile split over three APP2 segments, in order, into the one canonical segment', async () => {
    const { output } = await clean(withSegmentsAfterSoi(plainJpeg, iccSegments(srgb, 3)));
    expect(await descriptionOf(withSegmentsAfterSoi(plainJpeg, iccSegments(srgb, 3)))).toBe('sRGB IEC61966-2.1');
    expect(output.toString('latin1').split('ICC_PROFILE\0').length - 1).toBe(1);
  });

  it('drops a split profile sent out of order, or missing a piece before the image data', async () => {
    expect(await descriptionOf(withSegmentsAfterSoi(plainJpeg, iccSegments(srgb, 3, [1, 3, 2])))).toBeUndefined();
    expect(await descriptionOf(withSegmentsAfterSoi(plainJpeg, iccSegments(srgb, 3, [1, 2])))).toBeUndefined();
  });

  it('reads only the first profile: a second one after a dropped first is not looked at', async () => {
    const first = iccSegments(profile('calibrated-display.icc'), 1);
    expect(await descriptionOf(withSegmentsAfterSoi(plainJpeg, [...first, ...iccSegments(srgb, 1)]))).toBeUndefined();
  });

  it('drops a profile over 64 KiB without reading it (a standard profile padded with 70,000 bytes)', async () => {
    const padded = Buffer.concat([srgb, Buffer.alloc(70_000)]); // the header still says 480 bytes: only the size limit stops it
    expect(await descriptionOf(withSegmentsAfterSoi(plainJpeg, iccSegments(padded, 2)))).toBeUndefined();
    expect(await descriptionOf(withChunksAfterIhdr(plainPng, [iccpChunk('big', padded)]), 'png')).toBeUndefined();
  });

  it('drops an iCCP chunk that inflates without end (a zip bomb) or is not zlib', async () => {
    const bomb = pngChunk('iCCP', Buffer.concat([Buffer.from('bomb\0\0', 'latin1'), deflateSync(Buffer.alloc(50 * 1024 * 1024))]));
    const garbage = pngChunk('iCCP', Buffer.from('garbage\0\0not zlib at all', 'latin1'));
    for (const chunk of [bomb, garbage]) {
      const { output } = await clean(withChunksAfterIhdr(plainPng, [chunk]));
      expect(icc(exiftoolTags(output, 'p.png'))).toEqual({});
    }
  });
});
