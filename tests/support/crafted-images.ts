/**
 * Crafted images for measuring what the metadata cleaner costs: the files
 * an attacker would pick (megabytes of FF fill bytes, a million empty
 * segments, a million tiny scans, entropy-coded data packed with stuffing or
 * restarts, a million empty PNG chunks), each wrapped around a small real
 * picture and paired with what it must clean to, and the plain photo and
 * PNG of a few MiB they are compared with. Used by
 * server/files/metadata-cleaner.cost.test.ts and bench/cleaner-cost.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { clean, jpegSegment, pngChunk, repeated } from './image-bytes';
import { noise } from './uploads';

const MiB = 1024 * 1024;
/** What a socket typically hands over at a time. */
const PIECE_BYTES = 64 * 1024;

const fixtures = fileURLToPath(new URL('../fixtures/images/', import.meta.url));
/** Small real pictures with camera metadata: the crafted files below wrap around them. */
const smallJpeg = readFileSync(path.join(fixtures, 'with-metadata.jpg'));
const smallPng = readFileSync(path.join(fixtures, 'with-metadata.png'));
const SOI = smallJpeg.subarray(0, 2);
/** PNG signature and IHDR: crafted chunks go right after them. */
const PNG_HEAD_BYTES = 8 + 25;

/** A plain photo of about 4 MiB, as big as the crafted files: noisy pixels, so the entropy-coded data is as dense as a camera's. */
export function plainPhoto(): Buffer {
  const width = 1600;
  const height = 1200;
  const grain = noise(width * height * 4, 7);
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    const x = (i / 4) % width;
    const y = Math.floor(i / 4 / width);
    data[i] = ((x * 255) / width + ((grain[i] ?? 0) & 63)) & 0xff;
    data[i + 1] = ((y * 255) / height + ((grain[i + 1] ?? 0) & 63)) & 0xff;
    data[i + 2] = grain[i + 2] ?? 0;
    data[i + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 92).data);
}

/** A plain PNG of a few MiB (noise compresses poorly, as a photo does). */
export function plainPng(): Buffer {
  const picture = new PNG({ width: 1024, height: 1024 });
  picture.data = Buffer.from(noise(1024 * 1024 * 4, 9));
  return PNG.sync.write(picture);
}

export interface Crafted {
  input: Buffer;
  /** The cleaned file it must give. */
  expected: Buffer;
}

const MILLION = 1_000_000;

/** Crafted JPEGs around the small photo: junk after SOI, dropped or kept as the rules say. */
const scanHeader = jpegSegment(0xda, '\x01\x01\x00\x00\x3f\x00'); // the smallest a real one is: one component
const huffmanTable = jpegSegment(0xc4, Buffer.alloc(17)); // likewise: class and id, 16 counts (all zero)
export const JPEG_JUNK: Record<string, { junk: () => Buffer; kept: boolean | (() => Buffer) }> = {
  '4 MiB of fill bytes before a marker': { junk: () => Buffer.alloc(4 * MiB, 0xff), kept: false },
  'a million empty COM segments, each after a fill byte': {
    junk: () => repeated(Buffer.concat([Buffer.from([0xff]), jpegSegment(0xfe, '')]), MILLION),
    kept: false,
  },
  'a million empty APP1 segments': { junk: () => repeated(jpegSegment(0xe1, ''), MILLION), kept: false },
  'a million empty APP0 segments (each looked into)': { junk: () => repeated(jpegSegment(0xe0, ''), MILLION), kept: false },
  '200,000 minimal Huffman tables (kept)': { junk: () => repeated(huffmanTable, 200_000), kept: true },
  '170,000 minimal Huffman tables and empty COM segments in turn': {
    junk: () => repeated(Buffer.concat([huffmanTable, jpegSegment(0xfe, '')]), 170_000),
    kept: () => repeated(huffmanTable, 170_000),
  },
  '250,000 JFIF segments (each rewritten)': {
    junk: () => repeated(jpegSegment(0xe0, 'JFIF\0\x01\x02\x01\x00\x48\x00\x48\x00\x00'), 250_000),
    kept: true, // already without a thumbnail: rewritten to the same bytes
  },
  '250,000 Adobe segments (kept)': { junk: () => repeated(jpegSegment(0xee, 'Adobe\0\x64\x00\x00\x00\x00\x01'), 250_000), kept: true },
  '400,000 scans of one byte': { junk: () => repeated(Buffer.concat([scanHeader, Buffer.from([1])]), 400_000), kept: true },
  'entropy-coded data of nothing but stuffing (FF00)': {
    junk: () => Buffer.concat([scanHeader, repeated(Buffer.from([0xff, 0x00]), 2 * MILLION)]),
    kept: true,
  },
  'entropy-coded data of nothing but restarts': {
    junk: () => Buffer.concat([scanHeader, repeated(Buffer.from([0xff, 0xd0, 0xff, 0xd1, 0xff, 0xd2, 0xff, 0xd7]), MILLION / 2)]),
    kept: true,
  },
  'entropy-coded data of 4 MiB of fill bytes': { junk: () => Buffer.concat([scanHeader, Buffer.alloc(4 * MiB, 0xff), Buffer.from([0x00])]), kept: true },
};

export async function craftedJpeg(name: string): Promise<Crafted> {
  const recipe = JPEG_JUNK[name];
  if (!recipe) throw new Error(`no crafted JPEG named ${name}`);
  const cleanedSmall = (await clean(smallJpeg)).output;
  const junk = recipe.junk();
  const keptJunk = recipe.kept === true ? junk : recipe.kept === false ? Buffer.alloc(0) : recipe.kept();
  return { input: Buffer.concat([SOI, junk, smallJpeg.subarray(2)]), expected: Buffer.concat([SOI, keptJunk, cleanedSmall.subarray(2)]) };
}

/** Crafted PNGs around the small picture: junk chunks right after IHDR. */
export const PNG_JUNK: Record<string, { chunk: string; kept: boolean }> = {
  '350,000 empty tEXt chunks': { chunk: 'tEXt', kept: false },
  '350,000 empty IDAT chunks (kept)': { chunk: 'IDAT', kept: true },
};

export async function craftedPng(name: string): Promise<Crafted> {
  const recipe = PNG_JUNK[name];
  if (!recipe) throw new Error(`no crafted PNG named ${name}`);
  const cleanedSmall = (await clean(smallPng)).output;
  const junk = repeated(pngChunk(recipe.chunk), 350_000);
  const head = smallPng.subarray(0, PNG_HEAD_BYTES);
  return {
    input: Buffer.concat([head, junk, smallPng.subarray(PNG_HEAD_BYTES)]),
    expected: Buffer.concat([head, recipe.kept ? junk : Buffer.alloc(0), cleanedSmall.subarray(PNG_HEAD_BYTES)]),
  };
}

/** `bytes` in the pieces an upload would bring them in. */
export function pieces(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) out.push(bytes.subarray(at, at + PIECE_BYTES));
  return out;
}

