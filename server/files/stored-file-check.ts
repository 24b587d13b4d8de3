/**
 * Whether a stored evidence file opens whole, checked before a download
 * sends its first byte. age authenticates the payload chunk by chunk, so a
 * file damaged on disk used to fail only where the damage was: after the
 * headers and the chunks before it had gone out, leaving the person with a
 * truncated file and nothing to say so. Here every chunk is authenticated
 * first, on a payload worker (crypto/payload-pool.ts), 8 MiB at a time and
 * keeping no plaintext, so memory stays bounded whatever the file's size.
 * Then the download streams it again, authenticated once more as it goes.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { AGE_START_BYTES, agePayloadStart } from '../crypto/age-stream';
import { openOpeningJob, PayloadJobError, type OpeningJob } from '../crypto/payload-pool';

/**
 * What is wrong with a stored file: it is not there, its header does not
 * open with the channel key (damaged, or not encrypted to this channel), or
 * its payload fails authentication or is cut short.
 */
export type FileDamage = 'missing' | 'header' | 'payload';

/** Null when the file opens whole with one of `identities`; else what is wrong with it. Other failures (a crashed worker) throw. */
export async function checkStoredFile(path: string, identities: readonly string[]): Promise<FileDamage | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  let job: OpeningJob | null = null;
  try {
    const start = Buffer.alloc(AGE_START_BYTES);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    let payload: Awaited<ReturnType<typeof agePayloadStart>>;
    try {
      payload = await agePayloadStart(identities, start.subarray(0, bytesRead));
    } catch {
      return 'header';
    }
    job = await openOpeningJob({ fd: handle.fd, ...payload });
    try {
      while (!(await job.check()));
    } catch (error) {
      if (error instanceof PayloadJobError) return 'payload';
      throw error;
    }
    return null;
  } finally {
    // A job that finished or failed is forgotten already; this only stops one cut short by a throw.
    await job?.abort();
    await handle.close();
  }
}
