import { readFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  assemble,
  byteByByte,
  type Part,
  clean,
  exifSegment,
  iccpChunk,
  iccSegments,
  jpegSegment,
  PNG_SIGNATURE,
  pngChunk,
  randomSplit,
  tiff,
  TINY_IHDR,
} from '../../tests/support/image-bytes';
import { exiftoolTags, identifyingTags } from '../../tests/support/exiftool';
import { canonicalIccpChunk, canonicalIccSegment } from './icc-embedding';
import { MetadataCleaner, UnreadableImageError } from './metadata-cleaner';


const fixtures = path.join(import.meta.dirname, '../../tests/fixtures/images');
const photoJpeg = readFileSync(path.join(fixtures, 'with-metadata.jpg'));
const photoPng = readFileSync(path.join(fixtures, 'with-metadata.png'));
const rotatedJpeg = readFileSync(path.join(fixtures, 'rotated-phone-photo.jpg'));
const rotatedPng = readFileSync(path.join(fixtures, 'rotated-phone-photo.png'));
/** A real standard sRGB profile (see tests/fixtures/images/README.md). */
const srgbProfile = readFileSync(path.join(fixtures, 'profiles/srgb-compact-cc0.icc'));


const cameraTags = ['IFD0:Make', 'IFD0:Model', 'ExifIFD:SerialNumber', 'ExifIFD:DateTimeOriginal', 'GPS:GPSLatitude'];
const xmpTags = ['XMP-dc:Creator', 'XMP-exif:GPSLatitude', 'XMP-xmp:CreateDate'];

describe('a JPEG photo with camera metadata', () => {
  it('had GPS, camera, time, XMP, IPTC and a comment before cleaning (so the next test can fail)', () => {
    const before = identifyingTags(exiftoolTags(photoJpeg, 'before.jpg'));
    expect(before).toEqual(expect.arrayContaining([...cameraTags, ...xmpTags, 'IPTC:By-line', 'File:Comment']));
  });

  it('has none of them after cleaning, according to exiftool, and is still a JFIF JPEG', async () => {
    const { output, result } = await clean(photoJpeg);
    const after = exiftoolTags(output, 'after.jpg');
    expect(identifyingTags(after)).toEqual([]);
    expect(after).toMatchObject({ 'File:FileType': 'JPEG', 'File:ImageWidth': 64, 'JFIF:JFIFVersion': 1.01 });
    expect(Object.keys(after).filter((key) => /Warning|Error/.test(key))).toEqual([]);
    expect(result).toEqual({ mime: 'image/jpeg', metadata: 'removed' });
  });

  it('decodes to exactly the same pixels (jpeg-js)', async () => {
    const { output } = await clean(photoJpeg);
    expect(output.length).toBeLessThan(photoJpeg.length / 2);
    const pixels = (bytes: Buffer): Buffer => Buffer.from(jpeg.decode(bytes, { useTArray: true }).data);
    expect(pixels(output).equals(pixels(photoJpeg))).toBe(true);
  });
});

describe('a PNG picture with camera metadata', () => {
  it('had EXIF (eXIf), XMP (iTXt), text (tEXt) and a time (tIME) before cleaning (so the next test can fail)', () => {
    const before = identifyingTags(exiftoolTags(photoPng, 'before.png'));
    expect(before).toEqual(
      expect.arrayContaining([...cameraTags, ...xmpTags, 'PNG:Comment', 'PNG:Author', 'PNG:ModifyDate']),
    );
  });

  it('has none of them after cleaning, according to exiftool, and keeps its pixel density (pHYs)', async () => {
    const { output, result } = await clean(photoPng);
    const after = exiftoolTags(output, 'after.png');
    expect(identifyingTags(after)).toEqual([]);
    expect(after).toMatchObject({ 'File:FileType': 'PNG', 'PNG:ImageWidth': 64, 'PNG-pHYs:PixelsPerUnitX': 2835 });
    expect(Object.keys(after).filter((key) => /Warning|Error/.test(key))).toEqual([]);
    expect(result).toEqual({ mime: 'image/png', metadata: 'removed' });
  });

  it('decodes to exactly the same pixels (pngjs, which also checks every CRC)', async () => {
    const { output } = await clean(photoPng);
    expect(PNG.sync.read(output).data.equals(PNG.sync.read(photoPng).data)).toBe(true);
  });
});

