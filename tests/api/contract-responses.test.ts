/**
 * Every answer the console reads is the shape the contract defines: the
 * server's real answers, after a report has been worked on, parse with the
 * contract's zod schemas (the same ones OpenAPI is built from and the
 * console's types are inferred from).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { passwordChangedSchema, sessionInfoSchema, totpEnrolmentSchema } from '../../contract/schemas/staff-auth';
import { notificationDeliveryListSchema, notificationSettingsViewSchema } from '../../contract/schemas/staff-notifications';
import {
  auditPageSchema,
  auditTrailPageSchema,
  channelListSchema,
  grantListSchema,
  interferencePageSchema,
  staffListSchema,
  statisticsSchema,
} from '../../contract/schemas/staff-oversight-views';
import { replyTemplateListSchema } from '../../contract/schemas/reply-templates';
import { caseViewSchema, contactDetailsSchema, lowEffortBatchPageSchema, queuePageSchema } from '../../contract/schemas/staff-views';
import { interferenceEntry, submit } from '../support/casework';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { signIn, staffRequest } from '../support/staff';

let t: TestInstance;
let admin: string;
let reportId: number;

beforeAll(async () => {
  t = await createTestInstance();
  await submit(t, { contact: { name: 'A neighbour', phone: '0912 345 678' } });
  admin = await signIn(t, ADMIN.username, ADMIN.password);
  const page = (await (await staffRequest(t, admin, 'GET', '/api/staff/reports')).json()) as { reports: { id: number }[] };
  reportId = page.reports[0]?.id ?? 0;
  const work: [string, unknown][] = [
    ['notes', { body: 'Checked the land registry: the warehouse belongs to his brother-in-law.' }],
    ['interference', interferenceEntry()],
    ['referrals', { agency: 'District prosecutor', reference: 'Ref 2026-114', date: '2026-11-30' }],
  ];
  for (const [action, body] of work) {
    expect((await staffRequest(t, admin, 'POST', `/api/staff/reports/${reportId}/${action}`, body)).status).toBe(201);
  }
  const template = { language: 'en', title: 'Received', body: 'Thank you, we have received your report.' };
  expect((await staffRequest(t, admin, 'POST', '/api/staff/admin/reply-templates', template)).status).toBe(201);
});
afterAll(() => t.close());

async function answer(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await staffRequest(t, admin, method, path, body);
  expect(res.status, `${method} ${path}`).toBe(200);
  return res.json();
}

function expectShape(schema: z.ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

describe('the staff API answers in the contract\'s shapes', () => {
  it.each([
    ['/api/staff/me', sessionInfoSchema],
    ['/api/staff/reports', queuePageSchema],
    ['/api/staff/admin/staff', staffListSchema],
    ['/api/staff/admin/channels', channelListSchema],
    ['/api/staff/admin/grants', grantListSchema],
    ['/api/staff/admin/notifications', notificationDeliveryListSchema],
    ['/api/staff/me/notifications', notificationSettingsViewSchema],
    ['/api/staff/admin/low-effort', lowEffortBatchPageSchema],
    ['/api/staff/audit', auditTrailPageSchema],
    ['/api/staff/stats', statisticsSchema],
    ['/api/staff/interference', interferencePageSchema],
    ['/api/staff/reply-templates', replyTemplateListSchema],
    ['/api/staff/reply-templates?language=en', replyTemplateListSchema],
  ] as const)('GET %s', async (path, schema) => {
    expectShape(schema, await answer('GET', path));
  });

  it('a case view with a note, an interference entry and a referral; its audit page; the revealed contact', async () => {
    const view = (await answer('GET', `/api/staff/reports/${reportId}`)) as { caseRecords: { kind: string }[] };
    expectShape(caseViewSchema, view);
    expect(view.caseRecords.map((record) => record.kind).sort()).toEqual(['interference', 'note', 'referral']);
    expectShape(auditPageSchema, await answer('GET', `/api/staff/reports/${reportId}/audit`));
    const revealed = (await answer('POST', `/api/staff/reports/${reportId}/reveal-contact`, { reason: 'To arrange a safe meeting.' })) as { contact: unknown };
    expectShape(contactDetailsSchema, revealed.contact);
    expect(revealed.contact).toEqual({ name: 'A neighbour', phone: '0912 345 678' });
  });

  it('the interference register holds only interference entries, each with its report', async () => {
    const page = (await answer('GET', '/api/staff/interference')) as { records: { kind: string; reportId: number }[] };
    expect(page.records.map((record) => [record.kind, record.reportId])).toEqual([['interference', reportId]]);
  });

  it('enrolling a second factor and changing the password (last: the password changes)', async () => {
    expectShape(totpEnrolmentSchema, await answer('POST', '/api/staff/totp/enrol'));
    const changed = await answer('POST', '/api/staff/password', { currentPassword: ADMIN.password, newPassword: 'a new and longer passphrase' });
    expectShape(passwordChangedSchema, changed);
  });
});
