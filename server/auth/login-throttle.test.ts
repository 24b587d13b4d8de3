import { describe, expect, it } from 'vitest';
import { delayAfter, FREE_FAILURES, LoginThrottle, MAX_DELAY_SECONDS } from './login-throttle';

const at = (seconds: number): Date => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

/** Fail once (when admitted); returns whether it was admitted. */
function fail(throttle: LoginThrottle, tag: string, now: Date): boolean {
  const admission = throttle.admit(tag, now);
  if (!admission.ok) return false;
  admission.attempt.fail(now);
  admission.attempt.end();
  return true;
}

/** Whether an attempt would be let through now (and end it at once). */
function canTry(throttle: LoginThrottle, tag: string, now: Date): boolean {
  const admission = throttle.admit(tag, now);
  if (admission.ok) admission.attempt.end();
  return admission.ok;
}

describe('LoginThrottle', () => {
  it(`lets ${FREE_FAILURES} failures through, then doubles the wait up to ${MAX_DELAY_SECONDS} s`, () => {
    expect([1, 2, 3, 4, 5, 6, 30].map(delayAfter)).toEqual([0, 0, 0, 1, 2, 4, MAX_DELAY_SECONDS]);
    const throttle = new LoginThrottle();
    for (let n = 0; n < 4; n += 1) expect(fail(throttle, 'name', at(0))).toBe(true);
    expect(throttle.admit('name', at(0))).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(canTry(throttle, 'other', at(0))).toBe(true);
    expect(fail(throttle, 'name', at(1))).toBe(true);
    expect(throttle.admit('name', at(2))).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('lets one attempt per username run at a time, so a burst of guesses cannot all pass before the first failure counts', () => {
    const throttle = new LoginThrottle();
    const first = throttle.admit('name', at(0));
    expect(first.ok).toBe(true);
    expect(throttle.admit('name', at(0))).toEqual({ ok: false, retryAfterSeconds: 1 });
    if (first.ok) first.attempt.end();
    expect(throttle.admit('name', at(0)).ok).toBe(true);
  });

  it('forgets a username a day after its last failure', () => {
    const throttle = new LoginThrottle();
    for (let n = 0; n < 6; n += 1) fail(throttle, 'name', at(n * 100)); // the last one asks for 4 s
    expect(canTry(throttle, 'name', at(501))).toBe(false);
    fail(throttle, 'name', at(600)); // 8 s
    expect(canTry(throttle, 'name', at(605))).toBe(false);
    expect(canTry(throttle, 'name', at(600 + 86_401))).toBe(true);
    fail(throttle, 'name', at(600 + 86_401));
    expect(canTry(throttle, 'name', at(600 + 86_401))).toBe(true); // counting from one again: still free
  });

  it('stays bounded, and a flood of fresh names never pushes out a username being slowed down', () => {
    const throttle = new LoginThrottle(1_000);
    for (let n = 0; n < 8; n += 1) fail(throttle, 'admin', at(n * 20)); // the last one asks for 16 s
    for (let n = 0; n < 5_000; n += 1) fail(throttle, `fresh-${n}`, at(150));
    expect(throttle.size()).toBe(1_000);
    expect(throttle.admit('admin', at(150))).toMatchObject({ ok: false });
  });
});
