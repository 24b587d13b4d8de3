/**
 * A staff sign-in flood as it was measured (150 concurrent sign-ins with
 * unknown usernames) no longer reaches reporters: sign-in derives in its own
 * Argon2id pool. And failed sign-ins reach the audit trail aggregated, one
 * entry per username (or for all unknown names together) per window, so a
 * flood cannot grow the trail without bound and the chain still verifies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { auditVerifyCommand } from '../../server/cli/audit';
import { listAudit } from '../../server/data/audit';
import { FAILURE_WINDOW_MS } from '../../server/services/failed-sign-ins';
import { countRows, createTestInstance, postJson, type TestInstance } from '../support/instance';
import { addStaffAccount, signIn, staffRequest } from '../support/staff';

let t: TestInstance | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

/** Move the instance's clock to the start of the next aggregation window (the test then runs well inside one). */
function toNextWindow(instance: TestInstance): number {
  const now = instance.clock.now().getTime();
  const start = (Math.floor(now / FAILURE_WINDOW_MS) + 1) * FAILURE_WINDOW_MS;
  instance.clock.advance(start - now);
  return start;
}

/** The aggregated failure entries, oldest first. */
function failureEntries(instance: TestInstance): { action: string; actorUsername: string | null; actorStaffId: number | null; detail: Record<string, unknown>; at: string }[] {
  return listAudit(instance.db, { limit: 500, beforeId: null, reportId: null })
    .filter((entry) => entry.action === 'login.failed' || entry.action === 'recovery.failed')
    .reverse();
}

describe('150 concurrent sign-ins with unknown usernames', () => {
  it('never make a reporter route answer 503, and add one aggregated entry to a trail that still verifies', async () => {
    // A small staff pool (one derivation at a time, four waiting); the reporter pool keeps its defaults.
    const instance = (t = await createTestInstance({ ARGON2_STAFF_MEMORY_BUDGET_MIB: '19', ARGON2_STAFF_QUEUE: '4' }));
    const submitted = await postJson(instance.app, '/api/reports', { category: 'other', details: 'The harbour master waves through unregistered boats at night.' });
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    toNextWindow(instance);
    const rowsBefore = countRows(instance.db, 'audit_log');

    // 150 attackers, each signing in again as soon as it is answered, until the reporter is done.
    let flooding = true;
    let sent = 0;
    const attackerStatuses: number[] = [];
    const attacker = async (n: number): Promise<void> => {
      while (flooding) {
        sent += 1;
        const res = await staffRequest(instance, null, 'POST', '/api/staff/login', { username: `intruder-${n}-${sent}`, password: 'a guess at a password' });
        attackerStatuses.push(res.status);
        await res.arrayBuffer();
        // A refusal is answered without any I/O: let the event loop turn, as a network round trip would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const attackers = Array.from({ length: 150 }, (_, n) => attacker(n));

    // Meanwhile an honest reporter checks the code, sends follow-ups and new reports.
    const refused = (): number => attackerStatuses.filter((status) => status === 503).length;
    const reporterStatuses: number[] = [];
    const floodStillOn: boolean[] = [];
    try {
      // Wait until the flood overflows (some attacker is refused), then serve the reporter through it.
      await expect.poll(refused, { timeout: 20_000 }).toBeGreaterThan(0);
      for (let round = 0; round < 4; round += 1) {
        const refusedBefore = refused();
        reporterStatuses.push((await postJson(instance.app, '/api/status', { trackingCode })).status);
        reporterStatuses.push((await postJson(instance.app, '/api/status/messages', { trackingCode, body: `Another boat came in, round ${round}.` })).status);
        reporterStatuses.push((await postJson(instance.app, '/api/reports', { category: 'other', details: `The same boats again, seen in round ${round}.` })).status);
        floodStillOn.push(refused() > refusedBefore);
      }
    } finally {
      flooding = false;
      await Promise.all(attackers);
    }

    expect(reporterStatuses).toEqual(Array.from({ length: 4 }, () => [200, 201, 201]).flat());
    expect(floodStillOn).toEqual([true, true, true, true]);
    const failed = attackerStatuses.filter((status) => status === 401).length;
    expect(failed).toBeGreaterThan(0);
    expect(attackerStatuses.every((status) => status === 401 || status === 503)).toBe(true);

    // Not one audit row per failure: nothing until the window closes, then one entry.
    expect(countRows(instance.db, 'audit_log')).toBe(rowsBefore);
    instance.clock.advance(FAILURE_WINDOW_MS);
    expect(instance.failedSignIns.flush(instance.clock.now())).toBe(1);
    expect(countRows(instance.db, 'audit_log')).toBe(rowsBefore + 1);
    const [entry, ...more] = failureEntries(instance);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'login.failed', actorStaffId: null, detail: { failures: failed, unknownUsernames: failed } });
    expect(auditVerifyCommand({ db: instance.db, config: instance.config, files: instance.files, signingKey: instance.signingKey, kdf: instance.kdf.staff })).toMatch(/^audit trail intact/);
  }, 120_000);
});

