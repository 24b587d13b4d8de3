import { execFileSync } from 'node:child_process';
import { createCipheriv, createHash, hkdfSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPair, type AgeKeyPair } from './age';
import { CHUNK_SIZE, NONCE_SIZE, PayloadSealer } from './age-payload';
import { ageEncryptor, decryptStream, encryptStream } from './age-stream';

const KiB = 1024;
const MiB = 1024 * KiB;
const SEALED_CHUNK = CHUNK_SIZE + 16;
// Around each chunk boundary, where the last-chunk rule bites.
const SIZES = [0, 1, 65535, 65536, 65537, 131072, MiB + 7];

const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-age-stream-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const [alice, bob] = await Promise.all([generateKeyPair(), generateKeyPair()]);

/** mulberry32: a small seeded PRNG, so a failing split can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function plaintextOf(size: number, seed = size): Buffer {
  const random = seededRandom(seed);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (random() * 256) | 0;
  return bytes;
}

/** `bytes` cut at random places into pieces from empty to a few chunks long. */
function randomSplit(bytes: Buffer, random: () => number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const scale = [1, 16, 1 * KiB, 64 * KiB, 200 * KiB][Math.floor(random() * 5)] ?? 1;
    const length = Math.floor(random() * scale);
    pieces.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return pieces;
}

function streamOf(pieces: Buffer[]): Readable {
  return Readable.from(pieces, { objectMode: false });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function headerLength(file: Uint8Array): number {
  const bytes = Buffer.from(file);
  return bytes.indexOf(0x0a, bytes.indexOf('\n--- ') + 1) + 1;
}

function keyFile(pair: AgeKeyPair): string {
  const file = path.join(scratch, `${pair.recipient.slice(-12)}.key`);
  writeFileSync(file, `${pair.identity}\n`, { mode: 0o600 });
  return file;
}

function cliDecrypt(pair: AgeKeyPair, ciphertext: Uint8Array): Buffer {
  const file = path.join(scratch, 'cli-input.age');
  writeFileSync(file, ciphertext);
  return execFileSync('age', ['--decrypt', '--identity', keyFile(pair), file], { maxBuffer: 64 * MiB });
}

function cliEncrypt(recipient: string, plaintext: Buffer): Buffer {
  return execFileSync('age', ['--encrypt', '--recipient', recipient], { input: plaintext, maxBuffer: 64 * MiB });
}

async function libraryDecrypt(pair: AgeKeyPair, ciphertext: Uint8Array): Promise<Buffer> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(pair.identity);
  return Buffer.from(await decrypter.decrypt(ciphertext));
}

/** age-encryption's own output, with the file key it chose (seen by a recipient that wraps it for nobody). */
async function libraryEncrypt(plaintext: Buffer): Promise<{ file: Uint8Array; fileKey: Uint8Array }> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(alice.recipient);
  let fileKey = new Uint8Array(0);
  encrypter.addRecipient({ wrapFileKey: (key) => ((fileKey = Uint8Array.from(key)), []) });
  const file = await encrypter.encrypt(plaintext);
  return { file, fileKey };
}

const encryptBytes = (recipients: readonly string[], plaintext: Buffer, random = seededRandom(1)): Promise<Buffer> =>
  readAll(encryptStream(recipients, streamOf(randomSplit(plaintext, random))));

describe('STREAM payload (known answers from age-encryption)', () => {
  it.each(SIZES)('seals %i bytes, whole or cut anyhow, into exactly the payload age-encryption wrote, given its key and nonce', async (size) => {
    const plaintext = plaintextOf(size);
    const { file, fileKey } = await libraryEncrypt(plaintext);
    const start = headerLength(file);
    const nonce = file.subarray(start, start + NONCE_SIZE);
    const libraryPayload = file.subarray(start + NONCE_SIZE);

    for (const pieces of [[plaintext], ...[1, 2, 3].map((seed) => randomSplit(plaintext, seededRandom(seed)))]) {
      const sealer = new PayloadSealer(fileKey, nonce);
      const sealed: Buffer[] = [];
      for (const piece of pieces) sealer.update(piece, (bytes) => sealed.push(bytes));
      sealer.final((bytes) => sealed.push(bytes));
      const ours = Buffer.concat(sealed);
      expect(ours.length).toBe(libraryPayload.length);
      expect(sha256(ours)).toBe(sha256(libraryPayload));
    }
  });
});

