/**
 * The attacks of issue 15, made with write access to tipline.db but not to
 * instance-signing.key, and what catches each: the signed checkpoints in
 * the database, and the latest one kept in DATA_DIR/audit-checkpoint.txt.
 */
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditAction } from '../../contract/vocabulary';
import { loadConfig } from '../config';
import { checkpointHash, signCheckpoint } from '../crypto/checkpoint-signature';
import { generateSigningKey, type SigningKeyPair } from '../crypto/signing';
import { appendAudit, verifyAuditChain } from '../data/audit';
import { listCheckpoints } from '../data/audit-checkpoints';
import type { Db } from '../data/database';
import { openDataDir } from '../instance-setup';
import { cutTail, deleteCheckpointsBeyond, deleteEntryAndRenumber, insertCheckpointRow, rewriteEntry } from '../../tests/support/audit-attacks';
import { CheckpointRefused, Checkpointer, CHECKPOINT_FILE } from './audit-checkpoints';
import { verifyAuditTrail } from './audit-verify';

let dataDir: string;
let db: Db;
let signingKey: SigningKeyPair;
let clock: Date;
let checkpointer: Checkpointer;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-checkpoints-'));
  ({ db, signingKey } = openDataDir(loadConfig({ DATA_DIR: dataDir })));
  clock = new Date('2026-11-28T06:00:00Z');
  checkpointer = new Checkpointer({
    db,
    signingKey,
    dataDir,
    everyEntries: 1000,
    everyMinutes: 10,
    now: () => clock,
  });
});
afterEach(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const append = (action: AuditAction): void =>
  appendAudit(db, {
    at: '2026-11-28T06:10:00Z',
    actorStaffId: null,
    action,
    reportId: 7,
  });
const verify = (): ReturnType<typeof verifyAuditTrail> => verifyAuditTrail(db, { publicKey: signingKey.publicKeyBase64, dataDir });

/** Twelve entries, the contact reveal third; checkpoints at 5 and at 12 entries. */
function busyTrail(): void {
  const actions: AuditAction[] = ['login.succeeded', 'report.viewed', 'report.contact_revealed', 'report.viewed', 'report.note_added'];
  for (const action of actions) append(action);
  checkpointer.checkpointNow();
  for (let i = 0; i < 7; i += 1) append('report.viewed');
  checkpointer.checkpointNow();
}

describe('a clean instance', () => {
  it('verifies: the chain, both checkpoints, and the file holding the latest', () => {
    busyTrail();
    const result = verify();
    expect(result.problems).toEqual([]);
    expect(result.chain).toEqual({ ok: true, entries: 12 });
    expect(result.checkpoints).toBe(2);
    expect(result.latest).toMatchObject({ sequence: 2, entries: 12 });
  });

  it('signs nothing new while every entry is covered', () => {
    busyTrail();
    expect(checkpointer.checkpointNow()?.sequence).toBe(2);
    expect(listCheckpoints(db)).toHaveLength(2);
  });
});

describe('(a) a contact reveal rewritten as a view, every later hash recomputed', () => {
  it('passes the plain hash chain but fails both checkpoints that covered it', () => {
    busyTrail();
    rewriteEntry(dataDir, 3, 'report.viewed');
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 12 });
    const { problems } = verify();
    expect(problems.some((problem) => problem.startsWith('checkpoint 1 signed') && problem.includes('at 5 entries'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('checkpoint 2 signed') && problem.includes('at 12 entries'))).toBe(true);
  });

  it('is still caught when the checkpoints after the change are deleted: the file holds the latest', () => {
    busyTrail();
    rewriteEntry(dataDir, 3, 'report.viewed');
    deleteCheckpointsBeyond(dataDir, 2);
    const { problems } = verify();
    expect(problems).toContain(`the checkpoint in ${CHECKPOINT_FILE} is checkpoint 2, but the database holds only 0: checkpoints were deleted`);
    expect(problems.some((problem) => problem.startsWith(`the checkpoint in ${CHECKPOINT_FILE} (checkpoint 2) signed`))).toBe(true);
  });

  it('is not blessed by a new checkpoint: the checkpointer refuses to sign over it', () => {
    busyTrail();
    rewriteEntry(dataDir, 3, 'report.viewed');
    deleteCheckpointsBeyond(dataDir, 2);
    append('report.viewed');
    expect(() => checkpointer.checkpointNow()).toThrow(CheckpointRefused);
    expect(listCheckpoints(db)).toHaveLength(0);
  });
});