describe('keepMetadata and other file types', () => {
  it('passes a JPEG and a PNG through byte for byte when the reporter keeps the metadata', async () => {
    expect(await clean(photoJpeg, true)).toEqual({ output: photoJpeg, result: { mime: 'image/jpeg', metadata: 'kept' } });
    expect(await clean(photoPng, true)).toEqual({ output: photoPng, result: { mime: 'image/png', metadata: 'kept' } });
  });

  it.each([
    ['image/gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['image/webp', Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00', 'latin1')],
    ['application/pdf', Buffer.from('%PDF-1.7\n1 0 obj <</Author (Jane Reporter)>> endobj\n%%EOF\n')],
    ['application/octet-stream', Buffer.from('GPSLatitude=47.37 Make=Canon, a text file named photo.jpg')],
    ['application/octet-stream', Buffer.from([0xff, 0xd8])],
    ['application/octet-stream', Buffer.alloc(0)],
  ])('sniffs %s from the bytes and passes it through unchanged', async (mime, bytes) => {
    expect(await clean(bytes)).toEqual({ output: bytes, result: { mime, metadata: 'not_supported' } });
    expect((await clean(byteByByte(bytes))).output).toEqual(bytes);
  });

  it('has no result before the stream has finished', () => {
    const cleaner = new MetadataCleaner({ keepMetadata: false });
    cleaner.write(photoJpeg.subarray(0, 100));
    expect(() => cleaner.result).toThrow(/before the stream finished/);
    cleaner.destroy();
  });
});

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
const ICC = jpegSegment(0xe2, 'ICC_PROFILE\0\x01\x01 a colour profile');
const [SRGB_1, SRGB_2, SRGB_3] = iccSegments(srgbProfile, 3) as [Buffer, Buffer, Buffer];
const ORIENTATION = 0x0112;
/** The EXIF a cleaned JPEG keeps for orientation 8: a TIFF header, one IFD, one entry (spelled out, not made by the cleaner's code). */
const EXIF_ORIENTATION_8 = Buffer.from('ffe10022457869660000' + '4d4d002a00000008' + '0001' + '011200030000000100080000' + '00000000', 'hex');
const ADOBE = jpegSegment(0xee, 'Adobe\0\x64\x00\x00\x00\x00\x01');

/**
 * A progressive-style JPEG, built by hand (no tool here writes one): two
 * scans with tables and metadata between them, stuffing, restarts and fill
 * bytes in the entropy-coded data, and an MPF second image after EOI.
 */
const multiScan = assemble([
  [SOI, 'keep'],
  [
    jpegSegment(0xe0, 'JFIF\0\x01\x02\x01\x00\x48\x00\x48\x02\x01' + 'RGBRGB'),
    jpegSegment(0xe0, 'JFIF\0\x01\x02\x01\x00\x48\x00\x48\x00\x00'),
  ],
  [jpegSegment(0xe0, 'JFXX\0\x10 a thumbnail'), 'drop'],
  [exifSegment(tiff('II', [[0x010f, 'Google'], [ORIENTATION, 8], [0xa431, '3A201FDH600ABC']])), EXIF_ORIENTATION_8],
  [jpegSegment(0xe1, 'Exif\0\0MM\0* GPS and a serial number'), 'drop'],
  [SRGB_1, 'drop'], // a standard profile in three pieces: replaced, once whole, by the canonical one
  [jpegSegment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'), 'drop'],
  [SRGB_2, 'drop'],
  [SRGB_3, canonicalIccSegment('sRGB')],
  [ICC, 'drop'], // a second profile: not looked at
  [jpegSegment(0xe2, 'MPF\0 index of the second image'), 'drop'],
  [ADOBE, 'keep'],
  [jpegSegment(0xee, 'NotAdobe'), 'drop'],
  [jpegSegment(0xed, 'Photoshop 3.0\x008BIM IPTC by-line'), 'drop'],
  [jpegSegment(0xeb, 'JP\0 JUMBF / C2PA'), 'drop'],
  [jpegSegment(0xfe, 'a comment'), 'drop'],
  [jpegSegment(0xdb, Buffer.alloc(65, 1)), 'keep'],
  [jpegSegment(0xc2, '\x08\x00\x01\x00\x01\x01\x01\x11\x00'), 'keep'],
  [jpegSegment(0xc4, Buffer.alloc(20, 2)), 'keep'],
  [jpegSegment(0xdd, '\x00\x04'), 'keep'],
  [Buffer.from([0xff, 0xff]), 'drop'], // fill bytes between segments
  [jpegSegment(0xda, '\x01\x01\x00\x00\x3f\x00'), 'keep'],
  [Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0xff, 0xff, 0x00, 0x9a, 0xff, 0xd7, 0xbc]), 'keep'],
  [Buffer.from([0xff, 0xff]), 'keep'], // fill bytes before a marker, inside the scan's bytes
  [jpegSegment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'), 'drop'],
  [jpegSegment(0xfe, 'between scans'), 'drop'],
  [exifSegment(tiff('MM', [[ORIENTATION, 3]])), 'drop'], // after the first scan: decoders no longer look
  [iccSegments(srgbProfile, 1)[0] ?? Buffer.alloc(0), 'drop'],
  [jpegSegment(0xc4, Buffer.alloc(20, 3)), 'keep'],
  [jpegSegment(0xda, '\x01\x01\x00\x01\x3f\x10'), 'keep'],
  [Buffer.from([0xde, 0xff, 0x00, 0xad, 0xff, 0xd1, 0xbe, 0xef]), 'keep'],
  [EOI, 'keep'],
  [Buffer.concat([SOI, jpegSegment(0xe1, 'Exif\0\0 of the second image'), EOI, Buffer.from('camera trailer')]), 'drop'],
]);

