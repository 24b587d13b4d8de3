/**
 * Strips identifying metadata (EXIF, XMP, IPTC, comments) from uploaded
 * evidence as it streams by, in constant memory and without re-encoding:
 * a reporter's photo keeps every pixel but loses the GPS position, camera
 * serial and time that could point at them. JPEG and PNG are cleaned; any
 * other type passes through unchanged and is reported as not supported.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { MetadataHandling } from '../../web/lib/attachments';
import { ByteQueue } from './byte-queue';
import { type Emit, type FormatCleaner, passThrough } from './format-cleaner';
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
  readonly #input = new ByteQueue();
  #handling: Handling | null = null;
  #result: CleaningResult | null = null;
  readonly #emit: Emit = (bytes) => {
    if (bytes.length > 0) this.push(bytes);
  };

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
      this.#input.push(chunk);
      if (this.#handling === null && this.#input.length >= SNIFF_BYTES) this.#handling = this.#choose();
      this.#handling?.cleaner.consume(this.#input, this.#emit);
    });
  }

  override _flush(callback: TransformCallback): void {
    this.#guard(callback, () => {
      // A file shorter than SNIFF_BYTES is sniffed only now.
      const handling = this.#handling ?? this.#choose();
      handling.cleaner.end(this.#input, this.#emit);
      this.#result = { mime: handling.mime, metadata: handling.metadata };
    });
  }

  #choose(): Handling {
    const head = this.#input.take(Math.min(SNIFF_BYTES, this.#input.length)) ?? Buffer.alloc(0);
    this.#input.unshift(head);
    const mime = sniffMime(head);
    if (this.#keepMetadata) return { mime, metadata: 'kept', cleaner: passThrough };
    if (mime === 'image/jpeg') return { mime, metadata: 'removed', cleaner: jpegCleaner() };
    if (mime === 'image/png') return { mime, metadata: 'removed', cleaner: pngCleaner() };
    return { mime, metadata: 'not_supported', cleaner: passThrough };
  }

  /** Runs one step and reports its outcome to the stream: a thrown error becomes the stream's error. */
  #guard(callback: TransformCallback, work: () => void): void {
    try {
      work();
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    callback();
  }
}
