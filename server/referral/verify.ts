/**
 * Checking a referral package offline (`tipline verify-package`), as an
 * authority would: no Tipline instance, no data directory, no network. The
 * tar is read as a stream (from the file, or decrypted from the age file on
 * the way), each file hashed as it passes, so a package of any size is
 * checked in bounded memory.
 *
 * Checked: manifest.sig is the Ed25519 signature of manifest.json's exact
 * bytes by the key the manifest names (and by the pinned instance key, when
 * one is given); every file the manifest lists is there once with its
 * SHA-256 and size, and nothing else is; each signed record verifies under
 * its signer's key (server/crypto/signed-record.ts) and belongs to this report; the checkpoint verifies
 * under the instance key. Every failure is named; nothing stops at the first.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';
import { decryptStream } from '../crypto/age-stream';
import { verifySignedRecord, type VerifyFailure } from '../crypto/signed-record';
import { keyIdOf, verifyMessage } from '../crypto/signing';
import { MANIFEST_PATH, manifestSchema, SIGNATURE_PATH, type PackageManifest } from './manifest';

/** The most of manifest.json, manifest.sig or a record file read into memory. */
const SMALL_FILE_MAX = 16 * 1024 * 1024;
const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n');

export interface VerifyOptions {
  /** The instance's public key (base64) as obtained from the instance itself, not from the package. */
  pinnedKey?: string | undefined;
}

export interface VerifyResult {
  ok: boolean;
  /** What passed, one line each. */
  passed: string[];
  /** What failed, one line each, naming the file or signature. */
  failures: string[];
  /** What the result does and does not prove. */
  notes: string[];
}

interface SeenEntry {
  size: number;
  sha256: string;
  /** Kept for the manifest, its signature and record files only. */
  bytes: Buffer | null;
}

function isSmall(path: string): boolean {
  return path === MANIFEST_PATH || path === SIGNATURE_PATH || /^records\/[^/]+\.json$/.test(path);
}

/** Every entry of a tar stream: path, size, SHA-256, and the bytes of the small ones. */
async function readEntries(tar: Readable, failures: string[]): Promise<Map<string, SeenEntry>> {
  const seen = new Map<string, SeenEntry>();
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const path = entry.path;
        if (entry.type !== 'File' && entry.type !== 'OldFile') {
          failures.push(`${path}: unexpected ${entry.type} entry (a package holds regular files only)`);
          entry.resume();
          return;
        }
        if (seen.has(path)) failures.push(`${path}: appears more than once`);
        const hash: Hash = createHash('sha256');
        const chunks: Buffer[] | null = isSmall(path) && entry.size <= SMALL_FILE_MAX ? [] : null;
        let size = 0;
        entry.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          size += chunk.length;
          chunks?.push(chunk);
        });
        entry.on('end', () => seen.set(path, { size, sha256: hash.digest('hex'), bytes: chunks === null ? null : Buffer.concat(chunks) }));
      },
    });
    parser.on('error', reject);
    parser.on('end', () => resolve());
    tar.on('error', reject);
    tar.pipe(parser as unknown as NodeJS.WritableStream);
  });
  return seen;
}

function checkSignature(manifest: PackageManifest, seen: Map<string, SeenEntry>, options: VerifyOptions, result: VerifyResult): void {
  const manifestBytes = seen.get(MANIFEST_PATH)?.bytes ?? Buffer.alloc(0);
  const signature = seen.get(SIGNATURE_PATH)?.bytes?.toString('ascii').trim() ?? '';
  const key = manifest.instance.publicKey;
  const keyId = manifest.instance.keyId;
  if (keyIdOf(key) !== keyId) result.failures.push(`manifest.json: the instance key id ${keyId} does not belong to its public key`);
  if (signature === '') result.failures.push('manifest.sig: missing or empty');
  else if (!verifyMessage(key, manifestBytes, signature)) result.failures.push(`manifest.sig: not a valid signature of manifest.json by the key it names (${keyId})`);
  else result.passed.push(`manifest.sig: manifest.json is signed by instance key ${manifest.instance.keyId}`);
  if (options.pinnedKey === undefined) {
    result.notes.push(
      'The signature was checked against the key the package itself carries: that proves the package is intact, not who made it. ' +
        'To prove origin, pass the instance key you obtained from the instance (--instance-key BASE64, or --checkpoint FILE).',
    );
  } else if (options.pinnedKey !== key) {
    result.failures.push(`manifest.sig: the package is signed by ${manifest.instance.keyId}, not by the pinned instance key ${keyIdOf(options.pinnedKey)}`);
  } else if (signature !== '' && verifyMessage(options.pinnedKey, manifestBytes, signature)) {
    result.passed.push(`origin: signed by the pinned instance key ${keyIdOf(options.pinnedKey)}`);
  }
}

