import { describe, expect, it } from 'vitest';
import { generateSigningKey, keyIdOf, publicKeyFromBase64, signingKeyFromSeed, signingSeed, signMessage, verifyMessage } from './signing';

describe('Ed25519 signing', () => {
  it('verifies its own signature and nothing altered', () => {
    const pair = generateSigningKey();
    const signature = signMessage(pair, 'checkpoint 12');
    expect(verifyMessage(pair.publicKeyBase64, 'checkpoint 12', signature)).toBe(true);
    expect(verifyMessage(pair.publicKeyBase64, 'checkpoint 13', signature)).toBe(false);
    expect(verifyMessage(generateSigningKey().publicKeyBase64, 'checkpoint 12', signature)).toBe(false);
    expect(verifyMessage(pair.publicKeyBase64, 'checkpoint 12', 'AAAA')).toBe(false);
    expect(verifyMessage('not a key', 'checkpoint 12', signature)).toBe(false);
  });

  it('round-trips a key through its 32-byte seed', () => {
    const pair = generateSigningKey();
    const again = signingKeyFromSeed(signingSeed(pair));
    expect(again.publicKeyBase64).toBe(pair.publicKeyBase64);
    expect(again.keyId).toBe(keyIdOf(pair.publicKeyBase64));
    expect(again.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(verifyMessage(pair.publicKeyBase64, 'x', signMessage(again, 'x'))).toBe(true);
  });

  it('matches the RFC 8032 test vector 1', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    const pair = signingKeyFromSeed(seed);
    expect(Buffer.from(pair.publicKeyBase64, 'base64').toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(Buffer.from(signMessage(pair, new Uint8Array()), 'base64').toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(publicKeyFromBase64('AAAA')).toBeNull();
  });
});
