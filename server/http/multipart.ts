/**
 * Reading a multipart/form-data body as it streams in: text fields first,
 * then files. When the first file part arrives (or the body ends without
 * one) the text fields are handed to `onFields`, which validates them and
 * says where the files go. Each file is then received (limits, metadata
 * removal, encryption) before the next is read.
 *
 * Any problem stops taking files. A body with a declared length (every
 * browser's) is still read to its end, so that a browser still sending
 * gets the answer instead of a reset connection; that length was bounded
 * before this runs. A body without one (chunked) could go on for ever: it
 * is counted here, and the first limit it passes ends the reading at once,
 * so the answer goes out while the client is still sending and the rest
 * is never read (the server lingers briefly, then closes the connection).
 */
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Context } from 'hono';
import { FILES_FIELD, KEEP_METADATA_FIELD, type UploadLimits } from '../../contract/attachments';
import type { FileStore } from '../files/file-store';
import { receiveFile, UploadBudget, UploadLimitError, type ReceivedFile } from '../files/receive-file';
import { DomainError, fail } from '../errors';

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

/** What `readMultipart` needs: where files go, the bounds, and who checks the text fields. */
interface MultipartOptions {
  store: FileStore;
  limits: UploadLimits;
  maxFieldBytes: number;
  /** The whole body, files and part headers included. */
  maxBodyBytes: number;
  /** `filesFollow`: a file part has arrived (false: the body ended without one). */
  onFields: (fields: Record<string, unknown>, filesFollow: boolean) => Promise<FieldsVerdict>;
}

/** One body being read: what the parser's events gather and what the end of the body settles. */
interface Reading {
  readonly options: MultipartOptions;
  readonly fields: Record<string, unknown>;
  readonly files: ReceivedFile[];
  readonly budget: UploadBudget;
  /** Text field bytes so far, all fields together. */
  textBytes: number;
  /** What went wrong; once set, no further file is taken. */
  failure: unknown;
  /** What `onFields` answered instead of saying where the files go. */
  response: Response | undefined;
  /** Resolved with the verdict once the text fields are complete. */
  verdict: Promise<FieldsVerdict> | null;
  /** Files are handled one after another, in the order they arrive. */
  work: Promise<void>;
  /** Every file part's stream, to end the ones still open if the body cannot be read on. */
  readonly parts: Readable[];
  /** Aborted at the first problem when the body has no declared length: nothing more of it is read. */
  readonly cutOff: AbortController | null;
}

/** Reads a multipart body to its end: its text fields, then its files, kept only if nothing went wrong. */
export async function readMultipart(c: Context, options: MultipartOptions): Promise<MultipartOutcome> {
  const body = c.req.raw.body;
  if (!body) throw fail('invalid_input');
  const parser = createParser(c.req.header('content-type') ?? '', options);
  const reading = startReading(options, c.req.header('content-length') === undefined);
  // busboy gives no name for a part that has none (its types say otherwise).
  parser.on('field', (name: string | undefined, value, info) => takeField(reading, name, value, info.valueTruncated));
  parser.on('file', (name, stream, info) => takeFilePart(reading, name, stream, info.filename));
  parser.on('fieldsLimit', () => stop(reading, fail('payload_too_large')));
  parser.on('partsLimit', () => stop(reading, fail('payload_too_large')));
  await readToEnd(reading, body, parser);
  return settle(reading);
}

/** A body with nothing read yet: no fields, no files, no verdict, no problem. `undeclared`: sent without a Content-Length. */
function startReading(options: MultipartOptions, undeclared: boolean): Reading {
  return {
    options,
    fields: {},
    files: [],
    budget: new UploadBudget(options.limits),
    textBytes: 0,
    failure: null,
    response: undefined,
    verdict: null,
    work: Promise.resolve(),
    parts: [],
    cutOff: undeclared ? new AbortController() : null,
  };
}

