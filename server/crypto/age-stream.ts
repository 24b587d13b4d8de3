/**
 * Streaming age encryption for evidence files. age-encryption writes and
 * checks the header (recipient stanzas, MAC); node:crypto seals and opens the
 * payload (age-payload.ts), which is where the time goes, and the X25519
 * stanzas (x25519-native.ts, through age.ts). The files are
 * standard binary age v1 files, as the `age` CLI reads and writes them.
 */
import { timingSafeEqual } from 'node:crypto';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import type { Decrypter, Encrypter, Recipient, Stanza } from 'age-encryption';
import { decrypterFor, encrypterFor } from './age';
import { NONCE_SIZE, PayloadOpener, PayloadSealer } from './age-payload';

const TAG_SIZE = 16;
// X25519 stanzas are about 120 bytes each: this leaves room for hundreds of recipients.
const MAX_HEADER_SIZE = 64 * 1024;

type Callback = (error?: Error | null) => void;

/**
 * A recipient that wraps the file key for nobody and keeps it, so that the
 * payload can be sealed outside the library with the key it chose.
 */
class FileKeyCapture implements Recipient {
  fileKey: Uint8Array | null = null;

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    this.fileKey = fileKey;
    return [];
  }
}

/**
 * The header and payload nonce of a new age file to `encrypter`'s
 * recipients, and its file key (the caller wipes it). Encrypting an empty
 * file with the library gives header || nonce || tag of the empty last chunk.
 */
async function newFileHeader(
  encrypter: Encrypter,
  capture: FileKeyCapture,
): Promise<{ header: Buffer; nonce: Buffer; fileKey: Uint8Array }> {
  const empty = await encrypter.encrypt(new Uint8Array(0));
  const fileKey = capture.fileKey;
  capture.fileKey = null;
  if (fileKey === null) throw new Error('age-encryption did not hand the file key to every recipient');
  const bytes = Buffer.from(empty.buffer, empty.byteOffset, empty.byteLength);
  const header = bytes.subarray(0, bytes.length - NONCE_SIZE - TAG_SIZE);
  const nonce = bytes.subarray(header.length, header.length + NONCE_SIZE);
  // Sealing the same empty chunk must give the library's tag: proof that the
  // captured key is the one age-encryption made this file with, whatever a later version does.
  const sealed: Buffer[] = [];
  new PayloadSealer(fileKey, nonce).final((chunk) => sealed.push(chunk));
  const tag = Buffer.concat(sealed);
  if (tag.length !== TAG_SIZE || !timingSafeEqual(tag, bytes.subarray(bytes.length - TAG_SIZE))) {
    fileKey.fill(0);
    throw new Error('the captured file key is not the one age-encryption used');
  }
  return { header, nonce, fileKey };
}

class AgeEncryptor extends Transform {
  private sealer: PayloadSealer | null = null;

  constructor(
    private readonly encrypter: Encrypter,
    private readonly capture: FileKeyCapture,
  ) {
    super();
  }

