import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { base64nopad, bech32 } from '@scure/base';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient, Stanza } from 'age-encryption';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeIdentity, generateX25519KeyPair, NativeX25519Identity, NativeX25519Recipient } from './x25519-native';

const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-x25519-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface KeyPair {
  identity: string;
  recipient: string;
}

// Three independent sources of keys: ours, the library's, the age CLI's.
const ours = generateX25519KeyPair();
const libraryIdentity = await generateX25519Identity();
const theirs: KeyPair = { identity: libraryIdentity, recipient: await identityToRecipient(libraryIdentity) };
const cliKeyFile = path.join(scratch, 'cli.key');
execFileSync('age-keygen', ['-o', cliKeyFile], { stdio: 'pipe' });
const cli: KeyPair = {
  identity: execFileSync('grep', ['^AGE-SECRET-KEY-1', cliKeyFile]).toString().trim(),
  recipient: execFileSync('age-keygen', ['-y', cliKeyFile]).toString().trim(),
};

function keyFile(pair: KeyPair): string {
  const file = path.join(scratch, `${pair.recipient.slice(-12)}.key`);
  writeFileSync(file, `${pair.identity}\n`, { mode: 0o600 });
  return file;
}

async function nativeEncrypt(recipients: readonly string[], plaintext: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(new NativeX25519Recipient(recipient));
  return encrypter.encrypt(plaintext);
}

async function libraryEncrypt(recipients: readonly string[], plaintext: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(plaintext);
}

function cliEncrypt(recipients: readonly string[], plaintext: string): Uint8Array {
  return execFileSync('age', ['--encrypt', ...recipients.flatMap((r) => ['--recipient', r])], { input: plaintext });
}

function nativeDecrypt(identity: string, file: Uint8Array): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(new NativeX25519Identity(identity));
  return decrypter.decrypt(file, 'text');
}

function libraryDecrypt(identity: string, file: Uint8Array): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return decrypter.decrypt(file, 'text');
}

function cliDecrypt(pair: KeyPair, file: Uint8Array): string {
  const input = path.join(scratch, 'input.age');
  writeFileSync(input, file);
  return execFileSync('age', ['--decrypt', '--identity', keyFile(pair), input], { stdio: 'pipe' }).toString();
}

/** The stanza a native recipient writes for `recipient`, wrapping `fileKey`. */
function nativeStanza(recipient: string, fileKey: Uint8Array): Stanza {
  const [stanza] = new NativeX25519Recipient(recipient).wrapFileKey(fileKey);
  if (stanza === undefined) throw new Error('no stanza');
  return stanza;
}

const NO_MATCH = "no identity matched any of the file's recipients";

/**
 * What the library's own X25519 identity makes of `stanzas`, as the message
 * decryptHeader throws (the MAC is zeros): NO_MATCH when it found no file
 * key, "invalid header HMAC" when it found one, or the error it threw.
 */
async function libraryOutcome(identity: string, stanzas: Stanza[]): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const header = `age-encryption.org/v1\n${stanzas.map(stanzaText).join('')}--- ${base64nopad.encode(new Uint8Array(32))}\n`;
  return decrypter.decryptHeader(new TextEncoder().encode(header)).then(
    () => 'decrypted with a zero MAC',
    (error: unknown) => (error as Error).message,
  );
}

function stanzaText(stanza: Stanza): string {
  const body = base64nopad.encode(stanza.body);
  const lines: string[] = body.match(/.{1,64}/g) ?? [];
  // A body that is a whole number of 64-character lines ends with an empty line.
  if (body.length % 64 === 0) lines.push('');
  return `-> ${stanza.args.join(' ')}\n${lines.join('\n')}\n`;
}

const fileKey = (): Uint8Array => Uint8Array.from(randomBytes(16));

// The points of order dividing 8 on Curve25519 (and non-canonical encodings of them):
// X25519 with any clamped scalar gives all zeros, which age requires refusing.
const LOW_ORDER_POINTS = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

