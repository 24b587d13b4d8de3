/**
 * `tipline audit verify [--against FILE]` and `tipline audit checkpoint
 * --out FILE`: the audit trail checked against its signed checkpoints, and a
 * signed head written out for keeping off-site (an auditor prints or files
 * it; a later `verify --against` shows the trail still contains it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkpointFile, parseCheckpointFile, type SignedCheckpoint } from '../../contract/audit-checkpoint';
import { checkpointSignatureValid } from '../crypto/checkpoint-signature';
import { keyIdOf } from '../crypto/signing';
import { CheckpointRefused, Checkpointer, CHECKPOINT_FILE } from '../services/audit-checkpoints';
import { verifyAuditTrail } from '../services/audit-verify';
import type { CommandContext } from './commands';
import { signedDecisionsLine } from './signed-decisions';
import { CliError } from './stdin';

/** A checkpoint kept elsewhere, read and checked to be this instance's; CliError naming why not. */
function readKeptCheckpoint(ctx: CommandContext, file: string): SignedCheckpoint {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = parseCheckpointFile(text);
  if (!parsed.ok) throw new CliError(`${file} is not a Tipline audit checkpoint: ${parsed.problem}`);
  const instanceKey = ctx.signingKey.publicKeyBase64;
  if (parsed.publicKey !== instanceKey) {
    throw new CliError(
      `${file} names the public key ${keyIdOf(parsed.publicKey)}, not this instance's ${keyIdOf(instanceKey)}: it is another instance's checkpoint, or the signing key was replaced`,
    );
  }
  if (!checkpointSignatureValid(parsed.checkpoint, instanceKey))
    throw new CliError(`${file}: the signature does not verify under the instance signing key (the file was altered or forged)`);
  return parsed.checkpoint;
}

/** `audit verify`: the hash chain, every checkpoint and (with --against) a kept checkpoint; fails naming each problem. */
export function auditVerifyCommand(ctx: CommandContext, against?: string): string {
  const kept =
    against === undefined
      ? []
      : [
          {
            label: `the checkpoint in ${against}`,
            checkpoint: readKeptCheckpoint(ctx, against),
          },
        ];
  const result = verifyAuditTrail(ctx.db, {
    publicKey: ctx.signingKey.publicKeyBase64,
    dataDir: ctx.config.dataDir,
    also: kept,
  });
  const { chain, problems } = result;
  if (!chain.ok) {
    // The chain's own break first, in the words earlier versions used.
    const lead = `audit trail BROKEN at entry ${chain.brokenAtId} (entries 1-${chain.brokenAtId - 1} verify; that entry or one before it was altered, removed or reordered)`;
    throw new CliError(problems.length === 0 ? lead : `${lead}; ${problems.join('; ')}`);
  }
  if (problems.length > 0) throw new CliError(`audit trail FAILS verification: ${problems.join('; ')}`);
  const latest =
    result.latest === null ? 'no checkpoint yet' : `latest ${result.latest.sequence} at ${result.latest.entries} entries, also in ${CHECKPOINT_FILE}`;
  const lines = [`audit trail intact: ${chain.entries} entries verify; ${result.checkpoints} signed checkpoint(s) verify (${latest})`];
  for (const { checkpoint } of kept) {
    lines.push(`${against ?? ''}: checkpoint ${checkpoint.sequence} (${checkpoint.entries} entries, ${checkpoint.time}) is contained in the trail`);
  }
  // Staff signatures on decisions, checked under the keys the (now verified) trail registered.
  lines.push(signedDecisionsLine(ctx.db));
  return lines.join('\n');
}

/** The CLI's checkpointer: the same rules as the server's, over the command's database. */
export function cliCheckpointer(ctx: CommandContext): Checkpointer {
  return new Checkpointer({
    db: ctx.db,
    signingKey: ctx.signingKey,
    dataDir: ctx.config.dataDir,
    everyEntries: ctx.config.auditCheckpoints.entries,
    everyMinutes: ctx.config.auditCheckpoints.minutes,
    now: () => new Date(),
  });
}

/** `audit checkpoint --out FILE`: the latest signed head (signed now if the tail is uncovered) with the instance public key. */
export function auditCheckpointCommand(ctx: CommandContext, out: string): string {
  const checkpointer = cliCheckpointer(ctx);
  let checkpoint: SignedCheckpoint | null;
  try {
    checkpoint = checkpointer.checkpointNow();
  } catch (error) {
    if (error instanceof CheckpointRefused) throw new CliError(error.message);
    throw error;
  }
  if (checkpoint === null) throw new CliError('the audit trail is empty: nothing to sign');
  writeFileSync(out, checkpointFile(checkpoint, ctx.signingKey.publicKeyBase64), { mode: 0o644 });
  return `wrote checkpoint ${checkpoint.sequence} (${checkpoint.entries} entries, head ${checkpoint.head}, key ${checkpoint.keyId}) to ${out}`;
}
