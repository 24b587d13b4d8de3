/**
 * `npm run bench [-- --quick] [-- --out file]`: starts the real server on
 * loopback with temporary data directories, measures the eight parts, prints
 * a table and writes bench-results.json (part 7 drives Chromium; part 8 is
 * parts 1–4 again on post-quantum channels). Progress goes to stderr, the table
 * to stdout. Load is bounded by rounds and windows and stops by itself.
 * `--flood` measures honest reporters under attack instead (bench/flood/),
 * into bench-flood-results.json; `--search` only staff search at 100,000
 * indexed leads (bench/search.ts), into bench-search-results.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { benchAttachments } from './attachments';
import { benchCodeChecks } from './code-checks';
import { createClient } from './http-client';
import { parseArgs, type BenchOptions } from './options';
import { benchPageWeight } from './page-weight';
import { benchPostQuantum } from './post-quantum';
import { ageDecryptMs, measureQueue } from './queue';
import { measureQueueData } from './queue-data';
import type { BenchResults, QueueRow, SeedingRow, StartupRow } from './results';
import { seedReports } from './seed';
import { adminPasswordFrom, BENCH_ENV, REPO_ROOT, startServer, type RunningServer } from './server';
import { measureStartup } from './startup';
import { measureTransfer } from './transfer';
import { benchSubmissions } from './submissions';
import { formatResults } from './table';

const MiB = 1024 * 1024;
const progress = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

function machine(): BenchResults['meta']['machine'] {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const memKib = Number(/^MemTotal:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? NaN);
  return { cpu, cores: cpus().length, memoryBytes: memKib * 1024, node: process.version, loadAverageBefore: loadavg(), loadAverageAfter: [] };
}

/** Start a server on a fresh data directory and replace the admin password its first start prints. */
async function freshServer(dataDir: string): Promise<{ server: RunningServer; password: string }> {
  const server = await startServer(dataDir);
  try {
    // The printed password must be changed at the first sign-in; the benchmark does that first.
    return { server, password: await adminPasswordFrom(server) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function runBench(options: BenchOptions, scratch: string): Promise<BenchResults> {
  const startedAt = new Date();
  const begin = performance.now();
  const meta = { mode: options.quick ? ('quick' as const) : ('full' as const), startedAt: startedAt.toISOString(), machine: machine(), rounds: options.rounds };
  const config = loadConfig({ ...process.env, ...BENCH_ENV, DATA_DIR: scratch });
  const kdf = config.argon2;
  const dir = (name: string): string => path.join(scratch, name);

  progress('building the site if needed, then page weight');
  const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('building the site failed');
  const pageWeight = benchPageWeight(path.join(REPO_ROOT, 'dist'));
  progress('bytes transferred in Chromium');
  const transferServer = await freshServer(dir('transfer'));
  let transfer: BenchResults['transfer'];
  try {
    transfer = await measureTransfer(transferServer.server.url);
  } finally {
    await transferServer.server.stop();
  }
  rmSync(dir('transfer'), { recursive: true, force: true });

  // Parts 1, 2 and 4 share one server; part 4 resets its peak memory before each phase.
  progress('submissions');
  const intake = await freshServer(dir('intake'));
  const client = createClient(intake.server.url, Math.max(...options.concurrencies) * 2);
  const codes: string[] = [];
  let submissions: BenchResults['submissions'];
  let codeChecks: BenchResults['codeChecks'];
  let attachments: BenchResults['attachments'];
  try {
    submissions = await benchSubmissions(client, kdf, options, codes);
    progress('code checks');
    codeChecks = await benchCodeChecks(client, kdf, options, codes);
    progress(`attachments (${options.fileMiB} MiB)`);
    attachments = await benchAttachments(
      client,
      { pid: intake.server.pid, dataDir: dir('intake'), adminPassword: intake.password },
      { fileBytes: options.fileMiB * MiB, rounds: options.rounds, chachaBytes: options.chachaBytes },
    );
  } finally {
    client.close();
    await intake.server.stop();
  }
  rmSync(dir('intake'), { recursive: true, force: true });

  progress('start-up on an empty database');
  const queueDir = dir('queue');
  const first = await freshServer(queueDir);
  const firstStartMs = first.server.startupMs;
  await first.server.stop();
  const startup: StartupRow[] = [await measureStartup(queueDir, 0, options.startupRounds)];
  const seeding: SeedingRow[] = [];
  const latency: QueueRow[] = [];
  const total = Math.max(...options.queueSizes);
  let reports = 0;
  for (const size of options.queueSizes) {
    progress(`seeding to ${size.toLocaleString('en-US')} reports`);
    seeding.push(await seedReports(queueDir, { from: reports, to: size, total }, { kdf, deadlines: config.deadlines, seed: 7 }));
    reports = size;
    progress(`queue at ${size.toLocaleString('en-US')} reports`);
    const server = await startServer(queueDir);
    let http: Omit<QueueRow, 'dataLayer'>;
    try {
      http = await measureQueue(server.url, first.password, size, options.rounds, options.queueRequests);
    } finally {
      await server.stop();
    }
    latency.push({ ...http, dataLayer: measureQueueData(queueDir, options.rounds, options.queueRequests) });
    if (size === options.startupReports) {
      progress(`start-up at ${size.toLocaleString('en-US')} reports`);
      startup.push(await measureStartup(queueDir, size, options.startupRounds, [server.startupMs]));
    }
  }

  progress('post-quantum channels');
  const postQuantum = await benchPostQuantum(dir('post-quantum'), kdf, options);
  rmSync(dir('post-quantum'), { recursive: true, force: true });

  meta.machine.loadAverageAfter = loadavg();
  return {
    meta: { ...meta, seconds: (performance.now() - begin) / 1000, argon2: kdf },
    submissions,
    codeChecks,
    queue: { seeding, latency, ageDecryptMs: await ageDecryptMs(options.queueRequests) },
    attachments,
    pageWeight,
    transfer,
    startup: { firstStartMs, rows: startup },
    postQuantum,
  };
}

async function main(): Promise<void> {
  const { options, out, flood, search } = parseArgs(process.argv.slice(2));
  const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-bench-'));
  try {
    const file = path.resolve(out);
    if (flood) {
      // Loaded only here: the flood's attackers and honest reporters are its own.
      const { runFlood, FLOOD_FULL, FLOOD_QUICK, formatFloodResults } = await import('./flood/main');
      const results = await runFlood(options.quick ? FLOOD_QUICK : FLOOD_FULL, scratch, machine(), progress);
      writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
      process.stdout.write(formatFloodResults(results) + '\n');
    } else if (search) {
      // Staff search only: seeds its own database in the benchmark process, no server.
      const { runSearchBench, formatSearchResults, SEARCH_FULL, SEARCH_QUICK } = await import('./search');
      const results = await runSearchBench(options.quick ? SEARCH_QUICK : SEARCH_FULL, scratch, progress);
      writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
      process.stdout.write(formatSearchResults(results) + '\n');
    } else {
      const results = await runBench(options, scratch);
      writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
      process.stdout.write(formatResults(results) + '\n');
    }
    progress(`wrote ${file}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
