/**
 * The benchmark harness works: `--quick` runs every part against the real
 * server and writes every section with numbers. No timing is asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlReferences, jsImports } from './page-weight';
import type { BenchResults } from './results';
import { REPO_ROOT } from './server';
import { median, percentile } from './stats';

const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runQuick(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--out', out], {
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

    expect(results.pageWeight.map((row) => row.path)).toEqual(['/', '/report/', '/status/', '/staff/queue/']);
    for (const row of results.pageWeight) {
      positive(row.html.raw);
      positive(row.css.raw);
      expect(row.html.gzip).toBeLessThan(row.html.raw);
    }
    // The report form and the staff queue hydrate islands: their scripts are found.
    positive(results.pageWeight.find((row) => row.path === '/report/')?.js.gzip ?? 0);
    positive(results.pageWeight.find((row) => row.path === '/staff/queue/')?.js.gzip ?? 0);

    positive(results.startup.firstStartMs);
    expect(results.startup.rows.map((row) => row.reports)).toEqual([0, 1_000]);
    for (const row of results.startup.rows) positive(row.ms);

    for (const heading of ['1. Submissions', '2. Code checks', '3. Queue', '4. Attachments', '5. Page weight', '6. Start-up']) {
      expect(run.stdout).toContain(heading);
    }
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
