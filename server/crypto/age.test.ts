import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bech32 } from '@scure/base';
import { Decrypter, Encrypter, identityToRecipient } from 'age-encryption';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptText, decryptWith, encryptTo, generateKeyPair, identityFromSecretBytes, keyTypeOf, recipientOf } from './age';

const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-age-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('identityFromSecretBytes', () => {
  it('gives the RFC 7748 public key for the RFC 7748 private key (known answer)', async () => {
    // RFC 7748 section 6.1, Alice's key pair.
    const alicePrivate = Buffer.from('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', 'hex');
    const alicePublic = Buffer.from('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a', 'hex');
    const identity = identityFromSecretBytes(alicePrivate);
    expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(await recipientOf(identity)).toBe(bech32.encode('age', bech32.toWords(alicePublic)));
  });

  it('agrees with age-keygen -y (the age CLI) on the recipient', async () => {
    const identity = identityFromSecretBytes(Buffer.alloc(32, 0x42));
    const keyFile = path.join(scratch, 'derived.key');
    writeFileSync(keyFile, `${identity}\n`, { mode: 0o600 });
    const fromCli = execFileSync('age-keygen', ['-y', keyFile]).toString().trim();
    expect(await recipientOf(identity)).toBe(fromCli);
  });

  it('refuses anything but 32 bytes', () => {
    expect(() => identityFromSecretBytes(new Uint8Array(31))).toThrow(RangeError);
  });
});

describe('encryptTo / decryptWith', () => {
  it('round-trips for every recipient on its own', async () => {
    const [a, b] = [await generateKeyPair(), await generateKeyPair()];
    const ciphertext = await encryptTo([a.recipient, b.recipient], '舉報內容 report body');
    expect(await decryptText([a.identity], ciphertext)).toBe('舉報內容 report body');
    expect(await decryptText([b.identity], ciphertext)).toBe('舉報內容 report body');
  });

  it('fails with a key that was not a recipient, with the error age-encryption gives', async () => {
    const [a, stranger] = [await generateKeyPair(), await generateKeyPair()];
    const ciphertext = await encryptTo([a.recipient], 'secret');
    await expect(decryptWith([stranger.identity], ciphertext)).rejects.toThrow("no identity matched any of the file's recipients");
  });

  it('writes one file that each of several recipients opens alone with the age CLI and age-encryption', async () => {
    const pairs = [await generateKeyPair(), await generateKeyPair(), await generateKeyPair()];
    const ciphertext = await encryptTo(pairs.map((pair) => pair.recipient), 'to all three');
    const file = path.join(scratch, 'several.age');
    writeFileSync(file, ciphertext);
    for (const [n, pair] of pairs.entries()) {
      const keyFile = path.join(scratch, `several-${n}.key`);
      writeFileSync(keyFile, `${pair.identity}\n`, { mode: 0o600 });
      expect(execFileSync('age', ['--decrypt', '--identity', keyFile, file]).toString()).toBe('to all three');
      const library = new Decrypter();
      library.addIdentity(pair.identity);
      expect(await library.decrypt(ciphertext, 'text')).toBe('to all three');
    }
  });

  it('fails when any byte of the payload or header is changed', async () => {
    const a = await generateKeyPair();
    const ciphertext = await encryptTo([a.recipient], 'x'.repeat(200));
    for (const offset of [20, ciphertext.length - 100, ciphertext.length - 1]) {
      const tampered = Uint8Array.from(ciphertext);
      tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
      await expect(decryptWith([a.identity], tampered)).rejects.toThrow();
    }
  });

  it('refuses to encrypt to nobody', async () => {
    await expect(encryptTo([], 'lost forever')).rejects.toThrow();
  });

  it('writes standard age files: the age CLI decrypts them, and they decrypt what the CLI encrypts', async () => {
    const pair = await generateKeyPair();
    const keyFile = path.join(scratch, 'pair.key');
    writeFileSync(keyFile, `${pair.identity}\n`, { mode: 0o600 });

    const ours = path.join(scratch, 'ours.age');
    writeFileSync(ours, await encryptTo([pair.recipient], 'from tipline'));
    expect(execFileSync('age', ['--decrypt', '--identity', keyFile, ours]).toString()).toBe('from tipline');

    const theirs = execFileSync('age', ['--encrypt', '--recipient', pair.recipient], { input: 'from the age CLI' });
    expect(await decryptText([pair.identity], theirs)).toBe('from the age CLI');
  });
});

describe('post-quantum hybrid keys (ML-KEM-768 + X25519)', () => {
  it('makes age1pq1 recipients that the library encrypts to and we decrypt, and the other way round', async () => {
    const pair = await generateKeyPair('pq');
    expect(pair.recipient).toMatch(/^age1pq1/);
    expect(pair.identity).toMatch(/^AGE-SECRET-KEY-PQ-1/);
    expect(await recipientOf(pair.identity)).toBe(pair.recipient);
    expect(keyTypeOf(pair.recipient)).toBe('pq');

    const theirs = new Encrypter();
    theirs.addRecipient(pair.recipient);
    expect(await decryptText([pair.identity], await theirs.encrypt('from the library'))).toBe('from the library');

    const library = new Decrypter();
    library.addIdentity(pair.identity);
    expect(new TextDecoder().decode(await library.decrypt(await encryptTo([pair.recipient], 'from tipline')))).toBe('from tipline');
  });

  it('derives the same hybrid identity from the same 32 bytes, as the library reads it, and a different one from other bytes', async () => {
    const identity = identityFromSecretBytes(Buffer.alloc(32, 0x42), 'pq');
    expect(identity).toBe(identityFromSecretBytes(Buffer.alloc(32, 0x42), 'pq'));
    expect(await recipientOf(identity)).toBe(await identityToRecipient(identity));
    expect(await recipientOf(identity)).not.toBe(await recipientOf(identityFromSecretBytes(Buffer.alloc(32, 0x43), 'pq')));
    expect(() => identityFromSecretBytes(new Uint8Array(31), 'pq')).toThrow(RangeError);
  });

  it('encrypts to hybrid and X25519 recipients together, each opening it alone and a stranger not at all', async () => {
    const [hybrid, classic, stranger] = [await generateKeyPair('pq'), await generateKeyPair(), await generateKeyPair('pq')];
    const ciphertext = await encryptTo([hybrid.recipient, classic.recipient], '混合 mixed');
    expect(await decryptText([hybrid.identity], ciphertext)).toBe('混合 mixed');
    expect(await decryptText([classic.identity], ciphertext)).toBe('混合 mixed');
    await expect(decryptText([stranger.identity], ciphertext)).rejects.toThrow();
    expect(keyTypeOf(classic.recipient)).toBe('x25519');
  });

  it('refuses a hybrid recipient that is not one', async () => {
    await expect(encryptTo(['age1pq1notarecipient'], 'lost')).rejects.toThrow();
  });
});
