import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_WINDOW_MS } from '../../server/services/failed-sign-ins';
import { ADMIN, createTestInstance, postJson, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

let t: TestInstance;
let admin: string;
beforeAll(async () => {
  t = await createTestInstance();
  admin = await signIn(t, ADMIN.username, ADMIN.password);
});
afterAll(() => t.close());

async function loginCookie(username: string, password: string): Promise<{ status: number; cookie: string | null; body: Record<string, unknown> }> {
  const res = await staffRequest(t, null, 'POST', '/api/staff/login', { username, password });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null, body: (await res.json()) as Record<string, unknown> };
}

describe('admin: staff accounts', () => {
  it('adds a triager with channels; the member must change the admin-chosen password first', async () => {
    const res = await staffRequest(t, admin, 'POST', '/api/staff/admin/staff', {
      username: 'lin',
      password: 'first password 123',
      role: 'triager',
      channels: ['case_interference'],
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number; recoveryCode: string };
    expect(created.recoveryCode).toMatch(/^[A-Z2-9-]{29}$/);

    const first = await loginCookie('lin', 'first password 123');
    expect(first.body).toMatchObject({ restriction: 'change_password', channels: [{ slug: 'case_interference' }] });
    const blocked = await staffRequest(t, first.cookie, 'GET', '/api/staff/reports/1/audit');
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({ error: { code: 'password_change_required' } });
    const changed = await staffRequest(t, first.cookie, 'POST', '/api/staff/password', { currentPassword: 'first password 123', newPassword: 'my own password 456' });
    expect(await changed.json()).toMatchObject({ restriction: null });
  });

  it('refuses a duplicate username (409) and channels the admin does not hold (400)', async () => {
    const dup = await staffRequest(t, admin, 'POST', '/api/staff/admin/staff', { username: 'LIN', password: 'whatever password', role: 'triager' });
    expect(dup.status).toBe(409);
    const bad = await staffRequest(t, admin, 'POST', '/api/staff/admin/staff', { username: 'x2', password: 'whatever password', role: 'triager', channels: ['no_such_channel'] });
    expect(bad.status).toBe(400);
  });

  it('lists accounts without any key material', async () => {
    const res = await staffRequest(t, admin, 'GET', '/api/staff/admin/staff');
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('"username":"lin"');
    expect(text).not.toMatch(/AGE-SECRET-KEY|age1|wrapped|salt/i);
  });

  it('disables an account: its sessions end and it cannot sign in; re-enabling restores it', async () => {
    const id = await addStaff(t, { username: 'zhao', password: 'zhao password 1234', role: 'triager', channels: ['other'] });
    const session = await signIn(t, 'zhao', 'zhao password 1234');
    expect((await staffRequest(t, admin, 'POST', `/api/staff/admin/staff/${id}/disable`)).status).toBe(204);
    expect((await staffRequest(t, session, 'GET', '/api/staff/me')).status).toBe(401);
    expect((await loginCookie('zhao', 'zhao password 1234')).status).toBe(401);
    expect((await staffRequest(t, admin, 'POST', `/api/staff/admin/staff/${id}/enable`)).status).toBe(204);
    expect((await loginCookie('zhao', 'zhao password 1234')).status).toBe(200);
  });

  it('refuses to disable the last holder of a channel key, or oneself', async () => {
    const created = (await (await staffRequest(t, admin, 'POST', '/api/staff/admin/channels', { slug: 'port_smuggling', name: 'Port smuggling' })).json()) as { id: number };
    expect(created.id).toBeGreaterThan(0);
    const holderId = await addStaff(t, { username: 'solo', password: 'solo password 1234', role: 'admin', channels: [] });
    const solo = await signIn(t, 'solo', 'solo password 1234');
    // admin (id 1) holds port_smuggling alone: solo cannot disable them.
    const res = await staffRequest(t, solo, 'POST', '/api/staff/admin/staff/1/disable');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'last_key_holder' } });
    expect((await staffRequest(t, admin, 'POST', '/api/staff/admin/staff/1/disable')).status).toBe(409);
    expect(holderId).toBeGreaterThan(1);
  });
});

