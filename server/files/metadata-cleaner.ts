/**
 * Strips identifying metadata (EXIF, XMP, IPTC, comments) from uploaded
 * evidence as it streams by, in constant memory and without re-encoding:
 * a reporter's photo keeps every pixel but loses the GPS position, camera
 * serial and time that could point at them. JPEG and PNG are cleaned; any
 * other type passes through unchanged and is reported as not supported.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { MetadataHandling } from '../../contract/attachments';
import { CleanOutput } from './clean-output';
import { type FormatCleaner, passThrough } from './format-cleaner';
import { jpegCleaner } from './jpeg-cleaner';
import { pngCleaner } from './png-cleaner';

export { UnreadableImageError } from './format-cleaner';

export interface CleaningResult {
  mime: string;
  metadata: MetadataHandling;
}

/** Enough leading bytes to tell every type we name apart (RIFF....WEBP is the longest). */
const SNIFF_BYTES = 12;

/** The file's type from its first bytes; a name or a claimed type is never trusted. */
export function sniffMime(head: Buffer): string {
  const text = head.toString('latin1');
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  // Only the first half of the PNG signature: a file that starts like a PNG is held to the whole signature by the cleaner.
  if (text.startsWith('\x89PNG')) return 'image/png';
  if (text.startsWith('GIF87a') || text.startsWith('GIF89a')) return 'image/gif';
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') return 'image/webp';
  if (text.startsWith('%PDF-')) return 'application/pdf';
  return 'application/octet-stream';
}

interface Handling {
  mime: string;
  metadata: MetadataHandling;
  cleaner: FormatCleaner;
}

/**
 * A node:stream Transform that sniffs the type and, for JPEG and PNG, drops
 * the metadata unless `keepMetadata`. A JPEG or PNG too malformed to clean
 * safely ends the stream with UnreadableImageError. `result` is valid once
 * the stream has finished.
 */
export class MetadataCleaner extends Transform {
  readonly #keepMetadata: boolean;
  readonly #output = new CleanOutput();
  /** The first bytes, until there are enough to sniff the type. */
  #head: Buffer[] = [];
  #headLength = 0;
  #handling: Handling | null = null;
  #result: CleaningResult | null = null;

  constructor(options: { keepMetadata: boolean }) {
    super();
    this.#keepMetadata = options.keepMetadata;
  }

  /** The type and what happened to its metadata; throws if read before the stream finished. */
  get result(): CleaningResult {
    if (this.#result === null) throw new Error('MetadataCleaner.result read before the stream finished');
    return this.#result;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#guard(callback, () => {
      if (this.#handling !== null) return this.#handling.cleaner.write(chunk, this.#output);
      this.#head.push(chunk);
      this.#headLength += chunk.length;
      if (this.#headLength >= SNIFF_BYTES) this.#start();
    });
  }

  override _flush(callback: TransformCallback): void {
    this.#guard(callback, () => {
      // A file shorter than SNIFF_BYTES is sniffed only now.
      const handling = this.#handling ?? this.#start();
      handling.cleaner.end(this.#output);
      this.#result = { mime: handling.mime, metadata: handling.metadata };
    });
  }

  /** Sniffs the type from the bytes so far, then hands them to the cleaner it chose. */
  #start(): Handling {
    const head = Buffer.concat(this.#head, this.#headLength);
    this.#head = [];
    const handling = this.#choose(head.subarray(0, SNIFF_BYTES));
    this.#handling = handling;
    if (head.length > 0) handling.cleaner.write(head, this.#output);
    return handling;
  }

  #choose(head: Buffer): Handling {
    const mime = sniffMime(head);
    if (this.#keepMetadata) return { mime, metadata: 'kept', cleaner: passThrough };
    if (mime === 'image/jpeg') return { mime, metadata: 'removed', cleaner: jpegCleaner() };
    if (mime === 'image/png') return { mime, metadata: 'removed', cleaner: pngCleaner() };
    return { mime, metadata: 'not_supported', cleaner: passThrough };
  }

  /**
   * Runs one step, then passes on what it kept (a few buffers, however many
   * pieces the step kept) and reports its outcome to the stream: a thrown
   * error becomes the stream's error.
   */
  #guard(callback: TransformCallback, work: () => void): void {
    try {
      work();
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    for (const piece of this.#output.take()) this.push(piece);
    callback();
  }
}
