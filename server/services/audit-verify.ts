/**
 * Verifying the audit trail against its signed checkpoints: every
 * checkpoint's signature under the instance key, the checkpoints' own
 * chain, and that the trail recomputed from its first entry has, at each
 * checkpoint's size, the head that checkpoint signed. The latest checkpoint
 * kept in DATA_DIR/audit-checkpoint.txt, and any checkpoint kept elsewhere
 * (`tipline audit verify --against FILE`), must be contained too.
 *
 * What this catches without the signing key: an entry rewritten with every
 * later hash recomputed, an entry deleted and the rest renumbered, a cut
 * tail, deleted checkpoints — as soon as a checkpoint covered the entries
 * touched. One pass over the trail; each problem is named.
 */
import type { AuditChain } from '../../contract/schemas/staff-oversight-views';
import { NO_PREVIOUS_CHECKPOINT, type SignedCheckpoint } from '../../contract/audit-checkpoint';
import { checkpointHash, checkpointSignatureValid } from '../crypto/checkpoint-signature';
import { keyIdOf } from '../crypto/signing';
import { entryHash, GENESIS_HASH, type AuditEntry } from '../data/audit';
import { listCheckpoints } from '../data/audit-checkpoints';
import type { Db } from '../data/database';
import { CHECKPOINT_FILE, readCheckpointFile } from './audit-checkpoints';

export interface TrailVerification {
  /** The hash chain alone, as before checkpoints (first broken entry). */
  chain: AuditChain;
  /** Checkpoints in the database. */
  checkpoints: number;
  latest: SignedCheckpoint | null;
  /** What fails about the checkpoints (beside the chain's own break), each in one sentence; empty when they verify. */
  problems: string[];
}

/** A checkpoint whose head must be found in the recomputed trail. */
interface Expectation {
  label: string;
  entries: number;
  head: string;
}