describe('failed sign-ins in the audit trail', () => {
  it('are one entry per account, action and window with a count, unknown names together and never in clear; successes one each', async () => {
    const instance = (t = await createTestInstance());
    const { recoveryCode } = await addStaffAccount(instance, { username: 'alice', password: 'alice password 1234', role: 'auditor', channels: [] });
    const windowStart = toNextWindow(instance);
    const login = (username: string, password: string): Promise<Response> => staffRequest(instance, null, 'POST', '/api/staff/login', { username, password });
    const unknownNames = ['alice password 123', 'hunter2-typed-here'];

    for (let n = 0; n < 3; n += 1) expect((await login('alice', `wrong password ${n}`)).status).toBe(401);
    for (const name of unknownNames) expect((await login(name, 'whatever it was')).status).toBe(401);
    const badRecovery = await staffRequest(instance, null, 'POST', '/api/staff/recover', { username: 'alice', recoveryCode: recoveryCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), newPassword: 'alice new password 1' });
    expect(badRecovery.status).toBe(401);
    const rowsBefore = countRows(instance.db, 'audit_log');
    expect((await login('alice', 'alice password 1234')).status).toBe(200);
    expect(countRows(instance.db, 'audit_log')).toBe(rowsBefore + 1); // the success, at once

    // Still inside the window: nothing to write yet.
    instance.clock.advance(FAILURE_WINDOW_MS - 60_000);
    expect(instance.failedSignIns.flush(instance.clock.now())).toBe(0);
    // A failure in the next window stays open when the first one is written.
    instance.clock.advance(120_000);
    expect((await login('alice', 'wrong again 12345')).status).toBe(401);
    expect(instance.failedSignIns.flush(instance.clock.now())).toBe(3);

    const since = new Date(windowStart).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const until = new Date(windowStart + FAILURE_WINDOW_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(failureEntries(instance)).toEqual([
      { action: 'login.failed', actorUsername: 'alice', actorStaffId: expect.any(Number), at: until, detail: { failures: 3, since } },
      { action: 'login.failed', actorUsername: null, actorStaffId: null, at: until, detail: { failures: 2, since, unknownUsernames: 2 } },
      { action: 'recovery.failed', actorUsername: 'alice', actorStaffId: expect.any(Number), at: until, detail: { failures: 1, since } },
    ].map((entry) => expect.objectContaining(entry)));

    // At shutdown the open window is written too.
    expect(instance.failedSignIns.flush(instance.clock.now(), { everything: true })).toBe(1);
    expect(failureEntries(instance).at(-1)).toMatchObject({ action: 'login.failed', actorUsername: 'alice', detail: { failures: 1 } });

    const trail = JSON.stringify(instance.db.prepare('SELECT * FROM audit_log').all());
    for (const name of unknownNames) expect(trail).not.toContain(name);
    expect(auditVerifyCommand({ db: instance.db, config: instance.config, files: instance.files, signingKey: instance.signingKey, kdf: instance.kdf.staff })).toMatch(/^audit trail intact/);

    // The console's audit page gets them like any other entry.
    const auditor = await signIn(instance, 'alice', 'alice password 1234');
    const page = (await (await staffRequest(instance, auditor, 'GET', '/api/staff/audit?limit=20')).json()) as { chain: { ok: boolean }; entries: { action: string }[] };
    expect(page.chain.ok).toBe(true);
    expect(page.entries.filter((entry) => entry.action === 'login.failed')).toHaveLength(3);
  });
});