describe('native X25519 files and the other implementations', () => {
  it('writes files that the age CLI and the pure library open', async () => {
    const file = await nativeEncrypt([ours.recipient], 'from node:crypto');
    expect(cliDecrypt(ours, file)).toBe('from node:crypto');
    expect(await libraryDecrypt(ours.identity, file)).toBe('from node:crypto');
  });

  it('opens files that the age CLI and the pure library wrote', async () => {
    expect(await nativeDecrypt(cli.identity, cliEncrypt([cli.recipient], 'from the age CLI'))).toBe('from the age CLI');
    expect(await nativeDecrypt(theirs.identity, await libraryEncrypt([theirs.recipient], 'from the library'))).toBe('from the library');
  });

  it('writes one stanza per recipient, each of which opens the file alone, whoever made the key', async () => {
    const file = await nativeEncrypt([ours.recipient, theirs.recipient, cli.recipient], 'to three');
    for (const pair of [ours, theirs, cli]) {
      expect(await nativeDecrypt(pair.identity, file)).toBe('to three');
      expect(await libraryDecrypt(pair.identity, file)).toBe('to three');
      expect(cliDecrypt(pair, file)).toBe('to three');
    }
  });

  it('finds its own stanza among several in a file the age CLI wrote to many', async () => {
    const file = cliEncrypt([theirs.recipient, cli.recipient, ours.recipient], 'ours is last');
    expect(await nativeDecrypt(ours.identity, file)).toBe('ours is last');
    expect(await nativeDecrypt(theirs.identity, file)).toBe('ours is last');
  });

  it('fails with the same error as the library for an identity that is not a recipient', async () => {
    const stranger = generateX25519KeyPair();
    const file = await nativeEncrypt([ours.recipient, theirs.recipient], 'not for strangers');
    const expected = await libraryDecrypt(stranger.identity, file).catch((error: unknown) => error);
    expect(expected).toBeInstanceOf(Error);
    await expect(nativeDecrypt(stranger.identity, file)).rejects.toThrow((expected as Error).message);
    expect((expected as Error).message).toBe(NO_MATCH);
  });

  it('refuses a file whose stanza body was changed in the header, as the library does', async () => {
    const file = Buffer.from(await nativeEncrypt([ours.recipient], 'tampered'));
    // The body is the line after the stanza line; change its first base64 character.
    const bodyStart = file.indexOf('\n', file.indexOf('-> X25519')) + 1;
    file[bodyStart] = file[bodyStart] === 0x41 ? 0x42 : 0x41;
    await expect(nativeDecrypt(ours.identity, file)).rejects.toThrow(NO_MATCH);
    await expect(libraryDecrypt(ours.identity, file)).rejects.toThrow(NO_MATCH);
  });
});

describe('NativeX25519Identity.unwrapFileKey', () => {
  it('returns the file key a native recipient wrapped, and null for a stanza wrapped to someone else', () => {
    const key = fileKey();
    const identity = new NativeX25519Identity(ours.identity);
    expect(identity.unwrapFileKey([nativeStanza(ours.recipient, key)])).toEqual(Buffer.from(key));
    expect(identity.unwrapFileKey([nativeStanza(theirs.recipient, key)])).toBeNull();
  });

  it('skips stanzas of other types and X25519 stanzas that are not its own', () => {
    const key = fileKey();
    const other = new Stanza(['scrypt', base64nopad.encode(randomBytes(16)), '18'], randomBytes(32));
    const identity = new NativeX25519Identity(ours.identity);
    expect(identity.unwrapFileKey([other, nativeStanza(theirs.recipient, key), nativeStanza(ours.recipient, key)])).toEqual(Buffer.from(key));
    expect(identity.unwrapFileKey([other])).toBeNull();
    expect(identity.unwrapFileKey([])).toBeNull();
  });

  it('gives no file key for a stanza whose body has one bit changed, like the library', async () => {
    const stanza = nativeStanza(ours.recipient, fileKey());
    for (const offset of [0, 15, 16, 31]) {
      const body = Uint8Array.from(stanza.body);
      body[offset] = (body[offset] ?? 0) ^ 0x01;
      const tampered = new Stanza(stanza.args, body);
      expect(new NativeX25519Identity(ours.identity).unwrapFileKey([tampered])).toBeNull();
      expect(await libraryOutcome(ours.identity, [tampered])).toBe(NO_MATCH);
    }
  });

  const good = nativeStanza(ours.recipient, fileKey());
  const share = good.args[1] ?? '';
  const malformed: [string, Stanza][] = [
    ['no share', new Stanza(['X25519'], good.body)],
    ['an extra argument', new Stanza(['X25519', share, 'extra'], good.body)],
    ['a 31-byte share', new Stanza(['X25519', base64nopad.encode(randomBytes(31))], good.body)],
    ['a 33-byte share', new Stanza(['X25519', base64nopad.encode(randomBytes(33))], good.body)],
    ['a share in padded base64', new Stanza(['X25519', `${share}=`], good.body)],
    ['a share in URL-safe base64', new Stanza(['X25519', Buffer.alloc(32, 0xfb).toString('base64url')], good.body)],
    ['a 31-byte body', new Stanza(good.args, good.body.subarray(0, 31))],
    ['a 48-byte body', new Stanza(good.args, Uint8Array.from([...good.body, ...new Uint8Array(16)]))],
  ];

  it.each(malformed)('throws on an X25519 stanza with %s, where the library throws too', async (_name, stanza) => {
    expect(() => new NativeX25519Identity(ours.identity).unwrapFileKey([stanza])).toThrow('invalid X25519 stanza');
    expect(await libraryOutcome(ours.identity, [stanza])).not.toBe(NO_MATCH);
    // Before its own valid stanza too: a malformed stanza is an error, not something to skip.
    expect(() => new NativeX25519Identity(ours.identity).unwrapFileKey([stanza, good])).toThrow('invalid X25519 stanza');
  });

  it.each(LOW_ORDER_POINTS)('refuses the low-order share %s (an all-zero shared secret), like the library', async (hex) => {
    const stanza = new Stanza(['X25519', base64nopad.encode(Buffer.from(hex, 'hex'))], randomBytes(32));
    expect(() => new NativeX25519Identity(ours.identity).unwrapFileKey([stanza])).toThrow('low-order share');
    expect(await libraryOutcome(ours.identity, [stanza])).not.toBe(NO_MATCH);
  });
});

