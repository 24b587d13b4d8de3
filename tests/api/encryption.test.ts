import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptText } from '../../server/crypto/age';
import { findReportById } from '../../server/data/reports';
import { unlockStaff } from '../../server/services/staff-keys';
import { ADMIN, createTestInstance, postJson, reportWithMarker, type TestInstance } from '../support/instance';

const MARKER = 'MARKER7f3a9c51';

let t: TestInstance;
let code: string;
let reportId: number;
beforeAll(async () => {
  t = await createTestInstance();
  const res = await postJson(t.app, '/api/reports', reportWithMarker(MARKER));
  code = ((await res.json()) as { trackingCode: string }).trackingCode;
  await postJson(t.app, '/api/status/messages', { trackingCode: code, body: `Follow-up ${MARKER}-followup` });
  reportId = t.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM reports').get()?.id ?? 0;
});
afterAll(() => t.close());

function everyFile(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function channelIdentity(): Promise<string> {
  const staff = await unlockStaff(t.db, t.kdf.staff, ADMIN.username, ADMIN.password);
  const report = findReportById(t.db, reportId);
  const identity = report && staff?.channelIdentities.get(report.channelId);
  if (!identity) throw new Error('the first account should hold every channel key');
  return identity;
}

describe('at rest', () => {
  it('leaves the marker, the contact details and the tracking code nowhere in the database, its WAL or the data directory', () => {
    const files = everyFile(t.dataDir);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true); // the WAL is there and is searched too
    const needles = [MARKER, MARKER.toLowerCase(), '0912345678', code.replace(/ /g, ''), code];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} found in ${path.basename(file)}`).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) found in ${path.basename(file)}`).toBe(false);
      }
    }
  });

  it('keeps region and category in clear, as documented', () => {
    const row = t.db.prepare<[number], { region: string; category: string }>('SELECT region, category FROM reports WHERE id = ?').get(reportId);
    expect(row).toEqual({ region: 'Taipei', category: 'official_protection' });
  });
});

describe('who can decrypt', () => {
  it('the staff member holding the channel key reads the content, and the contact details separately', async () => {
    const identity = await channelIdentity();
    const report = findReportById(t.db, reportId);
    const content = JSON.parse(await decryptText([identity], report?.content ?? Buffer.alloc(0))) as Record<string, string>;
    expect(content['details']).toContain(`${MARKER}-details`);
    expect(content['discouraged']).toContain(`${MARKER}-discouraged`);
    expect(content).not.toHaveProperty('contact');
    const contact = JSON.parse(await decryptText([identity], report?.contact ?? Buffer.alloc(0))) as Record<string, string>;
    expect(contact['name']).toBe(`Chen ${MARKER}-name`);
  });

  it('the age command-line tool decrypts the stored report with that identity', async () => {
    const keyFile = path.join(t.dataDir, 'channel-identity.txt');
    writeFileSync(keyFile, `${await channelIdentity()}\n`, { mode: 0o600 });
    const ciphertextFile = path.join(t.dataDir, 'report.age');
    writeFileSync(ciphertextFile, findReportById(t.db, reportId)?.content ?? Buffer.alloc(0));
    const plaintext = execFileSync('age', ['--decrypt', '--identity', keyFile, ciphertextFile]).toString();
    expect(JSON.parse(plaintext)).toMatchObject({ details: expect.stringContaining(MARKER) });
  });

  it('a wrong password unlocks nothing', async () => {
    expect(await unlockStaff(t.db, t.kdf.staff, ADMIN.username, 'not the password at all')).toBeNull();
  });

  it('a tampered ciphertext fails to decrypt', async () => {
    const identity = await channelIdentity();
    const tampered = Buffer.from(findReportById(t.db, reportId)?.content ?? Buffer.alloc(0));
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0xff;
    await expect(decryptText([identity], tampered)).rejects.toThrow();
  });

  it('a wrong code opens nothing', async () => {
    const res = await postJson(t.app, '/api/status', { trackingCode: '1234 5678 9012 3456 7891' } /* valid check digit, never issued */);
    expect(res.status).toBe(404);
  });
});

describe('the instance key', () => {
  it('is never silently replaced once reports exist: losing it is an error that says so', async () => {
    const { rmSync } = await import('node:fs');
    const { loadOrCreateInstanceKey } = await import('../../server/services/instance');
    rmSync(path.join(t.dataDir, 'instance.key'));
    expect(() => loadOrCreateInstanceKey(t.dataDir, t.db)).toThrow(/instance\.key is missing but the database holds/);
  });

  it('and the data files are readable by their owner only', () => {
    for (const file of everyFile(t.dataDir).filter((f) => /tipline\.db/.test(f))) {
      expect((statSync(file).mode & 0o077).toString(8), file).toBe('0');
    }
  });
});
