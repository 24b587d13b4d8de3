/**
 * Signing the audit trail's head: a checkpoint at least every
 * AUDIT_CHECKPOINT_ENTRIES entries (decided from the id appendAudit reports,
 * so the hot path gains no query; signed right after, outside the caller's
 * transaction) and every AUDIT_CHECKPOINT_MINUTES while entries are
 * uncovered (the server's timer calls tick()). The latest is also written to
 * DATA_DIR/audit-checkpoint.txt, so deleting checkpoints from the database
 * alone is caught.
 *
 * A checkpoint is signed only over a trail that still extends the last one
 * (in the database and in the file): otherwise signing would bless a
 * rewrite. The checkpointer then refuses and says why, and
 * `tipline audit verify` names the damage.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { checkpointFile, NO_PREVIOUS_CHECKPOINT, parseCheckpointFile, type SignedCheckpoint } from '../../contract/audit-checkpoint';
import { checkpointHash, checkpointSignatureValid, signCheckpoint } from '../crypto/checkpoint-signature';
import type { SigningKeyPair } from '../crypto/signing';
import { onAuditAppended } from '../data/audit';
import { auditHead, insertCheckpoint, latestCheckpoint, storedHashAt } from '../data/audit-checkpoints';
import type { Db } from '../data/database';
import { toSecond } from '../time';

/** The latest checkpoint, beside the signing key in DATA_DIR. */
export const CHECKPOINT_FILE = 'audit-checkpoint.txt';

export type RefusalCode = 'cut' | 'fork' | 'bad_signature' | 'missing_file' | 'bad_file' | 'missing_checkpoints';

/** The trail no longer extends the last checkpoint: no new one is signed over it. */
export class CheckpointRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(`no checkpoint signed: ${message}; run \`tipline audit verify\``);
    this.name = 'CheckpointRefused';
  }
}

export interface CheckpointerOptions {
  db: Db;
  signingKey: SigningKeyPair;
  /** DATA_DIR, where the latest checkpoint is also kept; null keeps it in the database only. */
  dataDir: string | null;
  everyEntries: number;
  everyMinutes: number;
  now: () => Date;
  /** Told when a due checkpoint was refused (once per kind of refusal in a row). */
  onRefused?: (error: CheckpointRefused) => void;
}

/** Read the checkpoint file of a data directory: null when there is none. */
export function readCheckpointFile(dataDir: string): ReturnType<typeof parseCheckpointFile> | null {
  const file = path.join(dataDir, CHECKPOINT_FILE);
  if (!existsSync(file)) return null;
  return parseCheckpointFile(readFileSync(file, 'utf8'));
}

/** Replace the checkpoint file atomically (written, synced, renamed; mode 0600). */
export function writeCheckpointFile(dataDir: string, checkpoint: SignedCheckpoint, publicKeyBase64: string): void {
  const target = path.join(dataDir, CHECKPOINT_FILE);
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, checkpointFile(checkpoint, publicKeyBase64));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, target);
}

export class Checkpointer {
  /** Entries the latest checkpoint this process knows of covers; read once, then kept. */
  private covered: number | null = null;
  private scheduled = false;
  private lastRefusal: RefusalCode | null = null;

  constructor(private readonly options: CheckpointerOptions) {}

  /** Sign right after every `everyEntries` entries appended through this handle. */
  watchAppends(): void {
    onAuditAppended(this.options.db, (entries) => this.appended(entries));
  }

  private appended(entries: number): void {
    const { db, everyEntries } = this.options;
    this.covered ??= latestCheckpoint(db)?.entries ?? 0;
    if (this.scheduled || entries - this.covered < everyEntries) return;
    this.scheduled = true;
    // Not here: the append may sit inside a transaction that is yet to commit or roll back.
    setImmediate(() => {
      this.scheduled = false;
      if (db.open) this.signQuietly();
    });
  }

  /** The timer's rule: sign when entries are uncovered and the latest checkpoint is `everyMinutes` old (or there is none). */
  tick(): void {
    const { db, everyMinutes, now } = this.options;
    const latest = latestCheckpoint(db);
    const head = auditHead(db);
    if (head === null || (latest !== null && latest.entries === head.entries)) return;
    if (latest !== null && now().getTime() - Date.parse(latest.time) < everyMinutes * 60_000) return;
    this.signQuietly();
  }