describe('encryptStream', () => {
  it('writes a header with one X25519 stanza per recipient, none for the file-key capture, that the library and the CLI accept', async () => {
    const plaintext = plaintextOf(10);
    const file = await encryptBytes([alice.recipient, bob.recipient], plaintext);
    const header = file.subarray(0, headerLength(file)).toString('latin1');
    expect(header.startsWith('age-encryption.org/v1\n')).toBe(true);
    const stanzas = header.split('\n').filter((line) => line.startsWith('->'));
    expect(stanzas.map((line) => line.split(' ')[1])).toEqual(['X25519', 'X25519']);
    expect(file.length).toBe(headerLength(file) + NONCE_SIZE + 10 + 16);
    expect((await libraryDecrypt(bob, file)).equals(plaintext)).toBe(true);
    expect(cliDecrypt(bob, file).equals(plaintext)).toBe(true);
  });

  it.each(SIZES)('writes %i bytes that age-encryption and the age CLI decrypt, for one recipient', async (size) => {
    const plaintext = plaintextOf(size);
    const file = await encryptBytes([alice.recipient], plaintext);
    expect(sha256(await libraryDecrypt(alice, file))).toBe(sha256(plaintext));
    expect(sha256(cliDecrypt(alice, file))).toBe(sha256(plaintext));
  });

  it.each(SIZES)('writes %i bytes that each of two recipients decrypts alone, with the library and the CLI', async (size) => {
    const plaintext = plaintextOf(size);
    const file = await encryptBytes([alice.recipient, bob.recipient], plaintext);
    for (const pair of [alice, bob]) {
      expect(sha256(await libraryDecrypt(pair, file))).toBe(sha256(plaintext));
      expect(sha256(cliDecrypt(pair, file))).toBe(sha256(plaintext));
    }
  });

  it('gives back the same plaintext however the input is cut (seeded random splits)', async () => {
    const plaintext = plaintextOf(3 * CHUNK_SIZE + 1234, 99);
    for (let seed = 1; seed <= 20; seed++) {
      const file = await encryptBytes([alice.recipient], plaintext, seededRandom(seed));
      expect(sha256(await libraryDecrypt(alice, file)), `seed ${seed}`).toBe(sha256(plaintext));
    }
  });

  it('uses a fresh file key and nonce for every file', async () => {
    const plaintext = plaintextOf(100);
    const [one, two] = [await encryptBytes([alice.recipient], plaintext), await encryptBytes([alice.recipient], plaintext)];
    expect(one.equals(two)).toBe(false);
    const nonceOf = (file: Buffer): Buffer => file.subarray(headerLength(file), headerLength(file) + NONCE_SIZE);
    expect(nonceOf(one).equals(nonceOf(two))).toBe(false);
  });

  it('refuses to encrypt to nobody or to a malformed recipient, before reading anything', () => {
    expect(() => encryptStream([], streamOf([]))).toThrow('nobody');
    expect(() => ageEncryptor(['age1notarecipient'])).toThrow();
    expect(() => ageEncryptor([alice.identity])).toThrow();
  });

  it('fails with the error of a source that fails part-way', async () => {
    const source = new Readable({ read() {} });
    source.push(plaintextOf(100 * KiB));
    const output = encryptStream([alice.recipient], source);
    setImmediate(() => source.destroy(new Error('connection reset')));
    await expect(readAll(output)).rejects.toThrow('connection reset');
  });

  it('destroys the source when the reader gives up', async () => {
    const source = new Readable({ read() {} });
    const output = encryptStream([alice.recipient], source);
    output.destroy();
    await new Promise((resolve) => source.once('close', resolve));
    expect(source.destroyed).toBe(true);
  });

  it('stops reading the source while the reader is not reading (backpressure)', async () => {
    let produced = 0;
    const source = new Readable({
      read() {
        // Finite, so that a broken encryptor fails this test rather than hang it.
        produced += CHUNK_SIZE;
        this.push(produced > 32 * MiB ? null : Buffer.alloc(CHUNK_SIZE, 7));
      },
    });
    let firstWrite: () => void = () => undefined;
    const wroteOnce = new Promise<void>((resolve) => (firstWrite = resolve));
    // A disk that never finishes its first write.
    const stuck = new Writable({ highWaterMark: 16 * KiB, write: () => firstWrite() });
    encryptStream([alice.recipient], source).pipe(stuck);
    await wroteOnce;
    for (let turn = 0; turn < 500; turn++) await new Promise((resolve) => setImmediate(resolve));
    // Stream buffers fill up to their high-water marks and then the source is left alone.
    expect(produced).toBeLessThan(512 * KiB);
    source.destroy();
    stuck.destroy();
  });
});

