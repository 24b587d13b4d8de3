/**
 * The access matrix: every /api/staff route in the OpenAPI document (which
 * openapi.test.ts proves the app serves) × every kind of caller, against
 * the policy each route states. Refused cells must be refused with the right
 * status; a report outside the caller's channels answers 404 like a missing
 * one; allowed cells must get past the guards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interferenceEntry, submit } from '../support/casework';
import { multipart, noise, postMultipart } from '../support/uploads';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

type Principal = 'none' | 'adminWithoutChannel' | 'triagerOfOtherChannel' | 'auditor' | 'triagerOfChannel';
type Policy = 'public' | 'anySession' | 'admin' | 'overseer' | 'casework' | 'reportCasework';

const PASSWORD = 'matrix password 123';
/** An authority's age public key (made once with age-keygen; its secret half was thrown away). */
const MATRIX_RECIPIENT = 'age1lx7r0srg0yjqazy059wszcsr8euzfnmqnmtd2v4x22muhadft3us77pvdm';

/** Who may use what: the rule each route group follows (see DESIGN.md "Who uses it"). */
function policyOf(method: string, path: string): Policy {
  if (path === '/api/staff/login' || path === '/api/staff/recover') return 'public';
  if (['/api/staff/logout', '/api/staff/me', '/api/staff/me/notifications', '/api/staff/password'].includes(path) || path.startsWith('/api/staff/totp/')) return 'anySession';
  if (path.startsWith('/api/staff/admin/')) return 'admin';
  // Registering and disabling authorities is an admin's; listing them is a caseworker's (to choose one).
  if ((path === '/api/staff/authorities' && method === 'post') || path === '/api/staff/authorities/{id}/disable') return 'admin';
  // Every console checks the trail it witnessed at sign-in, whatever the role.
  if (path === '/api/staff/audit/consistency') return 'anySession';
  if (path === '/api/staff/audit' || path === '/api/staff/stats' || path.startsWith('/api/staff/reports-upward/')) return 'overseer';
  if (path.startsWith('/api/staff/reports/{id}')) return 'reportCasework';
  if (method && path.startsWith('/api/staff/')) return 'casework';
  throw new Error(`no policy for ${path}`);
}

/** The status a refused caller must get, or 'allowed'. */
function expected(policy: Policy, who: Principal): number | 'allowed' {
  if (policy === 'public') return 'allowed';
  if (who === 'none') return 401;
  switch (policy) {
    case 'anySession':
      return 'allowed';
    case 'admin':
      return who === 'adminWithoutChannel' ? 'allowed' : 403;
    case 'overseer':
      return who === 'adminWithoutChannel' || who === 'auditor' ? 'allowed' : 403;
    case 'casework':
      return who === 'auditor' ? 403 : 'allowed';
    case 'reportCasework':
      return who === 'auditor' ? 403 : who === 'triagerOfChannel' ? 'allowed' : 404;
  }
}

/** Valid bodies, so that an allowed cell is judged on access and not on validation. */
function bodyFor(method: string, path: string, ids: { related: number }): unknown {
  if (method === 'get') return undefined;
  const bodies: Record<string, unknown> = {
    '/api/staff/password': { currentPassword: PASSWORD, newPassword: PASSWORD },
    '/api/staff/totp/confirm': { code: '000000' },
    '/api/staff/totp/disable': { code: '000000' },
    '/api/staff/admin/staff': { username: `new${Math.random().toString(36).slice(2, 8)}`, password: PASSWORD, role: 'auditor', channels: [] },
    '/api/staff/admin/channels': { slug: `c_${Math.random().toString(36).slice(2, 8)}`, name: 'New' },
    '/api/staff/admin/grants': { staffId: 1, channel: 'other' },
    '/api/staff/me/notifications': { email: 'matrix@example.org', events: ['overdue'] },
    '/api/staff/admin/low-effort/discard': { from: '2026-11-28T06:00:00Z', to: '2026-11-28T08:00:00Z' },
    '/api/staff/leads': { source: 'phone', category: 'official_protection', details: 'A lead entered from a phone call, long enough.' },
    '/api/staff/search': { q: 'gambling den' },
    '/api/staff/admin/reply-templates': { language: 'en', title: 'Thanks', body: 'Thank you, we have received your report.' },
    '/api/staff/admin/reply-templates/{id}': { language: 'en', title: 'Thanks', body: 'Thank you for writing.' },
    '/api/staff/tags': { channel: 'official_protection', name: `tag ${Math.random().toString(36).slice(2, 8)}` },
    '/api/staff/reports/bulk': { ids: [ids.related], action: 'close', outcome: 'duplicate' },
    '/api/staff/reports/{id}/lease': { action: 'renew' },
    '/api/staff/reports/{id}/status': { status: 'investigating' },
    '/api/staff/reports/{id}/priority': { priority: 2 },
    '/api/staff/reports/{id}/assignee': { staffId: null },
    '/api/staff/reports/{id}/public-message': { body: 'We are looking into it.' },
    '/api/staff/reports/{id}/replies': { body: 'Can you tell us more?' },
    '/api/staff/reports/{id}/notes': { body: 'Internal note.' },
    '/api/staff/reports/{id}/referrals': { agency: 'Prosecutors Office', date: '2026-11-20' },
    '/api/staff/reports/{id}/interference': interferenceEntry(),
    '/api/staff/reports/{id}/links': { relatedId: ids.related },
    '/api/staff/reports/{id}/close': { outcome: 'duplicate' },
    '/api/staff/reports/{id}/reveal-contact': { reason: 'We need to call the reporter back.' },
    '/api/staff/reports/{id}/move': { channel: 'organised_crime' },
    '/api/staff/authorities': { name: 'Matrix Prosecutors', jurisdiction: 'Everywhere', recipient: MATRIX_RECIPIENT },
    '/api/staff/reports/{id}/referral-package': { authorityId: 1, language: 'en' },
  };
  return bodies[path] ?? {};
}

