/**
 * Evidence files through the API: stored encrypted with the report or a
 * follow-up, listed for the reporter, downloaded and exported by staff, held
 * to the configured limits with nothing stored on refusal, and cleaned of
 * identifying metadata unless the reporter keeps it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode as jpegDecode } from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { findChannelBySlug } from '../../server/data/channels';
import { listReportFiles } from '../../server/data/report-files';
import { unlockStaff } from '../../server/services/staff-keys';
import { dammCheckDigit } from '../../contract/tracking-code';
import { exiftoolTags, identifyingTags } from '../support/exiftool';
import { ADMIN, countRows, createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';
import { filesOnDisk, multipart, noise, postMultipart } from '../support/uploads';

const MiB = 1024 * 1024;
const REPORT = { category: 'official_protection', details: 'The harbour master waves the smugglers through every Friday night.' };
const FIXTURES = path.join(import.meta.dirname, '../fixtures/images');

let t: TestInstance;
afterEach(() => t.close());

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function submit(files: Parameters<typeof multipart>[1], fields: Record<string, string> = REPORT): Promise<{ trackingCode: string }> {
  const response = await postMultipart(t, '/api/reports', multipart(fields, files));
  expect(response.status).toBe(201);
  return (await response.json()) as { trackingCode: string };
}

async function statusOf(trackingCode: string): Promise<{ files: { name: string; size: number; at: string }[]; messages: unknown[] }> {
  const response = await postMultipart(t, '/api/status', multipart({ trackingCode }));
  expect(response.status).toBe(200);
  return (await response.json()) as { files: { name: string; size: number; at: string }[]; messages: unknown[] };
}

async function adminCookie(): Promise<string> {
  return signIn(t, ADMIN.username, ADMIN.password);
}

interface CaseFiles {
  files: { id: number; name: string; size: number; type: string; sha256: string; metadata: string; origin: string; messageId: number | null }[];
}

async function caseFiles(cookie: string, reportId: number): Promise<CaseFiles['files']> {
  const response = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${reportId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as CaseFiles).files;
}

function onlyReportId(): number {
  const row = t.db.prepare<[], { id: number }>('SELECT id FROM reports').get();
  if (!row) throw new Error('no report stored');
  return row.id;
}

/** Nothing of a refused submission is left: no rows, no files, nothing incoming. */
function expectNothingStored(): void {
  expect(countRows(t.db, 'reports')).toBe(0);
  expect(countRows(t.db, 'report_files')).toBe(0);
  expect(filesOnDisk(t.dataDir)).toEqual({ stored: [], incoming: [] });
}