/**
 * What a crafted file is made of, small: fill runs of every length around
 * the word size before markers and inside scans, empty segments, segments
 * looked into (JFIF, EXIF, ICC, Adobe, too short or not), tiny scans with
 * stuffing, restarts and fill; sent in any chunking it must clean the same.
 */
const fill = (n: number): Buffer => Buffer.alloc(n, 0xff);
const tinyScan = jpegSegment(0xda, '\x01\x01\x00\x00\x3f\x00');
const crafted = assemble([
  [SOI, 'keep'],
  ...[1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 64, 300].flatMap((n): Part[] => [
    [fill(n), 'drop'],
    [jpegSegment(0xfe, ''), 'drop'],
    [jpegSegment(0xe1, ''), 'drop'],
  ]),
  [jpegSegment(0xe0, ''), 'drop'],
  [jpegSegment(0xe0, 'JFIF\0\x01\x02\x01\x00\x48\x00\x48\x00\x00'), 'keep'],
  [jpegSegment(0xe1, 'Exif\0\0MM'), 'drop'], // too short to hold a TIFF header
  [jpegSegment(0xe2, 'ICC_PROFILE\0'), 'drop'], // the id alone: not a real profile
  [ICC, 'drop'], // not a standard profile
  [jpegSegment(0xee, 'Adobe'), 'drop'],
  [ADOBE, 'keep'],
  [jpegSegment(0xdb, Buffer.alloc(65, 4)), 'keep'],
  [jpegSegment(0xc0, '\x08\x00\x01\x00\x01\x01\x01\x11\x00'), 'keep'],
  [jpegSegment(0xc4, Buffer.alloc(17, 5)), 'keep'],
  ...[0, 1, 2, 7, 8, 9, 33].flatMap((n): Part[] => [
    [tinyScan, 'keep'],
    [Buffer.concat([Buffer.from([0x42, 0xff, 0x00, 0xff, 0xd3]), fill(n), Buffer.from([0x00, 0x17])]), 'keep'],
    [fill(n), 'keep'], // fill before the marker that ends the scan stays with the data
    [jpegSegment(0xfe, 'between scans'), 'drop'],
  ]),
  [tinyScan, 'keep'],
  [Buffer.from([0x99]), 'keep'],
  [EOI, 'keep'],
]);

