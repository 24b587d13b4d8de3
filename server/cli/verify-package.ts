/**
 * `tipline verify-package FILE [--identity KEYFILE] [--instance-key BASE64 | --checkpoint FILE]`:
 * an authority's check of a referral package, offline and without a Tipline
 * instance (no DATA_DIR is read). Prints what passed and names every
 * failure; the caller exits non-zero when anything failed.
 */
import { readFile } from 'node:fs/promises';
import { parseCheckpointFile } from '../../contract/audit-checkpoint';
import { checkpointSignatureValid } from '../crypto/checkpoint-signature';
import { publicKeyFromBase64 } from '../crypto/signing';
import { verifyPackageFile, type VerifyResult } from '../referral/verify';
import { CliError } from './stdin';

export interface VerifyPackageArgs {
  file: string;
  identity?: string | undefined;
  instanceKey?: string | undefined;
  checkpoint?: string | undefined;
}

/** The age identities in a key file as age-keygen writes it (comments and blank lines skipped). */
async function identitiesIn(keyFile: string): Promise<string[]> {
  const text = await readFile(keyFile, 'utf8').catch(() => {
    throw new CliError(`cannot read the identity file ${keyFile}`);
  });
  const identities = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('AGE-SECRET-KEY-'));
  if (identities.length === 0) throw new CliError(`${keyFile} holds no age identity (AGE-SECRET-KEY-…)`);
  return identities;
}

/** The instance key to pin: given outright, or the key of a checkpoint file the instance issued (`tipline audit checkpoint --out`), checked. */
async function pinnedKey(args: VerifyPackageArgs): Promise<string | undefined> {
  if (args.instanceKey !== undefined && args.checkpoint !== undefined) throw new CliError('give --instance-key or --checkpoint, not both');
  let key = args.instanceKey;
  if (args.checkpoint !== undefined) {
    const text = await readFile(args.checkpoint, 'utf8').catch(() => {
      throw new CliError(`cannot read the checkpoint file ${args.checkpoint}`);
    });
    const parsed = parseCheckpointFile(text);
    if (!parsed.ok) throw new CliError(`${args.checkpoint} is not a checkpoint file: ${parsed.problem}`);
    // The file must be what the instance signed, under the key it names: a pin from a file that does not check is no pin.
    if (!checkpointSignatureValid(parsed.checkpoint, parsed.publicKey)) throw new CliError(`${args.checkpoint}: its signature does not verify`);
    key = parsed.publicKey;
  }
  if (key !== undefined && publicKeyFromBase64(key) === null) throw new CliError('the instance key must be a raw 32-byte Ed25519 public key in base64');
  return key;
}

/** The report a person reads. */
export function formatResult(file: string, result: VerifyResult): string {
  return [
    `Referral package ${file}`,
    ...result.passed.map((line) => `  ok    ${line}`),
    ...result.failures.map((line) => `  FAIL  ${line}`),
    ...result.notes.map((line) => `  note  ${line}`),
    result.ok ? 'VERIFIED: every check passed.' : `NOT VERIFIED: ${result.failures.length} problem(s) found.`,
  ].join('\n');
}

/** Run the check; returns the report and whether everything passed. */
export async function verifyPackageCommand(args: VerifyPackageArgs): Promise<{ output: string; ok: boolean }> {
  const identities = args.identity === undefined ? [] : await identitiesIn(args.identity);
  const pinned = await pinnedKey(args);
  let result: VerifyResult;
  try {
    result = await verifyPackageFile(args.file, identities, { pinnedKey: pinned });
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    throw new CliError(missing ? `no such file: ${args.file}` : error instanceof Error ? error.message : 'cannot read the package');
  }
  return { output: formatResult(args.file, result), ok: result.ok };
}