describe('a report with evidence files', () => {
  it('stores each file encrypted, lists names and sizes for the reporter, and staff download the exact bytes', async () => {
    t = await createTestInstance();
    const memo = new TextEncoder().encode('Ledger of payments: 2026-03 NT$200,000 to the harbour office. MARKER-memo');
    const scan = noise(300_000);
    const { trackingCode } = await submit([
      { name: '付款紀錄.txt', bytes: memo, type: 'text/plain' },
      { name: 'scan.bin', bytes: scan },
    ]);

    // On disk: two age files, nothing in clear, nothing left incoming.
    const disk = filesOnDisk(t.dataDir);
    expect(disk.stored).toHaveLength(2);
    expect(disk.incoming).toEqual([]);
    for (const name of disk.stored) {
      const stored = readFileSync(path.join(t.dataDir, 'files', name));
      expect(stored.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
      expect(stored.includes(Buffer.from('MARKER-memo'))).toBe(false);
      expect(stored.includes(Buffer.from('付款紀錄'))).toBe(false);
    }
    // The names are encrypted in the database too.
    const dbFile = readFileSync(path.join(t.dataDir, 'tipline.db'));
    expect(dbFile.includes(Buffer.from('付款紀錄'))).toBe(false);

    const status = await statusOf(trackingCode);
    expect(status.files.map((f) => [f.name, f.size])).toEqual([
      ['付款紀錄.txt', memo.length],
      ['scan.bin', scan.length],
    ]);

    const cookie = await adminCookie();
    const reportId = onlyReportId();
    const files = await caseFiles(cookie, reportId);
    expect(files.map((f) => [f.name, f.size, f.sha256, f.metadata, f.messageId])).toEqual([
      ['付款紀錄.txt', memo.length, sha256(memo), 'not_supported', null],
      ['scan.bin', scan.length, sha256(scan), 'not_supported', null],
    ]);
    const download = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${reportId}/files/${files[1]?.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(scan))).toBe(true);
    const auditActions = t.db.prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action LIKE 'file.%'").all();
    expect(auditActions.map((row) => row.action)).toEqual(['file.downloaded']);
  });

  it('downloads as an attachment with an inert type, no sniffing and a sandboxing CSP, even for uploaded HTML or SVG', async () => {
    t = await createTestInstance();
    const html = new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await submit([
      { name: 'page.html', bytes: html, type: 'text/html' },
      { name: 'x.svg', bytes: svg, type: 'image/svg+xml' },
    ]);
    const cookie = await adminCookie();
    const reportId = onlyReportId();
    for (const file of await caseFiles(cookie, reportId)) {
      const response = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${reportId}/files/${file.id}`);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('exports the stored age file, which the age command-line tool opens with the channel key', async () => {
    t = await createTestInstance();
    const bytes = noise(200_000, 7);
    await submit([{ name: 'evidence.bin', bytes }]);
    const cookie = await adminCookie();
    const reportId = onlyReportId();
    const [file] = await caseFiles(cookie, reportId);
    const response = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${reportId}/files/${file?.id}/encrypted`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('evidence.bin.age');
    const exported = path.join(t.dataDir, 'export.age');
    writeFileSync(exported, Buffer.from(await response.arrayBuffer()));

    const admin = await unlockStaff(t.db, t.kdf.staff, ADMIN.username, ADMIN.password);
    const channel = findChannelBySlug(t.db, 'official_protection');
    const identity = channel && admin?.channelIdentities.get(channel.id);
    if (!identity) throw new Error('the admin holds every channel key');
    const keyFile = path.join(t.dataDir, 'channel-key.txt');
    writeFileSync(keyFile, `${identity}\n`, { mode: 0o600 });
    const decrypted = execFileSync('age', ['--decrypt', '--identity', keyFile, exported]);
    expect(decrypted.equals(Buffer.from(bytes))).toBe(true);
    const actions = t.db.prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action LIKE 'file.%'").all();
    expect(actions.map((row) => row.action)).toEqual(['file.exported']);
  });

  it('ignores the empty part a file input sends when no file was chosen', async () => {
    t = await createTestInstance();
    const form = multipart(REPORT);
    form.append('files', new Blob([]), '');
    const response = await postMultipart(t, '/api/reports', form);
    expect(response.status).toBe(201);
    expect(countRows(t.db, 'report_files')).toBe(0);
  });
});

describe('limits: a clear 413 naming the limit, and nothing stored', () => {
  it('refuses more files than MAX_FILES', async () => {
    t = await createTestInstance({ MAX_FILES: '2' });
    const files = [1, 2, 3].map((n) => ({ name: `photo-${n}.bin`, bytes: noise(1000, n) }));
    const response = await postMultipart(t, '/api/reports', multipart(REPORT, files));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('too_many_files');
    expect(body.error.message).toContain('At most 2 files');
    expect(body.error.fields).toEqual({ files: 'too_many_files' });
    // The configured limits come along, so a page built with the defaults can name the real ones.
    expect((body.error as unknown as { limits: unknown }).limits).toEqual({ maxFiles: 2, maxFileBytes: 100 * MiB, maxSubmissionBytes: 300 * MiB });
    expectNothingStored();
  });

  it('refuses a file over MAX_FILE_MIB', async () => {
    t = await createTestInstance({ MAX_FILE_MIB: '1' });
    const files = [
      { name: 'small.bin', bytes: noise(1000) },
      { name: 'big.bin', bytes: noise(MiB + 1) },
    ];
    const response = await postMultipart(t, '/api/reports', multipart(REPORT, files));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('file_too_large');
    expect(body.error.message).toContain('at most 1 MB.'); // 1 MiB, rounded down in the units phones show
    expectNothingStored();
  });

  it('refuses files over MAX_SUBMISSION_MIB together', async () => {
    t = await createTestInstance({ MAX_FILE_MIB: '1', MAX_SUBMISSION_MIB: '2' });
    // Over MAX_SUBMISSION_MIB together, but not over the whole body's bound (text + files + part headers),
    // which would be the answer instead: a body past it is cut off there.
    const files = [0.9, 0.9, 0.3].map((mib, n) => ({ name: `part-${n}.bin`, bytes: noise(mib * MiB, n) }));
    const response = await postMultipart(t, '/api/reports', multipart(REPORT, files));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('submission_too_large');
    expect(body.error.message).toContain('at most 2 MB together');
    expectNothingStored();
  });

  it('answers a browser form post over a limit with the form page, in its language, status 413', async () => {
    t = await createTestInstance({ MAX_FILES: '1' });
    const files = [1, 2].map((n) => ({ name: `photo-${n}.bin`, bytes: noise(100, n) }));
    const response = await postMultipart(t, '/api/reports', multipart({ ...REPORT, lang: 'en' }, files), true);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('lang="en"');
    expect(page).toContain('harbour master'); // what was typed is kept
    expectNothingStored();
  });

  it('refuses a declared body larger than every limit together before reading it', async () => {
    t = await createTestInstance({ MAX_FILE_MIB: '1', MAX_SUBMISSION_MIB: '1' });
    const response = await t.app.request('/api/reports', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(10 * MiB), Accept: 'application/json' },
      body: '--x--',
    });
    expect(response.status).toBe(413);
    expectNothingStored();
  });
});

