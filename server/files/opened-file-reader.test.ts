import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../crypto/age';
import { OpenedFileReader } from './opened-file-reader';

const KiB = 1024;
const MiB = 1024 * KiB;
const SEALED_CHUNK = 64 * KiB + 16;
const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-opened-reader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const [alice, mallory] = await Promise.all([generateKeyPair(), generateKeyPair()]);
let files = 0;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** An age file made by the `age` CLI, which nobody here wrote. */
function cliEncrypt(plaintext: Buffer): string {
  const file = path.join(scratch, `file-${files++}.age`);
  writeFileSync(file, execFileSync('/usr/bin/age', ['--encrypt', '--recipient', alice.recipient], { input: plaintext, maxBuffer: 64 * MiB }));
  return file;
}

async function readAll(reader: OpenedFileReader): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of reader) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const openFds = (): number => readdirSync('/proc/self/fd').length;

describe('OpenedFileReader', () => {
  // Around the age chunk (64 KiB) and what the worker reads per request (16 sealed chunks, 1 MiB of plaintext).
  it.each([0, 1, 64 * KiB, 64 * KiB + 1, MiB - 1, MiB, MiB + 1, 2 * MiB, 3 * MiB + 5])('gives back the %i bytes the age CLI encrypted', async (size) => {
    const plaintext = randomBytes(size);
    expect(sha256(await readAll(new OpenedFileReader(cliEncrypt(plaintext), [alice.identity])))).toBe(sha256(plaintext));
  });

  it('stops at a tampered chunk with an error, having passed on only the chunks before it', async () => {
    const plaintext = randomBytes(3 * MiB);
    const file = cliEncrypt(plaintext);
    const bytes = readFileSync(file);
    // A byte in the 20th chunk (of the second worker read): the first 19 chunks are authentic.
    const at = bytes.length - plaintext.length - 48 * 16 + 19 * SEALED_CHUNK + 100;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    const tampered = path.join(scratch, 'tampered.age');
    writeFileSync(tampered, bytes);
    const reader = new OpenedFileReader(tampered, [alice.identity]);
    const seen: Buffer[] = [];
    await expect(
      (async () => {
        for await (const chunk of reader) seen.push(chunk as Buffer);
      })(),
    ).rejects.toThrow(/authentication/);
    const passed = Buffer.concat(seen);
    expect(passed.length).toBeLessThanOrEqual(19 * 64 * KiB);
    expect(sha256(passed)).toBe(sha256(plaintext.subarray(0, passed.length)));
  });

  it('fails on a file cut short, and on the wrong identity', async () => {
    const file = cliEncrypt(randomBytes(MiB + 3));
    const cut = path.join(scratch, 'cut.age');
    writeFileSync(cut, readFileSync(file).subarray(0, -SEALED_CHUNK));
    await expect(readAll(new OpenedFileReader(cut, [alice.identity]))).rejects.toThrow(/authentication|truncated/);
    await expect(readAll(new OpenedFileReader(file, [mallory.identity]))).rejects.toThrow();
  });

  it('fails a read of a file that is not there', async () => {
    await expect(readAll(new OpenedFileReader(path.join(scratch, 'missing.age'), [alice.identity]))).rejects.toThrow(/ENOENT/);
  });

  it('closes its file when the reader stops early, as a download cut off does', async () => {
    const file = cliEncrypt(randomBytes(4 * MiB));
    const before = openFds();
    const reader = new OpenedFileReader(file, [alice.identity]);
    for await (const chunk of reader) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break;
    }
    if (!reader.closed) await new Promise((resolve) => reader.once('close', resolve));
    expect(openFds()).toBe(before);
  });
});
