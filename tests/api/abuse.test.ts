/**
 * The abuse defence on the reporter routes, in-process: challenges are free
 * and undrainable; a proof is accepted once and refused when replayed,
 * forged or misused; garbage spends no proof, no place in line and no
 * Argon2id work; a refused request is told when to come back and with how
 * much work (JSON), or gets its form back with everything typed (browsers
 * without JavaScript), and nothing is stored; failed code checks are
 * limited per lookup tag.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dammCheckDigit, formatTrackingCode } from '../../contract/tracking-code';
import { formatProof, POW_HEADER, type ChallengeResponse } from '../../contract/proof-of-work';
import { solve } from '../../web/lib/pow-solver';
import { ADMIN, countRows, createTestInstance, postForm, type TestInstance } from '../support/instance';

const REPORT = { category: 'other', details: 'The market inspector takes cash from every stall owner on Sundays.' };

let t: TestInstance;
/** Requests left waiting in a lane; abandoned when the test ends, as a client that goes away. */
let waiting: AbortController[] = [];
afterEach(() => {
  for (const controller of waiting) controller.abort();
  waiting = [];
  t.close();
});

async function challenge(purpose: 'report' | 'status'): Promise<ChallengeResponse> {
  const response = await t.app.request(`/api/challenge?purpose=${purpose}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ChallengeResponse;
}

async function solved(purpose: 'report' | 'status', effort = 2): Promise<string> {
  return formatProof(await solve((await challenge(purpose)).challenge, effort));
}

function post(url: string, body: unknown, proof?: string, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (proof !== undefined) headers[POW_HEADER] = proof;
  return Promise.resolve(t.app.request(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body), ...(signal ? { signal } : {}) }));
}

/** Send a request that will wait in line, to be abandoned at the end of the test. */
function postAndWait(url: string, body: unknown): void {
  const controller = new AbortController();
  waiting.push(controller);
  void post(url, body, undefined, controller.signal);
}

async function errorOf(response: Response): Promise<{ code: string; message: string; retryAfterSeconds?: number; suggestedEffort?: number }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** The code, and why the proof was refused (the message names the reason). */
async function refusal(response: Response): Promise<string> {
  const { code, message } = await errorOf(response);
  return `${code}: ${/\(([a-z_]+)\)/.exec(message)?.[1] ?? ''}`;
}

/** Let the app run until `check` holds (requests reach their lane asynchronously). */
async function until(check: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000 && !check(); turn += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

function countMarked(instance: TestInstance): number {
  return instance.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports WHERE low_effort = 1').get()?.n ?? 0;
}

/** A well-formed code that belongs to nobody. */
function strayCode(seed: number): string {
  const payload = String(4_000_000_000_000_000_000n + BigInt(seed) * 104_729n).slice(0, 19);
  return payload + dammCheckDigit(payload);
}

/** One place in each bucket of the report and status lanes, and two in each line without a proof. */
const TINY_LANES = {
  RATE_SUBMISSIONS_PER_MINUTE: '1',
  RATE_SUBMISSIONS_NOJS_PER_MINUTE: '1',
  RATE_CHECKS_PER_MINUTE: '1',
  RATE_CHECKS_NOJS_PER_MINUTE: '1',
};

describe('challenges', () => {
  it('cost nothing to hand out and cannot be drained: each is fresh, and says no work is needed while calm', async () => {
    t = await createTestInstance(TINY_LANES);
    const seen = new Set<string>();
    for (let n = 0; n < 2_000; n += 1) {
      const issued = await challenge(n % 2 === 0 ? 'report' : 'status');
      expect(issued.suggestedEffort).toBe(0);
      seen.add(issued.challenge);
    }
    expect(seen.size).toBe(2_000);
    // Still a place for a report: handing out challenges took none.
    expect((await post('/api/reports', REPORT)).status).toBe(201);
  });

  it('refuses an unknown purpose', async () => {
    t = await createTestInstance();
    expect((await t.app.request('/api/challenge?purpose=anything')).status).toBe(400);
  });
});

describe('proof of work', () => {
  it('a solved proof gets a report in once; replayed, forged or misused proofs are 400 pow_invalid and store nothing', async () => {
    t = await createTestInstance();
    const proof = await solved('report');
    expect((await post('/api/reports', REPORT, proof)).status).toBe(201);
    expect(await refusal(await post('/api/reports', REPORT, proof))).toBe('pow_invalid: replayed');
    const [body = '', ...rest] = (await solved('report')).split(':');
    const forged = [`${body.slice(0, -3)}${body.endsWith('AAA') ? 'BBB' : 'AAA'}`, ...rest].join(':');
    expect(await refusal(await post('/api/reports', REPORT, forged))).toBe('pow_invalid: forged');
    expect(await refusal(await post('/api/reports', REPORT, await solved('status')))).toBe('pow_invalid: wrong_purpose');
    const late = await solved('report');
    t.clock.advance(11 * 60_000);
    expect(await refusal(await post('/api/reports', REPORT, late))).toBe('pow_invalid: expired');
    expect(await refusal(await post('/api/reports', REPORT, 'not-a-proof'))).toBe('pow_invalid: malformed');
    expect(countRows(t.db, 'reports')).toBe(1);
  });
});

describe('garbage costs nothing scarce', () => {
  it('invalid requests carrying a valid proof spend neither the proof nor a place in line', async () => {
    t = await createTestInstance(TINY_LANES);
    const reportProof = await solved('report');
    const statusProof = await solved('status');
    const garbage: [string, string | Record<string, unknown>, string][] = [
      ['/api/reports', '{not json', reportProof],
      ['/api/reports', {}, reportProof],
      ['/api/reports', { category: 'other' }, reportProof],
      ['/api/reports', { ...REPORT, details: 'x'.repeat(300_000) }, reportProof],
      ['/api/status', {}, statusProof],
      ['/api/status', { trackingCode: '1234 5678 9012 3456 7890' }, statusProof], // wrong check digit
      ['/api/status', { trackingCode: '1234' }, statusProof],
      ['/api/status/messages', { trackingCode: strayCode(1) }, statusProof], // nothing to send
    ];
    for (let round = 0; round < 25; round += 1) {
      for (const [url, body, proof] of garbage) {
        const response = await post(url, body, proof);
        expect(response.status, `${url} ${JSON.stringify(body).slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
    }
    // Both buckets of each lane are still full, and both proofs still unspent.
    expect((await post('/api/reports', REPORT, reportProof)).status).toBe(201);
    expect((await post('/api/reports', REPORT)).status).toBe(201);
    expect((await post('/api/status', { trackingCode: strayCode(2) }, statusProof)).status).toBe(404);
    expect((await post('/api/status', { trackingCode: strayCode(3) })).status).toBe(404);
    expect(countRows(t.db, 'reports')).toBe(2);
  });
});

