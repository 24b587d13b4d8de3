/**
 * The manifest of a referral package (manifest.json) and its signature
 * (manifest.sig): what the package holds, file by file with SHA-256 and
 * size, the signed records' signatures, the audit trail's latest checkpoint
 * and the instance's public key. manifest.sig is the base64 Ed25519
 * signature of the exact bytes of manifest.json by the instance signing
 * key, followed by a newline. Shared by the server (writes it) and
 * `tipline verify-package` (reads it, offline): nothing here touches a
 * database or a data directory.
 */
import { z } from 'zod';
import { LANGS } from '../../contract/languages';
import { signMessage, type SigningKeyPair } from '../crypto/signing';

export const PACKAGE_FORMAT = 'tipline-referral-package';
export const PACKAGE_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const base64Signature = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);

const fileSchema = z.object({
  path: z.string().min(1).max(100),
  sha256: hex64,
  size: z.number().int().min(0),
  /** For evidence: the file's name as the reporter sent it. */
  originalName: z.string().optional(),
});

const signedRecordSchema = z.object({
  path: z.string(),
  id: z.number().int(),
  kind: z.string(),
  keyId: z.string(),
  publicKey: base64Key,
  signature: base64Signature,
});

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  reportId: z.number().int().positive(),
  authority: z.object({ id: z.number().int(), name: z.string(), jurisdiction: z.string(), recipient: z.string() }),
  language: z.enum(LANGS),
  createdAt: z.string(),
  createdBy: z.object({ staffId: z.number().int(), username: z.string() }),
  contactIncluded: z.boolean(),
  files: z.array(fileSchema),
  signedRecords: z.array(signedRecordSchema),
  checkpoint: z.object({ text: z.string(), signature: base64Signature }).nullable(),
  instance: z.object({ publicKey: base64Key, keyId: z.string().regex(/^[0-9a-f]{16}$/) }),
});
export type PackageManifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof fileSchema>;

/** The bytes of manifest.json: indented so that a person can read it, the exact bytes signed. */
export function manifestBytes(manifest: PackageManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

/** The content of manifest.sig for these manifest bytes. */
export function manifestSignature(signingKey: SigningKeyPair, bytes: Uint8Array): Buffer {
  return Buffer.from(`${signMessage(signingKey, bytes)}\n`, 'ascii');
}