describe('JPEG structure', () => {
  it('cleans a crafted file (fill runs, empty and too-short segments, tiny scans) as the rules say', async () => {
    const { output } = await clean(crafted.input);
    expect(output.toString('hex')).toBe(crafted.expected.toString('hex'));
  });

  it('keeps frame, tables, scans, JFIF (without thumbnail), the orientation, a standard profile (as its canonical copy) and Adobe; drops the rest and everything after EOI', async () => {
    const { output } = await clean(multiScan.input);
    expect(output.toString('hex')).toBe(multiScan.expected.toString('hex'));
  });

  it('passes a file cut short inside the entropy-coded data through up to where it ends', async () => {
    const cut = multiScan.input.subarray(0, multiScan.input.indexOf(Buffer.from([0x9a, 0xff, 0xd7])) + 2);
    const expected = multiScan.expected.subarray(0, multiScan.expected.indexOf(Buffer.from([0x9a, 0xff, 0xd7])) + 2);
    expect(cut.at(-1)).toBe(0xff);
    expect((await clean(cut)).output.toString('hex')).toBe(expected.toString('hex'));
  });

  it.each([
    ['data where a marker should be', Buffer.concat([SOI, Buffer.from([0xff, 0xdb, 0x00, 0x04, 1, 2, 0x12, 0x34])])],
    ['an impossible segment length', Buffer.concat([SOI, Buffer.from([0xff, 0xe1, 0x00, 0x01, 0, 0, 0, 0])])],
    ['a segment running past the end', Buffer.concat([SOI, jpegSegment(0xdb, Buffer.alloc(65)).subarray(0, 30)])],
    ['EOI before any scan', Buffer.concat([SOI, jpegSegment(0xdb, Buffer.alloc(65)), EOI])],
    ['a second SOI', Buffer.concat([SOI, SOI, jpegSegment(0xdb, Buffer.alloc(65))])],
    ['a JPEG-LS frame (SOF55) we cannot vouch for', Buffer.concat([SOI, jpegSegment(0xf7, Buffer.alloc(11))])],
    ['only a header', Buffer.from([0xff, 0xd8, 0xff])],
    // Shorter than any real encoder writes: a file of a million of them is built to make the cleaner work.
    ['an empty quantisation table', Buffer.concat([SOI, jpegSegment(0xdb, '')])],
    ['a Huffman table without its code counts', Buffer.concat([SOI, jpegSegment(0xc4, Buffer.alloc(16))])],
    ['a scan header without a component', Buffer.concat([SOI, jpegSegment(0xdb, Buffer.alloc(65)), jpegSegment(0xda, ''), Buffer.from([1]), EOI])],
  ])('refuses a JPEG with %s (UnreadableImageError)', async (_problem, bytes) => {
    await expect(clean(bytes)).rejects.toThrow(UnreadableImageError);
    await expect(clean(byteByByte(bytes))).rejects.toThrow(UnreadableImageError);
  });
});

const tinyIdat = pngChunk('IDAT', 'compressed pixels');
const pngWithEverything = assemble([
  [PNG_SIGNATURE, 'keep'],
  [TINY_IHDR, 'keep'],
  [pngChunk('tEXt', 'Author\0Jane Reporter'), 'drop'],
  [pngChunk('zTXt', 'Comment\0\0compressed'), 'drop'],
  [pngChunk('iTXt', 'XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>'), 'drop'],
  [pngChunk('tIME', '\x07\xea\x03\x0e\x09\x1a\x35'), 'drop'],
  [pngChunk('eXIf', tiff('MM', [[0x010f, 'Google'], [ORIENTATION, 8]])), pngChunk('eXIf', EXIF_ORIENTATION_8.subarray(10))],
  [pngChunk('eXIf', 'MM\0* GPS'), 'drop'], // a second one: not looked at
  [pngChunk('caBX', 'c2pa manifest'), 'drop'],
  [pngChunk('gAMA', '\0\0\xb1\x8f'), 'keep'],
  [pngChunk('sRGB', '\0'), 'keep'],
  [iccpChunk('Pixel 8 Pro Camera', srgbProfile), canonicalIccpChunk('sRGB')],
  [pngChunk('iCCP', 'profile\0\0x'), 'drop'],
  [pngChunk('pHYs', '\0\0\x0b\x13\0\0\x0b\x13\x01'), 'keep'],
  [pngChunk('acTL', '\0\0\0\x01\0\0\0\0'), 'keep'],
  [pngChunk('fcTL', Buffer.alloc(26)), 'keep'],
  [pngChunk('Ztst', 'an unknown critical chunk'), 'keep'],
  [tinyIdat, 'keep'],
  [pngChunk('tEXt', 'Comment\0after the pixels'), 'drop'],
  [pngChunk('IEND'), 'keep'],
  [Buffer.concat([pngChunk('tEXt', 'Author\0after IEND'), Buffer.from('PK\x03\x04 an appended zip')]), 'drop'],
]);