describe('refused uploads leave nothing behind', () => {
  it('refuses files sent before the text fields (400 files_before_fields)', async () => {
    t = await createTestInstance();
    const form = new FormData();
    form.append('category', REPORT.category);
    form.append('files', new Blob([Buffer.from(noise(5000))]), 'early.bin');
    form.append('details', REPORT.details);
    const response = await postMultipart(t, '/api/reports', form);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('files_before_fields');
    expectNothingStored();
  });

  it('checks the text before reading any file: invalid fields get 400 and nothing is stored', async () => {
    t = await createTestInstance();
    const response = await postMultipart(t, '/api/reports', multipart({ category: 'nonsense', details: 'short' }, [{ name: 'a.bin', bytes: noise(5000) }]));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.fields).toMatchObject({ category: 'invalid_choice', details: 'too_short' });
    expectNothingStored();
  });

  it('refuses an image too malformed to clean (422) unless metadata is kept', async () => {
    t = await createTestInstance();
    // A JPEG start, then a marker segment whose length runs past anything sane.
    const broken = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01, 0x00, 0x00]);
    const response = await postMultipart(t, '/api/reports', multipart(REPORT, [{ name: 'broken.jpg', bytes: broken }]));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('file_not_cleanable');
    expectNothingStored();
    await submit([{ name: 'broken.jpg', bytes: broken }], { ...REPORT, keepMetadata: 'on' });
    expect(countRows(t.db, 'report_files')).toBe(1);
  });
});