  override _construct(callback: Callback): void {
    newFileHeader(this.encrypter, this.capture).then(({ header, nonce, fileKey }) => {
      try {
        this.sealer = new PayloadSealer(fileKey, nonce);
      } catch (error) {
        callback(error as Error);
        return;
      } finally {
        fileKey.fill(0);
      }
      this.push(header);
      this.push(nonce);
      callback();
    }, callback);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.sealer?.update(chunk, (sealed) => this.push(sealed));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.sealer?.final((sealed) => this.push(sealed));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _destroy(error: Error | null, callback: Callback): void {
    this.sealer?.wipe();
    callback(error);
  }
}

/** The start of a new age file: its header and payload nonce, written before the payload. */
export interface AgeFileStart {
  /** Header || payload nonce: the file's first bytes. */
  head: Buffer;
  nonce: Buffer;
  /** The file key (16 bytes); the caller wipes it once the payload key is derived. */
  fileKey: Uint8Array;
}

/**
 * Begins a new age file to `recipients` whose payload is sealed elsewhere
 * (a worker thread: see payload-pool.ts). Throws at once on an unusable
 * recipient list; the returned function makes the header.
 */
export function ageFileStarter(recipients: readonly string[]): () => Promise<AgeFileStart> {
  const encrypter = encrypterFor(recipients);
  const capture = new FileKeyCapture();
  encrypter.addRecipient(capture);
  return async () => {
    const { header, nonce, fileKey } = await newFileHeader(encrypter, capture);
    return { head: Buffer.concat([header, nonce]), nonce: Buffer.from(nonce), fileKey };
  };
}

/**
 * A Transform from plaintext to a binary age file that each of `recipients`
 * (`age1...`) can decrypt alone. Throws at once on an unusable recipient list.
 */
export function ageEncryptor(recipients: readonly string[]): Transform {
  const encrypter = encrypterFor(recipients);
  const capture = new FileKeyCapture();
  encrypter.addRecipient(capture);
  return new AgeEncryptor(encrypter, capture);
}

/** `plaintext` encrypted as it is read into a binary age file to `recipients`; errors flow both ways. */
export function encryptStream(recipients: readonly string[], plaintext: Readable): Readable {
  return pipeline(plaintext, ageEncryptor(recipients), () => undefined);
}

/** Where the header ends: just after the newline that closes the `--- MAC` line, or -1. */
function headerEnd(bytes: Buffer): number {
  // Stanza lines start "-> " and bodies are base64, so only the MAC line starts "---".
  const mac = bytes.indexOf('\n--- ');
  if (mac < 0) return -1;
  const newline = bytes.indexOf(0x0a, mac + 1);
  return newline < 0 ? -1 : newline + 1;
}

/** Bytes of an age file's start that always hold its header and payload nonce, if it has them at all. */
export const AGE_START_BYTES = MAX_HEADER_SIZE + NONCE_SIZE;

/**
 * Where the payload of an age file starts, and its file key (the caller
 * wipes it) and nonce, from the file's first bytes (AGE_START_BYTES of them,
 * or the whole file if shorter), for the first of `identities` that matches.
 * The library checks the header MAC. For a payload opened elsewhere (a worker
 * thread: see payload-pool.ts).
 */
export async function agePayloadStart(identities: readonly string[], start: Buffer): Promise<{ offset: number; fileKey: Uint8Array; nonce: Buffer }> {
  const decrypter = decrypterFor(identities);
  const end = headerEnd(start);
  if (end < 0) throw new Error(start.length >= MAX_HEADER_SIZE ? 'age header too long' : 'age file truncated in its header');
  if (start.length < end + NONCE_SIZE) throw new Error('age file truncated before its payload');
  const fileKey = await decrypter.decryptHeader(start.subarray(0, end));
  return { offset: end + NONCE_SIZE, fileKey, nonce: Buffer.from(start.subarray(end, end + NONCE_SIZE)) };
}

class AgeDecryptor extends Transform {
  private prefix = Buffer.alloc(0);
  private opener: PayloadOpener | null = null;

  constructor(private readonly decrypter: Decrypter) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.opener !== null) {
      this.openPayload(this.opener, chunk, callback);
      return;
    }
    this.prefix = Buffer.concat([this.prefix, chunk]);
    const end = headerEnd(this.prefix);
    if (end < 0) {
      callback(this.prefix.length > MAX_HEADER_SIZE ? new Error('age header too long') : null);
      return;
    }
    if (this.prefix.length < end + NONCE_SIZE) {
      callback();
      return;
    }
    const header = this.prefix.subarray(0, end);
    const nonce = this.prefix.subarray(end, end + NONCE_SIZE);
    const rest = this.prefix.subarray(end + NONCE_SIZE);
    this.prefix = Buffer.alloc(0);
    // The library unwraps the file key and checks the header MAC.
    this.decrypter.decryptHeader(header).then((fileKey) => {
      try {
        this.opener = new PayloadOpener(fileKey, nonce);
      } catch (error) {
        callback(error as Error);
        return;
      } finally {
        fileKey.fill(0);
      }
      this.openPayload(this.opener, rest, callback);
    }, callback);
  }

  private openPayload(opener: PayloadOpener, ciphertext: Buffer, callback: TransformCallback): void {
    try {
      opener.update(ciphertext, (plaintext) => this.push(plaintext));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.opener === null) {
      callback(new Error('age file truncated before its payload'));
      return;
    }
    try {
      this.opener.final((plaintext) => this.push(plaintext));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _destroy(error: Error | null, callback: Callback): void {
    this.opener?.wipe();
    callback(error);
  }
}

/**
 * A Transform from a binary age file to its plaintext, for the first of
 * `identities` (`AGE-SECRET-KEY-1...`) that matches. Every chunk it passes
 * on is authenticated, but a cut-off file is only detected at the end: the
 * output counts only once the stream has finished without error.
 */
export function ageDecryptor(identities: readonly string[]): Transform {
  return new AgeDecryptor(decrypterFor(identities));
}

/** `ciphertext` (a binary age file) decrypted as it is read; see `ageDecryptor`. */
export function decryptStream(identities: readonly string[], ciphertext: Readable): Readable {
  return pipeline(ciphertext, ageDecryptor(identities), () => undefined);
}