describe('(b) an entry deleted and the rest renumbered, hashes recomputed', () => {
  it('is caught: the head at 5 entries changed, and the trail is shorter than checkpoint 2', () => {
    busyTrail();
    deleteEntryAndRenumber(dataDir, 3);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 11 });
    const { problems } = verify();
    expect(problems.some((problem) => problem.startsWith('checkpoint 1 signed'))).toBe(true);
    expect(problems).toContain('checkpoint 2 covers 12 entries but the trail has only 11: entries were cut off the end');
  });
});

describe('(c) the tail cut off', () => {
  it('is caught by the checkpoint that covered it', () => {
    busyTrail();
    cutTail(dataDir, 8);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 8 });
    expect(verify().problems).toContain('checkpoint 2 covers 12 entries but the trail has only 8: entries were cut off the end');
  });

  it('is caught when the checkpoints that covered it are deleted too: the file still names 12 entries', () => {
    busyTrail();
    cutTail(dataDir, 8);
    deleteCheckpointsBeyond(dataDir, 8);
    const { problems } = verify();
    expect(problems).toContain(`the checkpoint in ${CHECKPOINT_FILE} is checkpoint 2, but the database holds only 1: checkpoints were deleted`);
    expect(problems).toContain(`the checkpoint in ${CHECKPOINT_FILE} (checkpoint 2) covers 12 entries but the trail has only 8: entries were cut off the end`);
  });

  it('is caught when the file is deleted as well: a database with checkpoints needs its file', () => {
    busyTrail();
    cutTail(dataDir, 8);
    deleteCheckpointsBeyond(dataDir, 8);
    unlinkSync(path.join(dataDir, CHECKPOINT_FILE));
    expect(verify().problems).toContain(`${CHECKPOINT_FILE} is missing from the data directory, though the database holds 1 checkpoint(s)`);
  });
});

describe('a forged checkpoint', () => {
  it('signed by another key over a rewritten trail is refused, naming the key', () => {
    busyTrail();
    rewriteEntry(dataDir, 3, 'report.viewed');
    const intruder = generateSigningKey();
    const [, second] = listCheckpoints(db);
    if (second === undefined) throw new Error('expected two checkpoints');
    const rewrittenHead = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log WHERE id = 12').get()?.hash ?? '';
    const forged = signCheckpoint(
      {
        sequence: 3,
        entries: 12,
        head: rewrittenHead,
        time: '2026-11-28T07:00:00Z',
        previous: checkpointHash(second),
        keyId: intruder.keyId,
      },
      intruder,
    );
    insertCheckpointRow(dataDir, forged);
    const { problems } = verify();
    expect(problems).toContain(
      `checkpoint 3: the signature does not verify under the instance signing key (it names key ${intruder.keyId}, not this instance's ${signingKey.keyId})`,
    );
  });

  it('that names the instance key but was signed by another fails too', () => {
    busyTrail();
    const intruder = generateSigningKey();
    const [, second] = listCheckpoints(db);
    if (second === undefined) throw new Error('expected two checkpoints');
    const fields = {
      sequence: 3,
      entries: 12,
      head: second.head,
      time: '2026-11-28T07:00:00Z',
      previous: checkpointHash(second),
      keyId: signingKey.keyId,
    };
    const { signature } = signCheckpoint({ ...fields, keyId: intruder.keyId }, intruder);
    insertCheckpointRow(dataDir, { ...fields, signature });
    expect(verify().problems).toContain('checkpoint 3: the signature does not verify under the instance signing key');
  });
});

describe('when checkpoints are signed', () => {
  it('right after every AUDIT_CHECKPOINT_ENTRIES appends, outside the appending transaction', async () => {
    const eager = new Checkpointer({
      db,
      signingKey,
      dataDir,
      everyEntries: 3,
      everyMinutes: 10,
      now: () => clock,
    });
    eager.watchAppends();
    append('report.viewed');
    append('report.viewed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(listCheckpoints(db)).toHaveLength(0);
    append('report.viewed');
    expect(listCheckpoints(db)).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(listCheckpoints(db).map((checkpoint) => checkpoint.entries)).toEqual([3]);
    expect(verify().problems).toEqual([]);
  });

  it('every AUDIT_CHECKPOINT_MINUTES while entries are uncovered, and not while none are', () => {
    append('report.viewed');
    checkpointer.tick();
    expect(listCheckpoints(db)).toHaveLength(1);
    append('report.viewed');
    clock = new Date(clock.getTime() + 9 * 60_000);
    checkpointer.tick();
    expect(listCheckpoints(db)).toHaveLength(1);
    clock = new Date(clock.getTime() + 60_000);
    checkpointer.tick();
    expect(listCheckpoints(db).map((checkpoint) => checkpoint.entries)).toEqual([1, 2]);
    clock = new Date(clock.getTime() + 60 * 60_000);
    checkpointer.tick();
    expect(listCheckpoints(db)).toHaveLength(2);
  });
});
