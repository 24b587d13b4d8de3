/**
 * Retention: closed reports older than RETENTION_DAYS go, files and all,
 * with an audit entry that says so without content; reports closed without
 * ever being acknowledged are kept until an operator includes them; the
 * `tipline purge` command does the same on demand.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/data/audit';
import { listReportFiles } from '../../server/data/report-files';
import { purgeClosedReports } from '../../server/services/retention';
import { countRows, createTestInstance, type TestInstance } from '../support/instance';
import { filesOnDisk, multipart, noise, postMultipart } from '../support/uploads';

const BIN = fileURLToPath(new URL('../../bin/tipline.mjs', import.meta.url));
const DAY = 86_400_000;

let t: TestInstance;
afterEach(() => t.close());

/** A report with one file and a follow-up; returns its id and a piece of its stored ciphertext. */
async function report(details: string): Promise<{ id: number; ciphertext: Buffer }> {
  const form = multipart({ category: 'other', details }, [{ name: 'evidence.bin', bytes: noise(5000) }]);
  const response = await postMultipart(t, '/api/reports', form);
  expect(response.status).toBe(201);
  const { trackingCode } = (await response.json()) as { trackingCode: string };
  const followUp = await postMultipart(t, '/api/status/messages', multipart({ trackingCode, body: 'One more thing about the quarry.' }));
  expect(followUp.status).toBe(201);
  const row = t.db.prepare<[], { id: number; content: Buffer }>('SELECT id, content FROM reports ORDER BY id DESC LIMIT 1').get();
  if (!row) throw new Error('not stored');
  return { id: row.id, ciphertext: row.content.subarray(row.content.length - 64) };
}

/** Put a report in the closed state, closed `daysAgo` days ago, acknowledged or not. */
function closed(id: number, daysAgo: number, acknowledged: boolean): void {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 13) + ':00:00Z';
  t.db
    .prepare("UPDATE reports SET status = 'closed', outcome = 'referred', closed_at = ?, acknowledged_at = ? WHERE id = ?")
    .run(at, acknowledged ? at : null, id);
}

describe('retention', () => {
  it('purges closed, acknowledged reports past the period with their files and messages; keeps the rest', async () => {
    t = await createTestInstance();
    const old = await report('An old case about the quarry bribes, long closed.');
    const unread = await report('Closed without anybody acknowledging it, long ago.');
    const recent = await report('Closed last week about the quarry bribes.');
    const open = await report('Still open about the quarry bribes.');
    closed(old.id, 400, true);
    closed(unread.id, 400, false);
    closed(recent.id, 7, true);
    const oldFiles = listReportFiles(t.db, old.id).map((f) => `${f.storageName}.age`);
    expect(filesOnDisk(t.dataDir).stored).toHaveLength(4);

    const summary = await purgeClosedReports(t.db, t.files, { retentionDays: 365, now: new Date() });
    expect(summary).toMatchObject({ purged: 1, heldBack: 1 });

    const left = t.db.prepare<[], { id: number }>('SELECT id FROM reports ORDER BY id').all().map((row) => row.id);
    expect(left).toEqual([unread.id, recent.id, open.id]);
    expect(countRows(t.db, 'report_messages')).toBe(3);
    expect(countRows(t.db, 'report_files')).toBe(3);
    const stored = filesOnDisk(t.dataDir).stored;
    expect(stored).toHaveLength(3);
    for (const name of oldFiles) expect(stored).not.toContain(name);

    // The audit trail says a purge happened, and of which ids; nothing of what they said.
    const entry = t.db.prepare<[], { detail: string }>("SELECT detail FROM audit_log WHERE action = 'retention.purged'").get();
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({ count: 1, reportIds: String(old.id) });
    expect(entry?.detail).not.toContain('quarry');
    expect(verifyAuditChain(t.db).ok).toBe(true);

    // secure_delete and the checkpoint leave no copy of the ciphertext in the database files.
    expect(t.db.pragma('secure_delete', { simple: true })).toBe(1);
    const dbBytes = readFileSync(path.join(t.dataDir, 'tipline.db'));
    expect(dbBytes.includes(old.ciphertext)).toBe(false);
    expect(dbBytes.includes(recent.ciphertext)).toBe(true);
  });

  it('tipline purge: a dry run changes nothing; --include-unacknowledged takes the held-back ones too', async () => {
    t = await createTestInstance({ RETENTION_DAYS: '30' });
    const unread = await report('Closed without anybody acknowledging it, long ago.');
    closed(unread.id, 60, false);
    const run = (...args: string[]): { status: number | null; stdout: string } => {
      const result = spawnSync(process.execPath, [BIN, 'purge', ...args], {
        env: { ...process.env, DATA_DIR: t.dataDir, RETENTION_DAYS: '30' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: result.status, stdout: result.stdout };
    };
    const dry = run('--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('would purge 0 report(s)');
    expect(dry.stdout).toContain('kept 1 closed report(s) that were never acknowledged');
    const plain = run();
    expect(plain.stdout).toContain('purged 0 report(s)');
    expect(countRows(t.db, 'reports')).toBe(1);
    const all = run('--include-unacknowledged');
    expect(all.status).toBe(0);
    expect(all.stdout).toContain('purged 1 report(s)');
    expect(countRows(t.db, 'reports')).toBe(0);
    expect(filesOnDisk(t.dataDir)).toEqual({ stored: [], incoming: [] });
  });
});