describe('metadata', () => {
  it('previews a cleaned JPEG or PNG inline, audited and never cached, with an image-only CSP; a file kept as sent or not an image has no preview', async () => {
    t = await createTestInstance();
    const jpeg = readFileSync(path.join(FIXTURES, 'with-metadata.jpg'));
    const png = readFileSync(path.join(FIXTURES, 'with-metadata.png'));
    await submit([
      { name: 'photo.jpg', bytes: jpeg, type: 'image/jpeg' },
      { name: 'screen.png', bytes: png, type: 'image/png' },
      { name: 'memo.txt', bytes: new TextEncoder().encode('a memo'), type: 'text/plain' },
    ]);
    await submit([{ name: 'kept.jpg', bytes: jpeg, type: 'image/jpeg' }], { ...REPORT, keepMetadata: 'on' });
    const cookie = await adminCookie();
    const [first, second] = t.db.prepare<[], { id: number }>('SELECT id FROM reports ORDER BY id').all().map((row) => row.id);
    const [photo, screen, memo] = await caseFiles(cookie, first ?? 0);
    for (const file of [photo, screen]) {
      const response = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${first}/files/${file?.id}/preview`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(file?.type);
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; img-src 'self'/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toBe('inline');
      // The cleaned copy: exactly the stored file whose hash the case page shows.
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(file?.sha256);
    }
    const previewed = t.db.prepare<[], { detail: string }>("SELECT detail FROM audit_log WHERE action = 'file.previewed' ORDER BY id").all();
    expect(previewed.map((row) => JSON.parse(row.detail) as unknown)).toEqual([{ fileId: photo?.id }, { fileId: screen?.id }]);
    expect((await staffRequest(t, cookie, 'GET', `/api/staff/reports/${first}/files/${memo?.id}/preview`)).status).toBe(404);
    const [kept] = await caseFiles(cookie, second ?? 0);
    expect(kept?.metadata).toBe('kept');
    expect((await staffRequest(t, cookie, 'GET', `/api/staff/reports/${second}/files/${kept?.id}/preview`)).status).toBe(404);
  });

  it('removes JPEG and PNG metadata, records the cleaned file\'s SHA-256, and keeps it when asked', async () => {
    t = await createTestInstance();
    const jpeg = readFileSync(path.join(FIXTURES, 'with-metadata.jpg'));
    const png = readFileSync(path.join(FIXTURES, 'with-metadata.png'));
    await submit([
      { name: 'photo.jpg', bytes: jpeg, type: 'image/jpeg' },
      { name: 'screen.png', bytes: png, type: 'image/png' },
    ]);
    const { trackingCode } = await submit([{ name: 'proof.jpg', bytes: jpeg, type: 'image/jpeg' }], { ...REPORT, keepMetadata: 'on' });
    expect(trackingCode).toMatch(/\d/);

    const cookie = await adminCookie();
    const reports = t.db.prepare<[], { id: number }>('SELECT id FROM reports ORDER BY id').all();
    const [first, second] = reports.map((row) => row.id);
    const cleaned = await caseFiles(cookie, first ?? 0);
    expect(cleaned.map((f) => [f.name, f.type, f.metadata])).toEqual([
      ['photo.jpg', 'image/jpeg', 'removed'],
      ['screen.png', 'image/png', 'removed'],
    ]);
    for (const file of cleaned) {
      const response = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${first}/files/${file.id}`);
      expect(response.headers.get('content-type')).toBe(file.type);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(file.size);
      expect(sha256(bytes)).toBe(file.sha256);
      expect(bytes.length).toBeLessThan(file.type === 'image/jpeg' ? jpeg.length : png.length);
      // What staff download has nothing identifying left, says exiftool; the fixture had plenty.
      const original = file.type === 'image/jpeg' ? jpeg : png;
      expect(identifyingTags(exiftoolTags(original, file.name)).length).toBeGreaterThan(5);
      expect(identifyingTags(exiftoolTags(bytes, file.name))).toEqual([]);
      // And the picture is the same, pixel for pixel.
      const pixels = (image: Buffer): Buffer =>
        file.type === 'image/jpeg' ? Buffer.from(jpegDecode(image, { useTArray: true }).data) : PNG.sync.read(image).data;
      expect(pixels(bytes).equals(pixels(original))).toBe(true);
    }
    const kept = await caseFiles(cookie, second ?? 0);
    expect(kept.map((f) => [f.metadata, f.sha256])).toEqual([['kept', sha256(jpeg)]]);
  });

  it('gives staff a sideways-stored phone photo with its orientation and a standard colour profile, and nothing naming the phone', async () => {
    t = await createTestInstance();
    const jpeg = readFileSync(path.join(FIXTURES, 'rotated-phone-photo.jpg'));
    const png = readFileSync(path.join(FIXTURES, 'rotated-phone-photo.png'));
    await submit([
      { name: 'upright.jpg', bytes: jpeg, type: 'image/jpeg' },
      { name: 'upright.png', bytes: png, type: 'image/png' },
    ]);
    const cookie = await adminCookie();
    const id = onlyReportId();
    const files = await caseFiles(cookie, id);
    expect(files.map((f) => f.metadata)).toEqual(['removed', 'removed']);
    for (const file of files) {
      for (const route of ['', '/preview']) {
        const bytes = Buffer.from(await (await staffRequest(t, cookie, 'GET', `/api/staff/reports/${id}/files/${file.id}${route}`)).arrayBuffer());
        expect(sha256(bytes)).toBe(file.sha256);
        const tags = exiftoolTags(bytes, file.name);
        expect(tags).toMatchObject({ 'IFD0:Orientation': 'Rotate 90 CW', 'ICC_Profile:ProfileDescription': 'sRGB IEC61966-2.1', 'ICC-header:DeviceModel': '' });
        expect(identifyingTags(tags)).toEqual([]);
        expect(['Pixel', 'Google', '3A201FDH600ABC'].filter((word) => bytes.includes(Buffer.from(word)))).toEqual([]);
      }
    }
  });
});

