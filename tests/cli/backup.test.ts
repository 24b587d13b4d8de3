/**
 * `tipline backup` while the server runs and takes reports, then
 * `tipline restore` into a new data directory: every report, message and
 * evidence file decrypts, and tracking codes still open their reports.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptText } from '../../server/crypto/age';
import { loadConfig } from '../../server/config';
import { listReportFiles } from '../../server/data/report-files';
import { openDataDir } from '../../server/instance-setup';
import { decryptFileStream } from '../../server/services/evidence-files';
import { unlockStaff } from '../../server/services/staff-keys';
import { createKdfPools } from '../../server/crypto/argon2';
import { startServer, type ServerProcess } from '../support/server-process';
import { multipart, noise } from '../support/uploads';

const BIN = fileURLToPath(new URL('../../bin/tipline.mjs', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-backup-'));
const live = path.join(scratch, 'live');
const restored = path.join(scratch, 'restored');
const archive = path.join(scratch, 'tipline-backup.tar');
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function tipline(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function submit(url: string, n: number, withFile: boolean): Promise<string> {
  const form = multipart(
    { category: 'organised_crime', details: `The racket's ledger is kept in the back office. backup-marker-${n}` },
    withFile ? [{ name: `evidence-${n}.bin`, bytes: noise(50_000 + n, n + 1) }] : [],
  );
  const response = await fetch(`${url}/api/reports`, { method: 'POST', headers: { Accept: 'application/json' }, body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { trackingCode: string }).trackingCode;
}

describe('backup and restore', () => {
  it('backs up a running instance and restores it whole into a new data directory', async () => {
    server = await startServer(live);
    const password = /password: (\S+)/.exec(server.output())?.[1] ?? '';
    const { url } = server;
    const codes: string[] = [];
    for (let n = 0; n < 6; n += 1) codes.push(await submit(url, n, n % 2 === 0));

    // Reports keep arriving while the backup runs.
    const busy = (async () => {
      for (let n = 100; n < 106; n += 1) await submit(url, n, true);
    })();
    const backup = tipline(live, 'backup', archive);
    await busy;
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/backed up \d+ report\(s\) and \d+ evidence file\(s\)/);
    expect(statSync(archive).mode & 0o777).toBe(0o600);

    const restore = tipline(restored, 'restore', archive);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const again = tipline(restored, 'restore', archive);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds an instance');

    // The instance signing key came along: checkpoints signed before the backup still verify after it.
    expect(readFileSync(path.join(restored, 'instance-signing.key')).equals(readFileSync(path.join(live, 'instance-signing.key')))).toBe(true);
    expect(statSync(path.join(restored, 'instance-signing.key')).mode & 0o777).toBe(0o600);
    // The server signed a checkpoint at start; the backup carries the latest
    // the snapshot holds (audit-checkpoint.txt), so the restored trail verifies.
    const verified = tipline(restored, 'audit', 'verify');
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(/\b[1-9]\d* signed checkpoint\(s\) verify/);

    const config = loadConfig({ DATA_DIR: restored });
    const { db, files } = openDataDir(config, { mustExist: true });
    try {
      const admin = await unlockStaff(db, createKdfPools(config.argon2, config.kdfLimits).staff, 'admin', password);
      if (!admin) throw new Error('the first admin should unlock in the restored instance');
      const reports = db.prepare<[], { id: number; channelId: number; content: Buffer }>('SELECT id, channel_id AS channelId, content FROM reports').all();
      expect(reports.length).toBeGreaterThanOrEqual(6);
      const markers: string[] = [];
      let fileCount = 0;
      for (const report of reports) {
        const identity = admin.channelIdentities.get(report.channelId) ?? '';
        markers.push(/backup-marker-\d+/.exec(await decryptText([identity], report.content))?.[0] ?? '');
        for (const file of listReportFiles(db, report.id)) {
          const meta = JSON.parse(await decryptText([identity], file.meta)) as { sha256: string };
          const hash = createHash('sha256');
          for await (const chunk of await decryptFileStream(files.openStored(file.storageName), identity)) hash.update(chunk);
          expect(hash.digest('hex')).toBe(meta.sha256);
          fileCount += 1;
        }
      }
      for (let n = 0; n < 6; n += 1) expect(markers).toContain(`backup-marker-${n}`);
      expect(fileCount).toBeGreaterThanOrEqual(3);
    } finally {
      db.close();
    }

    // The restored instance finds reports by tracking code: the instance key came along.
    await server.stop();
    server = await startServer(restored);
    for (const trackingCode of codes) {
      const response = await fetch(`${server.url}/api/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ trackingCode }),
      });
      expect(response.status).toBe(200);
    }
  }, 180_000);
});
