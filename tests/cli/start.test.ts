/**
 * `npm start`'s server on an empty data directory: it initialises the
 * instance, prints the first account once, serves the site and the API, and
 * on the next start reuses everything without printing a password again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { listChannels } from '../../server/data/channels';
import { openDataDir } from '../../server/instance-setup';
import { unlockStaff } from '../../server/services/staff-keys';
import { createKdfPools } from '../../server/crypto/argon2';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Start the server, wait until it listens, fetch health and /report/ (then `visit`, if given), stop it; returns its output. */
async function startOnce(
  env: Record<string, string> = {},
  visit?: (url: string, output: string) => Promise<void>,
): Promise<{ output: string; health: unknown; reportPage: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /running on (http:\/\/[^/\s]+)\//.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    const health: unknown = await (await fetch(`${url}/api/health`)).json();
    const reportPage = (await fetch(`${url}/report/`)).status;
    await visit?.(url, output);
    return { output, health, reportPage };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const OWN_PASSWORD = 'the operator chose this one';

/** A JSON request to a staff route, same-origin as the console sends it. */
function staff(url: string, path: string, cookie: string | null, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: url, 'Sec-Fetch-Site': 'same-origin', ...(cookie ? { Cookie: cookie } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * The first sign-in with the printed password: nothing but the password
 * change is open, the same password is refused, and a new one opens the
 * console (and is the only one that signs in from then on).
 */
async function firstSignIn(url: string, output: string): Promise<void> {
  const printed = /password: (\S+)/.exec(output)?.[1] ?? '';
  const login = await staff(url, '/api/staff/login', null, { username: 'admin', password: printed });
  expect(login.status).toBe(200);
  expect(await login.json()).toMatchObject({ username: 'admin', restriction: 'change_password' });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? null;
  const queue = await staff(url, '/api/staff/reports', cookie);
  expect(queue.status).toBe(403);
  expect(await queue.json()).toMatchObject({ error: { code: 'password_change_required' } });
  const same = await staff(url, '/api/staff/password', cookie, { currentPassword: printed, newPassword: printed });
  expect(same.status).toBe(400);
  expect(await same.json()).toMatchObject({ error: { code: 'invalid_input', fields: { newPassword: 'invalid' } } });
  const changed = await staff(url, '/api/staff/password', cookie, { currentPassword: printed, newPassword: OWN_PASSWORD });
  expect(changed.status).toBe(200);
  expect(await changed.json()).toMatchObject({ restriction: null, recoveryCode: expect.any(String) });
  expect((await staff(url, '/api/staff/reports', cookie)).status).toBe(200);
  expect((await staff(url, '/api/staff/login', null, { username: 'admin', password: printed })).status).toBe(401);
  const again = await staff(url, '/api/staff/login', null, { username: 'admin', password: OWN_PASSWORD });
  expect(await again.json()).toMatchObject({ restriction: null });
}

describe('starting the server', () => {
  it('initialises an empty data directory, prints the first account once, makes its first sign-in change the printed password, and serves', async () => {
    const first = await startOnce({}, firstSignIn);
    expect(first.health).toEqual({ status: 'ok' });
    // No operator profile yet: the operator is told the pages show placeholders.
    expect(first.output).toContain('Warning: SITE_CONFIG is not set');
    expect(first.reportPage).toBe(200);
    expect(first.output).toContain('username: admin');
    expect(first.output).toContain('choose your own password');
    const printed = /password: (\S+)/.exec(first.output)?.[1] ?? '';
    expect(printed.length).toBeGreaterThanOrEqual(20);
    const password = OWN_PASSWORD;

    const config = loadConfig({ DATA_DIR: dataDir });
    const { db } = openDataDir(config);
    try {
      expect(listChannels(db).map((c) => [c.slug, c.holders])).toEqual([
        ['organised_crime', 1],
        ['official_protection', 1],
        ['case_interference', 1],
        ['sector_disorder', 1],
        ['other', 1],
      ]);
      const admin = await unlockStaff(db, createKdfPools(config.argon2, config.kdfLimits).staff, 'admin', password);
      expect(admin?.channelIdentities.size).toBe(5);
    } finally {
      db.close();
    }

    const second = await startOnce();
    expect(second.health).toEqual({ status: 'ok' });
    expect(second.output).not.toContain('password:');
  }, 60_000);

  it('warns of the profile keys left out, and says nothing once the profile is complete', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tipline-profile-'));
    try {
      const file = path.join(folder, 'site.json');
      writeFileSync(file, JSON.stringify({ operator: { name: 'City Tip Line' }, reward: 'No reward is paid.' }));
      const partial = await startOnce({ SITE_CONFIG: file });
      expect(partial.health).toEqual({ status: 'ok' });
      expect(partial.output).toMatch(/Warning: .*site\.json leaves out operator\.independence, legalProtection, emergency, verification\./);

      const complete = {
        operator: { name: 'City Tip Line', independence: 'Run by the ombudsman, not the police.' },
        legalProtection: 'Protected by law.',
        reward: 'No reward is paid.',
        emergency: [{ label: 'Police', number: '110' }],
        verification: 'Call 1999.',
      };
      writeFileSync(file, JSON.stringify(complete));
      expect((await startOnce({ SITE_CONFIG: file })).output).not.toContain('Warning');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops with the reason when the operator profile is wrong', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tipline-profile-'));
    try {
      const file = path.join(folder, 'site.json');
      writeFileSync(file, JSON.stringify({ timeZone: 'Asia/Taipeh', emergency: [{ label: 'Police', number: 'call us' }] }));
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', SITE_CONFIG: file },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('timeZone: not a time zone');
      expect(stderr).toContain('emergency.0.number');
      expect(stderr).not.toMatch(/at .+:\d+:\d+/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);

  it('stops with a clear message on bad configuration', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: 'eighty', ARGON2_MEMORY_KIB: '1024' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('ARGON2_MEMORY_KIB');
    expect(stderr).not.toMatch(/at .+:\d+:\d+/);
  }, 30_000);
});
