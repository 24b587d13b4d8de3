/**
 * `tipline verify-package` as an authority runs it: on its own machine, with
 * no DATA_DIR, given the age file and its key or the decrypted tar. A good
 * package passes; a tampered evidence file, a tampered manifest, an extra
 * file, a missing file, a bad manifest signature, a signed record whose
 * signature does not verify and a package from another instance each fail,
 * naming the problem, with a non-zero exit status.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointFile as checkpointFileText } from '../../contract/audit-checkpoint';
import { newContentNonce, signRecord } from '../../server/crypto/signed-record';
import { generateSigningKey, signMessage } from '../../server/crypto/signing';
import type { SignedRecordForPackage } from '../../server/referral/sources';
import { createTestInstance, type TestInstance } from '../support/instance';
import { ageKeygen, leadWithEvidence, registerAuthority, requestPackage, triagerCookie, writeIn } from '../support/referral';

const BIN = fileURLToPath(new URL('../../bin/tipline.mjs', import.meta.url));
const CHECKPOINT_TEXT = 'tipline audit checkpoint v1\nsequence 1\nentries 3\n';

let t: TestInstance;
let scratch: string;
let records: SignedRecordForPackage[] = [];
let authority: { id: number; keyFile: string };

beforeAll(async () => {
  t = await createTestInstance(
    {},
    { packageSources: { signedRecords: () => records, latestCheckpoint: () => ({ text: CHECKPOINT_TEXT, signature: signMessage(t.signingKey, CHECKPOINT_TEXT) }) } },
  );
  scratch = mkdtempSync(path.join(tmpdir(), 'tipline-verify-'));
  const { keyFile, recipient } = ageKeygen(scratch);
  authority = { id: await registerAuthority(t, recipient), keyFile };
});
afterAll(() => {
  t.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A staff member's signed decision about `reportId`, signed by a key of its own (or by another key when `valid` is false). */
function signedRecord(id: number, reportId: number, valid = true): SignedRecordForPackage {
  const staffKey = generateSigningKey();
  const signer = valid ? staffKey : { ...generateSigningKey(), keyId: staffKey.keyId };
  const fields = { kind: 'referral' as const, reportId, recordId: id, at: '2026-12-01T10:00:00Z', signer: { staffId: 2, username: 'lin' } };
  const { payload, signature } = signRecord(signer, fields, { nonce: newContentNonce(), content: { agency: 'City Prosecutors Office' } });
  return { id, recordId: id, kind: 'referral', payload, signature, publicKey: staffKey.publicKeyBase64 };
}

/** A new lead's package as the age file, and the tar inside it; `makeRecords` gives its signed records. */
async function makePackage(makeRecords: (reportId: number) => SignedRecordForPackage[] = () => []): Promise<{ ageFile: string; tarFile: string }> {
  const dir = mkdtempSync(path.join(scratch, 'pkg-'));
  const lead = await leadWithEvidence(t, 'VERIFY');
  records = makeRecords(lead.id);
  const { response, bytes } = await requestPackage(t, await triagerCookie(t), lead.id, { authorityId: authority.id, language: 'en' });
  expect(response.status).toBe(200);
  const ageFile = writeIn(dir, 'package.tar.age', bytes);
  const tarFile = path.join(dir, 'package.tar');
  execFileSync('age', ['-d', '-i', authority.keyFile, '-o', tarFile, ageFile]);
  return { ageFile, tarFile };
}

