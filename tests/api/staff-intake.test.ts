/**
 * Leads entered by staff with evidence files (issue 14 item 6): a multipart
 * POST /api/staff/leads goes through the web form's upload pipeline — the
 * same metadata removal, encryption to the channel and the returned code,
 * limits and error codes — is audited without content, and keeps the staff
 * API's CSRF check. JSON keeps working.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEntries, jsonOf } from '../support/casework';
import { exiftoolTags, identifyingTags } from '../support/exiftool';
import { countRows, createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, ORIGIN, signIn, staffRequest } from '../support/staff';
import { filesOnDisk, multipart, noise, postMultipart, type UploadFile } from '../support/uploads';

const MiB = 1024 * 1024;
const PASSWORD = 'a long enough password';
const MARKER = 'LEADMARK51c2';
const LEAD = {
  source: 'phone',
  category: 'official_protection',
  details: `A caller says the harbour master waves the smugglers through every Friday night. ${MARKER}`,
};
const JPEG = readFileSync(path.join(import.meta.dirname, '../fixtures/images/with-metadata.jpg'));

let t: TestInstance;
afterEach(() => t.close());

/** A triager of the lead's channel, signed in. */
async function triager(): Promise<string> {
  await addStaff(t, { username: 'mei', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  return signIn(t, 'mei', PASSWORD);
}

/** A multipart lead as the console sends it: the session cookie and the same-origin headers, unless `headers` replace them. */
function postLead(cookie: string, form: FormData, headers: Record<string, string> = { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' }): Promise<Response> {
  return Promise.resolve(
    t.app.request(`${ORIGIN}/api/staff/leads`, { method: 'POST', headers: { Accept: 'application/json', Cookie: cookie, ...headers }, body: form }),
  );
}

async function statusFiles(trackingCode: string): Promise<{ name: string; size: number }[]> {
  return (await jsonOf<{ files: { name: string; size: number }[] }>(await postMultipart(t, '/api/status', multipart({ trackingCode })), 200)).files;
}

function expectNothingStored(): void {
  expect(countRows(t.db, 'reports')).toBe(0);
  expect(countRows(t.db, 'report_files')).toBe(0);
  expect(filesOnDisk(t.dataDir)).toEqual({ stored: [], incoming: [] });
  expect(auditEntries(t, 'lead.entered')).toEqual([]);
}

describe('a lead entered with files', () => {
  it('stores a photo cleaned of its GPS and camera tags and encrypted; the person sees it on the status page with the code', async () => {
    t = await createTestInstance();
    const cookie = await triager();
    expect(identifyingTags(exiftoolTags(JPEG, 'photo.jpg')).length).toBeGreaterThan(5);
    const response = await postLead(cookie, multipart(LEAD, [{ name: 'harbour-photo.jpg', bytes: JPEG, type: 'image/jpeg' }]));
    const { id, trackingCode } = await jsonOf<{ id: number; trackingCode: string }>(response, 201);
    expect(trackingCode).toMatch(/^\d{4}( \d{4}){4}$/);

    // On disk: one age file, no picture bytes in clear, nothing left incoming.
    const disk = filesOnDisk(t.dataDir);
    expect(disk.stored).toHaveLength(1);
    expect(disk.incoming).toEqual([]);
    const stored = readFileSync(path.join(t.dataDir, 'files', disk.stored[0] ?? ''));
    expect(stored.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(stored.includes(JPEG.subarray(200, 264))).toBe(false);

    // The person with the code (the reporter key) sees the file.
    const seen = await statusFiles(trackingCode);
    expect(seen.map((file) => file.name)).toEqual(['harbour-photo.jpg']);

    // Staff of the channel download it: cleaned, says exiftool.
    const view = await jsonOf<{ source: string; files: { id: number; metadata: string; size: number }[] }>(
      await staffRequest(t, cookie, 'GET', `/api/staff/reports/${id}`),
      200,
    );
    expect(view.files.map((file) => file.metadata)).toEqual(['removed']);
    const download = await staffRequest(t, cookie, 'GET', `/api/staff/reports/${id}/files/${view.files[0]?.id}`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(seen[0]?.size);
    expect(bytes.length).toBeLessThan(JPEG.length);
    expect(identifyingTags(exiftoolTags(bytes, 'photo.jpg'))).toEqual([]);
  });

  it('keeps the metadata when staff tick "keep metadata"', async () => {
    t = await createTestInstance();
    const cookie = await triager();
    const { id } = await jsonOf<{ id: number }>(await postLead(cookie, multipart({ ...LEAD, keepMetadata: 'on' }, [{ name: 'p.jpg', bytes: JPEG }])), 201);
    const view = await jsonOf<{ files: { metadata: string }[] }>(await staffRequest(t, cookie, 'GET', `/api/staff/reports/${id}`), 200);
    expect(view.files.map((file) => file.metadata)).toEqual(['kept']);
  });

  it('takes files past the staff API\'s 1 MiB body limit, as the web form does', async () => {
    t = await createTestInstance();
    const cookie = await triager();
    const { trackingCode } = await jsonOf<{ trackingCode: string }>(await postLead(cookie, multipart(LEAD, [{ name: 'scan.bin', bytes: noise(2 * MiB) }])), 201);
    expect((await statusFiles(trackingCode)).map((file) => file.size)).toEqual([2 * MiB]);
  });

  it('audits lead.entered with the source and the number of files, and no content or file name', async () => {
    t = await createTestInstance();
    const cookie = await triager();
    const files: UploadFile[] = [
      { name: 'letter-scan.bin', bytes: noise(3000, 1) },
      { name: 'envelope.bin', bytes: noise(3000, 2) },
    ];
    const { id } = await jsonOf<{ id: number }>(await postLead(cookie, multipart({ ...LEAD, source: 'letter' }, files)), 201);
    const entries = auditEntries(t, 'lead.entered');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ reportId: id, detail: { source: 'letter', files: 2 } });
    const row = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    expect(row).not.toContain(MARKER);
    expect(row).not.toContain('letter-scan');
  });

  it('still takes a JSON lead without files, audited with no files', async () => {
    t = await createTestInstance();
    const cookie = await triager();
    const { trackingCode } = await jsonOf<{ trackingCode: string }>(await staffRequest(t, cookie, 'POST', '/api/staff/leads', LEAD), 201);
    expect(await statusFiles(trackingCode)).toEqual([]);
    expect(auditEntries(t, 'lead.entered')[0]?.detail).toEqual({ source: 'phone', files: 0 });
  });
});

describe('bad input: the web form\'s status and error code, and nothing stored', () => {
  const broken = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01, 0x00, 0x00]);
  const early = (): FormData => {
    const form = new FormData();
    form.append('source', 'visit');
    form.append('category', LEAD.category);
    form.append('files', new Blob([Buffer.from(noise(5000))]), 'early.bin');
    form.append('details', LEAD.details);
    return form;
  };
  const cases: { name: string; env?: Record<string, string>; form: () => FormData; status: number; code: string }[] = [
    { name: 'more files than MAX_FILES', env: { MAX_FILES: '1' }, form: () => multipart(LEAD, [1, 2].map((n) => ({ name: `${n}.bin`, bytes: noise(100, n) }))), status: 413, code: 'too_many_files' },
    { name: 'a file over MAX_FILE_MIB', env: { MAX_FILE_MIB: '1' }, form: () => multipart(LEAD, [{ name: 'big.bin', bytes: noise(MiB + 1) }]), status: 413, code: 'file_too_large' },
    { name: 'an image too malformed to clean', form: () => multipart(LEAD, [{ name: 'broken.jpg', bytes: broken }]), status: 422, code: 'file_not_cleanable' },
    { name: 'files before the text fields', form: early, status: 400, code: 'files_before_fields' },
    { name: 'invalid fields', form: () => multipart({ ...LEAD, category: 'nonsense', details: 'short' }, [{ name: 'a.bin', bytes: noise(100) }]), status: 400, code: 'invalid_input' },
  ];
  for (const { name, env, form, status, code } of cases) {
    it(`${name}: ${status} ${code}, as POST /api/reports answers`, async () => {
      t = await createTestInstance(env);
      const cookie = await triager();
      const response = await postLead(cookie, form());
      const body = await jsonOf<{ error: { code: string; fields?: Record<string, string> } }>(response, status);
      expect(body.error.code).toBe(code);
      expectNothingStored();
      // The reporter route answers the same fields and files alike (it has no `source`; extra fields are ignored).
      const reporter = await postMultipart(t, '/api/reports', form());
      expect(reporter.status).toBe(status);
      expect(((await reporter.json()) as { error: { code: string; fields?: Record<string, string> } }).error).toMatchObject({ code, fields: body.error.fields });
    });
  }

  it('refuses a declared multipart body larger than every upload limit together, before reading it (413)', async () => {
    t = await createTestInstance({ MAX_FILE_MIB: '1', MAX_SUBMISSION_MIB: '1' });
    const cookie = await triager();
    const response = await t.app.request(`${ORIGIN}/api/staff/leads`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin', Cookie: cookie, Accept: 'application/json', 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(10 * MiB) },
      body: '--x--',
    });
    expect((await jsonOf<{ error: { code: string } }>(response, 413)).error.code).toBe('payload_too_large');
    expectNothingStored();
  });

  it('names a missing source as a field problem', async () => {
    t = await createTestInstance();
    const cookie = await triager();
    const { source: _source, ...withoutSource } = LEAD;
    const body = await jsonOf<{ error: { code: string; fields: Record<string, string> } }>(await postLead(cookie, multipart(withoutSource, [{ name: 'a.bin', bytes: noise(100) }])), 400);
    expect(body.error).toMatchObject({ code: 'invalid_input', fields: { source: 'required' } });
    expectNothingStored();
  });
});