describe('follow-ups with files', () => {
  it('adds files with or without a message; the reporter sees every file they sent', async () => {
    t = await createTestInstance();
    const { trackingCode } = await submit([{ name: 'first.bin', bytes: noise(100) }]);
    const onlyFiles = await postMultipart(t, '/api/status/messages', multipart({ trackingCode }, [{ name: 'second.bin', bytes: noise(200) }]));
    expect(onlyFiles.status).toBe(201);
    const withMessage = await postMultipart(
      t,
      '/api/status/messages',
      multipart({ trackingCode, body: 'Here is the photo of the ledger you asked for.' }, [{ name: 'third.bin', bytes: noise(300) }]),
    );
    expect(withMessage.status).toBe(201);
    const view = (await withMessage.json()) as { files: { name: string; size: number }[]; messages: { body: string }[] };
    expect(view.files.map((f) => [f.name, f.size])).toEqual([
      ['first.bin', 100],
      ['second.bin', 200],
      ['third.bin', 300],
    ]);
    expect(view.messages.map((m) => m.body)).toEqual(['Here is the photo of the ledger you asked for.']);

    const cookie = await adminCookie();
    const files = await caseFiles(cookie, onlyReportId());
    const messageId = t.db.prepare<[], { id: number }>('SELECT id FROM report_messages').get()?.id;
    expect(files.map((f) => [f.origin, f.messageId])).toEqual([
      ['report', null],
      ['follow_up', null],
      ['follow_up', messageId],
    ]);
  });

  it('needs a message or a file, and a wrong code stores nothing', async () => {
    t = await createTestInstance();
    const { trackingCode } = await submit([]);
    const empty = await postMultipart(t, '/api/status/messages', multipart({ trackingCode }));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ body: 'required' });

    // A well-formed code (valid check digit) that belongs to no report.
    const payload = trackingCode.replace(/\D/g, '').slice(0, 19);
    const changed = `${payload[0] === '1' ? '2' : '1'}${payload.slice(1)}`;
    const other = changed + dammCheckDigit(changed);
    const wrong = await postMultipart(t, '/api/status/messages', multipart({ trackingCode: other, body: 'hello there' }, [{ name: 'x.bin', bytes: noise(100) }]));
    expect(wrong.status).toBe(404);
    expect(countRows(t.db, 'report_files')).toBe(0);
    expect(countRows(t.db, 'report_messages')).toBe(0);
    expect(filesOnDisk(t.dataDir)).toEqual({ stored: [], incoming: [] });
  });
});

describe('moving a report', () => {
  it('re-encrypts its files for the new channel and deletes the old ciphertexts', async () => {
    t = await createTestInstance();
    const bytes = noise(150_000, 3);
    await submit([{ name: 'ledger.bin', bytes }]);
    const reportId = onlyReportId();
    const before = listReportFiles(t.db, reportId).map((f) => f.storageName);
    const cookie = await adminCookie();
    const moved = await staffRequest(t, cookie, 'POST', `/api/staff/reports/${reportId}/move`, { channel: 'case_interference' });
    expect(moved.status).toBe(200);
    const after = listReportFiles(t.db, reportId).map((f) => f.storageName);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    expect(filesOnDisk(t.dataDir)).toEqual({ stored: [`${after[0]}.age`], incoming: [] });

    // Only the new channel's key opens it now.
    const admin = await unlockStaff(t.db, t.kdf.staff, ADMIN.username, ADMIN.password);
    const key = (slug: string): string => {
      const channel = findChannelBySlug(t.db, slug);
      const identity = channel && admin?.channelIdentities.get(channel.id);
      if (!identity) throw new Error('the admin holds every channel key');
      return identity;
    };
    const stored = path.join(t.dataDir, 'files', `${after[0]}.age`);
    for (const [slug, opens] of [['case_interference', true], ['official_protection', false]] as const) {
      const keyFile = path.join(t.dataDir, `${slug}.key`);
      writeFileSync(keyFile, `${key(slug)}\n`, { mode: 0o600 });
      if (opens) expect(execFileSync('age', ['--decrypt', '--identity', keyFile, stored]).equals(Buffer.from(bytes))).toBe(true);
      else expect(() => execFileSync('age', ['--decrypt', '--identity', keyFile, stored], { stdio: 'pipe' })).toThrow();
    }
    const [file] = await caseFiles(cookie, reportId);
    const download = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${reportId}/files/${file?.id}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('access', () => {
  it('a file of another report, or of a report in a channel the member cannot open, is not found', async () => {
    t = await createTestInstance();
    await submit([{ name: 'a.bin', bytes: noise(100) }]);
    await submit([{ name: 'b.bin', bytes: noise(100) }], { ...REPORT, category: 'organised_crime' });
    const [first, second] = t.db.prepare<[], { id: number }>('SELECT id FROM reports ORDER BY id').all().map((row) => row.id);
    const cookie = await adminCookie();
    const fileOfSecond = (await caseFiles(cookie, second ?? 0))[0]?.id;
    const crossed = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${first}/files/${fileOfSecond}`);
    expect(crossed.status).toBe(404);
    await addStaff(t, { username: 'oc-only', password: 'a long enough password 1', role: 'triager', channels: ['organised_crime'] });
    const member = await signIn(t, 'oc-only', 'a long enough password 1');
    const fileOfFirst = listReportFiles(t.db, first ?? 0)[0]?.id;
    const outside = await staffRequest(t, member, 'GET', `/api/staff/reports/${first}/files/${fileOfFirst}`);
    expect(outside.status).toBe(404);
    const anonymous = await staffRequest(t, null, 'GET', `/api/staff/reports/${first}/files/${fileOfFirst}`);
    expect(anonymous.status).toBe(401);
  });
});