  private signQuietly(): void {
    try {
      this.checkpointNow();
      this.lastRefusal = null;
    } catch (error) {
      if (!(error instanceof CheckpointRefused)) throw error;
      if (error.code !== this.lastRefusal) this.options.onRefused?.(error);
      this.lastRefusal = error.code;
    }
  }

  /**
   * The latest checkpoint, signing one first if entries are uncovered; null
   * for an empty trail. Throws CheckpointRefused when the trail no longer
   * extends the last checkpoint.
   */
  checkpointNow(): SignedCheckpoint | null {
    const { db, signingKey, dataDir, now } = this.options;
    const signed = db
      .transaction((): { checkpoint: SignedCheckpoint; fresh: boolean } | null => {
        const head = auditHead(db);
        if (head === null) return null;
        const latest = latestCheckpoint(db);
        if (latest !== null && latest.entries === head.entries && latest.head === head.head) return { checkpoint: latest, fresh: false };
        this.mustExtend(latest, head.entries);
        const checkpoint = signCheckpoint(
          {
            sequence: (latest?.sequence ?? 0) + 1,
            entries: head.entries,
            head: head.head,
            time: toSecond(now()),
            previous: latest === null ? NO_PREVIOUS_CHECKPOINT : checkpointHash(latest),
            keyId: signingKey.keyId,
          },
          signingKey,
        );
        insertCheckpoint(db, checkpoint);
        return { checkpoint, fresh: true };
      })
      .immediate();
    if (signed === null) return null;
    this.covered = signed.checkpoint.entries;
    // After the commit: a file ahead of the database would accuse an honest crash.
    if (signed.fresh && dataDir !== null) writeCheckpointFile(dataDir, signed.checkpoint, signingKey.publicKeyBase64);
    return signed.checkpoint;
  }

  /** Refuse unless the trail of `entries` entries still holds the latest checkpoint of the database and of the file. */
  private mustExtend(latest: SignedCheckpoint | null, entries: number): void {
    const { db, signingKey, dataDir } = this.options;
    const contained = (checkpoint: SignedCheckpoint, where: string): void => {
      if (!checkpointSignatureValid(checkpoint, signingKey.publicKeyBase64)) {
        throw new CheckpointRefused('bad_signature', `${where} is not signed by this instance's key`);
      }
      if (checkpoint.entries > entries) {
        throw new CheckpointRefused('cut', `${where} covers ${checkpoint.entries} entries but the trail has ${entries}`);
      }
      if (storedHashAt(db, checkpoint.entries) !== checkpoint.head) {
        throw new CheckpointRefused('fork', `entry ${checkpoint.entries} no longer has the hash ${where} signed`);
      }
    };
    if (latest !== null) contained(latest, `checkpoint ${latest.sequence}`);
    if (dataDir === null) return;
    const file = readCheckpointFile(dataDir);
    if (file === null) {
      if (latest !== null) throw new CheckpointRefused('missing_file', `${CHECKPOINT_FILE} is missing from the data directory`);
      return;
    }
    if (!file.ok) throw new CheckpointRefused('bad_file', `${CHECKPOINT_FILE} is unreadable (${file.problem})`);
    if (file.checkpoint.sequence > (latest?.sequence ?? 0)) {
      throw new CheckpointRefused('missing_checkpoints', `the database lacks checkpoint ${file.checkpoint.sequence}, which ${CHECKPOINT_FILE} holds`);
    }
    contained(file.checkpoint, `the checkpoint in ${CHECKPOINT_FILE}`);
  }
}

/**
 * Sign a checkpoint over the trail as it is now, so that an export made next
 * ends on a signed head. A trail that no longer extends its last checkpoint
 * is not signed over (the checkpointer logs that refusal on its own timer);
 * the export then carries the last good checkpoint and the receiver's check
 * shows the mismatch.
 */
export function signCheckpointIfPossible(checkpointer: Checkpointer): void {
  try {
    checkpointer.checkpointNow();
  } catch (error) {
    if (!(error instanceof CheckpointRefused)) throw error;
  }
}
