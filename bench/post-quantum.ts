/**
 * Part 8: what a post-quantum channel costs. A server made with
 * CHANNEL_KEY_TYPE=pq gives every channel a hybrid ML-KEM-768 + X25519 key,
 * and every reporter a hybrid key too. The same harness as parts 1–4 at
 * concurrency 1 measures it: submissions, code checks (hits), claims (on
 * the reports the submissions made) and one evidence file up and down — to
 * set beside the X25519 rows of those parts.
 */
import type { KdfParams } from '../server/crypto/argon2';
import { benchAttachments } from './attachments';
import { benchCodeChecks } from './code-checks';
import { createClient } from './http-client';
import type { BenchOptions } from './options';
import { measureQueue } from './queue';
import type { PostQuantumResult } from './results';
import { adminPasswordFrom, startServer } from './server';
import { benchSubmissions } from './submissions';

const MiB = 1024 * 1024;

export async function benchPostQuantum(dataDir: string, kdf: KdfParams, options: BenchOptions): Promise<PostQuantumResult> {
  const server = await startServer(dataDir, { CHANNEL_KEY_TYPE: 'pq' });
  const client = createClient(server.url, 2);
  const atOne = { ...options, concurrencies: [1] };
  const codes: string[] = [];
  try {
    const adminPassword = await adminPasswordFrom(server);
    const [submission] = await benchSubmissions(client, kdf, atOne, codes);
    const [codeCheck] = await benchCodeChecks(client, kdf, atOne, codes);
    if (submission === undefined || codeCheck === undefined) throw new Error('no post-quantum throughput row');
    const queue = await measureQueue(server.url, adminPassword, codes.length, options.rounds, options.queueRequests);
    const attachments = await benchAttachments(
      client,
      { pid: server.pid, dataDir, adminPassword },
      { fileBytes: options.fileMiB * MiB, rounds: options.rounds, chachaBytes: options.chachaBytes },
    );
    return { submission, codeCheck, claim: queue.claim, claimReports: queue.reports, claimErrors: queue.errors, attachments };
  } finally {
    client.close();
    await server.stop();
  }
}
