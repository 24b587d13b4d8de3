/**
 * Strict ids and methods (issue 16, item 5): every staff route reads an id
 * in its path the same way (`0x10`, `1e1` are 400, never report 16 or 10);
 * a HEAD on the staff API never runs the route, so it writes no audit entry
 * and marks nothing read; pages answer GET and HEAD only (405 with Allow);
 * API errors are JSON whatever Accept says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, jsonOf, submit } from '../support/casework';
import { ADMIN, countRows, createTestInstance, type TestInstance } from '../support/instance';
import { ORIGIN, signIn, staffRequest } from '../support/staff';
import { multipart, postMultipart } from '../support/uploads';

let t: TestInstance;
let admin: string;
let reportId: number;
let fileId: number;
let templateId: number;

/** Ids that are not the decimal digits of a positive integer, whatever Number() or zod's coerce would make of them. */
const MALFORMED = ['0x10', '1e1', '0x1', '1e0', '01', '1.0', '+1', '-1', '0', 'abc', '1%20', '%201'];

beforeAll(async () => {
  t = await createTestInstance();
  admin = await signIn(t, ADMIN.username, ADMIN.password);
  // Enough reports that 0x10 and 1e1 would name real ones if read as numbers.
  for (let n = 0; n < 16; n++) await submit(t);
  const withFile = await postMultipart(
    t,
    '/api/reports',
    multipart(
      {
        category: 'organised_crime',
        details: 'The ledger is attached as a file.',
      },
      [{ name: 'ledger.bin', bytes: new Uint8Array(100) }],
    ),
  );
  expect(withFile.status).toBe(201);
  const row = t.db.prepare<[], { id: number; reportId: number }>('SELECT id, report_id AS reportId FROM report_files ORDER BY id DESC LIMIT 1').get();
  if (!row) throw new Error('no file row');
  ({ id: fileId, reportId } = row);
  const template = await staffRequest(t, admin, 'POST', '/api/staff/admin/reply-templates', { language: 'en', title: 'Thanks', body: 'We have your report.' });
  templateId = (await jsonOf<{ id: number }>(template, 201)).id;
});
afterAll(() => t.close());

/** Every staff route whose path names something by id, from the app's own route table (so a new route is walked too). */
function idRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  return t.app.routes
    .filter((route) => route.path.startsWith('/api/staff/') && route.method !== 'ALL' && /\/:(id|\w+Id)\b/.test(route.path))
    .filter((route) => !seen.has(`${route.method} ${route.path}`) && seen.add(`${route.method} ${route.path}`));
}

/** The route's path with real ids, and `param` replaced by `value`. */
function fill(path: string, param: string | null, value: string): string {
  const real: Record<string, number> = {
    id: path.includes('reply-templates') ? templateId : path.startsWith('/api/staff/admin/') ? 1 : reportId,
    fileId,
  };
  return path.replace(/:(\w+)/g, (_all, name: string) => (name === param ? value : String(real[name] ?? 1)));
}