describe('decryptStream', () => {
  const decryptBytes = (pair: AgeKeyPair, file: Uint8Array, random = seededRandom(1)): Promise<Buffer> =>
    readAll(decryptStream([pair.identity], streamOf(randomSplit(Buffer.from(file), random))));

  it.each(SIZES)('decrypts %i bytes encrypted by age-encryption', async (size) => {
    const plaintext = plaintextOf(size);
    const { file } = await libraryEncrypt(plaintext);
    expect(sha256(await decryptBytes(alice, file))).toBe(sha256(plaintext));
  });

  it.each(SIZES)('decrypts %i bytes encrypted by the age CLI', async (size) => {
    const plaintext = plaintextOf(size);
    const file = cliEncrypt(alice.recipient, plaintext);
    expect(sha256(await decryptBytes(alice, file))).toBe(sha256(plaintext));
  });

  it('decrypts with whichever identity matches, for every recipient', async () => {
    const plaintext = plaintextOf(70 * KiB);
    const file = await encryptBytes([alice.recipient, bob.recipient], plaintext);
    for (const pair of [alice, bob]) expect(sha256(await decryptBytes(pair, file))).toBe(sha256(plaintext));
    const stranger = await generateKeyPair();
    const both = await readAll(decryptStream([stranger.identity, bob.identity], streamOf([file])));
    expect(sha256(both)).toBe(sha256(plaintext));
  });

  it('gives back the same plaintext however the ciphertext is cut (seeded random splits)', async () => {
    const plaintext = plaintextOf(3 * CHUNK_SIZE, 7);
    const file = cliEncrypt(alice.recipient, plaintext);
    for (let seed = 1; seed <= 20; seed++) {
      expect(sha256(await decryptBytes(alice, file, seededRandom(seed))), `seed ${seed}`).toBe(sha256(plaintext));
    }
  });

  describe('rejects', () => {
    const plaintext = plaintextOf(3 * CHUNK_SIZE + 100, 3);
    const made = encryptBytes([alice.recipient], plaintext);
    const payloadStart = async (): Promise<number> => headerLength(await made) + NONCE_SIZE;

    it('a key that is not a recipient', async () => {
      const stranger = await generateKeyPair();
      await expect(decryptBytes(stranger, await made)).rejects.toThrow('no identity matched');
    });

    it('a flipped byte anywhere: header, nonce, any chunk, any tag', async () => {
      const file = await made;
      const start = await payloadStart();
      for (const offset of [30, start - 1, start, start + SEALED_CHUNK - 1, start + 2 * SEALED_CHUNK + 5, file.length - 1]) {
        const tampered = Buffer.from(file);
        tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
        await expect(decryptBytes(alice, tampered), `offset ${offset}`).rejects.toThrow();
      }
    });

    it('passes on nothing of a chunk that fails authentication', async () => {
      const file = Buffer.from(await made);
      const offset = (await payloadStart()) + SEALED_CHUNK + 10;
      file[offset] = (file[offset] ?? 0) ^ 0x01;
      const received: Buffer[] = [];
      const output = decryptStream([alice.identity], streamOf([file]));
      output.on('data', (chunk: Buffer) => received.push(chunk));
      await expect(new Promise((resolve, reject) => output.on('end', resolve).on('error', reject))).rejects.toThrow('authentication');
      expect(Buffer.concat(received).equals(plaintext.subarray(0, CHUNK_SIZE))).toBe(true);
    });

    it('a truncated file: cut in the header, in the nonce, in a chunk, or at a chunk boundary', async () => {
      const file = await made;
      const start = await payloadStart();
      for (const length of [20, start - 5, start + 10, start + SEALED_CHUNK, start + 3 * SEALED_CHUNK, file.length - 1]) {
        await expect(decryptBytes(alice, file.subarray(0, length)), `length ${length}`).rejects.toThrow();
      }
    });

    it('a file with a chunk removed, repeated or swapped', async () => {
      const file = await made;
      const start = await payloadStart();
      const chunk = (n: number): Buffer => file.subarray(start + n * SEALED_CHUNK, start + (n + 1) * SEALED_CHUNK);
      const head = file.subarray(0, start);
      const last = file.subarray(start + 3 * SEALED_CHUNK);
      const variants = {
        removed: [head, chunk(0), chunk(2), last],
        repeated: [head, chunk(0), chunk(1), chunk(1), chunk(2), last],
        swapped: [head, chunk(1), chunk(0), chunk(2), last],
      };
      for (const [name, parts] of Object.entries(variants)) {
        await expect(decryptBytes(alice, Buffer.concat(parts)), name).rejects.toThrow('authentication');
      }
    });

    it('bytes appended after the last chunk', async () => {
      const file = await made;
      await expect(decryptBytes(alice, Buffer.concat([file, Buffer.alloc(1)]))).rejects.toThrow();
      await expect(decryptBytes(alice, Buffer.concat([file, Buffer.alloc(SEALED_CHUNK)]))).rejects.toThrow();
    });

    it('an empty last chunk after a full one, as the spec forbids', async () => {
      const full = plaintextOf(CHUNK_SIZE);
      const { file, fileKey } = await libraryEncrypt(full);
      const start = headerLength(file) + NONCE_SIZE;
      const key = Buffer.from(hkdfSync('sha256', fileKey, file.subarray(start - NONCE_SIZE, start), 'payload', 32));
      const sealChunk = (counter: number, last: boolean, bytes: Buffer): Buffer => {
        const nonce = Buffer.alloc(12);
        nonce.writeUIntBE(counter, 5, 6);
        nonce[11] = last ? 1 : 0;
        const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
        return Buffer.concat([cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
      };
      // The forging tool is right: flagged last, the full chunk is what the library wrote.
      expect(sealChunk(0, true, full).equals(file.subarray(start))).toBe(true);
      const forged = Buffer.concat([file.subarray(0, start), sealChunk(0, false, full), sealChunk(1, true, Buffer.alloc(0))]);
      await expect(libraryDecrypt(alice, forged)).rejects.toThrow();
      await expect(decryptBytes(alice, forged)).rejects.toThrow('empty chunk');
    });
  });
});