interface EntryRow extends AuditEntry {
  id: number;
  prevHash: string;
  hash: string;
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/** Signatures and the chain of checkpoints among themselves. */
function checkCheckpointChain(checkpoints: SignedCheckpoint[], publicKey: string, problems: string[]): void {
  const instanceKeyId = keyIdOf(publicKey);
  let previous: SignedCheckpoint | null = null;
  for (const [index, checkpoint] of checkpoints.entries()) {
    const name = `checkpoint ${checkpoint.sequence}`;
    if (!checkpointSignatureValid(checkpoint, publicKey)) {
      const signer = checkpoint.keyId === instanceKeyId ? '' : ` (it names key ${checkpoint.keyId}, not this instance's ${instanceKeyId})`;
      problems.push(`${name}: the signature does not verify under the instance signing key${signer}`);
    }
    if (checkpoint.sequence !== index + 1) problems.push(`${name}: expected checkpoint ${index + 1} here; checkpoints were removed`);
    const expectedPrevious = previous === null ? NO_PREVIOUS_CHECKPOINT : checkpointHash(previous);
    if (checkpoint.previous !== expectedPrevious) problems.push(`${name}: does not chain to the checkpoint before it`);
    if (previous !== null && checkpoint.entries < previous.entries) {
      problems.push(`${name}: covers ${checkpoint.entries} entries, fewer than checkpoint ${previous.sequence} (${previous.entries})`);
    }
    previous = checkpoint;
  }
}

/** The trail recomputed from its first entry in one pass: the chain's first break, and each expectation met or not. */
function walkTrail(db: Db, expectations: Expectation[], problems: string[]): AuditChain {
  const bySize = new Map<number, Expectation[]>();
  for (const expectation of expectations) bySize.set(expectation.entries, [...(bySize.get(expectation.entries) ?? []), expectation]);
  const rows = db
    .prepare<[], EntryRow>(
      `SELECT id, at, actor_staff_id AS actorStaffId, action, report_id AS reportId, channel_id AS channelId,
         detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY id`,
    )
    .iterate();
  let recomputed = GENESIS_HASH;
  let entries = 0;
  let broken: { brokenAtId: number; entries: number } | null = null;
  for (const row of rows) {
    entries += 1;
    // Recomputed from the contents alone: a stored hash is only a claim.
    const hash = entryHash(recomputed, row);
    if (broken === null && (row.id !== entries || row.prevHash !== recomputed || row.hash !== hash)) broken = { brokenAtId: row.id, entries };
    recomputed = hash;
    for (const expectation of bySize.get(entries) ?? []) {
      if (expectation.head !== hash) {
        problems.push(
          `${expectation.label} signed ${short(expectation.head)} as the head at ${entries} entries, but the trail now hashes to ${short(hash)} there: entries up to ${entries} were changed, removed or reordered`,
        );
      }
    }
  }
  for (const expectation of expectations) {
    if (expectation.entries > entries) {
      problems.push(`${expectation.label} covers ${expectation.entries} entries but the trail has only ${entries}: entries were cut off the end`);
    }
  }
  if (broken !== null) return { ok: false, ...broken };
  return { ok: true, entries };
}

/** The latest checkpoint kept in the data directory, against those in the database. */
function checkFileCheckpoint(dataDir: string, checkpoints: SignedCheckpoint[], publicKey: string, problems: string[]): Expectation[] {
  const file = readCheckpointFile(dataDir);
  const label = `the checkpoint in ${CHECKPOINT_FILE}`;
  if (file === null) {
    if (checkpoints.length > 0)
      problems.push(`${CHECKPOINT_FILE} is missing from the data directory, though the database holds ${checkpoints.length} checkpoint(s)`);
    return [];
  }
  if (!file.ok) {
    problems.push(`${CHECKPOINT_FILE} is unreadable: ${file.problem}`);
    return [];
  }
  const { checkpoint } = file;
  if (!checkpointSignatureValid(checkpoint, publicKey)) {
    problems.push(`${label}: the signature does not verify under the instance signing key`);
    return [];
  }
  const stored = checkpoints[checkpoint.sequence - 1];
  if (stored === undefined) {
    problems.push(`${label} is checkpoint ${checkpoint.sequence}, but the database holds only ${checkpoints.length}: checkpoints were deleted`);
  } else if (stored.signature !== checkpoint.signature || stored.sequence !== checkpoint.sequence) {
    problems.push(`${label} differs from checkpoint ${checkpoint.sequence} in the database`);
  }
  return [
    {
      label: `${label} (checkpoint ${checkpoint.sequence})`,
      entries: checkpoint.entries,
      head: checkpoint.head,
    },
  ];
}

/**
 * Verify the trail and its checkpoints under the instance public key;
 * `dataDir` adds the checkpoint file, `also` checkpoints kept elsewhere
 * (already checked to be signed by this instance).
 */
export function verifyAuditTrail(
  db: Db,
  options: {
    publicKey: string;
    dataDir: string | null;
    also?: { label: string; checkpoint: SignedCheckpoint }[];
  },
): TrailVerification {
  const problems: string[] = [];
  const checkpoints = listCheckpoints(db);
  checkCheckpointChain(checkpoints, options.publicKey, problems);
  const expectations: Expectation[] = checkpoints.map((checkpoint) => ({
    label: `checkpoint ${checkpoint.sequence}`,
    entries: checkpoint.entries,
    head: checkpoint.head,
  }));
  if (options.dataDir !== null) expectations.push(...checkFileCheckpoint(options.dataDir, checkpoints, options.publicKey, problems));
  for (const { label, checkpoint } of options.also ?? [])
    expectations.push({
      label,
      entries: checkpoint.entries,
      head: checkpoint.head,
    });
  const chain = walkTrail(db, expectations, problems);
  return {
    chain,
    checkpoints: checkpoints.length,
    latest: checkpoints.at(-1) ?? null,
    problems,
  };
}
