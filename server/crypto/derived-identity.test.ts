import { execFileSync } from 'node:child_process';
import { Decrypter, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { decryptText, encryptTo } from './age';
import { newSalt } from './argon2';
import { deriveIdentity, sameRecipient } from './derived-identity';
import { KdfLimiter } from './kdf-limit';

const params = { m: 19_456, t: 2, p: 1 };
const limiter = new KdfLimiter({ concurrency: 2, queue: 16 });

describe('deriveIdentity', () => {
  it('re-derives the same identity from the same code and salt', async () => {
    const salt = newSalt();
    const first = await deriveIdentity('12345678901234567890', salt, params, limiter);
    const again = await deriveIdentity('12345678901234567890', salt, params, limiter);
    expect(again.identity).toBe(first.identity);
    expect(sameRecipient(again.recipient, first.recipient)).toBe(true);
  });

  it('derives a different identity for a different code, salt or parameters', async () => {
    const salt = newSalt();
    const base = await deriveIdentity('12345678901234567890', salt, params, limiter);
    const otherCode = await deriveIdentity('12345678901234567891', salt, params, limiter);
    const otherSalt = await deriveIdentity('12345678901234567890', newSalt(), params, limiter);
    const otherParams = await deriveIdentity('12345678901234567890', salt, { ...params, t: 3 }, limiter);
    for (const other of [otherCode, otherSalt, otherParams]) expect(sameRecipient(other.recipient, base.recipient)).toBe(false);
  });

  it('opens only what was encrypted to the recipient derived from the right code', async () => {
    const salt = newSalt();
    const reporter = await deriveIdentity('11112222333344445555', salt, params, limiter);
    const ciphertext = await encryptTo([reporter.recipient], 'staff reply');
    expect(await decryptText([(await deriveIdentity('11112222333344445555', salt, params, limiter)).identity], ciphertext)).toBe('staff reply');
    const wrong = await deriveIdentity('11112222333344445556', salt, params, limiter);
    await expect(decryptText([wrong.identity], ciphertext)).rejects.toThrow();
  });

  it('gives an identity that age-encryption and the age CLI accept as the same key', async () => {
    const derived = await deriveIdentity('22223333444455556666', newSalt(), params, limiter);
    expect(derived.recipient).toBe(await identityToRecipient(derived.identity));
    const library = new Decrypter();
    library.addIdentity(derived.identity);
    expect(await library.decrypt(await encryptTo([derived.recipient], 'for the library'), 'text')).toBe('for the library');
    const fromCli = execFileSync('age', ['--encrypt', '--recipient', derived.recipient], { input: 'from the age CLI' });
    expect(await decryptText([derived.identity], fromCli)).toBe('from the age CLI');
  });
});
