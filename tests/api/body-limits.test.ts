/**
 * Body size limits per route: the reporter routes take at most
 * MAX_BODY_BYTES of text, the upload routes their file limits on top, every
 * staff route 1 MiB. One byte over gets 413, whether the size is declared
 * (Content-Length) or only found out while the body streams in (no
 * Content-Length, chunked), and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBodyLimit } from '../../server/routes/uploads';
import { submit } from '../support/casework';
import { jsonOfLength } from '../support/fuzz-bodies';
import { toRequest, type FuzzRequest } from '../support/fuzz';
import { snapshotStore } from '../support/fuzz-runner';
import { STAFF_MAX_BODY_BYTES } from '../support/fuzz-world';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { ORIGIN, signIn } from '../support/staff';
import { noise } from '../support/uploads';

const MiB = 1024 * 1024;
const MAX_BODY_BYTES = 16 * 1024;
const LIMITS = { MAX_BODY_BYTES: String(MAX_BODY_BYTES), MAX_FILES: '2', MAX_FILE_MIB: '1', MAX_SUBMISSION_MIB: '1' } as const;
const DELIVERIES = ['declared', 'undeclared', 'stream'] as const;
const BOUNDARY = 'tipline-limit-boundary';
const REPORT = { category: 'organised_crime', details: 'The loan sharks on Dihua Street keep a ledger of who pays.' };

let t: TestInstance;
let cookie: string;
let trackingCode: string;
let reportId: number;
beforeAll(async () => {
  t = await createTestInstance(LIMITS);
  cookie = await signIn(t, ADMIN.username, ADMIN.password);
  ({ trackingCode, id: reportId } = await submit(t));
});
afterAll(() => t.close());

/** Send and check that nothing was stored; returns status and error code. */
async function sendChecked(req: FuzzRequest): Promise<{ status: number; code: string | undefined }> {
  const before = snapshotStore(t);
  const res = await t.app.request(toRequest(req));
  const text = await res.text();
  const code = res.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as { error?: { code?: string } }).error?.code : undefined;
  if (res.status >= 400) expect(snapshotStore(t), `${req.method} ${req.target}: stored something`).toEqual(before);
  return { status: res.status, code };
}

type Field = [name: string, value: string];
type File = { name?: string; filename: string; bytes: Uint8Array };

/** A multipart body, text fields then files. */
function multipartOf(fields: readonly Field[], files: readonly File[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const [name, value] of fields) chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.name ?? 'files'}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

function post(target: string, body: Uint8Array, contentType: string, delivery: NonNullable<FuzzRequest['delivery']>, headers: Record<string, string> = {}): FuzzRequest {
  return { method: 'POST', target, headers: { 'Content-Type': contentType, Accept: 'application/json', ...headers }, body, delivery };
}

const multipartType = `multipart/form-data; boundary=${BOUNDARY}`;
const reportFields = Object.entries(REPORT);

describe('reporter routes: MAX_BODY_BYTES of text', () => {
  const routes = ['/api/reports', '/api/status', '/api/status/messages'];
  for (const route of routes) {
    for (const delivery of DELIVERIES) {
      it(`${route}: one byte over MAX_BODY_BYTES (${delivery}) gets 413 payload_too_large for JSON and urlencoded`, async () => {
        for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
          const result = await sendChecked(post(route, jsonOfLength(MAX_BODY_BYTES + 1), type, delivery));
          expect(result, type).toEqual({ status: 413, code: 'payload_too_large' });
        }
      });
    }
    it(`${route}: a body of exactly MAX_BODY_BYTES is read (not 413)`, async () => {
      for (const delivery of DELIVERIES) {
        const result = await sendChecked(post(route, jsonOfLength(MAX_BODY_BYTES), 'application/json', delivery));
        expect(result.status, delivery).not.toBe(413);
      }
    });
  }
});

