/**
 * Audit checkpoints: the signed text, a known answer (the signature and
 * hash below were produced independently with OpenSSL 3 from the same seed
 * and text), round trips through the file format, and tampered or
 * wrong-key checkpoints that must fail.
 */
import { describe, expect, it } from 'vitest';
import { checkpointBody, checkpointFile, parseCheckpointFile, type SignedCheckpoint } from '../../contract/audit-checkpoint';
import { checkpointHash, checkpointSignatureValid, signCheckpoint } from './checkpoint-signature';
import { generateSigningKey, signingKeyFromSeed } from './signing';

const key = signingKeyFromSeed(Buffer.alloc(32, 7));
const fields = { sequence: 3, entries: 345, head: 'ab'.repeat(32), time: '2026-11-28T06:10:00Z', previous: 'cd'.repeat(32), keyId: key.keyId };
const SIGNATURE = 'g8cG9JhqU2o1rHX4BufmTDFjdP/USVzvLf2BOMUlNqS0buRpek7ojP5yXTc6R9esTa5gA8hNVgAaUd6Ds+FqAg==';

describe('checkpoint signatures', () => {
  it('sign exactly the documented seven lines (known answer, checked with OpenSSL)', () => {
    expect(key.publicKeyBase64).toBe('6kpsY+KcUgq+9VB7Ey7F+ZVHdq6+vnuSQh7qaRRG0iw=');
    expect(key.keyId).toBe('fe812c12f3ab4ce6');
    expect(checkpointBody(fields)).toBe(
      `tipline audit checkpoint v1\nsequence 3\nentries 345\nhead ${'ab'.repeat(32)}\ntime 2026-11-28T06:10:00Z\nprevious ${'cd'.repeat(32)}\nkey fe812c12f3ab4ce6\n`,
    );
    const signed = signCheckpoint(fields, key);
    expect(signed.signature).toBe(SIGNATURE);
    expect(checkpointHash(signed)).toBe('8aa8be9e3ac643e5f205ebafbc8da19c6f6bd85e063e5ab8d573cef78b7ae30c');
  });

  it('verify under the signing key and fail when any field changes', () => {
    const signed: SignedCheckpoint = { ...fields, signature: SIGNATURE };
    expect(checkpointSignatureValid(signed, key.publicKeyBase64)).toBe(true);
    for (const altered of [{ sequence: 4 }, { entries: 344 }, { head: 'ac'.repeat(32) }, { time: '2026-11-28T06:10:01Z' }, { previous: '0'.repeat(64) }]) {
      expect(checkpointSignatureValid({ ...signed, ...altered }, key.publicKeyBase64)).toBe(false);
    }
  });

  it('fail under another key, and refuse to sign with a key the checkpoint does not name', () => {
    const other = generateSigningKey();
    expect(checkpointSignatureValid({ ...fields, signature: SIGNATURE }, other.publicKeyBase64)).toBe(false);
    expect(() => signCheckpoint(fields, other)).toThrow(/must name the key/);
  });
});

describe('the checkpoint file', () => {
  const signed: SignedCheckpoint = { ...fields, signature: SIGNATURE };
  const text = checkpointFile(signed, key.publicKeyBase64);

  it('reads back what it wrote: the checkpoint and the public key', () => {
    expect(text.endsWith(`\n\nsignature ${SIGNATURE}\npublic-key ${key.publicKeyBase64}\n`)).toBe(true);
    expect(parseCheckpointFile(text)).toEqual({ ok: true, checkpoint: signed, publicKey: key.publicKeyBase64 });
  });

  it('refuses anything else, saying what is wrong', () => {
    const problem = (input: string): string => {
      const parsed = parseCheckpointFile(input);
      return parsed.ok ? 'accepted' : parsed.problem;
    };
    expect(problem('')).toMatch(/first line/);
    expect(problem(text.replace('entries 345', 'entries 0345'))).toBe('the signed lines are not in canonical form');
    expect(problem(text.replace('entries 345', 'entries many'))).toMatch(/^bad entries/);
    expect(problem(text.replace('\n\nsignature', '\nsignature'))).toMatch(/expected 10 lines/);
    expect(problem(text.replace('head ', 'hash '))).toBe('line 4 must start with "head "');
    expect(problem(text.replace(/public-key .*/, 'public-key AAAA'))).toMatch(/public-key/);
  });
});