describe('PNG structure', () => {
  it('keeps critical and rendering chunks, the orientation and a standard profile (written anew), drops text, time, the rest of EXIF, private chunks and everything after IEND', async () => {
    const { output } = await clean(pngWithEverything.input);
    expect(output.toString('hex')).toBe(pngWithEverything.expected.toString('hex'));
  });

  it('passes a file cut short inside IDAT through up to where it ends', async () => {
    const cut = Buffer.concat([PNG_SIGNATURE, TINY_IHDR, pngChunk('tIME', '1234567'), tinyIdat.subarray(0, 15)]);
    const expected = Buffer.concat([PNG_SIGNATURE, TINY_IHDR, tinyIdat.subarray(0, 15)]);
    expect((await clean(cut)).output.toString('hex')).toBe(expected.toString('hex'));
  });

  it('takes a chunk type only when all four bytes are ASCII letters, whatever byte stands where', async () => {
    const isLetter = (byte: number): boolean => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    for (let position = 0; position < 4; position += 1) {
      for (let byte = 0; byte < 256; byte += 1) {
        const type = Buffer.from('tEXt', 'latin1');
        type[position] = byte;
        const chunk = pngChunk('tEXt', 'a\0b');
        type.copy(chunk, 4);
        const file = Buffer.concat([PNG_SIGNATURE, TINY_IHDR, chunk, tinyIdat, pngChunk('IEND')]);
        const cleaned = clean(file).then(() => 'cleaned', (error: unknown) => (error instanceof UnreadableImageError ? 'refused' : String(error)));
        expect(await cleaned, `byte ${byte} at ${position}`).toBe(isLetter(byte) ? 'cleaned' : 'refused');
      }
    }
  });

  const tooLong = Buffer.from([0x80, 0, 0, 0, 0x49, 0x44, 0x41, 0x54]);
  it.each([
    ['a damaged signature', Buffer.concat([PNG_SIGNATURE.subarray(0, 6), Buffer.from([0, 0x0a]), TINY_IHDR])],
    ['a chunk longer than 2^31-1', Buffer.concat([PNG_SIGNATURE, TINY_IHDR, tooLong, Buffer.alloc(16)])],
    ['no IHDR first', Buffer.concat([PNG_SIGNATURE, pngChunk('tEXt', 'a\0b'), TINY_IHDR, tinyIdat])],
    ['a chunk type that is not letters', Buffer.concat([PNG_SIGNATURE, TINY_IHDR, pngChunk('t3Xt', 'a\0b'), tinyIdat])],
    ['an end before any image data', Buffer.concat([PNG_SIGNATURE, TINY_IHDR, pngChunk('tEXt', 'a\0b')])],
    ['only half a signature', PNG_SIGNATURE.subarray(0, 5)],
  ])('refuses a PNG with %s (UnreadableImageError)', async (_problem, bytes) => {
    await expect(clean(bytes)).rejects.toThrow(UnreadableImageError);
    await expect(clean(byteByByte(bytes))).rejects.toThrow(UnreadableImageError);
  });
});

describe('any chunking of the input', () => {
  const jpegWithTrailer = Buffer.concat([photoJpeg, Buffer.from('trailing bytes after EOI')]);
  it.each([
    ['the JPEG photo', photoJpeg],
    ['the JPEG photo with a trailer', jpegWithTrailer],
    ['the PNG picture', photoPng],
    ['the rotated JPEG phone photo', rotatedJpeg],
    ['the rotated PNG phone photo', rotatedPng],
    ['the hand-built multi-scan JPEG', multiScan.input],
    ['the crafted JPEG', crafted.input],
    ['the hand-built PNG', pngWithEverything.input],
  ])('gives the same output for %s sent whole, byte by byte, or split at 200 random places', async (_name, bytes) => {
    const whole = (await clean(bytes)).output;
    expect(whole.length).toBeGreaterThan(0);
    expect((await clean(byteByByte(bytes))).output.equals(whole)).toBe(true);
    for (let seed = 1; seed <= 200; seed += 1) {
      const pieces = randomSplit(bytes, seed, [2, 5, 17, 300, 5000][seed % 5] ?? 1);
      const { output } = await clean(pieces);
      if (!output.equals(whole)) expect.fail(`seed ${seed} gave different output`);
    }
  });

  it('drops the trailer after EOI', async () => {
    expect((await clean(jpegWithTrailer)).output.equals((await clean(photoJpeg)).output)).toBe(true);
  });
});
