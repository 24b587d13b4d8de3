import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../crypto/age';
import { PayloadSealer } from '../crypto/age-payload';
import { ageFileStarter, decryptStream } from '../crypto/age-stream';
import { stopPayloadWorkers } from '../crypto/payload-pool';
import { FileStore } from './file-store';
import { receiveFile, UploadBudget } from './receive-file';
import { SealedFileWriter } from './sealed-file-writer';

const KiB = 1024;
const MiB = 1024 * KiB;
const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-sealed-writer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const pair = await generateKeyPair();
let files = 0;
const freshPath = (): string => path.join(scratch, `file-${files++}.age`);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** `bytes` in pieces of `piece` bytes, the way a socket hands them over. */
function pieces(bytes: Buffer, piece: number): Readable {
  const list: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += piece) list.push(bytes.subarray(offset, offset + piece));
  return Readable.from(list, { objectMode: false });
}

async function libraryDecrypt(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of decryptStream([pair.identity], Readable.from([readFileSync(file)]))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function cliDecrypt(file: string): Buffer {
  const key = path.join(scratch, 'identity.key');
  writeFileSync(key, `${pair.identity}\n`, { mode: 0o600 });
  return execFileSync('/usr/bin/age', ['--decrypt', '--identity', key, file], { maxBuffer: 64 * MiB });
}

describe('SealedFileWriter', () => {
  // Around the age chunk (64 KiB) and the batch handed to the worker (1 MiB).
  it.each([0, 1, 64 * KiB - 1, 64 * KiB, 64 * KiB + 1, MiB, MiB + 7, 3 * MiB + 100])(
    'writes %i bytes as an age file that the age CLI and age-encryption open to the same bytes, with their SHA-256 and size',
    async (size) => {
      const plaintext = randomBytes(size);
      const file = freshPath();
      const writer = new SealedFileWriter(file, ageFileStarter([pair.recipient]));
      await pipeline(pieces(plaintext, 24 * KiB + 3), writer);
      expect(writer.result).toEqual({ sha256: sha256(plaintext), size });
      expect(sha256(cliDecrypt(file))).toBe(sha256(plaintext));
      expect(sha256(await libraryDecrypt(file))).toBe(sha256(plaintext));
    },
  );

  it('writes exactly the header it is given, then the payload PayloadSealer makes with the same key and nonce', async () => {
    const plaintext = randomBytes(2 * MiB + 12_345);
    const fileKey = randomBytes(16);
    const nonce = randomBytes(16);
    const head = Buffer.from('a header, then the nonce:');
    const file = freshPath();
    await pipeline(pieces(plaintext, 100 * KiB), new SealedFileWriter(file, async () => ({ head: Buffer.concat([head, nonce]), nonce, fileKey: Uint8Array.from(fileKey) })));
    const expected: Buffer[] = [head, nonce];
    const sealer = new PayloadSealer(fileKey, nonce);
    sealer.update(plaintext, (bytes) => expected.push(bytes));
    sealer.final((bytes) => expected.push(bytes));
    expect(sha256(readFileSync(file))).toBe(sha256(Buffer.concat(expected)));
  });

  it('keeps several files apart when they are written at the same time', async () => {
    const plaintexts = [randomBytes(MiB + 1), randomBytes(2 * MiB + 2), randomBytes(5)];
    const written = plaintexts.map(() => freshPath());
    const writers = written.map((file) => new SealedFileWriter(file, ageFileStarter([pair.recipient])));
    await Promise.all(plaintexts.map((plaintext, index) => pipeline(pieces(plaintext, 7 * KiB), writers[index]!)));
    for (const [index, plaintext] of plaintexts.entries()) {
      expect(writers[index]!.result.sha256).toBe(sha256(plaintext));
      expect(sha256(await libraryDecrypt(written[index]!))).toBe(sha256(plaintext));
    }
  });

  it('fails when the worker refuses the key, and closes its file', async () => {
    const file = freshPath();
    const writer = new SealedFileWriter(file, async () => ({ head: Buffer.from('h'), nonce: randomBytes(16), fileKey: randomBytes(15) }));
    await expect(pipeline(pieces(randomBytes(10), 10), writer)).rejects.toThrow(/file key/);
    expect(writer.closed).toBe(true);
  });
});

describe('receiveFile on the payload worker', () => {
  const store = new FileStore(path.join(scratch, 'data'));
  const receive = (source: Readable): ReturnType<typeof receiveFile> =>
    receiveFile(store, source, {
      name: 'ledger.bin',
      recipients: [pair.recipient],
      keepMetadata: false,
      budget: new UploadBudget({ maxFiles: 10, maxFileBytes: 64 * MiB, maxSubmissionBytes: 64 * MiB }),
    });

  it('records the SHA-256 and size of what it stored', async () => {
    const plaintext = randomBytes(MiB + 99);
    const received = await receive(pieces(plaintext, 64 * KiB));
    expect(received.meta).toMatchObject({ size: plaintext.length, sha256: sha256(plaintext), type: 'application/octet-stream' });
    expect(sha256(await libraryDecrypt(store.incomingPath(received.storageName)))).toBe(sha256(plaintext));
  });

  it('a worker that dies mid-file fails the upload and leaves no partial file; the next upload gets a fresh worker', async () => {
    const before = readdirSync(store.incomingDir);
    let sent = 0;
    const source = new Readable({
      read() {
        sent += 1;
        if (sent === 4) void stopPayloadWorkers();
        // Slow enough that the worker stops while this file is still arriving.
        setTimeout(() => this.push(sent > 40 ? null : randomBytes(256 * KiB)), 5);
      },
    });
    await expect(receive(source)).rejects.toThrow(/worker/);
    expect(readdirSync(store.incomingDir)).toEqual(before);
    const plaintext = randomBytes(300 * KiB);
    const received = await receive(pieces(plaintext, 64 * KiB));
    expect(received.meta.sha256).toBe(sha256(plaintext));
  });
});