describe('admission under load', () => {
  it('a refused JSON request gets 503 busy with Retry-After and the effort that should get through; nothing is stored', async () => {
    t = await createTestInstance(TINY_LANES);
    expect((await post('/api/reports', REPORT)).status).toBe(201); // the reserved bucket
    expect((await post('/api/reports', REPORT)).status).toBe(201); // the main one
    postAndWait('/api/reports', REPORT);
    postAndWait('/api/reports', REPORT); // the line without a proof holds two
    const refused = await post('/api/reports', REPORT);
    expect(refused.status).toBe(503);
    const error = await errorOf(refused);
    expect(error.code).toBe('busy');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBe(Number(refused.headers.get('retry-after')));
    expect(error.suggestedEffort).toBeGreaterThanOrEqual(1);
    expect(countRows(t.db, 'reports')).toBe(2);
  });

  it('a bid jumps the line that requests without a proof wait in', async () => {
    t = await createTestInstance({ ...TINY_LANES, RATE_SUBMISSIONS_PER_MINUTE: '3' }); // main bucket: one every 20 s
    await post('/api/reports', REPORT);
    await post('/api/reports', REPORT);
    postAndWait('/api/reports', REPORT);
    postAndWait('/api/reports', REPORT);
    const lane = t.guards.lanes.report;
    await until(() => lane.waiting().withoutProof === 2);
    const bid = post('/api/reports', REPORT, await solved('report', 1));
    await until(() => lane.waiting().withProof === 1);
    t.clock.advance(20_001);
    lane.pump();
    expect((await bid).status).toBe(201);
    expect(lane.waiting()).toEqual({ withProof: 0, withoutProof: 2 });
  });

  it('a refused form post gets the report form again, in its language, with everything typed and when to send again', async () => {
    t = await createTestInstance(TINY_LANES);
    await post('/api/reports', REPORT);
    await post('/api/reports', REPORT);
    postAndWait('/api/reports', REPORT);
    postAndWait('/api/reports', REPORT);
    const typed = { ...REPORT, lang: 'zh-hant', details: '市場稽查員每週日向每個攤販收取現金，已經持續兩年。', location: '南門市場' };
    const page = await postForm(t.app, '/api/reports', typed);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await page.text();
    expect(html).toContain('目前網站非常忙碌，您的檢舉還沒有送出');
    expect(html).toContain('市場稽查員每週日向每個攤販收取現金，已經持續兩年。');
    expect(html).toContain('value="南門市場"');
    expect(html).toMatch(/請在約 \d+ (秒|分鐘)後再送出一次/);
    expect(countRows(t.db, 'reports')).toBe(2);
  });

  it('a refused code check keeps the code; a refused follow-up keeps the message and code without opening the report', async () => {
    t = await createTestInstance(TINY_LANES);
    const code = strayCode(7);
    await post('/api/status', { trackingCode: strayCode(8) });
    await post('/api/status', { trackingCode: strayCode(9) });
    postAndWait('/api/status', { trackingCode: strayCode(10) });
    postAndWait('/api/status', { trackingCode: strayCode(11) });
    const lookup = await postForm(t.app, '/api/status', { trackingCode: code, lang: 'en' });
    expect(lookup.status).toBe(503);
    const lookupHtml = await lookup.text();
    expect(lookupHtml).toContain('so your code has not been checked yet');
    expect(lookupHtml).toContain(`value="${formatTrackingCode(code)}"`);

    const followUp = await postForm(t.app, '/api/status/messages', { trackingCode: code, body: 'The inspector came again today.', lang: 'zh-hans' });
    expect(followUp.status).toBe(503);
    const followUpHtml = await followUp.text();
    expect(followUpHtml).toContain('您的补充材料还没有提交');
    expect(followUpHtml).toContain('The inspector came again today.');
    expect(followUpHtml).toContain(`value="${formatTrackingCode(code)}"`);
    expect(countRows(t.db, 'report_messages')).toBe(0);
  });

  it('the suggested effort rises while requests are turned away, and the next challenge says so', async () => {
    t = await createTestInstance(TINY_LANES);
    await post('/api/reports', REPORT);
    await post('/api/reports', REPORT);
    postAndWait('/api/reports', REPORT);
    postAndWait('/api/reports', REPORT);
    expect((await post('/api/reports', REPORT)).status).toBe(503);
    t.clock.advance(10_000);
    expect((await challenge('report')).suggestedEffort).toBeGreaterThanOrEqual(1);
    expect((await challenge('status')).suggestedEffort).toBe(0); // another lane, still calm
  });
});

