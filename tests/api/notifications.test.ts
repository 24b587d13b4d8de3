/**
 * E-mail notifications against a real SMTP server (smtp-server) on a local
 * port: opting in, what a mail says and to whom, batching by the app's
 * clock, retries when the server refuses, and what admins see. The notifier
 * is ticked by the test after moving the clock, as the server's timer would.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { createSmtpMailer } from '../../server/mail/smtp';
import { Notifier, RETRY_FIRST_MS } from '../../server/services/notifier';
import { MAIL_SUBJECT } from '../../server/services/notification-mail';
import { auditEntries, jsonOf, submit } from '../support/casework';
import { ADMIN, createTestInstance, postJson, reportWithMarker, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

interface Received {
  to: string[];
  text: string;
}

const INTERVAL_S = 300;
const LIN = { username: 'lin', password: 'lin password 12345', role: 'triager', channels: ['official_protection'] } as const;
const WU = { username: 'wu', password: 'wu password 123456', role: 'triager', channels: ['organised_crime'] } as const;
const LIN_MAIL = 'lin.notify@example.org';
const WU_MAIL = 'wu.notify@example.org';

let t: TestInstance;
let smtp: SMTPServer;
const mails: Received[] = [];
/** MAIL FROM commands the server saw, refused or not: each is one delivery attempt. */
let attempts = 0;
let refusing = false;
const notifierLog: string[] = [];
let notifier: Notifier;
let lin: string;
let wu: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      attempts += 1;
      if (!refusing) return callback();
      return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), text: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  t = await createTestInstance({ SMTP_URL: url, MAIL_FROM: 'Tipline <tipline@example.org>', NOTIFY_INTERVAL_SECONDS: String(INTERVAL_S) });
  notifier = new Notifier({
    db: t.db,
    mailer: createSmtpMailer(url, 'Tipline <tipline@example.org>'),
    log: createLogger((line) => notifierLog.push(line)),
    now: t.clock.now,
    intervalSeconds: INTERVAL_S,
    consoleUrl: 'https://tips.example.org/staff/',
  });
  await addStaff(t, LIN);
  await addStaff(t, WU);
  lin = await signIn(t, LIN.username, LIN.password);
  wu = await signIn(t, WU.username, WU.password);
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  t.close();
});

/** A request as a member signed in just now (the tests move the clock past idle timeouts). */
async function asMember(account: { username: string; password: string }, method: string, url: string, body?: unknown): Promise<Response> {
  return staffRequest(t, await signIn(t, account.username, account.password), method, url, body);
}

/** Move the app's clock, then tick as the server's timer would. */
async function after(ms: number): Promise<void> {
  t.clock.advance(ms);
  await notifier.tick();
}

/** The mails that arrived while `action` ran. */
async function mailsDuring(action: () => Promise<void>): Promise<Received[]> {
  const before = mails.length;
  await action();
  return mails.slice(before);
}

