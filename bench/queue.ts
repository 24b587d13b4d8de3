/**
 * Part 3: staff queue latency — claiming the next report
 * (POST /api/staff/queue/claim) and the first page of the listing
 * (GET /api/staff/reports) — one request at a time, signed in as the admin,
 * who holds all five channels.
 */
import { decryptText, encryptTo, generateKeyPair } from '../server/crypto/age';
import { createClient, postJson, signIn, type HttpClient, type StaffSession } from './http-client';
import type { QueueRow } from './results';
import { median, percentile, timed } from './stats';

/**
 * The yardstick for a claim: a claim answers with the report decrypted, so
 * one small age decryption (X25519, as seeded) is part of every claim
 * whatever the queue's size. Median milliseconds, in this process.
 */
export async function ageDecryptMs(samples: number): Promise<number> {
  const channel = await generateKeyPair();
  const reporter = await generateKeyPair();
  const ciphertext = await encryptTo([channel.recipient, reporter.recipient], JSON.stringify({ version: 1, details: 'x'.repeat(120) }));
  const times: number[] = [];
  for (let i = 0; i < samples + 5; i += 1) {
    const { ms } = await timed(() => decryptText([channel.identity], ciphertext));
    if (i >= 5) times.push(ms);
  }
  return median(times);
}

/**
 * Claim, then (untimed) hand the report back, so every claim sees the queue
 * as seeded instead of skipping the leases earlier claims left behind.
 */
async function claimOnce(client: HttpClient, session: StaffSession): Promise<{ ms: number; ok: boolean }> {
  const { ms, value: res } = await timed(() => client.send('POST', '/api/staff/queue/claim', { headers: session.headers }));
  if (res.status !== 200) return { ms, ok: false };
  const { id } = JSON.parse(res.body.toString()) as { id: number };
  const release = await postJson(client, `/api/staff/reports/${id}/lease`, { action: 'release' }, session.headers);
  return { ms, ok: release.status === 200 };
}

async function firstPageOnce(client: HttpClient, session: StaffSession): Promise<{ ms: number; ok: boolean }> {
  const { ms, value: res } = await timed(() => client.send('GET', '/api/staff/reports', { headers: session.headers }));
  const ok = res.status === 200 && (JSON.parse(res.body.toString()) as { reports: unknown[] }).reports.length > 0;
  return { ms, ok };
}

/** p50 and p99 of claims and first pages at the database's current size, medians over rounds. */
export async function measureQueue(
  url: string,
  adminPassword: string,
  reports: number,
  rounds: number,
  requests: number,
): Promise<Omit<QueueRow, 'dataLayer'>> {
  const client = createClient(url, 1);
  try {
    const session = await signIn(client, 'admin', adminPassword);
    let errors = 0;
    const run = async (once: typeof claimOnce, count: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < count; i += 1) {
        const { ms, ok } = await once(client, session);
        times.push(ms);
        if (!ok) errors += 1;
      }
      return times;
    };
    await run(claimOnce, 10);
    await run(firstPageOnce, 10);
    errors = 0;
    const claims: number[][] = [];
    const pages: number[][] = [];
    for (let round = 0; round < rounds; round += 1) {
      claims.push(await run(claimOnce, requests));
      pages.push(await run(firstPageOnce, requests));
    }
    const figure = (samples: number[][]): QueueRow['claim'] => ({
      p50Ms: median(samples.map((s) => percentile(s, 50))),
      p99Ms: median(samples.map((s) => percentile(s, 99))),
    });
    return { reports, claim: figure(claims), firstPage: figure(pages), errors, samplesPerRound: requests };
  } finally {
    client.close();
  }
}
