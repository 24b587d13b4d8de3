/**
 * A flood of code checks against a real server process: Argon2id work stays
 * within its memory budget (derivations beyond it wait in a bounded queue,
 * the rest get 503 with Retry-After), and the server stays up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dammCheckDigit } from '../../contract/tracking-code';
import { residentMemory, startServer, type ServerProcess } from '../support/server-process';

const MiB = 1024 * 1024;
const ARGON2_MIB = 19; // the default ARGON2_MEMORY_KIB, 19,456 KiB
const BUDGET_MIB = 2 * ARGON2_MIB; // two derivations at once

let dataDir = '';
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A well-formed code (valid check digit) that is almost surely nobody's. */
function randomCode(n: number): string {
  const payload = String(1e18 + n * 7_919).slice(0, 19).padStart(19, '0');
  return payload + dammCheckDigit(payload);
}

describe('200 concurrent code checks', () => {
  it('answer 200, 404 or 503 (with Retry-After), within the memory budget, and the server stays up', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-overload-'));
    server = await startServer(dataDir, {
      ARGON2_MEMORY_BUDGET_MIB: String(BUDGET_MIB),
      ARGON2_QUEUE: '8',
      // Enough threads that, without the limiter, all 16 would derive at once (16 × 19 MiB).
      UV_THREADPOOL_SIZE: '16',
    });
    const { url, pid } = server;
    const submitted = await fetch(`${url}/api/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ category: 'other', details: 'Someone keeps paying the inspectors to look away at the quarry.' }),
    });
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    const baseline = residentMemory(pid).rss;
    let highest = baseline;
    const sampler = setInterval(() => (highest = Math.max(highest, residentMemory(pid).rss)), 20);

    const check = async (code: string): Promise<{ status: number; retryAfter: string | null }> => {
      const response = await fetch(`${url}/api/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ trackingCode: code }),
      });
      await response.arrayBuffer();
      return { status: response.status, retryAfter: response.headers.get('retry-after') };
    };
    const answers = await Promise.all(Array.from({ length: 200 }, (_, n) => check(n === 0 ? trackingCode : randomCode(n))));
    clearInterval(sampler);

    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].every((status) => [200, 404, 503].includes(status))).toBe(true);
    expect(answers[0]?.status).toBe(200); // the first in line is served
    expect(answers.filter((a) => a.status === 404).length).toBeGreaterThan(0);
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.retryAfter !== null && Number(a.retryAfter) > 0)).toBe(true);

    // Two derivations' memory, plus room for 200 requests' buffers; without
    // the bound sixteen would run at once (over 300 MiB).
    const growth = Math.max(highest, residentMemory(pid).rss) - baseline;
    expect(growth).toBeLessThan((BUDGET_MIB + 40) * MiB);

    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect((await check(trackingCode)).status).toBe(200);
  }, 120_000);
});
