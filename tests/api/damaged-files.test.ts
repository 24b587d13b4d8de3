/**
 * An evidence file damaged on disk (issue 16, item 3) fails before the
 * download starts: every chunk is authenticated before any header goes
 * out, so the answer is 409 file_damaged (JSON, audited as file.damaged,
 * a log line for the operator) instead of a 200 that breaks off mid-file.
 * An intact file still downloads whole, and the console's check of it is
 * not audited (nothing of the file is sent).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, jsonOf } from '../support/casework';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { signIn, staffRequest } from '../support/staff';
import { multipart, noise, postMultipart } from '../support/uploads';

const MiB = 1024 * 1024;
const FIXTURES = path.join(import.meta.dirname, '../fixtures/images');
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let t: TestInstance;
let admin: string;
let reportId: number;
/** Stored files by name, each uploaded with the one report. */
const files = new Map<string, { id: number; path: string; bytes: Uint8Array }>();

beforeAll(async () => {
  t = await createTestInstance();
  admin = await signIn(t, ADMIN.username, ADMIN.password);
  const uploads = [
    { name: 'intact.bin', bytes: noise(3 * MiB, 1) },
    { name: 'flipped.bin', bytes: noise(3 * MiB, 2) },
    { name: 'header.bin', bytes: noise(100, 3) },
    { name: 'cut.bin', bytes: noise(2 * MiB, 4) },
    { name: 'gone.bin', bytes: noise(100, 5) },
    {
      name: 'photo.jpg',
      bytes: readFileSync(path.join(FIXTURES, 'with-metadata.jpg')),
      type: 'image/jpeg',
    },
  ];
  const res = await postMultipart(
    t,
    '/api/reports',
    multipart(
      {
        category: 'organised_crime',
        details: 'The ledger and a photo of the warehouse.',
      },
      uploads,
    ),
  );
  expect(res.status).toBe(201);
  const rows = t.db
    .prepare<[], { id: number; reportId: number; storageName: string }>(
      'SELECT id, report_id AS reportId, storage_name AS storageName FROM report_files ORDER BY id',
    )
    .all();
  rows.forEach((row, index) => {
    const upload = uploads[index];
    if (!upload) throw new Error('more rows than files');
    reportId = row.reportId;
    files.set(upload.name, {
      id: row.id,
      path: t.files.storedPath(row.storageName),
      bytes: upload.bytes,
    });
  });
  // Damage on disk, as a failing disk, a bad restore or someone with write access would leave it.
  const flip = (file: string, at: number): void => {
    const bytes = readFileSync(file);
    const index = at < 0 ? bytes.length + at : at;
    bytes.writeUInt8(bytes.readUInt8(index) ^ 0x01, index);
    writeFileSync(file, bytes);
  };
  flip(stored('flipped.bin').path, -(MiB + 5)); // a byte in the payload, well after the first MiB
  flip(stored('header.bin').path, 40); // a byte in the age header
  flip(stored('photo.jpg').path, -20);
  truncateSync(stored('cut.bin').path, readFileSync(stored('cut.bin').path).length - 70_000); // the last chunks gone
  rmSync(stored('gone.bin').path);
});
afterAll(() => t.close());

function stored(name: string): { id: number; path: string; bytes: Uint8Array } {
  const file = files.get(name);
  if (!file) throw new Error(`no stored ${name}`);
  return file;
}

const url = (name: string, suffix = ''): string => `/api/staff/reports/${reportId}/files/${stored(name).id}${suffix}`;

describe('a damaged evidence file', () => {
  it.each(['flipped.bin', 'header.bin', 'cut.bin', 'gone.bin'])(
    '%s: the download answers 409 file_damaged in JSON before any header of a file, audited as file.damaged',
    async (name) => {
      const downloadsBefore = auditEntries(t, 'file.downloaded').length;
      const damagedBefore = auditEntries(t, 'file.damaged').length;
      const res = await staffRequest(t, admin, 'GET', url(name));
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await jsonOf(res, 409)).toMatchObject({
        error: { code: 'file_damaged' },
      });
      expect(auditEntries(t, 'file.downloaded').length).toBe(downloadsBefore);
      const damaged = auditEntries(t, 'file.damaged');
      expect(damaged.length).toBe(damagedBefore + 1);
      expect(damaged.at(-1)).toMatchObject({
        reportId,
        detail: { fileId: stored(name).id },
      });
    },
  );

  it('the console’s check answers the same 409 (audited), and 200 for an intact file (not audited)', async () => {
    const before = auditEntries(t, 'file.damaged').length;
    expect(await jsonOf(await staffRequest(t, admin, 'GET', url('flipped.bin', '/check')), 409)).toMatchObject({ error: { code: 'file_damaged' } });
    expect(auditEntries(t, 'file.damaged').length).toBe(before + 1);
    const auditBefore = t.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect(await jsonOf(await staffRequest(t, admin, 'GET', url('intact.bin', '/check')), 200)).toEqual({ intact: true });
    expect(t.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
  });

  it('a damaged image is not previewed either: 409 before any image byte', async () => {
    const res = await staffRequest(t, admin, 'GET', url('photo.jpg', '/preview'));
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await jsonOf(res, 409)).toMatchObject({
      error: { code: 'file_damaged' },
    });
    expect(auditEntries(t, 'file.previewed')).toEqual([]);
  });

  it('the encrypted export hands over the stored bytes as they are, damaged or not; a file that is gone is 409', async () => {
    const flipped = await staffRequest(t, admin, 'GET', url('flipped.bin', '/encrypted'));
    expect(flipped.status).toBe(200);
    expect(sha256(Buffer.from(await flipped.arrayBuffer()))).toBe(sha256(readFileSync(stored('flipped.bin').path)));
    expect(await jsonOf(await staffRequest(t, admin, 'GET', url('gone.bin', '/encrypted')), 409)).toMatchObject({ error: { code: 'file_damaged' } });
  });

  it('the operator is told in the log, by the kind of damage only: no id, name or content', () => {
    const lines = t.logLines.filter((line) => line.includes('evidence file damaged'));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const kinds = new Set(lines.map((line) => (JSON.parse(line) as { damage: string }).damage));
    expect(kinds).toEqual(new Set(['payload', 'header', 'missing']));
    for (const line of lines) expect(line).not.toMatch(/fileId|reportId|\.bin|ledger/);
  });

  it('an intact file still downloads whole, after the check', async () => {
    const res = await staffRequest(t, admin, 'GET', url('intact.bin'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('intact.bin');
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(stored('intact.bin').bytes));
    expect(auditEntries(t, 'file.downloaded').at(-1)).toMatchObject({
      detail: { fileId: stored('intact.bin').id },
    });
  });
});
