/**
 * The status page that answers, in every language, with JavaScript on (the
 * island, fed by asStatusView) and off (the server-rendered page): the
 * question staff asked, what is new, the agency, the deadlines, how a closed
 * report ended and what the reporter sent. axe finds nothing serious.
 */
import { seriousViolations } from './axe';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { open } from './reporter-steps';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD } from './staff-setup';

const WORDS = {
  '/en': {
    status: 'We need your answer', question: 'Question for you', newCount: '1 new message since you last wrote',
    referred: 'Referred to', promised: 'What we promised you', sent: 'What you sent', outcome: 'Handled together with another report about the same matter.',
  },
  '': {
    status: '需要您回覆', question: '請您回答的問題', newCount: '自您上次留言後，有 1 則新訊息',
    referred: '移送機關', promised: '我們對您的承諾', sent: '您送出的內容', outcome: '已與另一件相同事情的檢舉合併處理。',
  },
  '/zh-hans': {
    status: '需要您回复', question: '请您回答的问题', newCount: '自您上次留言以来，有 1 条新消息',
    referred: '移送机关', promised: '我们对您的承诺', sent: '您提交的内容', outcome: '已与另一件同一事项的举报合并办理。',
  },
} as const;

const MEMBER = { username: 'answers-triager', role: 'triager' as const, channels: ['other'] };
let member: Promise<void> | null = null;

/** A triager of the "other" channel, made once per server. */
async function staffSession(baseURL: string, output: string): Promise<APIRequestContext> {
  member ??= (async () => {
    const admin = await apiSession(baseURL, 'admin', firstAdminPassword(output));
    await createMember(admin, baseURL, MEMBER);
    await admin.dispose();
  })();
  await member;
  return apiSession(baseURL, MEMBER.username, MEMBER_PASSWORD);
}

async function report(api: APIRequestContext, details: string): Promise<{ id: number; code: string }> {
  const sent = await api.post('/api/reports', { data: { category: 'other', details, location: 'Behind the fish market' } });
  expect(sent.status()).toBe(201);
  const { trackingCode } = (await sent.json()) as { trackingCode: string };
  // The queue lists oldest first: the report just sent is the one with the largest id.
  const queue = await api.get('/api/staff/reports?channel=other&limit=200');
  const { reports } = (await queue.json()) as { reports: { id: number }[] };
  return { id: Math.max(...reports.map((r) => r.id)), code: trackingCode };
}

async function act(api: APIRequestContext, id: number, action: string, data: unknown): Promise<void> {
  const res = await api.post(`/api/staff/reports/${id}/${action}`, { data });
  expect(res.ok(), `${action}: ${await res.text()}`).toBe(true);
}

async function lookUpIn(page: Page, prefix: string, code: string, javaScriptEnabled: boolean): Promise<void> {
  await open(page, `${prefix}/status/`, javaScriptEnabled);
  await page.locator('input[name="trackingCode"]').fill(code);
  await page.locator('form[action="/api/status"] button[type="submit"]').click();
  await expect(page.locator('#follow-up-heading')).toBeVisible();
}


for (const [prefix, words] of Object.entries(WORDS)) {
  test(`${prefix || '/'} status page answers: the question, what is new, the agency, the deadlines and what was sent`, async ({ page, baseURL, server, javaScriptEnabled }) => {
    const api = await staffSession(baseURL, server.output());
    const { id, code } = await report(api, `The harbour master waves through one ship a week ${prefix}.`);
    await act(api, id, 'referrals', { agency: 'Coast Guard Investigations', date: '2026-11-20' });
    await act(api, id, 'status', { status: 'investigating' });
    await act(api, id, 'status', { status: 'awaiting_reporter' });
    await act(api, id, 'replies', { body: 'Which ship, and on which day?' });

    await lookUpIn(page, prefix, code, javaScriptEnabled);
    await expect(page.locator('.facts .status')).toHaveText(words.status);
    await expect(page.getByText(words.newCount)).toBeVisible();
    const question = page.locator('.message-question');
    await expect(question.locator('.question-label')).toHaveText(words.question);
    await expect(question).toContainText('Which ship, and on which day?');
    await expect(question.locator('.new-marker')).toBeVisible();
    await expect(page.locator('.facts').first()).toContainText(words.referred);
    await expect(page.locator('.facts .referral')).toHaveText('Coast Guard Investigations');
    await expect(page.getByRole('heading', { name: words.promised })).toBeVisible();
    await expect(page.locator('.deadline')).toHaveCount(2);
    await expect(page.locator('.deadline-met')).toHaveCount(2); // the reply acknowledged and answered, on time
    await page.getByText(words.sent).click();
    await expect(page.getByText('Behind the fish market')).toBeVisible();
    await question.getByRole('link').click();
    await expect(page).toHaveURL(/#follow-up-heading$/);
    // axe runs inside the page: only with JavaScript on (the markup is the same either way).
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);

    const closed = await report(api, `A second tip about the same harbour master ${prefix}.`);
    await act(api, closed.id, 'close', { outcome: 'duplicate' });
    await lookUpIn(page, prefix, closed.code, javaScriptEnabled);
    await expect(page.locator('.outcome')).toHaveText(words.outcome);
    await expect(page.locator('.new-count')).toHaveCount(0);
    await expect(page.locator('.deadline-met')).toHaveCount(1); // closing is feedback
    await expect(page.locator('.deadline-pending')).toHaveCount(1); // never acknowledged, not yet due
    await api.dispose();
  });
}