/** busboy bounded by our limits; a Content-Type it cannot read is the client's mistake, not ours. */
function createParser(contentType: string, options: MultipartOptions): busboy.Busboy {
  try {
    return busboy({
      headers: { 'content-type': contentType },
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
}

/**
 * Keeps the first problem only: it is the one the client is told about. A
 * limit passed by a body without a declared length ends its reading there;
 * other problems (fields, an image, the parts' order) let it be read on,
 * since a later part can still change the answer (files_before_fields).
 */
function stop(reading: Reading, error: unknown): void {
  reading.failure ??= error;
  if (isLimit(error)) reading.cutOff?.abort();
}

/** A file or the whole body over a size or count limit: reading on could only bring more of what is refused. */
function isLimit(error: unknown): boolean {
  return error instanceof UploadLimitError || (error instanceof DomainError && error.code === 'payload_too_large');
}

/** Asks `onFields` once, when the text fields are complete; later callers get the same verdict. */
function fieldsDone(reading: Reading, filesFollow: boolean): Promise<FieldsVerdict> {
  return (reading.verdict ??= reading.options.onFields(reading.fields, filesFollow));
}

/** A text part: counted against the field bound, then kept unless its name can never be a field. */
function takeField(reading: Reading, name: string | undefined, value: string, truncated: boolean): void {
  // The fields were checked without this one, so whatever that check said
  // (often "required") is not the real problem: the order is.
  if (reading.verdict !== null) return void (reading.failure = new FilesBeforeFieldsError());
  reading.textBytes += value.length;
  if (truncated || reading.textBytes > reading.options.maxFieldBytes) return stop(reading, fail('payload_too_large'));
  if (name === undefined || name.endsWith('__proto__') || name === 'contact') return; // never a field; see readFormObject
  if (name.startsWith('contact.')) {
    const contact = (reading.fields['contact'] ??= {}) as Record<string, unknown>;
    contact[name.slice('contact.'.length)] = value;
  } else {
    reading.fields[name] = value;
  }
}

/** A file part: a chosen file waits its turn to be received; any other part is drained unread. */
function takeFilePart(reading: Reading, name: string, stream: Readable, filename: string | undefined): void {
  // A body that ends inside this part destroys its stream with the error
  // the pipeline reports. A part nobody reads (ignored, or waiting behind a
  // refusal) has no other listener, and an unhandled 'error' event would end
  // the whole process.
  stream.on('error', () => undefined);
  reading.parts.push(stream);
  // A file input with nothing chosen still sends an empty, nameless part.
  if (name !== FILES_FIELD || filename === undefined || filename === '') {
    stream.resume();
    return;
  }
  stream.pause();
  reading.work = reading.work.then(() => receivePart(reading, stream, filename));
}

/** One file in its turn: received only once the fields say where it goes and nothing has gone wrong. */
async function receivePart(reading: Reading, stream: Readable, filename: string): Promise<void> {
  if (reading.failure !== null || reading.response !== undefined) return void stream.resume();
  try {
    const decided = await fieldsDone(reading, true);
    if ('respond' in decided) {
      reading.response = decided.respond;
      return void stream.resume();
    }
    reading.budget.admitFile();
    reading.files.push(
      await receiveFile(reading.options.store, stream, {
        name: filename,
        recipients: decided.recipients,
        keepMetadata: isChecked(reading.fields[KEEP_METADATA_FIELD]),
        budget: reading.budget,
      }),
    );
  } catch (error) {
    stream.resume();
    stop(reading, error);
  }
}

/** The body went past the whole multipart bound. */
class BodyTooLargeError extends Error {}

/**
 * Counts every byte, parts nobody reads included, for a body sent without
 * a Content-Length. The first byte past the bound fails the pipeline, so
 * nothing more is read; files already over their own limits still get
 * that clearer answer (overBound).
 */
function meterBody(maxBodyBytes: number): { meter: Transform; tooLarge: () => boolean } {
  let received = 0;
  let tooLarge = false;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received <= maxBodyBytes) return done(null, chunk);
      tooLarge = true;
      done(new BodyTooLargeError());
    },
  });
  return { meter, tooLarge: () => tooLarge };
}

/** Feeds the body, metered, to the parser and waits for every file; a body that cannot be read to its end keeps none. */
async function readToEnd(reading: Reading, body: ReadableStream<Uint8Array>, parser: busboy.Busboy): Promise<void> {
  const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  let aborted = false;
  source.once('error', () => {
    aborted = true;
  });
  const { meter, tooLarge } = meterBody(reading.options.maxBodyBytes);
  const cutOff = reading.cutOff?.signal;
  try {
    // On a read error pipeline destroys the parser, which fails the file being received.
    await (cutOff === undefined ? pipeline(source, meter, parser) : pipeline(source, meter, parser, { signal: cutOff }));
    await reading.work;
  } catch (error) {
    // The body could not be read to its end: too large, a cut connection or
    // broken multipart. No file part will get another byte, so one still
    // open (being received, or waiting its turn) must fail now, not wait.
    for (const part of reading.parts) if (!part.destroyed) part.destroy(error instanceof Error ? error : new Error('unreadable body'));
    await reading.work;
    await discardFiles(reading);
    if (tooLarge()) throw overBound(reading);
    // Cut off on purpose at the first problem (no declared length): that problem is the answer.
    if (cutOff?.aborted === true && reading.failure !== null) throw reading.failure;
    throw aborted ? new ClientAbortError() : fail('invalid_input');
  }
  if (tooLarge()) {
    await discardFiles(reading);
    throw overBound(reading);
  }
}

/** The body was read in full: check the fields if no file part did, then keep the files only if all went well. */
async function settle(reading: Reading): Promise<MultipartOutcome> {
  const { fields, files } = reading;
  if (reading.failure === null && reading.response === undefined) {
    const decided = await fieldsDone(reading, false); // no file part at all: check the fields now
    if ('respond' in decided) reading.response = decided.respond;
  }
  if (reading.failure !== null || reading.response !== undefined) {
    await discardFiles(reading);
    if (reading.failure !== null) throw reading.failure;
    return reading.response === undefined ? { fields, files: [] } : { fields, files: [], response: reading.response };
  }
  return { fields, files };
}

/** A body over its bound: a file's own limit is the clearer answer when that is what was hit first. */
function overBound(reading: Reading): unknown {
  return reading.failure instanceof UploadLimitError ? reading.failure : fail('payload_too_large');
}

/** Files already stored from a body that will not be kept. */
function discardFiles(reading: Reading): Promise<void> {
  return reading.options.store.discard(reading.files.map((file) => file.storageName));
}