describe('junk under load', () => {
  it('a report let in below the suggested effort while under load is marked low effort; one that bid it is not', async () => {
    // Reserved bucket: two at once, then one every 10 s; main bucket: one, then one every 20 s.
    t = await createTestInstance({ ...TINY_LANES, RATE_SUBMISSIONS_PER_MINUTE: '3', RATE_SUBMISSIONS_NOJS_PER_MINUTE: '6' });
    const lane = t.guards.lanes.report;
    for (let n = 0; n < 3; n += 1) expect((await post('/api/reports', REPORT)).status).toBe(201);
    for (let n = 0; n < 3; n += 1) postAndWait('/api/reports', REPORT);
    await until(() => lane.waiting().withoutProof === 3);
    expect((await post('/api/reports', REPORT)).status).toBe(503); // turned away: the suggestion will rise
    t.clock.advance(10_001);
    expect(lane.suggested.current()).toBe(1);
    lane.pump(); // a reserved token: the first without a proof gets in, below the suggestion
    await until(() => countMarked(t) === 1);

    const bid = post('/api/reports', REPORT, await solved('report', 1));
    await until(() => lane.waiting().withProof === 1);
    t.clock.advance(10_000);
    lane.pump();
    expect((await bid).status).toBe(201);
    // Unmarked: the three let in while calm, and the bid.
    expect(countRows(t.db, 'reports') - countMarked(t)).toBe(4);
  });
});