/** Run the CLI as an authority would: no DATA_DIR, in a directory of its own. */
function verify(...args: string[]): { status: number | null; out: string } {
  const cwd = mkdtempSync(path.join(scratch, 'authority-'));
  const env = { ...process.env };
  delete env['DATA_DIR'];
  const result = spawnSync(process.execPath, [BIN, 'verify-package', ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  // It never conjures a data directory.
  expect(existsSync(path.join(cwd, 'data'))).toBe(false);
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Unpack a tar, let `change` alter the files, pack them again (regular files only, as a package holds). */
function tampered(tarFile: string, change: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(scratch, 'tamper-'));
  execFileSync('tar', ['-xf', tarFile, '-C', dir]);
  change(dir);
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((name) => statSync(path.join(dir, name)).isFile()).sort();
  const out = `${dir}.tar`;
  execFileSync('tar', ['-cf', out, '-C', dir, ...files]);
  return out;
}

describe('tipline verify-package', () => {
  let good: { ageFile: string; tarFile: string };
  beforeAll(async () => {
    good = await makePackage((reportId) => [signedRecord(1, reportId)]);
  });

  it('passes a good package, given the age file and the authority key, and says it proves integrity, not origin', () => {
    const { status, out } = verify(good.ageFile, '--identity', authority.keyFile);
    expect(out).toContain('VERIFIED: every check passed.');
    expect(status).toBe(0);
    expect(out).toMatch(/ok {4}manifest\.sig: manifest\.json is signed by instance key [0-9a-f]{16}/);
    expect(out).toMatch(/ok {4}evidence\/2-scan\.bin: SHA-256 and size match \(300000 bytes\)/);
    expect(out).toMatch(/ok {4}records\/1\.json: referral signed by key [0-9a-f]{16} verifies/);
    expect(out).toContain('ok    checkpoint: signed by the instance key');
    expect(out).toContain('proves the package is intact, not who made it');
    expect(out).not.toContain('FAIL');
  });

  it('checks the decrypted tar too, and its origin against a pinned instance key', () => {
    const pinned = verify(good.tarFile, '--instance-key', t.signingKey.publicKeyBase64);
    expect(pinned.status).toBe(0);
    expect(pinned.out).toContain(`origin: signed by the pinned instance key ${t.signingKey.keyId}`);
    expect(pinned.out).not.toContain('not who made it');
    const checkpoint = t.checkpointer.checkpointNow();
    if (checkpoint === null) throw new Error('the trail has entries to sign');
    const checkpointFile = writeIn(scratch, 'checkpoint.txt', Buffer.from(checkpointFileText(checkpoint, t.signingKey.publicKeyBase64)));
    expect(verify(good.tarFile, '--checkpoint', checkpointFile).status).toBe(0);
    const forged = writeIn(scratch, 'forged.txt', Buffer.from(checkpointFileText({ ...checkpoint, entries: checkpoint.entries + 1 }, t.signingKey.publicKeyBase64)));
    const refused = verify(good.tarFile, '--checkpoint', forged);
    expect(refused.status).toBe(2);
    expect(refused.out).toContain('its signature does not verify');

    const stranger = verify(good.tarFile, '--instance-key', generateSigningKey().publicKeyBase64);
    expect(stranger.status).toBe(1);
    expect(stranger.out).toMatch(/FAIL {2}manifest\.sig: the package is signed by [0-9a-f]{16}, not by the pinned instance key/);
    expect(stranger.out).toContain('NOT VERIFIED');
  });

  it('fails a tampered evidence file, naming it', () => {
    const tar = tampered(good.tarFile, (dir) => {
      const file = path.join(dir, 'evidence', '2-scan.bin');
      const bytes = readFileSync(file);
      bytes[1000] = (bytes[1000] ?? 0) ^ 1;
      writeFileSync(file, bytes);
    });
    const { status, out } = verify(tar);
    expect(status).toBe(1);
    expect(out).toContain('FAIL  evidence/2-scan.bin: SHA-256 does not match the manifest');
    expect(out).toContain('NOT VERIFIED: 1 problem(s) found.');
  });

  it('fails a tampered manifest: its signature no longer verifies', () => {
    const tar = tampered(good.tarFile, (dir) => {
      const file = path.join(dir, 'manifest.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"language": "en"', '"language": "zh-hant"'));
    });
    const { status, out } = verify(tar);
    expect(status).toBe(1);
    expect(out).toMatch(/FAIL {2}manifest\.sig: not a valid signature of manifest\.json by the key it names/);
  });

  it('fails an extra file and a missing file, naming each', () => {
    const extra = verify(tampered(good.tarFile, (dir) => writeFileSync(path.join(dir, 'evidence', '3-planted.txt'), 'planted')));
    expect(extra.status).toBe(1);
    expect(extra.out).toContain('FAIL  evidence/3-planted.txt: extra file, not in the manifest');
    const missing = verify(tampered(good.tarFile, (dir) => rmSync(path.join(dir, 'case.html'))));
    expect(missing.status).toBe(1);
    expect(missing.out).toContain('FAIL  case.html: missing (listed in the manifest, not in the package)');
  });

  it('fails a manifest signature made with another key', () => {
    const tar = tampered(good.tarFile, (dir) => {
      const manifest = readFileSync(path.join(dir, 'manifest.json'));
      writeFileSync(path.join(dir, 'manifest.sig'), `${signMessage(generateSigningKey(), manifest)}\n`);
    });
    const { status, out } = verify(tar);
    expect(status).toBe(1);
    expect(out).toContain('FAIL  manifest.sig: not a valid signature of manifest.json');
  });

  it('fails a signed record whose signature does not verify, naming the record, while the others pass', async () => {
    const spoiled = await makePackage((reportId) => [signedRecord(7, reportId), signedRecord(8, reportId, false)]);
    const { status, out } = verify(spoiled.ageFile, '--identity', authority.keyFile);
    expect(status).toBe(1);
    expect(out).toMatch(/ok {4}records\/7\.json: referral signed by key/);
    expect(out).toContain('FAIL  records/8.json: signed record 8 (referral) fails: its signature does not verify');
  });

  it('refuses an age file without a key, and a wrong key, with a clear message', () => {
    const noKey = verify(good.ageFile);
    expect(noKey.status).toBe(2);
    expect(noKey.out).toContain('pass the authority\'s key with --identity KEYFILE');
    const { keyFile } = ageKeygen(scratch, 'wrong-key.txt');
    const wrong = verify(good.ageFile, '--identity', keyFile);
    expect(wrong.status).toBe(1);
    expect(wrong.out).toContain('FAIL  not a readable package');
  });
});
