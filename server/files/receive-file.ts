/**
 * Receiving one evidence file as it arrives: count it against the limits,
 * remove identifying metadata, then hash what is kept and age-encrypt it
 * into an incoming file on a worker thread (sealed-file-writer.ts). Nothing
 * is held whole in memory and nothing touches disk in clear. The file only
 * counts as stored once the caller commits it.
 */
import { rm } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MetadataHandling, UploadLimits, UploadProblem } from '../../contract/attachments';
import type { FileStore } from './file-store';
import { ageFileStarter } from '../crypto/age-stream';
import { MetadataCleaner } from './metadata-cleaner';
import { SealedFileWriter } from './sealed-file-writer';

/** What `report_files.meta` decrypts to. */
export interface FileMeta {
  version: 1;
  name: string;
  /** Bytes stored, after cleaning. */
  size: number;
  /** Detected from the first bytes. */
  type: string;
  /** Hex SHA-256 of the stored (cleaned) file. */
  sha256: string;
  metadata: MetadataHandling;
}

/** A file received into incoming/, not yet committed. */
export interface ReceivedFile {
  storageName: string;
  meta: FileMeta;
}

/** A submission's files went over a limit. */
export class UploadLimitError extends Error {
  constructor(readonly problem: Extract<UploadProblem, 'too_many_files' | 'file_too_large' | 'submission_too_large'>) {
    super(problem);
  }
}

/** Bytes as sent, counted per file and for the whole submission. */
export class UploadBudget {
  private total = 0;
  private files = 0;

  constructor(readonly limits: UploadLimits) {}

  /** Count one more file; throws when that is one too many. */
  admitFile(): void {
    this.files += 1;
    if (this.files > this.limits.maxFiles) throw new UploadLimitError('too_many_files');
  }

  /** A pass-through stream that fails as soon as the file or the submission is over its limit. */
  meter(): Transform {
    let fileBytes = 0;
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback: TransformCallback): void => {
        fileBytes += chunk.length;
        this.total += chunk.length;
        if (fileBytes > this.limits.maxFileBytes) callback(new UploadLimitError('file_too_large'));
        else if (this.total > this.limits.maxSubmissionBytes) callback(new UploadLimitError('submission_too_large'));
        else callback(null, chunk);
      },
    });
  }
}

/**
 * A file name as the reporter's device gave it, made safe to keep and to
 * offer back in a download: no directories, no control characters, NFC, at
 * most 255 characters.
 */
export function safeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const short = [...clean].slice(0, 255).join('');
  return short === '' || short === '.' || short === '..' ? 'file' : short;
}

/**
 * Receive `source` into a new incoming file encrypted to `recipients`.
 * On any failure (a limit, an unreadable image, a cut connection) the
 * incoming file is deleted before the error is thrown, and `source` is
 * drained rather than destroyed so that the rest of the request can be read.
 */
export async function receiveFile(
  store: FileStore,
  source: Readable,
  options: { name: string; recipients: readonly string[]; keepMetadata: boolean; budget: UploadBudget },
): Promise<ReceivedFile> {
  // The body may have ended inside this part while it waited its turn: its
  // stream is destroyed already and would never end, so nothing would finish.
  if (source.destroyed) throw source.errored ?? new Error('the file part ended before it was read');
  const { storageName, incomingPath } = store.stage();
  const meter = options.budget.meter();
  const cleaner = new MetadataCleaner({ keepMetadata: options.keepMetadata });
  const out = new SealedFileWriter(incomingPath, ageFileStarter(options.recipients));

  // The source is piped by hand, not handed to pipeline(): pipeline would
  // destroy it on error, and the multipart parser must keep reading.
  const onSourceError = (error: Error): void => void meter.destroy(error);
  source.once('error', onSourceError);
  source.pipe(meter);
  try {
    // The writer flushes the file to disk before it finishes.
    await pipeline(meter, cleaner, out);
  } catch (error) {
    source.unpipe(meter);
    source.resume();
    // A refusal can come before the file is even open: wait until the writer
    // has opened and closed it, or it would create the file after the rm.
    out.destroy();
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await rm(incomingPath, { force: true });
    throw error;
  } finally {
    source.off('error', onSourceError);
  }
  return {
    storageName,
    meta: {
      version: 1,
      name: safeFileName(options.name),
      size: out.result.size,
      type: cleaner.result.mime,
      sha256: out.result.sha256,
      metadata: cleaner.result.metadata,
    },
  };
}
