/**
 * `tipline audit checkpoint --out FILE` and `tipline audit verify
 * [--against FILE]` on a real data directory: the file an auditor keeps
 * verifies with OpenSSL (an Ed25519 implementation nobody here wrote), and
 * the attacks of issue 15 made on tipline.db afterwards are named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointFile, parseCheckpointFile } from '../../contract/audit-checkpoint';
import type { AuditAction } from '../../contract/vocabulary';
import { loadConfig } from '../../server/config';
import { signCheckpoint } from '../../server/crypto/checkpoint-signature';
import { generateSigningKey } from '../../server/crypto/signing';
import { appendAudit } from '../../server/data/audit';
import { openDataDir } from '../../server/instance-setup';
import { cutTail, deleteCheckpointsBeyond, firstEntryWith, rewriteEntry } from '../support/audit-attacks';

const BIN = fileURLToPath(new URL('../../bin/tipline.mjs', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'tipline-cli-checkpoint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tipline(dataDir: string, args: string[], stdin = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { input: stdin, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A new instance with some casework in its trail (the server's appends, made directly). */
function instance(name: string): string {
  const dataDir = path.join(work, name);
  const init = tipline(dataDir, ['init', '--username', 'root', '--password-stdin'], 'first account password 1\n');
  expect(init.status).toBe(0);
  const { db } = openDataDir(loadConfig({ DATA_DIR: dataDir }));
  try {
    const actions: AuditAction[] = ['report.viewed', 'report.contact_revealed', 'report.viewed', 'report.note_added', 'report.viewed'];
    for (const action of actions) appendAudit(db, { at: '2026-11-28T06:10:00Z', actorStaffId: 1, action, reportId: null });
  } finally {
    db.close();
  }
  return dataDir;
}

describe('a clean instance', () => {
  let dataDir: string;
  const kept = path.join(work, 'clean-checkpoint.txt');
  beforeAll(() => {
    dataDir = instance('clean');
  }, 60_000);

  it('audit checkpoint --out writes a signed head any Ed25519 tool verifies (OpenSSL)', () => {
    const out = tipline(dataDir, ['audit', 'checkpoint', '--out', kept]);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^wrote checkpoint 1 \(7 entries, head [0-9a-f]{64}, key [0-9a-f]{16}\) to /);
    const text = readFileSync(kept, 'utf8');
    const parsed = parseCheckpointFile(text);
    expect(parsed.ok).toBe(true);

    // The README's recipe: the first seven lines are the signed message.
    const lines = text.split('\n');
    writeFileSync(path.join(work, 'body'), lines.slice(0, 7).join('\n') + '\n');
    writeFileSync(path.join(work, 'sig'), Buffer.from(lines[8]?.replace(/^signature /, '') ?? '', 'base64'));
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(lines[9]?.replace(/^public-key /, '') ?? '', 'base64')]);
    writeFileSync(path.join(work, 'pub.der'), spki);
    const openssl = (body: string): number | null =>
      spawnSync('openssl', [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        path.join(work, 'pub.der'),
        '-keyform',
        'DER',
        '-rawin',
        '-in',
        body,
        '-sigfile',
        path.join(work, 'sig'),
      ]).status;
    expect(openssl(path.join(work, 'body'))).toBe(0);
    writeFileSync(
      path.join(work, 'body-altered'),
      lines
        .slice(0, 7)
        .join('\n')
        .replace(/entries 7/, 'entries 6') + '\n',
    );
    expect(openssl(path.join(work, 'body-altered'))).not.toBe(0);
  });

  it('audit verify passes, counting the checkpoints, and --against finds the kept checkpoint in the trail', () => {
    const plain = tipline(dataDir, ['audit', 'verify']);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toMatch(
      /^audit trail intact: 7 entries verify; 1 signed checkpoint\(s\) verify \(latest 1 at 7 entries, also in audit-checkpoint\.txt\)/,
    );
    const against = tipline(dataDir, ['audit', 'verify', '--against', kept]);
    expect(against.status).toBe(0);
    expect(against.stdout).toContain(`${kept}: checkpoint 1 (7 entries,`);
    expect(against.stdout).toContain('is contained in the trail');
  });

  it('audit checkpoint without --out is refused with one line', () => {
    const missing = tipline(dataDir, ['audit', 'checkpoint']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toBe('tipline: missing --out FILE\n');
  });

  it('--against refuses a checkpoint of another key, and one whose signed lines were altered', () => {
    const parsed = parseCheckpointFile(readFileSync(kept, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem);
    const intruder = generateSigningKey();
    const forged = path.join(work, 'forged.txt');
    writeFileSync(forged, checkpointFile(signCheckpoint({ ...parsed.checkpoint, keyId: intruder.keyId }, intruder), intruder.publicKeyBase64));
    const other = tipline(dataDir, ['audit', 'verify', '--against', forged]);
    expect(other.status).not.toBe(0);
    expect(other.stderr).toMatch(new RegExp(`names the public key ${intruder.keyId}, not this instance's [0-9a-f]{16}`));

    const altered = path.join(work, 'altered.txt');
    writeFileSync(altered, readFileSync(kept, 'utf8').replace(/^entries 7$/m, 'entries 6'));
    const bad = tipline(dataDir, ['audit', 'verify', '--against', altered]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('the signature does not verify under the instance signing key');
  });
});

describe('attacks on tipline.db after a checkpoint was kept off-site', () => {
  it('(a) a contact reveal rewritten as a view, hashes recomputed, later checkpoints deleted: verify and --against both fail', () => {
    const dataDir = instance('rewrite');
    const kept = path.join(work, 'rewrite-checkpoint.txt');
    expect(tipline(dataDir, ['audit', 'checkpoint', '--out', kept]).status).toBe(0);
    rewriteEntry(dataDir, firstEntryWith(dataDir, 'report.contact_revealed'), 'report.viewed');
    deleteCheckpointsBeyond(dataDir, 0);

    const verify = tipline(dataDir, ['audit', 'verify']);
    expect(verify.status).not.toBe(0);
    expect(verify.stderr).toMatch(/^tipline: audit trail FAILS verification: /);
    expect(verify.stderr).toContain('the checkpoint in audit-checkpoint.txt is checkpoint 1, but the database holds only 0: checkpoints were deleted');
    const against = tipline(dataDir, ['audit', 'verify', '--against', kept]);
    expect(against.status).not.toBe(0);
    expect(against.stderr).toMatch(
      new RegExp(`the checkpoint in ${kept.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} signed [0-9a-f]{12}… as the head at 7 entries, but the trail now hashes to`),
    );
    // And nothing new gets signed over the rewrite.
    const again = tipline(dataDir, ['audit', 'checkpoint', '--out', path.join(work, 'after-rewrite.txt')]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/^tipline: no checkpoint signed: /);
  });

  it('(c) the tail cut off: --against names the cut', () => {
    const dataDir = instance('cut');
    const kept = path.join(work, 'cut-checkpoint.txt');
    expect(tipline(dataDir, ['audit', 'checkpoint', '--out', kept]).status).toBe(0);
    cutTail(dataDir, 4);
    const against = tipline(dataDir, ['audit', 'verify', '--against', kept]);
    expect(against.status).not.toBe(0);
    expect(against.stderr).toContain(`the checkpoint in ${kept} covers 7 entries but the trail has only 4: entries were cut off the end`);
  });
});
