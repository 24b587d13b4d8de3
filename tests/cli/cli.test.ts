import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { openDataDir } from '../../server/instance-setup';
import { submitReport } from '../../server/services/intake';
import { createKdfPools } from '../../server/crypto/argon2';
import { findStaffByUsername } from '../../server/data/staff';

const BIN = fileURLToPath(new URL('../../bin/tipline.mjs', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function tipline(args: string[], stdin = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: stdin,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ROOT_PASSWORD = 'first account password 1';
let organisedCrimeReport = 0;
let otherReport = 0;

beforeAll(() => {
  const init = tipline(['init', '--username', 'root', '--password-stdin'], `${ROOT_PASSWORD}\n`);
  expect(init.stderr).toBe('');
  expect(init.status).toBe(0);
}, 60_000);

async function seedReport(category: 'organised_crime' | 'other', details: string): Promise<number> {
  const config = loadConfig({ DATA_DIR: dataDir });
  const { db, instanceKey } = openDataDir(config);
  try {
    const { reportId } = await submitReport({ db, instanceKey, kdf: createKdfPools(config.argon2, config.kdfLimits).reporter, deadlines: config.deadlines }, { category, details });
    return reportId;
  } finally {
    db.close();
  }
}

describe('tipline CLI', () => {
  it('init refuses a data directory that is already initialised', () => {
    const again = tipline(['init', '--username', 'someone', '--password-stdin'], 'another password 12\n');
    expect(again.status).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('already initialised');
  });

  it('init with a password the operator chose on standard input: the first sign-in is not asked to change it', () => {
    // Unlike the password `npm start` generates and prints, this one never appeared on a screen or in a journal.
    const { db } = openDataDir(loadConfig({ DATA_DIR: dataDir }), { mustExist: true });
    try {
      expect(findStaffByUsername(db, 'root')).toMatchObject({ role: 'admin', mustChangePassword: false });
    } finally {
      db.close();
    }
  });

  it('channels list shows the five default channels, each held by the first account', () => {
    const out = tipline(['channels', 'list']);
    expect(out.status).toBe(0);
    for (const slug of ['organised_crime', 'official_protection', 'case_interference', 'sector_disorder', 'other']) {
      expect(out.stdout).toMatch(new RegExp(`^${slug}\\s+1\\s+0\\s+age1`, 'm'));
    }
  });

  it('report show decrypts a report for its channel staff', async () => {
    organisedCrimeReport = await seedReport('organised_crime', 'Loan sharks threaten shop owners on Zhongshan Road.');
    const out = tipline(['report', 'show', String(organisedCrimeReport), '--username', 'root', '--password-stdin'], `${ROOT_PASSWORD}\n`);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const shown = JSON.parse(out.stdout) as { channel: string; content: { details: string } };
    expect(shown.channel).toBe('organised_crime');
    expect(shown.content.details).toBe('Loan sharks threaten shop owners on Zhongshan Road.');
  });

  it('staff add grants only channels the granting member holds, and the new member reads only those', async () => {
    const add = tipline(
      ['staff', 'add', '--username', 'lin', '--role', 'triager', '--channels', 'organised_crime', '--granted-by', 'root', '--password-stdin'],
      `triager password 1\n${ROOT_PASSWORD}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    otherReport = await seedReport('other', 'Someone keeps dumping chemical drums by the river.');

    const own = tipline(['report', 'show', String(organisedCrimeReport), '--username', 'lin', '--password-stdin'], 'triager password 1\n');
    expect(own.status).toBe(0);
    const foreign = tipline(['report', 'show', String(otherReport), '--username', 'lin', '--password-stdin'], 'triager password 1\n');
    const missing = tipline(['report', 'show', '999999', '--username', 'lin', '--password-stdin'], 'triager password 1\n');
    expect(foreign.status).not.toBe(0);
    // Outside one's channels looks exactly like not existing.
    expect(foreign.stderr.replace(String(otherReport), 'N')).toBe(missing.stderr.replace('999999', 'N'));
  });

  it('staff add refuses a granter who lacks the channel key', () => {
    const add = tipline(
      ['staff', 'add', '--username', 'wu', '--role', 'triager', '--channels', 'other', '--granted-by', 'lin', '--password-stdin'],
      `another password 99\ntriager password 1\n`,
    );
    expect(add.status).not.toBe(0);
    expect(add.stderr).toContain('does not hold the key of: other');
  });

  it('fails with one clear line and a non-zero exit on a wrong password, a bad role or an unknown command', () => {
    const cases = [
      tipline(['report', 'show', String(organisedCrimeReport), '--username', 'root', '--password-stdin'], 'wrong password here\n'),
      tipline(['staff', 'add', '--username', 'x1', '--role', 'boss', '--password-stdin'], 'a password long enough\n'),
      tipline(['frobnicate']),
      tipline(['report', 'show', 'abc', '--username', 'root', '--password-stdin'], `${ROOT_PASSWORD}\n`),
    ];
    for (const result of cases) {
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/^tipline: .+\n$/);
      expect(result.stderr).not.toMatch(/at .+:\d+:\d+/);
    }
  });

  it('records the view of a report in the audit trail', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const { db } = openDataDir(config);
    try {
      const views = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'report.viewed'").get();
      expect(views?.n).toBeGreaterThanOrEqual(2);
    } finally {
      db.close();
    }
  });
});

describe('tipline CLI on a missing data directory', () => {
  it('says there is no instance instead of creating an empty one', () => {
    const missing = path.join(dataDir, 'does-not-exist');
    const result = spawnSync(process.execPath, [BIN, 'channels', 'list'], { env: { ...process.env, DATA_DIR: missing }, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^tipline: no Tipline instance in .*does-not-exist/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('tipline audit verify', () => {
  it('passes on an untouched trail and names the first bad entry after the database file is tampered with', async () => {
    const ok = tipline(['audit', 'verify']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ entries/);

    // Tamper with the file as an intruder would: bypass the triggers and rewrite entry 2.
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path.join(dataDir, 'tipline.db'));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET action = 'nothing.happened' WHERE id = 2").run();
    raw.close();

    const broken = tipline(['audit', 'verify']);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/^tipline: audit trail BROKEN at entry 2\b/);
  });
});

describe('tipline CLI on an instance made with CHANNEL_KEY_TYPE=pq', () => {
  const pqDir = mkdtempSync(path.join(tmpdir(), 'tipline-cli-pq-'));
  afterAll(() => rmSync(pqDir, { recursive: true, force: true }));
  const run = (args: string[], stdin = ''): { status: number | null; stdout: string; stderr: string } => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      input: stdin,
      env: { ...process.env, DATA_DIR: pqDir, CHANNEL_KEY_TYPE: 'pq' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('init gives the channels hybrid keys, and report show opens a report of one', async () => {
    expect(run(['init', '--username', 'root', '--password-stdin'], `${ROOT_PASSWORD}\n`).status).toBe(0);
    expect(run(['channels', 'list']).stdout).toMatch(/^organised_crime\s+1\s+0\s+age1pq1/m);
    const config = loadConfig({ DATA_DIR: pqDir, CHANNEL_KEY_TYPE: 'pq' });
    const { db, instanceKey } = openDataDir(config);
    let reportId = 0;
    try {
      const kdf = createKdfPools(config.argon2, config.kdfLimits).reporter;
      ({ reportId } = await submitReport({ db, instanceKey, kdf, deadlines: config.deadlines }, { category: 'organised_crime', details: 'Quantum-safe tip.' }));
    } finally {
      db.close();
    }
    const out = run(['report', 'show', String(reportId), '--username', 'root', '--password-stdin'], `${ROOT_PASSWORD}\n`);
    expect(out.stderr).toBe('');
    expect((JSON.parse(out.stdout) as { content: { details: string } }).content.details).toBe('Quantum-safe tip.');
  }, 60_000);
});