describe('admin: channels and grants', () => {
  it('a new channel is held by its creator, who can grant it; the grantee can use it in an open session', async () => {
    await staffRequest(t, admin, 'POST', '/api/staff/admin/channels', { slug: 'land_fraud', name: 'Land fraud' });
    const memberId = await addStaff(t, { username: 'hsu', password: 'hsu password 1234', role: 'triager', channels: [] });
    const member = await signIn(t, 'hsu', 'hsu password 1234');
    expect((await staffRequest(t, admin, 'POST', '/api/staff/admin/grants', { staffId: memberId, channel: 'land_fraud' })).status).toBe(204);
    const me = (await (await staffRequest(t, member, 'GET', '/api/staff/me')).json()) as { channels: { slug: string }[] };
    expect(me.channels.map((c) => c.slug)).toEqual(['land_fraud']);
    const again = await staffRequest(t, admin, 'POST', '/api/staff/admin/grants', { staffId: memberId, channel: 'land_fraud' });
    expect(again.status).toBe(409);
    const grants = (await (await staffRequest(t, admin, 'GET', '/api/staff/admin/grants')).json()) as { grants: { username: string; channel: string }[] };
    expect(grants.grants).toContainEqual(expect.objectContaining({ username: 'hsu', channel: 'land_fraud' }));
  });

  it('an admin cannot grant a channel they do not hold', async () => {
    await addStaff(t, { username: 'keyless', password: 'keyless password 1', role: 'admin', channels: [] });
    const keyless = await signIn(t, 'keyless', 'keyless password 1');
    const target = await addStaff(t, { username: 'want', password: 'want password 1234', role: 'triager', channels: [] });
    const res = await staffRequest(t, keyless, 'POST', '/api/staff/admin/grants', { staffId: target, channel: 'organised_crime' });
    expect(res.status).toBe(400);
  });

  it('new instances name their channels in every language', async () => {
    const me = (await (await staffRequest(t, admin, 'GET', '/api/staff/me')).json()) as { channels: { slug: string; names: Record<string, string> }[] };
    expect(me.channels.find((c) => c.slug === 'organised_crime')?.names).toEqual({ 'zh-hant': '組織犯罪', 'zh-hans': '组织犯罪', en: 'Organised crime' });
  });

  it('an admin renames a channel per language; every answer that names it, and the audit trail, follow', async () => {
    const list = (await (await staffRequest(t, admin, 'GET', '/api/staff/admin/channels')).json()) as { channels: { id: number; slug: string }[] };
    const other = list.channels.find((c) => c.slug === 'other');
    if (other === undefined) throw new Error('no "other" channel');
    const res = await staffRequest(t, admin, 'POST', `/api/staff/admin/channels/${other.id}/names`, {
      name: 'General tips',
      names: { 'zh-hant': '一般線索', 'zh-hans': '一般线索', en: '' },
      descriptions: { 'zh-hant': '不屬於其他分組的線索', en: 'Tips that fit no other channel' },
    });
    expect(res.status).toBe(200);
    const renamed = { slug: 'other', name: 'General tips', names: { 'zh-hant': '一般線索', 'zh-hans': '一般线索' }, descriptions: { 'zh-hant': '不屬於其他分組的線索', en: 'Tips that fit no other channel' } };
    expect(((await res.json()) as { channel: unknown }).channel).toMatchObject(renamed);
    const me = (await (await staffRequest(t, admin, 'GET', '/api/staff/me')).json()) as { channels: { slug: string }[] };
    expect(me.channels.find((c) => c.slug === 'other')).toMatchObject(renamed);
    const stats = (await (await staffRequest(t, admin, 'GET', '/api/staff/stats')).json()) as { channels: { slug: string }[] };
    expect(stats.channels.find((c) => c.slug === 'other')).toMatchObject(renamed);
    const audit = (await (await staffRequest(t, admin, 'GET', '/api/staff/audit')).json()) as { entries: { action: string; channelId: number | null }[] };
    expect(audit.entries[0]).toMatchObject({ action: 'channel.renamed', channelId: other.id });
  });

  it('refuses a rename without a name, in a language the site does not speak, of a channel that does not exist, or by a non-admin', async () => {
    const list = (await (await staffRequest(t, admin, 'GET', '/api/staff/admin/channels')).json()) as { channels: { id: number; slug: string; name: string }[] };
    const first = list.channels[0];
    if (first === undefined) throw new Error('no channel');
    const rename = (body: unknown, who = admin, id = first.id) => staffRequest(t, who, 'POST', `/api/staff/admin/channels/${id}/names`, body);
    for (const body of [{ name: '' }, { name: 'x'.repeat(101) }, { name: 'Fine', names: { fr: 'Crime organisé' } }, { name: 'Fine', descriptions: { en: 'x'.repeat(501) } }]) {
      const res = await rename(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    expect((await rename({ name: 'Fine' }, admin, 9999)).status).toBe(404);
    await addStaff(t, { username: 'namer', password: 'namer password 12', role: 'triager', channels: [] });
    expect((await rename({ name: 'Fine' }, await signIn(t, 'namer', 'namer password 12'))).status).toBe(403);
    const after = (await (await staffRequest(t, admin, 'GET', '/api/staff/admin/channels')).json()) as { channels: { id: number; name: string }[] };
    expect(after.channels.find((c) => c.id === first.id)?.name).toBe(first.name);
  });

  it('auditors and triagers cannot use admin routes', async () => {
    await addStaff(t, { username: 'audit1', password: 'audit password 12', role: 'auditor', channels: [] });
    const auditor = await signIn(t, 'audit1', 'audit password 12');
    expect((await staffRequest(t, auditor, 'GET', '/api/staff/admin/staff')).status).toBe(403);
  });
});

describe('audit trail and statistics', () => {
  it('auditors read the verified chain with logins and admin actions, and statistics without content', async () => {
    await postJson(t.app, '/api/reports', { category: 'other', details: 'A report only counted in the statistics.' });
    // Failed sign-ins above reach the trail once their window has closed.
    t.clock.advance(FAILURE_WINDOW_MS);
    t.failedSignIns.flush(t.clock.now());
    await addStaff(t, { username: 'audit2', password: 'audit password 34', role: 'auditor', channels: [] });
    const auditor = await signIn(t, 'audit2', 'audit password 34');
    const res = await staffRequest(t, auditor, 'GET', '/api/staff/audit?limit=500');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { chain: { ok: boolean }; entries: { action: string }[] };
    expect(body.chain.ok).toBe(true);
    const actions = new Set(body.entries.map((e) => e.action));
    for (const action of ['login.succeeded', 'login.failed', 'staff.created', 'staff.disabled', 'channel.created', 'channel.granted']) expect(actions).toContain(action);

    const stats = (await (await staffRequest(t, auditor, 'GET', '/api/staff/stats')).json()) as { total: number; byCategory: { key: string; count: number }[] };
    expect(stats.total).toBe(1);
    expect(stats.byCategory).toEqual([{ key: 'other', count: 1 }]);
  });
});