describe('NativeX25519Recipient', () => {
  it.each(LOW_ORDER_POINTS)('refuses to wrap a file key to the low-order point %s', (hex) => {
    const recipient = bech32.encode('age', bech32.toWords(Buffer.from(hex, 'hex')));
    expect(() => new NativeX25519Recipient(recipient).wrapFileKey(fileKey())).toThrow('low-order');
  });

  it('uses a fresh ephemeral share for every file key', () => {
    const shares = new Set(Array.from({ length: 20 }, () => nativeStanza(ours.recipient, fileKey()).args[1]));
    expect(shares.size).toBe(20);
  });
});

describe('parsing age keys', () => {
  const identityOfLength = (bytes: number): string => bech32.encode('age-secret-key-', bech32.toWords(new Uint8Array(bytes).fill(9)), false).toUpperCase();
  const recipientOfLength = (bytes: number): string => bech32.encode('age', bech32.toWords(new Uint8Array(bytes).fill(9)), false);
  const lastCharChanged = (text: string): string => text.slice(0, -1) + (text.endsWith('Q') || text.endsWith('q') ? 'P' : 'Q');

  it.each([
    ['a recipient', () => ours.recipient],
    ['a lower-case identity', () => ours.identity.toLowerCase()],
    ['a 31-byte identity', () => identityOfLength(31)],
    ['a 33-byte identity', () => identityOfLength(33)],
    ['a post-quantum identity', () => bech32.encode('age-secret-key-pq-', bech32.toWords(new Uint8Array(32)), false).toUpperCase()],
    ['a wrong checksum', () => lastCharChanged(ours.identity)],
    ['mixed case', () => `${ours.identity.slice(0, 20)}${ours.identity.slice(20).toLowerCase()}`],
    ['nothing', () => ''],
  ])('refuses %s as an identity, without quoting it', (_name, text) => {
    const attempt = (): NativeX25519Identity => new NativeX25519Identity(text());
    expect(attempt).toThrow(new Error('invalid identity'));
  });

  it.each([
    ['an identity', () => ours.identity],
    ['an upper-case recipient', () => ours.recipient.toUpperCase()],
    ['a 31-byte recipient', () => recipientOfLength(31)],
    ['a 33-byte recipient', () => recipientOfLength(33)],
    ['another prefix', () => bech32.encode('agf', bech32.toWords(new Uint8Array(32).fill(9)))],
    ['a wrong checksum', () => lastCharChanged(ours.recipient)],
    ['nothing', () => ''],
  ])('refuses %s as a recipient', (_name, text) => {
    expect(() => new NativeX25519Recipient(text())).toThrow(new Error('invalid recipient'));
  });

  it('derives the same recipient as the library for any 32 bytes (as Argon2 gives them)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), async (secret) => {
        const identity = encodeIdentity(secret);
        expect(new NativeX25519Identity(identity).recipient).toBe(await identityToRecipient(identity));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through the library both ways for any 32-byte identity', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string(), async (secret, plaintext) => {
        const identity = encodeIdentity(secret);
        const recipient = await identityToRecipient(identity);
        expect(await libraryDecrypt(identity, await nativeEncrypt([recipient], plaintext))).toBe(plaintext);
        expect(await nativeDecrypt(identity, await libraryEncrypt([recipient], plaintext))).toBe(plaintext);
      }),
      { numRuns: 50 },
    );
  });

  it('generates key pairs the library and age-keygen agree on', async () => {
    for (let i = 0; i < 5; i++) {
      const pair = generateX25519KeyPair();
      expect(pair.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
      expect(await identityToRecipient(pair.identity)).toBe(pair.recipient);
      expect(execFileSync('age-keygen', ['-y', keyFile(pair)]).toString().trim()).toBe(pair.recipient);
    }
    expect(generateX25519KeyPair().identity).not.toBe(generateX25519KeyPair().identity);
  });
});