describe('the sign-in lane', () => {
  const signInRequest = (body: Record<string, string>, proof?: string, signal?: AbortSignal): Promise<Response> =>
    Promise.resolve(
      t.app.request('/api/staff/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: 'http://localhost', ...(proof ? { [POW_HEADER]: proof } : {}) },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      }),
    );

  it('a flood of sign-ins without proofs is turned away busy, and staff who bid get in ahead of it', async () => {
    t = await createTestInstance({ RATE_SIGNINS_PER_MINUTE: '3' }); // one place, then one every 20 s
    const lane = t.guards.lanes.signin;
    const guess = { username: 'not-a-user', password: 'wrong password, again and again' };
    expect((await signInRequest(guess)).status).toBe(401); // the one place this minute
    for (let n = 0; n < 2; n += 1) {
      const controller = new AbortController();
      waiting.push(controller);
      void signInRequest(guess, undefined, controller.signal);
    }
    await until(() => lane.waiting().withoutProof === 2);
    const refused = await signInRequest(guess);
    expect(refused.status).toBe(503);
    const busy = await errorOf(refused);
    expect(busy.code).toBe('busy');
    expect(busy.suggestedEffort).toBeGreaterThanOrEqual(1);
    // Garbage is answered before the lane: nothing waits for it.
    expect((await signInRequest({ username: '' })).status).toBe(400);

    const issued = (await (await t.app.request('/api/challenge?purpose=signin')).json()) as ChallengeResponse;
    const admin = signInRequest(ADMIN, formatProof(await solve(issued.challenge, 2)));
    await until(() => lane.waiting().withProof === 1);
    t.clock.advance(20_001);
    lane.pump();
    expect((await admin).status).toBe(200);
    expect(lane.waiting().withoutProof).toBe(2);
  });
});

describe('failed checks per lookup tag', () => {
  it('the guessed code is refused after too many failures, others still work, and nothing waits in line for it', async () => {
    t = await createTestInstance({ FAILED_CHECKS_PER_TAG_PER_HOUR: '3' });
    const submitted = await post('/api/reports', REPORT);
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    const guessed = strayCode(1);
    for (let n = 0; n < 3; n += 1) expect((await post('/api/status', { trackingCode: guessed })).status).toBe(404);
    const limited = await post('/api/status', { trackingCode: guessed });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await post('/api/status', { trackingCode: strayCode(2) })).status).toBe(404);
    expect((await post('/api/status', { trackingCode })).status).toBe(200);

    t.clock.advance(61 * 60_000);
    expect((await post('/api/status', { trackingCode: guessed })).status).toBe(404);
  });
});
