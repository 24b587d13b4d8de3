/** Reply templates: admins add, change and delete them (audited by id); caseworkers list them; bad input is refused with stable codes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/report-fields';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'templates password 123';
let t: TestInstance;
let admin: string;
let triager: string;
let auditor: string;

beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'triager', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  await addStaff(t, { username: 'auditor', password: PASSWORD, role: 'auditor', channels: [] });
  admin = await signIn(t, ADMIN.username, ADMIN.password);
  triager = await signIn(t, 'triager', PASSWORD);
  auditor = await signIn(t, 'auditor', PASSWORD);
});
afterAll(() => t.close());

const received = { language: 'en', title: 'Received', body: 'Thank you, we have received your report.' };
const where = { language: 'zh-hant', title: '地點', body: '請問這件事發生在哪裡？' };

async function create(body: unknown): Promise<number> {
  const res = await staffRequest(t, admin, 'POST', '/api/staff/admin/reply-templates', body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function list(cookie: string, query = ''): Promise<{ id: number; language: string; title: string; body: string }[]> {
  const res = await staffRequest(t, cookie, 'GET', `/api/staff/reply-templates${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { templates: { id: number; language: string; title: string; body: string }[] }).templates;
}

function auditOf(action: string): { actor: number | null; reportId: number | null; channelId: number | null; detail: unknown }[] {
  return t.db
    .prepare<[string], { actor: number | null; reportId: number | null; channelId: number | null; detail: string }>(
      'SELECT actor_staff_id AS actor, report_id AS reportId, channel_id AS channelId, detail FROM audit_log WHERE action = ? ORDER BY id',
    )
    .all(action)
    .map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
}

describe('reply templates', () => {
  it('an admin adds, changes and deletes a template; each step is audited with the id only', async () => {
    const id = await create(received);
    const second = await create(where);
    expect(await list(admin, '?language=en')).toEqual([{ id, ...received }]);
    expect(await list(admin)).toEqual([{ id, ...received }, { id: second, ...where }]);

    const changed = { language: 'en', title: 'Received (short)', body: 'Thank you: your report reached us.' };
    expect((await staffRequest(t, admin, 'PUT', `/api/staff/admin/reply-templates/${id}`, changed)).status).toBe(204);
    expect(await list(admin, '?language=en')).toEqual([{ id, ...changed }]);

    expect((await staffRequest(t, admin, 'DELETE', `/api/staff/admin/reply-templates/${id}`)).status).toBe(204);
    expect(await list(admin, '?language=en')).toEqual([]);

    const adminId = t.db.prepare<[string], { id: number }>('SELECT id FROM staff WHERE username = ?').get(ADMIN.username)?.id;
    expect(auditOf('reply_template.created')).toEqual([
      { actor: adminId, reportId: null, channelId: null, detail: { templateId: id } },
      { actor: adminId, reportId: null, channelId: null, detail: { templateId: second } },
    ]);
    expect(auditOf('reply_template.changed')).toEqual([{ actor: adminId, reportId: null, channelId: null, detail: { templateId: id } }]);
    expect(auditOf('reply_template.deleted')).toEqual([{ actor: adminId, reportId: null, channelId: null, detail: { templateId: id } }]);
    const log = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    expect(log).not.toContain('Thank you');
    expect(log).not.toContain('發生');
  });

  it('a triager lists templates but cannot add, change or delete one (403); an auditor cannot list them (403)', async () => {
    const id = await create({ language: 'zh-hans', title: '收到', body: '谢谢，我们已收到您的举报。' });
    expect((await list(triager, '?language=zh-hans')).map((template) => template.id)).toEqual([id]);
    const before = auditOf('reply_template.created').length;
    for (const [method, path] of [
      ['POST', '/api/staff/admin/reply-templates'],
      ['PUT', `/api/staff/admin/reply-templates/${id}`],
      ['DELETE', `/api/staff/admin/reply-templates/${id}`],
    ] as const) {
      const res = await staffRequest(t, triager, method, path, method === 'DELETE' ? undefined : received);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await staffRequest(t, auditor, 'GET', '/api/staff/reply-templates')).status).toBe(403);
    expect(auditOf('reply_template.created')).toHaveLength(before);
    expect(await list(triager, '?language=zh-hans')).toHaveLength(1);
  });

  it.each([
    ['a language the site does not speak', { ...received, language: 'fr' }, 'language'],
    ['no language', { title: 'x', body: 'y' }, 'language'],
    ['an empty title', { ...received, title: '  ' }, 'title'],
    ['a title over 80 characters', { ...received, title: 'x'.repeat(81) }, 'title'],
    ['an empty body', { ...received, body: '' }, 'body'],
    ['a body over the reply limit', { ...received, body: 'x'.repeat(LIMITS.followUp.max + 1) }, 'body'],
  ])('refuses %s (400 invalid_input naming the field)', async (_name, body, field) => {
    for (const [method, path] of [
      ['POST', '/api/staff/admin/reply-templates'],
      ['PUT', `/api/staff/admin/reply-templates/${await create(received)}`],
    ] as const) {
      const res = await staffRequest(t, admin, method, path, body);
      expect(res.status, method).toBe(400);
      const answer = (await res.json()) as { error: { code: string; fields?: Record<string, string> } };
      expect(answer.error.code).toBe('invalid_input');
      expect(Object.keys(answer.error.fields ?? {})).toContain(field);
    }
  });

  it('refuses a bad language in the list query (400)', async () => {
    const res = await staffRequest(t, triager, 'GET', '/api/staff/reply-templates?language=fr');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('answers 404 not_found for an unknown id and 400 invalid_input for a malformed one, and changes nothing', async () => {
    const count = (): number => t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reply_templates').get()?.n ?? 0;
    const before = count();
    const answers = [
      ...['999999', `${'9'.repeat(30)}`].map((id) => [id, 404, 'not_found'] as const),
      ...['0', '-1', '1.5', '1e3', '0x10', 'abc', '01'].map((id) => [id, 400, 'invalid_input'] as const),
    ];
    for (const [id, status, code] of answers) {
      for (const method of ['PUT', 'DELETE'] as const) {
        const res = await staffRequest(t, admin, method, `/api/staff/admin/reply-templates/${id}`, method === 'PUT' ? received : undefined);
        expect(res.status, `${method} ${id}`).toBe(status);
        expect(await res.json()).toMatchObject({ error: { code } });
      }
    }
    expect(count()).toBe(before);
  });

});
