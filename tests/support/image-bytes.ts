/**
 * Test helpers for the metadata cleaner: run bytes through it in given
 * pieces, split bytes at seeded random places, and build JPEG segments and
 * PNG chunks by hand (for structures no tool here writes).
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, deflateSync } from 'node:zlib';
import { type CleaningResult, MetadataCleaner } from '../../server/files/metadata-cleaner';

export interface Cleaned {
  output: Buffer;
  result: CleaningResult;
}

/** Streams `pieces` (in that chunking) through a MetadataCleaner and collects what comes out. */
export async function clean(pieces: Buffer | Buffer[], keepMetadata = false): Promise<Cleaned> {
  const cleaner = new MetadataCleaner({ keepMetadata });
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      // Copy: a cleaner that handed out a view and later reused its memory would show up as changed output.
      out.push(Buffer.from(chunk));
      callback();
    },
  });
  await pipeline(Readable.from(Array.isArray(pieces) ? pieces : [pieces]), cleaner, sink);
  return { output: Buffer.concat(out), result: cleaner.result };
}

/** A small seeded generator (mulberry32), so a failing split can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `bytes` cut at random places into pieces of 1 to `maxPiece` bytes (some empty pieces too). */
export function randomSplit(bytes: Buffer, seed: number, maxPiece: number): Buffer[] {
  const random = seededRandom(seed);
  const pieces: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const size = random() < 0.05 ? 0 : 1 + Math.floor(random() * maxPiece);
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  return pieces;
}

/** `bytes` as 1-byte pieces. */
export function byteByByte(bytes: Buffer): Buffer[] {
  return Array.from(bytes, (byte) => Buffer.from([byte]));
}

/** A JPEG marker segment: FF, code, length, payload. */
export function jpegSegment(code: number, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : payload;
  const header = Buffer.from([0xff, code, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** A PNG chunk with a correct CRC. */
export function pngChunk(type: string, data: Buffer | string = Buffer.alloc(0)): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), typeof data === 'string' ? Buffer.from(data, 'latin1') : data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** IHDR data for a 1x1 8-bit greyscale picture. */
export const TINY_IHDR = pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));

/** Parts of a file, each marked with what the cleaner must make of it: keep it, drop it, or write these bytes instead. */
export type Part = [bytes: Buffer, fate: 'keep' | 'drop' | Buffer];

/** The whole file, and what it must look like once cleaned. */
export function assemble(parts: Part[]): { input: Buffer; expected: Buffer } {
  const cleaned = ([bytes, fate]: Part): Buffer => (fate === 'keep' ? bytes : fate === 'drop' ? Buffer.alloc(0) : fate);
  return { input: Buffer.concat(parts.map(([bytes]) => bytes)), expected: Buffer.concat(parts.map(cleaned)) };
}

/** `unit` repeated `count` times, built in one buffer (a million small buffers joined would cost more than what is measured). */
export function repeated(unit: Buffer, count: number): Buffer {
  const out = Buffer.allocUnsafe(unit.length * count);
  for (let i = 0; i < count; i += 1) unit.copy(out, i * unit.length);
  return out;
}

/** An IFD0 entry for `tiff`: a SHORT held in the entry, or ASCII text stored after the IFD. */
export type TiffEntry = [tag: number, value: number | string];

/**
 * A TIFF structure as EXIF holds it, built by hand (independently of the
 * cleaner's own writer): header in `order`, IFD0 with `entries` in the
 * order given, no next IFD, text values after it.
 */
export function tiff(order: 'II' | 'MM', entries: TiffEntry[]): Buffer {
  const little = order === 'II';
  const u16 = (value: number): Buffer => {
    const b = Buffer.alloc(2);
    if (little) b.writeUInt16LE(value);
    else b.writeUInt16BE(value);
    return b;
  };
  const u32 = (value: number): Buffer => {
    const b = Buffer.alloc(4);
    if (little) b.writeUInt32LE(value);
    else b.writeUInt32BE(value);
    return b;
  };
  const texts: Buffer[] = [];
  let textAt = 8 + 2 + 12 * entries.length + 4;
  const ifd = entries.map(([tag, value]) => {
    if (typeof value === 'number') return Buffer.concat([u16(tag), u16(3), u32(1), u16(value), u16(0)]);
    const text = Buffer.from(`${value}\0`, 'latin1');
    const entry = Buffer.concat([u16(tag), u16(2), u32(text.length), u32(textAt)]);
    texts.push(text);
    textAt += text.length;
    return entry;
  });
  return Buffer.concat([Buffer.from(order, 'latin1'), u16(42), u32(8), u16(entries.length), ...ifd, u32(0), ...texts]);
}

/** An APP1 EXIF segment holding `tiffBytes`. */
export function exifSegment(tiffBytes: Buffer): Buffer {
  return jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiffBytes]));
}

/** `profile` as APP2 ICC_PROFILE segments: cut into `count` pieces, numbered 1 to `count` in the order given by `order`. */
export function iccSegments(profile: Buffer, count: number, order: number[] = Array.from({ length: count }, (_, i) => i + 1)): Buffer[] {
  const size = Math.ceil(profile.length / count);
  return order.map((sequence) =>
    jpegSegment(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([sequence, count]), profile.subarray((sequence - 1) * size, sequence * size)])),
  );
}

/** A PNG iCCP chunk: profile name, NUL, compression method 0, the zlib-compressed profile. */
export function iccpChunk(name: string, profile: Buffer): Buffer {
  return pngChunk('iCCP', Buffer.concat([Buffer.from(name, 'latin1'), Buffer.from([0, 0]), deflateSync(profile)]));
}

/** `jpeg` with `segments` inserted right after SOI, where a camera writes EXIF and the profile. */
export function withSegmentsAfterSoi(jpegBytes: Buffer, segments: Buffer[]): Buffer {
  return Buffer.concat([jpegBytes.subarray(0, 2), ...segments, jpegBytes.subarray(2)]);
}

/** `png` with `chunks` inserted right after IHDR. */
export function withChunksAfterIhdr(pngBytes: Buffer, chunks: Buffer[]): Buffer {
  const afterIhdr = 8 + 25;
  return Buffer.concat([pngBytes.subarray(0, afterIhdr), ...chunks, pngBytes.subarray(afterIhdr)]);
}