/** The mail's text part, decoded from quoted-printable. */
function bodyOf(mail: Received): string {
  const raw = mail.text.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('opting in: PUT /api/staff/me/notifications', () => {
  it('refuses a bad address or an unknown event with invalid_input, storing nothing', async () => {
    const badEmail = await staffRequest(t, lin, 'PUT', '/api/staff/me/notifications', { email: 'lin at example', events: ['new_lead'] });
    expect(await jsonOf(badEmail, 400)).toMatchObject({ error: { code: 'invalid_input', fields: { email: expect.any(String) } } });
    const badEvent = await staffRequest(t, lin, 'PUT', '/api/staff/me/notifications', { email: LIN_MAIL, events: ['everything'] });
    expect(await jsonOf(badEvent, 400)).toMatchObject({ error: { code: 'invalid_input' } });
    const injected = await staffRequest(t, lin, 'PUT', '/api/staff/me/notifications', { email: `${LIN_MAIL}\r\nBcc: x@example.net`, events: [] });
    expect(injected.status).toBe(400);
    expect(await jsonOf(await staffRequest(t, lin, 'GET', '/api/staff/me/notifications'), 200)).toEqual({
      email: null,
      events: [],
      delivery: 'on',
      intervalSeconds: INTERVAL_S,
    });
  });

  it('stores the address and events, audits the change without the address, and sends nothing about earlier leads', async () => {
    await submit(t, { category: 'official_protection' });
    const put = await staffRequest(t, lin, 'PUT', '/api/staff/me/notifications', {
      email: LIN_MAIL,
      events: ['overdue', 'new_lead', 'reporter_replied', 'new_lead'],
    });
    expect(await jsonOf(put, 200)).toEqual({ email: LIN_MAIL, events: ['new_lead', 'reporter_replied', 'overdue'], delivery: 'on', intervalSeconds: INTERVAL_S });
    expect(await jsonOf(await staffRequest(t, wu, 'PUT', '/api/staff/me/notifications', { email: WU_MAIL, events: ['new_lead'] }), 200)).toMatchObject({ email: WU_MAIL });
    const audited = auditEntries(t, 'staff.notifications_changed');
    expect(audited).toHaveLength(2);
    expect(JSON.stringify(audited)).not.toContain('@');
    expect(await mailsDuring(() => after(60_000))).toEqual([]);
  });

  it('answers that delivery is off on a server without SMTP_URL, and still keeps the settings', async () => {
    const quiet = await createTestInstance();
    try {
      const session = await signIn(quiet, ADMIN.username, ADMIN.password);
      const put = await staffRequest(quiet, session, 'PUT', '/api/staff/me/notifications', { email: 'admin@example.org', events: ['overdue'] });
      expect(await jsonOf(put, 200)).toMatchObject({ email: 'admin@example.org', events: ['overdue'], delivery: 'off' });
    } finally {
      quiet.close();
    }
  });
});

describe('what is mailed, and to whom', () => {
  let code = '';

  it('mails a new lead only to the member holding its channel, within a minute, with counts and no content', async () => {
    const marker = 'Quokkafjord';
    const res = await postJson(t.app, '/api/reports', { ...reportWithMarker(marker), category: 'official_protection' });
    code = ((await res.json()) as { trackingCode: string }).trackingCode;
    const sent = await mailsDuring(() => after(30_000));
    expect(sent.map((mail) => mail.to)).toEqual([[LIN_MAIL]]);
    const [mail] = sent;
    if (!mail) throw new Error('no mail');
    expect(mail.text).toContain(`Subject: ${MAIL_SUBJECT}`);
    const body = bodyOf(mail);
    expect(body).toContain('1 new lead');
    expect(body).toContain('新線索 1 條');
    expect(body).toContain('新线索 1 条');
    expect(body).toContain('https://tips.example.org/staff/');
    for (const secret of [marker, 'Taipei', 'official_protection', 'Officer Lin', code, code.replace(/\D/g, '').slice(0, 8)]) {
      expect(mail.text).not.toContain(secret);
      expect(body).not.toContain(secret);
    }
  });

  it('sends nothing for a lead in a channel the member does not hold, nor to someone who did not choose that event', async () => {
    // wu holds organised_crime only; lin did not opt in to deadline_soon.
    const sent = await mailsDuring(async () => {
      await submit(t, { category: 'case_interference' });
      await after(INTERVAL_S * 1000);
    });
    expect(sent).toEqual([]);
  });

  it('batches: many events within the interval make one mail, sent when the interval has passed', async () => {
    await submit(t, { category: 'official_protection' });
    expect(await mailsDuring(() => after(30_000))).toHaveLength(1);
    const burst = await mailsDuring(async () => {
      for (let i = 0; i < 3; i += 1) await submit(t, { category: 'official_protection' });
      await after(30_000);
      await after((INTERVAL_S - 90) * 1000);
    });
    expect(burst).toEqual([]);
    const batched = await mailsDuring(() => after(60_000));
    expect(batched).toHaveLength(1);
    expect(bodyOf(batched[0] as Received)).toContain('3 new leads');
  });

  it('after a quiet spell, mails the first event on the next tick', async () => {
    await after(INTERVAL_S * 1000 * 3);
    await submit(t, { category: 'official_protection' });
    const sent = await mailsDuring(() => after(30_000));
    expect(sent).toHaveLength(1);
  });

  it('counts a reporter\'s follow-up without quoting it', async () => {
    const words = 'Pelicanmoor harbour at dawn';
    expect((await postJson(t.app, '/api/status/messages', { trackingCode: code, body: words })).status).toBe(201);
    const sent = await mailsDuring(() => after(INTERVAL_S * 1000));
    expect(sent).toHaveLength(1);
    const body = bodyOf(sent[0] as Received);
    expect(body).toContain('1 lead where the reporter replied');
    expect(body).not.toContain('Pelicanmoor');
  });
});

describe('when the SMTP server refuses', () => {
  afterAll(() => {
    refusing = false;
  });

  it('keeps the mail pending, logs the failure without an address, retries with backoff and delivers once it recovers', async () => {
    await after(INTERVAL_S * 1000);
    refusing = true;
    await submit(t, { category: 'official_protection' });
    const tried = attempts;
    expect(await mailsDuring(() => after(30_000))).toEqual([]);
    expect(attempts).toBe(tried + 1);

    const failure = notifierLog.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line['event'] === 'notification failed');
    expect(failure).toMatchObject({ level: 'error', error: 'rejected', smtpStatus: 451 });
    expect(notifierLog.join('\n')).not.toMatch(/@|lin\.notify|example\.org|Mailbox busy/);
    expect(t.logLines.join('\n')).not.toContain('@');

    const seen = await jsonOf<{ delivery: string; deliveries: Record<string, unknown>[] }>(await asMember(ADMIN, 'GET', '/api/staff/admin/notifications'), 200);
    expect(seen.delivery).toBe('on');
    expect(seen.deliveries.find((row) => row['username'] === 'lin')).toMatchObject({ lastError: 'rejected', smtpStatus: 451, failures: 1 });
    expect(JSON.stringify(seen)).not.toContain('@');

    await after(RETRY_FIRST_MS / 2);
    expect(attempts).toBe(tried + 1);
    await after(RETRY_FIRST_MS / 2);
    expect(attempts).toBe(tried + 2);

    refusing = false;
    const delivered = await mailsDuring(() => after(RETRY_FIRST_MS * 2));
    expect(delivered).toHaveLength(1);
    expect(bodyOf(delivered[0] as Received)).toContain('1 new lead');
    const healed = await jsonOf<{ deliveries: Record<string, unknown>[] }>(await asMember(ADMIN, 'GET', '/api/staff/admin/notifications'), 200);
    expect(healed.deliveries.find((row) => row['username'] === 'lin')).toMatchObject({ lastError: null, failures: 0, lastSuccessAt: expect.stringMatching(/T\d\d:00:00Z$/) });
  });

  it('shows deliveries to admins only', async () => {
    const res = await asMember(LIN, 'GET', '/api/staff/admin/notifications');
    expect(await jsonOf(res, 403)).toMatchObject({ error: { code: 'forbidden' } });
  });
});