function checkFiles(manifest: PackageManifest, seen: Map<string, SeenEntry>, result: VerifyResult): void {
  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) result.failures.push(`manifest.json: lists ${file.path} twice`);
    listed.add(file.path);
    const entry = seen.get(file.path);
    if (entry === undefined) result.failures.push(`${file.path}: missing (listed in the manifest, not in the package)`);
    else if (entry.size !== file.size) result.failures.push(`${file.path}: ${entry.size} bytes, the manifest says ${file.size}`);
    else if (entry.sha256 !== file.sha256) result.failures.push(`${file.path}: SHA-256 does not match the manifest`);
    else result.passed.push(`${file.path}: SHA-256 and size match (${file.size} bytes)`);
  }
  for (const path of seen.keys()) {
    if (path !== MANIFEST_PATH && path !== SIGNATURE_PATH && !listed.has(path)) result.failures.push(`${path}: extra file, not in the manifest`);
  }
}

/** Why a signed record does not verify, in words (server/crypto/signed-record.ts's reasons). */
const RECORD_FAILURES: Record<VerifyFailure, string> = {
  malformed_payload: 'its payload is not a canonical signed decision',
  wrong_key: 'it names another key than the one given',
  bad_signature: 'its signature does not verify',
  content_mismatch: 'its content does not match',
};

function checkRecords(manifest: PackageManifest, seen: Map<string, SeenEntry>, result: VerifyResult): void {
  for (const listed of manifest.signedRecords) {
    const bytes = seen.get(listed.path)?.bytes;
    if (bytes === undefined || bytes === null) {
      result.failures.push(`${listed.path}: signed record ${listed.id} is missing`);
      continue;
    }
    let record: { payload?: unknown; signature?: unknown; publicKey?: unknown };
    try {
      record = JSON.parse(bytes.toString('utf8')) as typeof record;
    } catch {
      result.failures.push(`${listed.path}: not JSON`);
      continue;
    }
    const { payload, signature, publicKey } = record;
    if (typeof payload !== 'string' || signature !== listed.signature || publicKey !== listed.publicKey) {
      result.failures.push(`${listed.path}: does not match the manifest's signature and key for record ${listed.id}`);
      continue;
    }
    // The signed-decision format's own check: canonical payload, the key it names, the signature.
    const checked = verifySignedRecord({ payload, signature: listed.signature }, listed.publicKey);
    if (keyIdOf(listed.publicKey) !== listed.keyId) {
      result.failures.push(`${listed.path}: signed record ${listed.id} lists a key id that is not its key's`);
    } else if (!checked.ok) {
      result.failures.push(`${listed.path}: signed record ${listed.id} (${listed.kind}) fails: ${RECORD_FAILURES[checked.reason]}`);
    } else if (checked.payload.reportId !== manifest.reportId) {
      result.failures.push(`${listed.path}: signed record ${listed.id} belongs to report ${checked.payload.reportId}, not ${manifest.reportId}`);
    } else {
      result.passed.push(`${listed.path}: ${listed.kind} signed by key ${listed.keyId} verifies`);
    }
  }
  if (manifest.signedRecords.length === 0) result.notes.push('The package holds no signed records.');
}

function checkCheckpoint(manifest: PackageManifest, result: VerifyResult): void {
  const checkpoint = manifest.checkpoint;
  if (checkpoint === null) {
    result.notes.push('The package carries no audit checkpoint.');
    return;
  }
  if (verifyMessage(manifest.instance.publicKey, checkpoint.text, checkpoint.signature)) result.passed.push('checkpoint: signed by the instance key');
  else result.failures.push('checkpoint: its signature does not verify under the instance key');
}

/** Verify a package given as a plain tar stream. */
export async function verifyPackageTar(tar: Readable, options: VerifyOptions = {}): Promise<VerifyResult> {
  const result: VerifyResult = { ok: false, passed: [], failures: [], notes: [] };
  let seen: Map<string, SeenEntry>;
  try {
    seen = await readEntries(tar, result.failures);
  } catch (error) {
    result.failures.push(`not a readable package: ${error instanceof Error ? error.message : 'unreadable'}`);
    return result;
  }
  const manifestBytes = seen.get(MANIFEST_PATH)?.bytes ?? null;
  let manifest: PackageManifest | null = null;
  if (manifestBytes === null) result.failures.push('manifest.json: missing');
  else {
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
      if (parsed.success) manifest = parsed.data;
      else result.failures.push(`manifest.json: not a referral package manifest (${parsed.error.issues[0]?.path.join('.') ?? 'shape'})`);
    } catch {
      result.failures.push('manifest.json: not JSON');
    }
  }
  if (manifest !== null) {
    checkSignature(manifest, seen, options, result);
    checkFiles(manifest, seen, result);
    checkRecords(manifest, seen, result);
    checkCheckpoint(manifest, result);
  }
  result.ok = result.failures.length === 0;
  return result;
}

/** Verify a package file: the decrypted tar, or the age file with the authority's identities. */
export async function verifyPackageFile(file: string, identities: readonly string[], options: VerifyOptions = {}): Promise<VerifyResult> {
  const handle = await open(file, 'r');
  const start = Buffer.alloc(AGE_MAGIC.length);
  try {
    await handle.read(start, 0, start.length, 0);
  } finally {
    await handle.close();
  }
  const encrypted = start.equals(AGE_MAGIC);
  if (encrypted && identities.length === 0) throw new Error('this is an age file: pass the authority\'s key with --identity KEYFILE');
  const source = createReadStream(file);
  return verifyPackageTar(encrypted ? decryptStream(identities, source) : source, options);
}
