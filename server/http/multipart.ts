/**
 * Reading a multipart/form-data body as it streams in: text fields first,
 * then files. When the first file part arrives (or the body ends without
 * one) the text fields are handed to `onFields`, which validates them and
 * says where the files go. Each file is then received (limits, metadata
 * removal, encryption) before the next is read.
 *
 * Any problem stops taking files but keeps reading to the end of the body,
 * so that a browser still sending gets the answer instead of a reset
 * connection. A declared body size is bounded before this runs; the bytes
 * are counted here too, for a body sent without one.
 */
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Context } from 'hono';
import { FILES_FIELD, KEEP_METADATA_FIELD, type UploadLimits } from '../../contract/attachments';
import type { FileStore } from '../files/file-store';
import { receiveFile, UploadBudget, UploadLimitError, type ReceivedFile } from '../files/receive-file';
import { fail } from '../errors';

/** What `onFields` decides: where the files go, or an answer to send instead. */
export type FieldsVerdict = { recipients: readonly string[] } | { respond: Response };

export interface MultipartOutcome {
  fields: Record<string, unknown>;
  files: ReceivedFile[];
  /** Set when `onFields` answered instead; no file was kept. */
  response?: Response;
}

/** Files came before a text field; the text could not be checked before the files were read. */
export class FilesBeforeFieldsError extends Error {}

/** The client went away mid-body. Nobody is left to answer. */
export class ClientAbortError extends Error {}

/** Text fields of a multipart body: as many as the report form has, with room to spare. */
const MAX_TEXT_FIELDS = 64;

/** True for the values a checkbox or a client sends for "yes". */
function isChecked(value: unknown): boolean {
  return value === 'on' || value === 'true' || value === '1' || value === true;
}

export async function readMultipart(
  c: Context,
  options: {
    store: FileStore;
    limits: UploadLimits;
    maxFieldBytes: number;
    /** The whole body, files and part headers included. */
    maxBodyBytes: number;
    /** `filesFollow`: a file part has arrived (false: the body ended without one). */
    onFields: (fields: Record<string, unknown>, filesFollow: boolean) => Promise<FieldsVerdict>;
  },
): Promise<MultipartOutcome> {
  const body = c.req.raw.body;
  if (!body) throw fail('invalid_input');
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': c.req.header('content-type') ?? '' },
      limits: {
        fieldSize: options.maxFieldBytes,
        fields: MAX_TEXT_FIELDS,
        parts: MAX_TEXT_FIELDS + options.limits.maxFiles + 1,
        // Our meter reports the limit; this only stops busboy reading far past it.
        fileSize: options.limits.maxFileBytes + 1,
      },
      defParamCharset: 'utf8',
    });
  } catch {
    throw fail('invalid_input'); // no boundary, or not multipart after all
  }

  const fields: Record<string, unknown> = {};
  const files: ReceivedFile[] = [];
  const budget = new UploadBudget(options.limits);
  let textBytes = 0;
  let failure: unknown = null;
  let response: Response | undefined;
  // Resolved with the verdict once the text fields are complete.
  let verdict: Promise<FieldsVerdict> | null = null;
  const fieldsDone = (filesFollow: boolean): Promise<FieldsVerdict> => (verdict ??= options.onFields(fields, filesFollow));
  // Files are handled one after another, in the order they arrive.
  let work: Promise<void> = Promise.resolve();
  // Every file part's stream, to end the ones still open if the body cannot be read on.
  const parts: Readable[] = [];
  const stop = (error: unknown): void => {
    failure ??= error;
  };

  // busboy gives no name for a part that has none (its types say otherwise).
  parser.on('field', (name: string | undefined, value, info) => {
    // The fields were checked without this one, so whatever that check said
    // (often "required") is not the real problem: the order is.
    if (verdict !== null) return void (failure = new FilesBeforeFieldsError());
    textBytes += value.length;
    if (info.valueTruncated || textBytes > options.maxFieldBytes) return stop(fail('payload_too_large'));
    if (name === undefined || name.endsWith('__proto__') || name === 'contact') return; // never a field; see readFormObject
    if (name.startsWith('contact.')) {
      const contact = (fields['contact'] ??= {}) as Record<string, unknown>;
      contact[name.slice('contact.'.length)] = value;
    } else {
      fields[name] = value;
    }
  });

  parser.on('file', (name, stream, info) => {
    // A body that ends inside this part destroys its stream with the error
    // the pipeline below reports. A part nobody reads (ignored, or waiting
    // behind a refusal) has no other listener, and an unhandled 'error'
    // event would end the whole process.
    stream.on('error', () => undefined);
    parts.push(stream);
    const filename = info.filename;
    // A file input with nothing chosen still sends an empty, nameless part.
    if (name !== FILES_FIELD || filename === undefined || filename === '') {
      stream.resume();
      return;
    }
    stream.pause();
    work = work.then(async () => {
      if (failure !== null || response !== undefined) return void stream.resume();
      try {
        const decided = await fieldsDone(true);
        if ('respond' in decided) {
          response = decided.respond;
          return void stream.resume();
        }
        budget.admitFile();
        files.push(
          await receiveFile(options.store, stream, {
            name: filename,
            recipients: decided.recipients,
            keepMetadata: isChecked(fields[KEEP_METADATA_FIELD]),
            budget,
          }),
        );
      } catch (error) {
        stream.resume();
        stop(error);
      }
    });
  });

  parser.on('fieldsLimit', () => stop(fail('payload_too_large')));
  parser.on('partsLimit', () => stop(fail('payload_too_large')));

  const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  let aborted = false;
  source.once('error', () => {
    aborted = true;
  });
  // Counts every byte, parts nobody reads included, for a body sent without
  // a Content-Length. Past the bound the rest is read and dropped: the parser
  // sees the body end there, and files already over their own limits still
  // get that clearer answer.
  let received = 0;
  let tooLarge = false;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const room = options.maxBodyBytes - received;
      received += chunk.length;
      if (chunk.length <= room) return done(null, chunk);
      tooLarge = true;
      done(null, room > 0 ? chunk.subarray(0, room) : undefined);
    },
  });
  const overBound = (): unknown => (failure instanceof UploadLimitError ? failure : fail('payload_too_large'));
  try {
    // On a read error pipeline destroys the parser, which fails the file being received.
    await pipeline(source, meter, parser);
    await work;
  } catch (error) {
    // The body could not be read to its end: too large, a cut connection or
    // broken multipart. No file part will get another byte, so one still
    // open (being received, or waiting its turn) must fail now, not wait.
    for (const part of parts) if (!part.destroyed) part.destroy(error instanceof Error ? error : new Error('unreadable body'));
    await work;
    await options.store.discard(files.map((file) => file.storageName));
    if (tooLarge) throw overBound();
    throw aborted ? new ClientAbortError() : fail('invalid_input');
  }
  if (tooLarge) {
    await options.store.discard(files.map((file) => file.storageName));
    throw overBound();
  }
  if (failure === null && response === undefined) {
    const decided = await fieldsDone(false); // no file part at all: check the fields now
    if ('respond' in decided) response = decided.respond;
  }
  if (failure !== null || response !== undefined) {
    await options.store.discard(files.map((file) => file.storageName));
    if (failure !== null) throw failure;
    return response === undefined ? { fields, files: [] } : { fields, files: [], response };
  }
  return { fields, files };
}
