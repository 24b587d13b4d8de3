import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../crypto/age';
import { checkStoredFile } from './stored-file-check';

const MiB = 1024 * 1024;
const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-file-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const [alice, mallory] = await Promise.all([generateKeyPair(), generateKeyPair()]);
let files = 0;

/** An age file made by the `age` CLI, which nobody here wrote. */
function cliEncrypt(plaintext: Buffer): string {
  const file = path.join(scratch, `file-${files++}.age`);
  writeFileSync(file, execFileSync('/usr/bin/age', ['--encrypt', '--recipient', alice.recipient], { input: plaintext, maxBuffer: 64 * MiB }));
  return file;
}

/** A copy of `file` with one byte flipped (`at` from the end when negative). */
function flipped(file: string, at: number): string {
  const bytes = readFileSync(file);
  const index = at < 0 ? bytes.length + at : at;
  bytes.writeUInt8(bytes.readUInt8(index) ^ 1, index);
  const copy = path.join(scratch, `flipped-${files++}.age`);
  writeFileSync(copy, bytes);
  return copy;
}

const openFds = (): number => readdirSync('/proc/self/fd').length;

describe('checkStoredFile', () => {
  // Around what one check message reads (8 MiB) and the age chunk (64 KiB).
  it.each([0, 1, 64 * 1024, MiB, 8 * MiB, 8 * MiB + 1, 17 * MiB])('passes an intact file of %i bytes', async (size) => {
    expect(await checkStoredFile(cliEncrypt(randomBytes(size)), [alice.identity])).toBeNull();
  });

  it('finds a flipped byte anywhere in the payload, even in the last chunk of a file read in several steps', async () => {
    const file = cliEncrypt(randomBytes(10 * MiB));
    for (const at of [-1, -17, -(64 * 1024 + 40), -(9 * MiB), -(10 * MiB)]) expect(await checkStoredFile(flipped(file, at), [alice.identity]), `at ${at}`).toBe('payload');
  });

  it('tells a damaged header, a file cut short, the wrong key and a missing file apart', async () => {
    const file = cliEncrypt(randomBytes(MiB + 3));
    expect(await checkStoredFile(flipped(file, 30), [alice.identity])).toBe('header');
    const cut = path.join(scratch, 'cut.age');
    writeFileSync(cut, readFileSync(file).subarray(0, -(64 * 1024 + 16)));
    expect(await checkStoredFile(cut, [alice.identity])).toBe('payload');
    expect(await checkStoredFile(file, [mallory.identity])).toBe('header');
    expect(await checkStoredFile(path.join(scratch, 'missing.age'), [alice.identity])).toBe('missing');
  });

  it('closes the file whatever the outcome', async () => {
    const file = cliEncrypt(randomBytes(3 * MiB));
    const before = openFds();
    for (let round = 0; round < 5; round++) {
      await checkStoredFile(file, [alice.identity]);
      await checkStoredFile(flipped(file, -100), [alice.identity]);
      await checkStoredFile(flipped(file, 30), [alice.identity]);
    }
    expect(openFds()).toBe(before);
  });
});
