/**
 * Staff consoles as witnesses (Certificate Transparency's gossip, at the
 * scale of one instance): a console remembers the latest signed checkpoint
 * it saw and, at each sign-in, asks whether the trail still holds it. A
 * rewrite of anything it covered (a fork) or a shorter trail (a cut) is
 * answered as such and written to the trail itself.
 *
 * The server compares the remembered head with the stored hash at that size;
 * a stored chain that was edited without recomputing it breaks at that
 * entry, which `tipline audit verify` and the audit page report.
 */
import type { ConsistencyResponse, SignedCheckpoint, WitnessResult } from '../../contract/audit-checkpoint';
import { checkpointSignatureValid } from '../crypto/checkpoint-signature';
import type { SigningKeyPair } from '../crypto/signing';
import { appendAudit } from '../data/audit';
import { auditHead, latestCheckpoint, storedHashAt } from '../data/audit-checkpoints';
import type { Db } from '../data/database';
import { toSecond } from '../time';
import { CheckpointRefused, type Checkpointer } from './audit-checkpoints';

/** What the trail says of a remembered checkpoint. */
export function witnessResult(db: Db, publicKey: string, remembered: SignedCheckpoint | null): WitnessResult {
  if (remembered === null) return 'first_sight';
  if (!checkpointSignatureValid(remembered, publicKey)) return 'bad_signature';
  const entries = auditHead(db)?.entries ?? 0;
  if (remembered.entries > entries) return 'cut';
  return storedHashAt(db, remembered.entries) === remembered.head ? 'consistent' : 'fork';
}

/**
 * Check a console's remembered checkpoint, audit a mismatch, and hand back
 * the current signed checkpoint (signed now if entries are uncovered; the
 * last one there is if the checkpointer refuses, as it does over a damaged
 * trail; null if there is none) with the instance's public key.
 */
export function checkWitness(
  deps: {
    db: Db;
    signingKey: SigningKeyPair;
    checkpointer: Checkpointer;
    now: Date;
  },
  staffId: number,
  remembered: SignedCheckpoint | null,
): ConsistencyResponse {
  const { db, signingKey } = deps;
  const result = witnessResult(db, signingKey.publicKeyBase64, remembered);
  if (remembered !== null && result !== 'consistent') {
    appendAudit(db, {
      at: toSecond(deps.now),
      actorStaffId: staffId,
      action: 'audit.witness_mismatch',
      detail: {
        problem: result,
        sequence: remembered.sequence,
        entries: remembered.entries,
      },
    });
  }
  let current: SignedCheckpoint | null;
  try {
    current = deps.checkpointer.checkpointNow();
  } catch (error) {
    if (!(error instanceof CheckpointRefused)) throw error;
    current = latestCheckpoint(db);
  }
  return { current, publicKey: signingKey.publicKeyBase64, result };
}