describe('ids in staff paths', () => {
  it('finds every id route the issue names among those walked', () => {
    const paths = idRoutes().map((route) => `${route.method} ${route.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /api/staff/reports/:id',
        'GET /api/staff/reports/:id/audit',
        'GET /api/staff/reports/:id/files/:fileId',
        'POST /api/staff/reports/:id/notes',
        'POST /api/staff/admin/staff/:id/disable',
        'PUT /api/staff/admin/reply-templates/:id',
      ]),
    );
    expect(paths.length).toBeGreaterThan(20);
  });

  it('every staff route answers 400 invalid_input naming the parameter for a malformed id, before reading any body, and changes nothing', async () => {
    const auditBefore = countRows(t.db, 'audit_log');
    for (const { method, path } of idRoutes()) {
      for (const param of path.match(/:(\w+)/g)?.map((name) => name.slice(1)) ?? []) {
        for (const bad of MALFORMED) {
          // No body at all: were the body read first, the answer would name it instead.
          const res = await staffRequest(t, admin, method, fill(path, param, bad));
          const text = await res.text();
          expect(res.status, `${method} ${fill(path, param, bad)}: ${text}`).toBe(400);
          expect(JSON.parse(text), `${method} ${path} ${param}=${bad}`).toMatchObject({
            error: { code: 'invalid_input', fields: { [param]: 'invalid' } },
          });
        }
      }
    }
    expect(countRows(t.db, 'audit_log')).toBe(auditBefore);
  });

  it('a well-formed id that names nothing is 404, even past the largest safe integer', async () => {
    for (const { method, path } of idRoutes()) {
      if (method !== 'GET') continue;
      for (const missing of ['99999999', '9'.repeat(30)]) {
        const res = await staffRequest(t, admin, method, fill(path, 'id', missing));
        expect(res.status, `${method} ${fill(path, 'id', missing)}`).toBe(404);
      }
    }
  });

  it('GET /reports/:id/audit reads 0x10 and 1e1 as malformed, not as the audit of reports 16 and 10', async () => {
    for (const id of [16, 10]) expect((await staffRequest(t, admin, 'GET', `/api/staff/reports/${id}/audit`)).status).toBe(200);
    for (const bad of ['0x10', '1e1', '16.0', '0016']) {
      const answer = await jsonOf<{
        error: { code: string; fields: Record<string, string> };
      }>(await staffRequest(t, admin, 'GET', `/api/staff/reports/${bad}/audit`), 400);
      expect(answer.error).toMatchObject({
        code: 'invalid_input',
        fields: { id: 'invalid' },
      });
    }
  });
});

describe('HEAD on the staff API', () => {
  it('never runs a route: a HEAD of a report view is 405 with Allow, writes no report.viewed and marks nothing read', async () => {
    const viewsBefore = auditEntries(t, 'report.viewed').length;
    const readBefore = t.db.prepare('SELECT count(*) AS n FROM report_views').get();
    const res = await staffRequest(t, admin, 'HEAD', `/api/staff/reports/${reportId}`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(auditEntries(t, 'report.viewed').length).toBe(viewsBefore);
    expect(t.db.prepare('SELECT count(*) AS n FROM report_views').get()).toEqual(readBefore);
    // The GET still works, and is audited.
    await jsonOf(await staffRequest(t, admin, 'GET', `/api/staff/reports/${reportId}`), 200);
    expect(auditEntries(t, 'report.viewed').length).toBe(viewsBefore + 1);
  });

  it('no GET route of the staff API writes an audit entry when asked with HEAD', async () => {
    const before = countRows(t.db, 'audit_log');
    const gets = t.app.routes.filter((route) => route.method === 'GET' && route.path.startsWith('/api/staff/'));
    expect(gets.length).toBeGreaterThan(20);
    for (const { path } of gets) {
      const res = await staffRequest(t, admin, 'HEAD', fill(path, null, ''));
      expect(res.status, `HEAD ${path}`).toBe(405);
      expect(res.headers.get('allow'), `HEAD ${path}`).toContain('GET');
    }
    expect(countRows(t.db, 'audit_log')).toBe(before);
  });

  it('a HEAD of a file download sends no file and audits no download', async () => {
    const before = auditEntries(t, 'file.downloaded').length;
    const res = await staffRequest(t, admin, 'HEAD', `/api/staff/reports/${reportId}/files/${fileId}`);
    expect(res.status).toBe(405);
    expect(auditEntries(t, 'file.downloaded').length).toBe(before);
  });
});

describe('methods', () => {
  it('pages answer only GET and HEAD: any other method gets 405 with Allow: GET, HEAD, as a page in the path’s language', async () => {
    for (const path of ['/', '/report/', '/en/status/', '/zh-hans/', '/staff/queue/', '/no-such-page/']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const res = await t.app.request(`${ORIGIN}${path}`, {
          method,
          headers: { Accept: 'text/html' },
        });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD');
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        await res.text();
      }
    }
    const english = await (
      await t.app.request(`${ORIGIN}/en/report/`, {
        method: 'POST',
        headers: { Accept: 'text/html' },
      })
    ).text();
    expect(english).toContain('This page can only be opened');
    for (const method of ['GET', 'HEAD']) expect((await t.app.request(`${ORIGIN}/report/`, { method })).status).toBe(200);
  });

  it('an API path asked with a method it does not take gets 405 naming the ones it does', async () => {
    const health = await t.app.request(`${ORIGIN}/api/health`, {
      method: 'POST',
    });
    expect(health.status).toBe(405);
    expect(health.headers.get('allow')).toBe('GET, HEAD');
    expect(await health.json()).toMatchObject({
      error: { code: 'method_not_allowed', allow: ['GET', 'HEAD'] },
    });
    const report = await staffRequest(t, admin, 'DELETE', `/api/staff/reports/${reportId}`);
    expect(report.status).toBe(405);
    // The staff API serves no HEAD, so its Allow does not name it.
    expect(report.headers.get('allow')).toBe('GET');
    // A path nothing answers stays a 404.
    expect((await staffRequest(t, admin, 'DELETE', '/api/staff/no-such-route')).status).toBe(404);
  });
});

describe('API errors are JSON whatever Accept says', () => {
  const html = { Accept: 'text/html,application/xhtml+xml' };
  it.each([
    ['an unknown staff route', 'GET', '/api/staff/no-such-route', 404, 'not_found'],
    ['an unknown API route', 'GET', '/api/no-such-route', 404, 'not_found'],
    ['a malformed id', 'GET', '/api/staff/reports/0x10', 400, 'invalid_input'],
    ['a missing report', 'GET', '/api/staff/reports/99999', 404, 'not_found'],
    ['a wrong method', 'PATCH', '/api/staff/reports/1', 405, 'method_not_allowed'],
  ])('%s (%s %s) with Accept: text/html', async (_what, method, path, status, code) => {
    const res = await staffRequest(t, admin, method, path, undefined, html);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: { code } });
  });

  it('a staff request without a session, or over the body limit, with Accept: text/html', async () => {
    const anonymous = await staffRequest(t, null, 'GET', '/api/staff/me', undefined, html);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await jsonOf(anonymous, 401)).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    const big = await t.app.request(`${ORIGIN}/api/staff/reports/${reportId}/notes`, {
      method: 'POST',
      headers: {
        ...html,
        Cookie: admin,
        Origin: ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `body=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expect(big.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await jsonOf(big, 413)).toMatchObject({
      error: { code: 'payload_too_large' },
    });
  });

  it('a reporter’s form post still gets a page when its browser asks for one', async () => {
    const res = await t.app.request(`${ORIGIN}/api/reports`, {
      method: 'POST',
      headers: { ...html, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'x',
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    await res.text();
  });
});