describe('who may enter a lead with files', () => {
  it('refuses a multipart lead without the staff origin headers, or from another site (403 csrf_rejected), storing nothing', async () => {
    t = await createTestInstance();
    const cookie = await triager();
    const files = [{ name: 'p.jpg', bytes: JPEG }];
    for (const headers of [{}, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'https://evil.example' }]) {
      const body = await jsonOf<{ error: { code: string } }>(await postLead(cookie, multipart(LEAD, files), headers), 403);
      expect(body.error.code).toBe('csrf_rejected');
    }
    expectNothingStored();
  });

  it('refuses an auditor (403 forbidden) and no session (401), storing nothing', async () => {
    t = await createTestInstance();
    await addStaff(t, { username: 'aud', password: PASSWORD, role: 'auditor', channels: [] });
    const auditor = await signIn(t, 'aud', PASSWORD);
    expect((await jsonOf<{ error: { code: string } }>(await postLead(auditor, multipart(LEAD, [{ name: 'a.bin', bytes: noise(100) }])), 403)).error.code).toBe('forbidden');
    expect((await jsonOf<{ error: { code: string } }>(await postLead('', multipart(LEAD, [{ name: 'a.bin', bytes: noise(100) }])), 401)).error.code).toBe('unauthenticated');
    expectNothingStored();
  });
});