describe('deadlines', () => {
  /** Open leads in lin's channel: every one of them was sent within the last few hours of the test clock. */
  const openLeads = (): number =>
    t.db
      .prepare<[], { n: number }>("SELECT count(*) AS n FROM reports r JOIN channels c ON c.id = r.channel_id WHERE c.slug = 'official_protection' AND r.status <> 'closed'")
      .get()?.n ?? 0;

  it('mails each acknowledgement deadline less than a day away once per person', async () => {
    const put = await asMember(LIN, 'PUT', '/api/staff/me/notifications', { email: LIN_MAIL, events: ['new_lead', 'reporter_replied', 'deadline_soon', 'overdue'] });
    expect(put.status).toBe(200);
    // Six and a half days on: every acknowledgement deadline (ACK_DUE_DAYS, 7) is hours away.
    const soon = await mailsDuring(() => after(6.5 * 86_400_000));
    expect(soon).toHaveLength(1);
    expect(bodyOf(soon[0] as Received)).toContain(`${openLeads()} leads with a deadline within 24 hours`);
    expect(await mailsDuring(() => after(INTERVAL_S * 1000 * 2))).toEqual([]);
  });

  it('mails each overdue lead once per person', async () => {
    const open = openLeads();
    // Past every acknowledgement deadline (ACK_DUE_DAYS, 7 by default), well before feedback.
    const overdue = await mailsDuring(() => after(8 * 86_400_000));
    expect(overdue).toHaveLength(1);
    expect(bodyOf(overdue[0] as Received)).toContain(`${open} leads overdue`);
    expect(await mailsDuring(() => after(INTERVAL_S * 1000 * 2))).toEqual([]);
  });
});
