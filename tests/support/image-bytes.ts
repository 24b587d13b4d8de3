/**
 * Test helpers for the metadata cleaner: run bytes through it in given
 * pieces, split bytes at seeded random places, and build JPEG segments and
 * PNG chunks by hand (for structures no tool here writes).
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
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
