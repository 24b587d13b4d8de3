/**
 * Writing a referral package: a plain tar (case.html, evidence/…,
 * records/…, manifest.json, manifest.sig) encrypted as it is produced into
 * one age file to the authority's recipient alone, and hashed on its way to
 * disk. Memory stays bounded whatever the evidence weighs: each evidence
 * file is decrypted, hashed and re-encrypted chunk by chunk, and the
 * manifest (which needs every hash) comes last in the tar.
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ageEncryptor } from '../crypto/age-stream';
import { keyIdOf, type SigningKeyPair } from '../crypto/signing';
import { MANIFEST_PATH, manifestBytes, manifestSignature, SIGNATURE_PATH, type ManifestFile, type PackageManifest } from './manifest';
import type { SignedRecordForPackage } from './sources';
import { TAR_END, tarHeader, tarPadding } from './tar-writer';

export interface EvidenceEntry {
  path: string;
  originalName: string;
  /** The size and SHA-256 recorded when the file was received: the stream must match both. */
  size: number;
  sha256: string;
  /** The decrypted file, opened only when its turn comes. */
  open: () => Readable;
}

export interface PackageInput {
  /** Everything in the manifest but what the builder measures. */
  manifest: Omit<PackageManifest, 'files' | 'signedRecords' | 'instance'>;
  caseHtml: string;
  evidence: readonly EvidenceEntry[];
  signedRecords: readonly SignedRecordForPackage[];
  signingKey: SigningKeyPair;
  /** The authority's age recipient: the package is encrypted to it alone. */
  recipient: string;
}

export interface BuiltPackage {
  /** Hex SHA-256 of the age file, as the audit trail records it. */
  sha256: string;
  size: number;
  manifest: PackageManifest;
}

/** Counts and hashes what passes through. */
class Measure extends Transform {
  readonly hash: Hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The path of a signed record in the package. */
export function recordPath(record: Pick<SignedRecordForPackage, 'id'>): string {
  return `records/${record.id}.json`;
}

/** records/<id>.json: the signed record with what is needed to check it. */
function recordFile(record: SignedRecordForPackage): Buffer {
  return Buffer.from(`${JSON.stringify({ ...record, keyId: keyIdOf(record.publicKey) }, null, 2)}\n`, 'utf8');
}

async function* tarStream(input: PackageInput, done: (manifest: PackageManifest) => void): AsyncGenerator<Buffer> {
  const mtime = new Date(input.manifest.createdAt);
  const files: ManifestFile[] = [];
  function* small(path: string, bytes: Buffer): Generator<Buffer> {
    files.push({ path, sha256: sha256(bytes), size: bytes.length });
    yield tarHeader(path, bytes.length, mtime);
    yield bytes;
    yield tarPadding(bytes.length);
  }
  yield* small('case.html', Buffer.from(input.caseHtml, 'utf8'));
  for (const entry of input.evidence) {
    yield tarHeader(entry.path, entry.size, mtime);
    const measure = createHash('sha256');
    let bytes = 0;
    for await (const chunk of entry.open()) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      // A tar entry cannot grow past its header's size; stop before writing a corrupt archive.
      if (bytes > entry.size) throw new Error('an evidence file is larger than recorded');
      measure.update(buffer);
      yield buffer;
    }
    const digest = measure.digest('hex');
    if (bytes !== entry.size || digest !== entry.sha256) throw new Error('an evidence file does not match its recorded size and hash');
    files.push({ path: entry.path, sha256: digest, size: bytes, originalName: entry.originalName });
    yield tarPadding(bytes);
  }
  for (const record of input.signedRecords) yield* small(recordPath(record), recordFile(record));
  const manifest: PackageManifest = {
    ...input.manifest,
    files,
    signedRecords: input.signedRecords.map((record) => ({
      path: recordPath(record),
      id: record.id,
      kind: record.kind,
      keyId: keyIdOf(record.publicKey),
      publicKey: record.publicKey,
      signature: record.signature,
    })),
    instance: { publicKey: input.signingKey.publicKeyBase64, keyId: input.signingKey.keyId },
  };
  const bytes = manifestBytes(manifest);
  // manifest.json and manifest.sig are not listed in the manifest: the signature covers the one and is the other.
  yield tarHeader(MANIFEST_PATH, bytes.length, mtime);
  yield bytes;
  yield tarPadding(bytes.length);
  const signature = manifestSignature(input.signingKey, bytes);
  yield tarHeader(SIGNATURE_PATH, signature.length, mtime);
  yield signature;
  yield tarPadding(signature.length);
  yield TAR_END;
  done(manifest);
}

/** Write the package to `target` (a new file); returns its hash, size and manifest. */
export async function writePackage(input: PackageInput, target: string): Promise<BuiltPackage> {
  let manifest: PackageManifest | null = null;
  const measure = new Measure();
  await pipeline(
    Readable.from(tarStream(input, (made) => (manifest = made))),
    ageEncryptor([input.recipient]),
    measure,
    createWriteStream(target, { flags: 'wx' }),
  );
  if (manifest === null) throw new Error('the package ended before its manifest');
  return { sha256: measure.hash.digest('hex'), size: measure.bytes, manifest };
}