describe('upload routes: the text limit plus the file limits', () => {
  // Fields as functions: the tracking code exists only once beforeAll has run.
  const uploads: [route: string, fields: () => Field[]][] = [
    ['/api/reports', () => reportFields],
    ['/api/status/messages', () => [['trackingCode', trackingCode]]],
  ];

  for (const [route, fieldsOf] of uploads) {
    for (const delivery of DELIVERIES) {
      it(`${route} (${delivery}): text fields over MAX_BODY_BYTES get 413 payload_too_large`, async () => {
        const body = multipartOf([...fieldsOf(), ['region', 'x'.repeat(MAX_BODY_BYTES)]], []);
        expect(await sendChecked(post(route, body, multipartType, delivery))).toEqual({ status: 413, code: 'payload_too_large' });
      });

      it(`${route} (${delivery}): a file one byte over MAX_FILE_MIB gets 413 file_too_large; one of exactly MAX_FILE_MIB is stored`, async () => {
        const over = multipartOf(fieldsOf(), [{ filename: 'big.bin', bytes: noise(MiB + 1) }]);
        expect(await sendChecked(post(route, over, multipartType, delivery))).toEqual({ status: 413, code: 'file_too_large' });
        const exact = multipartOf(fieldsOf(), [{ filename: 'exact.bin', bytes: noise(MiB) }]);
        expect((await sendChecked(post(route, exact, multipartType, delivery))).status).toBe(201);
      });

      it(`${route} (${delivery}): files one byte over MAX_SUBMISSION_MIB together get 413 submission_too_large`, async () => {
        const half = MiB / 2;
        const body = multipartOf(fieldsOf(), [
          { filename: 'a.bin', bytes: noise(half, 1) },
          { filename: 'b.bin', bytes: noise(half + 1, 2) },
        ]);
        expect(await sendChecked(post(route, body, multipartType, delivery))).toEqual({ status: 413, code: 'submission_too_large' });
      });

      it(`${route} (${delivery}): a body one byte over the whole multipart bound gets 413 payload_too_large, even in parts nobody reads`, async () => {
        // The text limit, every file and room for part headers (server/routes/uploads.ts).
        const bound = multipartBodyLimit(t.config);
        expect(bound).toBeLessThan(MAX_BODY_BYTES + 2 * MiB);
        const padded = (length: number): Uint8Array => {
          const empty = multipartOf(fieldsOf(), [{ name: 'ignored', filename: 'pad.bin', bytes: new Uint8Array(0) }]);
          return multipartOf(fieldsOf(), [{ name: 'ignored', filename: 'pad.bin', bytes: noise(length - empty.length) }]);
        };
        expect(await sendChecked(post(route, padded(bound + 1), multipartType, delivery))).toEqual({ status: 413, code: 'payload_too_large' });
        expect((await sendChecked(post(route, padded(bound), multipartType, delivery))).status).not.toBe(413);
      });
    }
  }
});

describe('files refused as they arrive', () => {
  // The refusal can come before the encrypted copy is even opened; a race then left it behind.
  it('leave no incoming file behind, over and over', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      for (const route of ['/api/reports', '/api/status/messages']) {
        const fields: Field[] = route === '/api/reports' ? reportFields : [['trackingCode', trackingCode]];
        const half = MiB / 2;
        const over = [
          multipartOf(fields, [{ filename: 'big.bin', bytes: noise(MiB + 1, attempt + 1) }]),
          multipartOf(fields, [{ filename: 'a.bin', bytes: noise(half, 1) }, { filename: 'b.bin', bytes: noise(half + 1, 2) }]),
        ];
        for (const body of over) {
          for (const delivery of ['undeclared', 'stream'] as const) expect((await sendChecked(post(route, body, multipartType, delivery))).status).toBe(413);
        }
      }
    }
  });
});

describe('staff routes: 1 MiB', () => {
  const staffHeaders = (): Record<string, string> => ({ Cookie: cookie, Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' });

  it('every staff POST route refuses one byte over 1 MiB, declared or streamed, with 413 payload_too_large', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const posts = Object.entries(doc.paths)
      .filter(([path, methods]) => path.startsWith('/api/staff/') && 'post' in methods)
      .map(([path]) => path.replace('{id}', String(reportId)));
    expect(posts.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    const over = jsonOfLength(STAFF_MAX_BODY_BYTES + 1);
    for (const path of posts) {
      for (const delivery of DELIVERIES) {
        const result = await sendChecked(post(path, over, 'application/json', delivery, staffHeaders()));
        if (result.status !== 413 || result.code !== 'payload_too_large') failures.push(`${path} (${delivery}): ${result.status} ${result.code}`);
      }
    }
    expect(failures).toEqual([]);
    // The session survived: the oversize logout was refused before it ran.
    expect((await t.app.request('/api/staff/me', { headers: staffHeaders() })).status).toBe(200);
  });

  it('a staff body of exactly 1 MiB is read (400 for the oversized field, not 413)', async () => {
    for (const delivery of DELIVERIES) {
      const result = await sendChecked(post('/api/staff/leads', jsonOfLength(STAFF_MAX_BODY_BYTES), 'application/json', delivery, staffHeaders()));
      expect(result, delivery).toEqual({ status: 400, code: 'invalid_input' });
    }
  });
});
