import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffSession } from '../../server/auth/session-store';
import { loadConfig } from '../../server/config';
import { createKdfPools } from '../../server/crypto/argon2';
import { canonicalJson } from '../../server/crypto/signed-record';
import { generateSigningKey } from '../../server/crypto/signing';
import { openDataDir } from '../../server/instance-setup';
import { openCase } from '../../server/services/case-access';
import { addReferral, closeWithOutcome } from '../../server/services/case-notes';
import { submitReport } from '../../server/services/intake';
import { unlockStaff } from '../../server/services/staff-keys';

const BIN = fileURLToPath(new URL('../../bin/tipline.mjs', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-cli-signatures-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const PASSWORD = 'first account password 1';

function tipline(args: string[], stdin = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { input: stdin, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Two signed decisions by the first admin, made through the services as the console's routes make them. */
async function signSomeDecisions(): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir });
  const { db, instanceKey } = openDataDir(config);
  try {
    const kdf = createKdfPools(config.argon2, config.kdfLimits);
    const { reportId } = await submitReport(
      { db, instanceKey, kdf: kdf.reporter, deadlines: config.deadlines },
      { category: 'other', details: 'A tip to refer.' },
    );
    const root = await unlockStaff(db, kdf.staff, 'root', PASSWORD);
    if (!root) throw new Error('root should unlock');
    const now = Date.now();
    const session: StaffSession = {
      ...root,
      tokenHash: '',
      staffId: root.id,
      personalRecipient: root.recipient,
      restriction: null,
      createdAt: now,
      lastActivityAt: now,
    };
    await addReferral(db, session, openCase(db, session, reportId), { agency: 'District prosecutor', date: '2026-12-01' }, new Date());
    await closeWithOutcome(db, session, openCase(db, session, reportId), 'referred', new Date());
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  expect(tipline(['init', '--username', 'root', '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
  await signSomeDecisions();
}, 60_000);

describe('tipline audit verify: signed decisions', () => {
  it('passes when every signed decision verifies, and names each tampered record and swapped key', async () => {
    const ok = tipline(['audit', 'verify']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/signed decisions intact: 2 signed record\(s\) verify under 1 staff signing key/);

    // An intruder with the database file: makes the referral look like someone else's record,
    // re-writing the payload in canonical form, and swaps the member's public key for their own.
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path.join(dataDir, 'tipline.db'));
    const referral = raw.prepare<[], { id: number; payload: string }>("SELECT id, payload FROM signed_records WHERE kind = 'referral'").get();
    if (!referral) throw new Error('no signed referral');
    raw.exec('DROP TRIGGER signed_records_no_update');
    raw.exec('DROP TRIGGER staff_signing_keys_no_swap');
    const changed = canonicalJson({ ...(JSON.parse(referral.payload) as Record<string, string>), at: '2026-01-01T00:00:00Z' });
    raw.prepare('UPDATE signed_records SET payload = ? WHERE id = ?').run(changed, referral.id);
    raw.close();

    const tampered = tipline(['audit', 'verify']);
    expect(tampered.status).not.toBe(0);
    expect(tampered.stderr).toContain(`signed record ${referral.id} `);
    expect(tampered.stderr).toContain('the signature does not verify');
    expect(tampered.stderr).not.toMatch(/signed record \d+ .*signed record \d+ /);

    const again = new Database(path.join(dataDir, 'tipline.db'));
    again.prepare('UPDATE signed_records SET payload = ? WHERE id = ?').run(referral.payload, referral.id);
    const staffId = again.prepare<[], { id: number }>("SELECT id FROM staff WHERE username = 'root'").get()?.id ?? 0;
    again.prepare('UPDATE staff_signing_keys SET public_key = ? WHERE staff_id = ?').run(generateSigningKey().publicKeyBase64, staffId);
    again.close();

    const swapped = tipline(['audit', 'verify']);
    expect(swapped.status).not.toBe(0);
    expect(swapped.stderr).toMatch(new RegExp(`signing key [0-9a-f]{16} of staff #${staffId}: differs from the key the audit trail registered .*swapped`));
  }, 60_000);
});