let t: TestInstance;
const cookies = new Map<Principal, string | null>();
let operations: [method: string, path: string][] = [];
beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'keyless-admin', password: PASSWORD, role: 'admin', channels: ['other'] });
  await addStaff(t, { username: 'other-triager', password: PASSWORD, role: 'triager', channels: ['sector_disorder'] });
  await addStaff(t, { username: 'auditor', password: PASSWORD, role: 'auditor', channels: [] });
  await addStaff(t, { username: 'own-triager', password: PASSWORD, role: 'triager', channels: ['official_protection', 'organised_crime'] });
  cookies.set('none', null);
  cookies.set('adminWithoutChannel', await signIn(t, 'keyless-admin', PASSWORD));
  cookies.set('triagerOfOtherChannel', await signIn(t, 'other-triager', PASSWORD));
  cookies.set('auditor', await signIn(t, 'auditor', PASSWORD));
  cookies.set('triagerOfChannel', await signIn(t, 'own-triager', PASSWORD));
  const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/staff/') && path !== '/api/staff/logout')
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => [method, path] as [string, string]));
  expect(ADMIN.username).toBe('admin');
});
afterAll(() => t.close());

/** A file sent by the reporter as a follow-up; returns its id. */
/** A file for the {fileId} routes: a PNG (cleaned at intake) where the route previews images only. */
async function addEvidenceFile(trackingCode: string, image: boolean): Promise<number> {
  const file = image
    ? { name: 'photo.png', bytes: readFileSync(join(import.meta.dirname, '../fixtures/images/with-metadata.png')), type: 'image/png' }
    : { name: 'photo.bin', bytes: noise(100) };
  const res = await postMultipart(t, '/api/status/messages', multipart({ trackingCode }, [file]));
  expect(res.status).toBe(201);
  return t.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM report_files').get()?.id ?? 0;
}

describe('every staff route × every kind of caller', () => {
  it('covers the whole staff API', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
  });

  it('answers each cell as the route policy says', async () => {
    const order: Principal[] = ['none', 'adminWithoutChannel', 'triagerOfOtherChannel', 'auditor', 'triagerOfChannel'];
    const failures: string[] = [];
    for (const [method, path] of operations) {
      const policy = policyOf(method, path);
      if (policy === 'public') continue;
      // A fresh report of the channel for each route, so earlier cells (a close, a move) change nothing here.
      const report = await submit(t);
      const related = await submit(t);
      const fileId = path.includes('{fileId}') ? await addEvidenceFile(report.trackingCode, path.endsWith('/preview')) : 0;
      const url = path
        .replace('/api/staff/admin/staff/{id}', '/api/staff/admin/staff/999999')
        .replace('{id}', String(report.id))
        .replace('{fileId}', String(fileId));
      for (const who of order) {
        const res = await staffRequest(t, cookies.get(who) ?? null, method.toUpperCase(), url, bodyFor(method, path, { related: related.id }));
        const want = expected(policy, who);
        const ok = want === 'allowed' ? ![401, 403].includes(res.status) && !(policy === 'reportCasework' && res.status === 404) : res.status === want;
        if (!ok) failures.push(`${method.toUpperCase()} ${path} as ${who}: got ${res.status}, want ${want}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refused cells changed nothing: only the channel triager touched the reports (leads aside: anyone may enter one)', () => {
    const touched = t.db
      .prepare<[], { actor: string | null }>(
        "SELECT DISTINCT s.username AS actor FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_staff_id WHERE a.report_id IS NOT NULL AND a.action <> 'lead.entered'",
      )
      .all()
      .map((row) => row.actor);
    expect(touched).toEqual(['own-triager']);
  });
});
