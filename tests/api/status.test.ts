import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StatusView } from '../../contract/report-fields';
import { dammCheckDigit, formatTrackingCode } from '../../contract/tracking-code';
import { toHour } from '../../server/time';
import { jsonOf, submit } from '../support/casework';
import { countRows, createTestInstance, postForm, postJson, reportWithMarker, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const hourOf = toHour;

let t: TestInstance;
let code: string;
beforeAll(async () => {
  t = await createTestInstance();
  const res = await postJson(t.app, '/api/reports', {
    category: 'official_protection',
    details: 'The township chief warns the gambling den before every police raid.',
  });
  code = ((await res.json()) as { trackingCode: string }).trackingCode;
});
afterAll(() => t.close());

/** The same code with its last digit changed so the check digit no longer matches. */
function withTypo(formatted: string): string {
  const last = Number(formatted.at(-1));
  return formatted.slice(0, -1) + String((last + 1) % 10);
}

/** A different code with a valid check digit (almost surely not issued). */
const UNKNOWN_VALID_CODE = formatTrackingCode(`1234567890123456789${dammCheckDigit('1234567890123456789')}`);

describe('POST /api/status', () => {
  it('shows a new report as received, with the hour it arrived and no messages', async () => {
    const res = await postJson(t.app, '/api/status', { trackingCode: code });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const view = (await res.json()) as { status: string; receivedAt: string; messages: unknown[]; publicMessage?: string };
    expect(view.status).toBe('received');
    expect(view.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
    expect(view.messages).toEqual([]);
    expect(view.publicMessage).toBeUndefined();
  });

  it('accepts the code typed with full-width digits and dashes', async () => {
    const fullWidth = code
      .replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
      .replace(/ /g, '－');
    const res = await postJson(t.app, '/api/status', { trackingCode: fullWidth });
    expect(res.status).toBe(200);
  });

  it('answers 404 not_found for a well-formed code that matches nothing', async () => {
    const res = await postJson(t.app, '/api/status', { trackingCode: UNKNOWN_VALID_CODE });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('catches a mistyped digit with the check digit (400 invalid_tracking_code)', async () => {
    const res = await postJson(t.app, '/api/status', { trackingCode: withTypo(code) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_tracking_code', fields: { trackingCode: 'tracking_code_check_digit' } },
    });
  });

  it('refuses a code of the wrong length or a missing code with 400', async () => {
    const short = await postJson(t.app, '/api/status', { trackingCode: '1234 5678' });
    expect(await short.json()).toMatchObject({ error: { code: 'invalid_tracking_code', fields: { trackingCode: 'tracking_code_format' } } });
    const missing = await postJson(t.app, '/api/status', {});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { fields: { trackingCode: 'required' } } });
  });

  it('answers a browser form post with the status page, and a form with an error for a bad code', async () => {
    const found = await postForm(t.app, '/api/status', { trackingCode: code, lang: 'en' });
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain('action="/api/status/messages"');
    expect(html).toMatch(/<html[^>]*lang="en"/);

    const typo = await postForm(t.app, '/api/status', { trackingCode: withTypo(code), lang: 'en' });
    expect(typo.status).toBe(400);
    expect(await typo.text()).toContain('action="/api/status"');

    const unknown = await postForm(t.app, '/api/status', { trackingCode: UNKNOWN_VALID_CODE, lang: 'en' });
    expect(unknown.status).toBe(404);
  });
});

describe('POST /api/status/messages', () => {
  it('adds the reporter follow-up, which then shows on the status page', async () => {
    const res = await postJson(t.app, '/api/status/messages', { trackingCode: code, body: 'He drives a grey van, plate ends in 88.' });
    expect(res.status).toBe(201);
    const view = (await res.json()) as { messages: { from: string; body: string; at: string }[] };
    expect(view.messages).toEqual([{ from: 'reporter', body: 'He drives a grey van, plate ends in 88.', at: expect.stringMatching(/T\d\d:00:00Z$/), new: false }]);

    const status = (await (await postJson(t.app, '/api/status', { trackingCode: code })).json()) as { messages: { body: string }[] };
    expect(status.messages.map((m) => m.body)).toEqual(['He drives a grey van, plate ends in 88.']);
  });

  it('refuses an empty message or a bad code, storing nothing', async () => {
    const before = countRows(t.db, 'report_messages');
    const empty = await postJson(t.app, '/api/status/messages', { trackingCode: code, body: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'invalid_input', fields: { body: 'required' } } });
    const unknown = await postJson(t.app, '/api/status/messages', { trackingCode: UNKNOWN_VALID_CODE, body: 'hello there' });
    expect(unknown.status).toBe(404);
    const typo = await postJson(t.app, '/api/status/messages', { trackingCode: withTypo(code), body: 'hello there' });
    expect(typo.status).toBe(400);
    expect(countRows(t.db, 'report_messages')).toBe(before);
  });

  it('works as a plain form post: 303 to the status page, shown once with the message, and a reload sends nothing again', async () => {
    const messages = (): number => countRows(t.db, 'report_messages');
    const before = messages();
    const res = await postForm(t.app, '/api/status/messages', { trackingCode: code, body: 'Second detail: the raid was on the 3rd.', lang: 'en' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/api/status/sent?lang=en');
    expect(messages()).toBe(before + 1);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^tipline_sent=[A-Za-z0-9_-]+; Max-Age=600; Path=\/api\/status\/sent; HttpOnly; SameSite=Strict$/);
    expect(setCookie).not.toContain(code.replaceAll(' ', ''));
    const cookie = setCookie.split(';')[0] ?? '';

    const shown = await t.app.request('/api/status/sent?lang=en', { headers: { Cookie: cookie } });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    const html = await shown.text();
    expect(html).toContain('Second detail: the raid was on the 3rd.');
    expect(html).toContain('Your message has been sent.');

    for (const again of [await t.app.request('/api/status/sent?lang=en', { headers: { Cookie: cookie } }), await t.app.request('/api/status/sent?lang=en')]) {
      const page = await again.text();
      expect(page).not.toContain('Second detail: the raid was on the 3rd.');
      expect(page).toContain('For your safety this page is shown only once');
    }
    expect(messages()).toBe(before + 1);
  });

  it('shows the status page again with the error when a form follow-up is empty', async () => {
    const res = await postForm(t.app, '/api/status/messages', { trackingCode: code, body: '', lang: 'en' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('action="/api/status/messages"');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('a follow-up that cannot be sent', () => {
  it('redraws the page with the problem and the typed text without deriving Argon2id at all: empty, too long, or a mistyped code', async () => {
    const derive = vi.spyOn(t.kdf.reporter.limiter, 'run');
    const mistyped = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
    const answers = await Promise.all([
      postForm(t.app, '/api/status/messages', { trackingCode: code, body: '', lang: 'en' }),
      postForm(t.app, '/api/status/messages', { trackingCode: code, body: 'x'.repeat(20_001), lang: 'en' }),
      postForm(t.app, '/api/status/messages', { trackingCode: mistyped, body: 'A detail sent with a mistyped code.', lang: 'en' }),
    ]);
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400]);
    expect(await answers[1]?.text()).toContain('x'.repeat(100));
    expect(derive).not.toHaveBeenCalled();
    derive.mockRestore();
  });
});

describe('what the server logs', () => {
  it('writes no line at all for submissions, code checks and follow-ups, so no precise time or code is kept', async () => {
    const before = t.logLines.length;
    await postJson(t.app, '/api/reports', { category: 'other', details: 'A second report that must leave no log line.' });
    await postJson(t.app, '/api/status', { trackingCode: code });
    await postJson(t.app, '/api/status', { trackingCode: UNKNOWN_VALID_CODE });
    await postJson(t.app, '/api/status/messages', { trackingCode: code, body: 'One more detail.' });
    expect(t.logLines.slice(before)).toEqual([]);
    const log = t.logLines.join('');
    expect(log).not.toContain(code.replace(/ /g, ''));
  });

  it('logs other requests by route pattern only', async () => {
    await t.app.request('/api/health');
    expect(JSON.parse(t.logLines.at(-1) ?? '{}')).toMatchObject({ event: 'request', route: '/api/health', status: 200 });
  });
});

describe('a status page that answers', () => {
  const MARK = 'ANSWERS4c1d';
  let staff: string;
  beforeAll(async () => {
    await addStaff(t, { username: 'ana', password: 'a long enough password', role: 'triager', channels: ['official_protection', 'organised_crime'] });
    staff = await signIn(t, 'ana', 'a long enough password');
  });
  const act = async (id: number, action: string, body: unknown, status = action === 'replies' || action === 'referrals' ? 201 : 200): Promise<void> => {
    await jsonOf(await staffRequest(t, staff, 'POST', `/api/staff/reports/${id}/${action}`, body), status);
  };
  const viewOf = async (trackingCode: string): Promise<StatusView> => jsonOf<StatusView>(await postJson(t.app, '/api/status', { trackingCode }), 200);
  const pageOf = async (trackingCode: string, lang = 'en'): Promise<string> => (await postForm(t.app, '/api/status', { trackingCode, lang })).text();
  const write = async (trackingCode: string, body: string): Promise<void> => {
    expect((await postJson(t.app, '/api/status/messages', { trackingCode, body })).status).toBe(201);
  };

  it('says "We need your answer" and highlights the latest staff question, with a way to the answer form', async () => {
    const { id, trackingCode } = await submit(t);
    await act(id, 'replies', { body: 'Thank you. Which noodle shop?' });
    await act(id, 'status', { status: 'awaiting_reporter' });
    expect((await viewOf(trackingCode)).status).toBe('awaiting_reporter');
    const html = await pageOf(trackingCode);
    expect(html).toContain('We need your answer');
    expect(html).toMatch(/<li class="message message-staff message-new message-question">\s*<p class="question-label">Question for you<\/p>[\s\S]*Which noodle shop\?/);
    expect(html).toContain('href="#follow-up-heading"');
    expect(html).toContain('id="follow-up-heading"');
    // Back to work: no longer a question for the reporter.
    await act(id, 'status', { status: 'investigating' });
    expect((await viewOf(trackingCode)).status).toBe('in_progress');
    expect(await pageOf(trackingCode)).not.toContain('Question for you');
  });

  it('marks staff messages new until the reporter writes, ordering same-hour messages by when they were written, and stores nothing per visit', async () => {
    const { id, trackingCode } = await submit(t);
    await act(id, 'replies', { body: 'First question.' });
    await act(id, 'replies', { body: 'Second question.' });
    const before = await viewOf(trackingCode);
    expect(before.messages.map((m) => [m.body, m.new])).toEqual([
      ['First question.', true],
      ['Second question.', true],
    ]);
    expect(await pageOf(trackingCode)).toContain('2 new messages since you last wrote');
    // Looking again changes nothing: no visit is recorded.
    expect((await viewOf(trackingCode)).messages.map((m) => m.new)).toEqual([true, true]);

    await write(trackingCode, 'Answers to both.');
    await act(id, 'replies', { body: 'Thanks, one more.' });
    const after = await viewOf(trackingCode);
    // All in the same hour here: the order they were written decides.
    expect(after.messages.map((m) => [m.from, m.new])).toEqual([
      ['staff', false],
      ['staff', false],
      ['reporter', false],
      ['staff', true],
    ]);
    const html = await pageOf(trackingCode);
    expect(html).toContain('1 new message since you last wrote');
    expect(html.match(/class="new-marker">New</g)).toHaveLength(1);
  });

  it('shows the agency when staff tell the reporter (the default), and nothing more when they do not', async () => {
    const told = await submit(t);
    await act(told.id, 'referrals', { agency: `Agency Against Corruption ${MARK}`, date: '2026-11-20' });
    expect((await viewOf(told.trackingCode)).referral).toEqual({ agency: `Agency Against Corruption ${MARK}` });
    expect(await pageOf(told.trackingCode)).toContain(`Referred to</dt><dd class="referral">Agency Against Corruption ${MARK}`);

    const untold = await submit(t);
    await act(untold.id, 'referrals', { agency: `Secret Task Force ${MARK}`, date: '2026-11-20', tellReporter: false });
    const seen = await viewOf(untold.trackingCode);
    expect(seen.status).toBe('referred');
    expect(seen.referral).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('Secret Task Force');
    // A later referral they are told of shows.
    await act(untold.id, 'referrals', { agency: `Prosecutors Office ${MARK}`, date: '2026-11-21' });
    expect((await viewOf(untold.trackingCode)).referral).toEqual({ agency: `Prosecutors Office ${MARK}` });
  });

  it('says how a closed report ended in plain words, in each language, never calling it spam', async () => {
    const { id, trackingCode } = await submit(t);
    expect((await viewOf(trackingCode)).outcome).toBeUndefined();
    await act(id, 'close', { outcome: 'spam' });
    expect((await viewOf(trackingCode)).outcome).toBe('spam');
    const en = await pageOf(trackingCode, 'en');
    expect(en).toContain('Closed without further action: it did not contain information we could act on.');
    expect(en).not.toMatch(/spam/i);
    expect(await pageOf(trackingCode, 'zh-hant')).toContain('未再進一步處理');
    expect(await pageOf(trackingCode, 'zh-hans')).toContain('未再进一步办理');
    // Reopened: no outcome any more.
    await act(id, 'status', { status: 'triage' });
    expect((await viewOf(trackingCode)).outcome).toBeUndefined();
  });

  it('returns what the reporter sent and their follow-ups, but never their contact details', async () => {
    const { trackingCode } = await submit(t, reportWithMarker(MARK));
    await write(trackingCode, `Later detail ${MARK}-later`);
    const { report } = await viewOf(trackingCode);
    expect(report).toEqual({
      category: 'official_protection',
      details: `The district officer takes payments to ignore the gambling den. ${MARK}-details`,
      region: 'Taipei',
      location: `Back room behind the noodle shop ${MARK}-location`,
      subjects: `Officer Lin and the den owner ${MARK}-subjects`,
      occurredAt: `Every Friday since spring ${MARK}-when`,
      officialsInvolved: 'yes',
      officialsDetails: `Precinct captain ${MARK}-officials`,
      discouraged: `A colleague told me to keep quiet ${MARK}-discouraged`,
      followUps: [{ body: `Later detail ${MARK}-later`, at: expect.stringMatching(/T\d\d:00:00Z$/) }],
    });
    const html = await pageOf(trackingCode);
    expect(html).toMatch(/<details class="sent"><summary>What you sent<\/summary>/);
    expect(html).toContain(`${MARK}-discouraged`);
    const all = JSON.stringify(await viewOf(trackingCode)) + html;
    for (const contact of [`${MARK}-name`, '0912345678', `${MARK.toLowerCase()}@example.org`]) expect(all).not.toContain(contact);
  });

  it('shows a lead staff entered with the fields it has', async () => {
    const lead = await jsonOf<{ trackingCode: string }>(
      await staffRequest(t, staff, 'POST', '/api/staff/leads', { source: 'phone', category: 'organised_crime', details: 'A caller describes loan sharks at the market.' }),
      201,
    );
    expect((await viewOf(lead.trackingCode)).report).toEqual({
      category: 'organised_crime',
      details: 'A caller describes loan sharks at the market.',
      followUps: [],
    });
  });

  it('gives the public message the hour it was set, and leaves it out for one set before that was kept', async () => {
    const { id, trackingCode } = await submit(t);
    await act(id, 'public-message', { body: 'We are looking into this.' });
    const seen = await viewOf(trackingCode);
    expect(seen.publicMessage).toBe('We are looking into this.');
    expect(seen.publicMessageAt).toBe(hourOf(t.clock.now()));
    expect(await pageOf(trackingCode)).toMatch(/<time datetime="[^"]+">Written \d+ \w+ \d{4}, \d\d:00 \(Coordinated Universal Time\)<\/time>/);
    t.db.prepare('UPDATE reports SET public_message_at = NULL WHERE id = ?').run(id);
    const older = await viewOf(trackingCode);
    expect(older.publicMessage).toBe('We are looking into this.');
    expect(older).not.toHaveProperty('publicMessageAt');
  });

  it('still shows the referral and public message after the report moves to another channel (re-encrypted)', async () => {
    const { id, trackingCode } = await submit(t);
    await act(id, 'public-message', { body: `Passed on ${MARK}-public` });
    await act(id, 'referrals', { agency: `Moved Agency ${MARK}`, date: '2026-11-20' });
    const before = t.db.prepare<[number], { r: Buffer }>('SELECT public_referral AS r FROM reports WHERE id = ?').get(id)?.r;
    await act(id, 'move', { channel: 'organised_crime' });
    const after = t.db.prepare<[number], { r: Buffer; channel: number }>('SELECT public_referral AS r, channel_id AS channel FROM reports WHERE id = ?').get(id);
    expect(after?.r.equals(before ?? Buffer.alloc(0))).toBe(false);
    const seen = await viewOf(trackingCode);
    expect(seen.referral).toEqual({ agency: `Moved Agency ${MARK}` });
    expect(seen.publicMessage).toBe(`Passed on ${MARK}-public`);
  });

  it('keeps no agency, public message or report text in clear anywhere in the data directory', () => {
    const files = readdirSync(t.dataDir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
    // The database and its WAL are among them: the schema names the new column.
    expect(files.some((file) => readFileSync(file).includes('public_referral'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of [MARK, 'Agency Against Corruption', 'Secret Task Force', 'We are looking into this']) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${path.basename(file)}`).toBe(false);
      }
    }
  });

  it('says whether each deadline was kept: in time, acknowledged late, feedback late', async () => {
    const { id, trackingCode } = await submit(t);
    const fresh = (await viewOf(trackingCode)).deadlines;
    expect(fresh).toEqual({ acknowledgeBy: expect.stringMatching(/T\d\d:00:00Z$/), acknowledgeMet: false, feedbackBy: expect.stringMatching(/T\d\d:00:00Z$/), feedbackMet: false });
    expect(Date.parse(fresh.feedbackBy) - Date.parse(fresh.acknowledgeBy)).toBe((90 - 7) * 86_400_000);
    expect(await pageOf(trackingCode)).toMatch(/deadline-pending[\s\S]*Not yet/);
    const onTime = await submit(t);
    await act(onTime.id, 'public-message', { body: 'Received, thank you.' });
    expect((await viewOf(onTime.trackingCode)).deadlines).toMatchObject({ acknowledgeMet: true, feedbackMet: true });

    const late = await submit(t);
    t.clock.advance(8 * 86_400_000); // past the acknowledgement deadline, well before the feedback one
    staff = await signIn(t, 'ana', 'a long enough password'); // the session timed out meanwhile
    await act(id, 'replies', { body: 'Sorry for the wait.' });
    expect((await viewOf(trackingCode)).deadlines).toMatchObject({ acknowledgeMet: false, feedbackMet: true });
    const html = await pageOf(trackingCode);
    expect(html).toMatch(/deadline-late[\s\S]*Late/);
    expect(html).toMatch(/deadline-met[\s\S]*Done/);

    t.clock.advance(90 * 86_400_000); // past both: closing now is late feedback
    staff = await signIn(t, 'ana', 'a long enough password');
    await act(late.id, 'close', { outcome: 'unsubstantiated' });
    expect((await viewOf(late.trackingCode)).deadlines).toMatchObject({ acknowledgeMet: false, feedbackMet: false });
  });
});
