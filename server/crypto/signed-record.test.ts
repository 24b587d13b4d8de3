import { createHash, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentCommitment, parsePayload, signRecord, verifySignedRecord, type CommittedContent, type SignedRecord } from './signed-record';
import { generateSigningKey, signingKeyFromSeed } from './signing';

// RFC 8032 section 7.1, test 1: a key anybody can check the answers against.
const RFC_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const RFC_PUBLIC = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64');
const NONCE = Buffer.alloc(32, 7).toString('base64');

const referral: CommittedContent = {
  nonce: NONCE,
  content: {
    version: 1,
    type: 'referral',
    agency: '市調查處',
    date: '2026-12-01',
    reference: undefined,
  },
};
const fields = {
  kind: 'referral' as const,
  reportId: 7,
  recordId: 12,
  at: '2026-12-01T18:34:07Z',
  signer: { staffId: 3, username: 'wang' },
};

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined keys and adds no whitespace', () => {
    expect(
      canonicalJson({
        b: 1,
        a: { d: [true, null, 'x'], c: 'y' },
        skipped: undefined,
      }),
    ).toBe('{"a":{"c":"y","d":[true,null,"x"]},"b":1}');
  });

  it('escapes strings as JSON.stringify does and keeps Chinese text as it is', () => {
    expect(canonicalJson({ text: '線索 "a"\n' })).toBe('{"text":"線索 \\"a\\"\\n"}');
  });

  it('refuses numbers that are not safe integers', () => {
    expect(() => canonicalJson({ n: 1.5 })).toThrow();
    expect(() => canonicalJson({ n: Number.MAX_SAFE_INTEGER + 1 })).toThrow();
  });
});

describe('content commitment', () => {
  it('is SHA-256 over the nonce bytes and then the canonical content', () => {
    const expected = createHash('sha256')
      .update(Buffer.alloc(32, 7))
      .update('{"agency":"市調查處","date":"2026-12-01","type":"referral","version":1}', 'utf8')
      .digest('hex');
    expect(contentCommitment(referral)).toBe(expected);
  });

  it('differs with another nonce, so a guessed content cannot be checked without it', () => {
    const other = { ...referral, nonce: Buffer.alloc(32, 8).toString('base64') };
    expect(contentCommitment(other)).not.toBe(contentCommitment(referral));
  });
});

describe('signed records', () => {
  it('signs the documented payload with the RFC 8032 key (known answer), checkable by node:crypto alone', () => {
    const key = signingKeyFromSeed(RFC_SEED);
    expect(key.publicKeyBase64).toBe(RFC_PUBLIC);
    const record = signRecord(key, fields, referral);
    expect(record.payload).toBe(
      `{"at":"2026-12-01T18:34:07Z","contentHash":"${contentCommitment(referral)}",` +
        `"format":"tipline-signed-decision/1","keyId":"${key.keyId}","kind":"referral",` +
        `"recordId":12,"reportId":7,"signer":{"staffId":3,"username":"wang"}}`,
    );
    const publicKey = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(RFC_PUBLIC, 'base64')]),
      format: 'der',
      type: 'spki',
    });
    expect(verify(null, Buffer.from(record.payload, 'utf8'), publicKey, Buffer.from(record.signature, 'base64'))).toBe(true);
    // Ed25519 is deterministic: the same decision signs to the same bytes.
    expect(signRecord(key, fields, referral).signature).toBe(record.signature);
  });

  it('verifies with and without the content', () => {
    const key = generateSigningKey();
    const record = signRecord(key, fields, referral);
    const withContent = verifySignedRecord(record, key.publicKeyBase64, referral);
    expect(withContent).toMatchObject({ ok: true, payload: { ...fields, keyId: key.keyId } });
    expect(verifySignedRecord(record, key.publicKeyBase64).ok).toBe(true);
  });

  it('fails on a changed content, naming the content', () => {
    const key = generateSigningKey();
    const record = signRecord(key, fields, referral);
    const changed: CommittedContent = {
      ...referral,
      content: { version: 1, type: 'referral', agency: '某某派出所', date: '2026-12-01' },
    };
    expect(verifySignedRecord(record, key.publicKeyBase64, changed)).toMatchObject({
      ok: false,
      reason: 'content_mismatch',
    });
    const otherNonce = { ...referral, nonce: Buffer.alloc(32, 9).toString('base64') };
    expect(verifySignedRecord(record, key.publicKeyBase64, otherNonce)).toMatchObject({
      ok: false,
      reason: 'content_mismatch',
    });
  });

  it('fails on a changed payload field, even re-canonicalised', () => {
    const key = generateSigningKey();
    const record = signRecord(key, fields, referral);
    const payload = JSON.parse(record.payload) as Record<string, unknown>;
    for (const change of [{ recordId: 13 }, { reportId: 8 }, { kind: 'closing' }, { at: '2026-12-01T18:34:08Z' }, { signer: { staffId: 4, username: 'li' } }]) {
      const tampered: SignedRecord = {
        payload: canonicalJson({ ...payload, ...change } as never),
        signature: record.signature,
      };
      expect(verifySignedRecord(tampered, key.publicKeyBase64, referral)).toMatchObject({
        ok: false,
        reason: 'bad_signature',
      });
    }
  });

  it('refuses a payload that is not in canonical form, even with a valid signature over it', () => {
    const key = generateSigningKey();
    const record = signRecord(key, fields, referral);
    const spaced = JSON.stringify(JSON.parse(record.payload), null, 1);
    expect(parsePayload(spaced)).toBeNull();
    expect(verifySignedRecord({ payload: spaced, signature: record.signature }, key.publicKeyBase64)).toMatchObject({ ok: false, reason: 'malformed_payload' });
  });

  it('fails under a wrong key, and with a signature from another key over the same payload', () => {
    const key = generateSigningKey();
    const other = generateSigningKey();
    const record = signRecord(key, fields, referral);
    expect(verifySignedRecord(record, other.publicKeyBase64, referral)).toMatchObject({
      ok: false,
      reason: 'wrong_key',
    });
    // Someone holding another key re-signs the honest payload: it names the member's key id, so it fails.
    const forged = { payload: record.payload, signature: signRecord(other, fields, referral).signature };
    expect(verifySignedRecord(forged, key.publicKeyBase64, referral)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });
});
