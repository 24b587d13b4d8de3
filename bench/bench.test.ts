/**
 * The benchmark harness works: `--quick` runs every part against the real
 * server and writes every section with numbers, and `--flood --quick` runs
 * every attack phase with honest reporters counted. No timing is asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlReferences, jsImports } from './page-weight';
import type { BenchResults, FloodResults, HonestSummary } from './results';
import { REPO_ROOT } from './server';
import { median, percentile } from './stats';

const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runQuick(out: string, extra: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', ...extra, '--out', out], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

const positive = (n: number): void => {
  expect(Number.isFinite(n)).toBe(true);
  expect(n).toBeGreaterThan(0);
};

describe('npm run bench -- --quick', () => {
  it('measures every part and writes every section with numbers', { timeout: 240_000 }, async () => {
    const out = path.join(scratch, 'results.json');
    const run = await runQuick(out);
    expect(run.code, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;

    expect(results.meta.mode).toBe('quick');
    expect(results.submissions.map((row) => row.concurrency)).toEqual([1, 2, 8]);
    for (const row of [...results.submissions, ...results.codeChecks]) {
      positive(row.httpPerSecond);
      positive(row.argon2PerSecond);
      positive(row.ratio);
      expect(row.errors).toBe(0);
    }
    expect(results.codeChecks.map((row) => row.kind)).toEqual(['hit', 'hit', 'hit', 'miss', 'miss', 'miss']);

    expect(results.queue.seeding.map((row) => row.reports)).toEqual([200, 1_000]);
    for (const row of results.queue.seeding) positive(row.seconds);
    expect(results.queue.latency.map((row) => row.reports)).toEqual([200, 1_000]);
    for (const row of results.queue.latency) {
      for (const figure of [row.claim, row.firstPage, row.dataLayer.claim, row.dataLayer.firstPage]) {
        positive(figure.p50Ms);
        expect(figure.p99Ms).toBeGreaterThanOrEqual(figure.p50Ms);
      }
      expect(row.errors).toBe(0);
    }

    positive(results.queue.ageDecryptMs);

    const a = results.attachments;
    expect(a.fileBytes).toBe(4 * 1024 * 1024);
    for (const n of [a.uploadMBps, a.downloadMBps, a.chachaMBps, a.uploadRatio, a.downloadRatio]) positive(n);
    expect(Number.isFinite(a.uploadPeakGrowthBytes) && Number.isFinite(a.downloadPeakGrowthBytes)).toBe(true);
    expect(a.errors).toBe(0);
    // The server was asked for its health while the file arrived, and answered.
    expect(a.healthDuringUploadProbes).toBeGreaterThan(0);
    positive(a.healthDuringUploadP99Ms);

    expect(results.pageWeight.map((row) => row.path)).toEqual(['/', '/report/', '/status/', '/staff/queue/']);
    for (const row of results.pageWeight) {
      positive(row.html.raw);
      positive(row.css.raw);
      expect(row.html.gzip).toBeLessThan(row.html.raw);
    }
    // The report form and the staff queue hydrate islands: their scripts are found.
    positive(results.pageWeight.find((row) => row.path === '/report/')?.js.gzip ?? 0);
    positive(results.pageWeight.find((row) => row.path === '/staff/queue/')?.js.gzip ?? 0);

    expect(results.transfer.map((row) => `${row.path} ${row.javaScript}`)).toEqual(['/ true', '/ false', '/report/ true', '/report/ false', '/status/ true', '/status/ false']);
    for (const row of results.transfer) {
      positive(row.firstBytes);
      // A repeat visit asks again at least for the page itself (revalidated, 304).
      positive(row.repeatBytes);
      expect(row.repeatBytes).toBeLessThan(row.firstBytes);
    }

    positive(results.startup.firstStartMs);
    expect(results.startup.rows.map((row) => row.reports)).toEqual([0, 1_000]);
    for (const row of results.startup.rows) positive(row.ms);

    // Part 8 ran on post-quantum channels: every request answered as expected.
    const pq = results.postQuantum;
    for (const row of [pq.submission, pq.codeCheck]) {
      expect(row.concurrency).toBe(1);
      positive(row.httpPerSecond);
      expect(row.errors).toBe(0);
    }
    positive(pq.claimReports);
    positive(pq.claim.p50Ms);
    expect(pq.claimErrors).toBe(0);
    positive(pq.attachments.uploadMBps);
    positive(pq.attachments.downloadMBps);
    expect(pq.attachments.errors).toBe(0);

    for (const heading of ['1. Submissions', '2. Code checks', '3. Queue', '4. Attachments', '5. Page weight', '7. Bytes transferred', '6. Start-up', '8. Post-quantum']) {
      expect(run.stdout).toContain(heading);
    }
  });
});

describe('npm run bench -- --flood --quick', () => {
  const counted = (summary: HonestSummary): void => {
    expect(summary.attempts).toBeGreaterThan(0);
    // Every attempt ended one way or another, and the ones within the goal are among those that succeeded.
    expect(Object.values(summary.outcomes).reduce((total, n) => total + n, 0)).toBe(summary.attempts);
    expect(summary.outcomes['receipt'] ?? 0).toBe(summary.succeeded);
    expect(summary.withinGoal).toBeLessThanOrEqual(summary.succeeded);
    expect(summary.posts).toBeGreaterThanOrEqual(summary.succeeded);
  };

  it('runs every phase against the default server, counts honest reporters, and measures the puzzle', { timeout: 240_000 }, async () => {
    const out = path.join(scratch, 'flood.json');
    const run = await runQuick(out, ['--flood']);
    expect(run.code, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8')) as FloodResults;

    expect(results.meta.mode).toBe('flood-quick');
    expect(results.phases.map((row) => [row.phase, row.attack])).toEqual([
      ['calm', null],
      ['a', 'cheap'],
      ['a2', 'free'],
      ['b', 'solving'],
      ['c', 'signin'],
    ]);
    for (const row of results.phases) {
      counted(row.js);
      counted(row.nojs);
      // Every report an honest reporter was told was stored is in the database under its region.
      expect(row.stored.honestJs).toBeGreaterThanOrEqual(row.js.succeeded);
      expect(row.stored.honestNoJs).toBeGreaterThanOrEqual(row.nojs.succeeded);
      expect(Number.isInteger(row.junk) && row.junk >= 0).toBe(true);
      positive(row.server.peakRssBytes);
      // No flood takes the server down.
      expect(row.server.exit).toBeNull();
      expect(Number.isFinite(row.server.cpuPercent)).toBe(true);
      if (row.attack === null) {
        expect(row.attacker).toBeNull();
        continue;
      }
      // The attacker ran in its own process and was measured there.
      positive(row.attacker?.cpuMs ?? NaN);
      positive(row.attacker?.wallMs ?? NaN);
      positive(Object.values(row.attacker?.requests ?? {}).reduce((total, n) => total + n, 0));
    }
    // The cheap flood is garbage: nothing it sends is stored. The solving flood did solve.
    expect(results.phases.find((row) => row.phase === 'a')?.junk).toBe(0);
    positive(results.phases.find((row) => row.phase === 'b')?.attacker?.work.proofs ?? NaN);

    const p = results.puzzle;
    for (const n of [p.evaluation.chromiumMs, p.evaluation.nativeMs, p.evaluation.ratio, p.stamp.chromiumMs, p.stamp.nativeMs, p.stamp.ratio]) positive(n);
    expect(p.rows.map((row) => row.effort)).toEqual([4, 16]);
    for (const row of p.rows) for (const n of [row.chromiumMs, row.nativeMs, row.ratio, row.meanEvaluations]) positive(n);
    for (const n of [p.oldPuzzle.chromiumWebCryptoUs, p.oldPuzzle.nodeCryptoUs, p.oldPuzzle.nativeUs, p.oldPuzzle.ratio]) positive(n);

    for (const heading of ['1. The puzzle', '2. Honest reporters under attack', '3. The attacker and the server']) expect(run.stdout).toContain(heading);
  });
});

describe('page weight references', () => {
  it('finds stylesheets, scripts, modulepreloads and island URLs in HTML', () => {
    const html = `<link rel="stylesheet" href="/_astro/a.css"><link href='/_astro/p.js' rel=modulepreload>
      <script type="module" src="/_astro/s.js"></script><script>inline()</script>
      <astro-island uid="x" component-url="/_astro/c.js" renderer-url="/_astro/r.js" before-hydration-url=""></astro-island>`;
    expect(htmlReferences(html)).toEqual({ css: ['/_astro/a.css'], js: ['/_astro/p.js', '/_astro/s.js', '/_astro/c.js', '/_astro/r.js'] });
  });

  it('tells static imports of minified modules from dynamic ones', () => {
    const source = 'import{h as e,t}from"./preact.js";import"./side.js";export{x}from\'./re.js\';const m=()=>import("./lazy.js");export{e as default};';
    const found = jsImports(source);
    expect(found.static.sort()).toEqual(['./preact.js', './re.js', './side.js']);
    expect(found.dynamic).toEqual(['./lazy.js']);
  });
});

describe('statistics', () => {
  it('takes medians and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });
});
