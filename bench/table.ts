/** The benchmark's results as plain-text tables, with the design budgets beside the figures. */
import type { BenchResults, ThroughputRow } from './results';

/** Design budgets (DESIGN.md, Budgets). KB = 1,000 bytes. */
export const BUDGETS = {
  overheadPercent: 20,
  claimP99Ms: 5,
  firstPageP99Ms: 20,
  publicHtmlCssBytes: 30_000,
  reportJsGzipBytes: 15_000,
  /** What Chromium transfers for /report/ with JavaScript: first visit, and a repeat visit. */
  reportTransferFirstBytes: 25_000,
  reportTransferRepeatBytes: 5_000,
  /** The server answering others while a 100 MiB file arrives. */
  healthDuringUploadP99Ms: 50,
} as const;

/** Columns padded to their widest cell; numbers right-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => /^[-+\d.,]+( ?[a-zA-Z%/]+)?$|^—$/.test(row[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const thousands = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const mib = (bytes: number): string => `${fixed(bytes / 1024 / 1024)} MiB`;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'OVER');

function throughputCells(row: ThroughputRow): string[] {
  return [
    String(row.concurrency),
    fixed(row.httpPerSecond),
    fixed(row.argon2PerSecond),
    fixed(row.ratio, 2),
    `${row.overheadPercent >= 0 ? '+' : ''}${fixed(row.overheadPercent, 0)}%`,
    verdict(row.overheadPercent <= BUDGETS.overheadPercent),
    `${row.errors}/${row.requests}`,
  ];
}

export function formatResults(r: BenchResults): string {
  const { machine, argon2 } = r.meta;
  const out: string[] = [];
  out.push(
    `Tipline benchmark (${r.meta.mode}, ${r.meta.rounds} round(s) per figure, medians) — ${machine.cpu}, ${machine.cores} cores, ` +
      `${mib(machine.memoryBytes)}, Node ${machine.node}; load average ${machine.loadAverageBefore.map((n) => n.toFixed(2)).join(' ')} before`,
  );
  const throughputHeaders = ['conc.', 'HTTP/s', 'Argon2id/s', 'ratio', 'overhead', `≤${BUDGETS.overheadPercent}%`, 'errors'];
  out.push('', `1. Submissions: POST /api/reports (JSON) vs bare Argon2id m=${argon2.m} KiB t=${argon2.t} p=${argon2.p}`);
  out.push(formatTable(throughputHeaders, r.submissions.map(throughputCells)));
  out.push('', '2. Code checks: POST /api/status vs bare Argon2id (hit = real code, 200; miss = valid check digit, no report, 404)');
  out.push(formatTable(['kind', ...throughputHeaders], r.codeChecks.map((row) => [row.kind, ...throughputCells(row)])));

  out.push('', `3. Queue, admin holding all 5 channels, one request at a time (budget at 1,000,000: claim p99 ≤ ${BUDGETS.claimP99Ms} ms, first page p99 ≤ ${BUDGETS.firstPageP99Ms} ms)`);
  out.push(
    formatTable(
      ['reports', 'claim p50 ms', 'claim p99 ms', 'page p50 ms', 'page p99 ms', 'errors', 'data layer: claim p50/p99', 'page p50/p99'],
      r.queue.latency.map((row) => [
        thousands(row.reports),
        fixed(row.claim.p50Ms, 2),
        `${fixed(row.claim.p99Ms, 2)}${row.claim.p99Ms > BUDGETS.claimP99Ms ? ' OVER' : ''}`,
        fixed(row.firstPage.p50Ms, 2),
        `${fixed(row.firstPage.p99Ms, 2)}${row.firstPage.p99Ms > BUDGETS.firstPageP99Ms ? ' OVER' : ''}`,
        String(row.errors),
        `${fixed(row.dataLayer.claim.p50Ms, 2)} / ${fixed(row.dataLayer.claim.p99Ms, 2)}`,
        `${fixed(row.dataLayer.firstPage.p50Ms, 2)} / ${fixed(row.dataLayer.firstPage.p99Ms, 2)}`,
      ]),
    ),
  );
  out.push('   data layer: claimNextReport and listReportMeta on the same file in the bench process, server stopped (no HTTP, audit or decryption)');
  out.push(`   every claim answers with the report decrypted: one small age decryption (X25519) alone takes ${fixed(r.queue.ageDecryptMs, 2)} ms here`);
  out.push('   seeding through the data layer (server stopped):');
  out.push(
    formatTable(
      ['reports', 'added', 'seconds', 'reports/s', 'database'],
      r.queue.seeding.map((row) => [thousands(row.reports), thousands(row.added), fixed(row.seconds), thousands(row.reportsPerSecond), mib(row.databaseBytes)]),
    ),
  );

  const a = r.attachments;
  out.push('', `4. Attachments: one ${mib(a.fileBytes)} file (MB = 10^6 bytes); node:crypto ChaCha20-Poly1305, 64 KiB chunks: ${fixed(a.chachaMBps)} MB/s`);
  out.push(
    formatTable(
      ['', 'MB/s', 'ratio to ChaCha20', 'peak RSS growth', 'errors'],
      [
        ['upload', fixed(a.uploadMBps), fixed(a.uploadRatio, 3), mib(a.uploadPeakGrowthBytes), String(a.errors)],
        ['download', fixed(a.downloadMBps), fixed(a.downloadRatio, 3), mib(a.downloadPeakGrowthBytes), ''],
      ],
    ),
  );
  out.push(
    `   GET /api/health every 20 ms while the file arrives: p99 ${fixed(a.healthDuringUploadP99Ms, 1)} ms over ${a.healthDuringUploadProbes} answers (budget ≤ ${BUDGETS.healthDuringUploadP99Ms} ms) ${verdict(a.healthDuringUploadP99Ms <= BUDGETS.healthDuringUploadP99Ms)}`,
  );

  out.push('', `5. Page weight from dist/, bytes raw / gzip -9 (budget: HTML+CSS ≤ ${thousands(BUDGETS.publicHtmlCssBytes)} raw per public page; JS ≤ ${thousands(BUDGETS.reportJsGzipBytes)} gzipped on /report/)`);
  out.push(
    formatTable(
      ['page', 'HTML', 'CSS', 'JS loaded', 'JS lazy', 'HTML+CSS', 'budget'],
      r.pageWeight.map((row) => {
        const htmlCss = row.html.raw + row.css.raw;
        const isPublic = !row.path.startsWith('/staff/');
        const checks = [
          ...(isPublic ? [htmlCss <= BUDGETS.publicHtmlCssBytes] : []),
          ...(row.path === '/report/' ? [row.js.gzip <= BUDGETS.reportJsGzipBytes] : []),
        ];
        return [
          row.path,
          `${thousands(row.html.raw)} / ${thousands(row.html.gzip)}`,
          `${thousands(row.css.raw)} / ${thousands(row.css.gzip)}`,
          `${thousands(row.js.raw)} / ${thousands(row.js.gzip)}`,
          `${thousands(row.lazyJs.raw)} / ${thousands(row.lazyJs.gzip)}`,
          `${thousands(htmlCss)} / ${thousands(row.html.gzip + row.css.gzip)}`,
          checks.length === 0 ? '(staff: none)' : verdict(checks.every(Boolean)),
        ];
      }),
    ),
  );

  out.push('', '6. Start-up: spawn to GET /api/health answering');
  out.push(
    formatTable(
      ['database', 'ms'],
      [
        ['empty data directory, first start (initialises)', fixed(r.startup.firstStartMs, 0)],
        ...r.startup.rows.map((row) => [`${thousands(row.reports)} reports`, fixed(row.ms, 0)]),
      ],
    ),
  );
  out.push(
    '',
    `7. Bytes transferred in Chromium, encoded, headers included (budget: /report/ with JavaScript ≤ ${thousands(BUDGETS.reportTransferFirstBytes)} first visit, ≤ ${thousands(BUDGETS.reportTransferRepeatBytes)} repeat)`,
  );
  out.push(
    formatTable(
      ['page', 'JavaScript', 'first visit', 'requests', 'repeat visit', 'requests', 'budget'],
      r.transfer.map((row) => {
        const budgeted = row.path === '/report/' && row.javaScript;
        const ok = row.firstBytes <= BUDGETS.reportTransferFirstBytes && row.repeatBytes <= BUDGETS.reportTransferRepeatBytes;
        return [
          row.path,
          row.javaScript ? 'on' : 'off',
          thousands(row.firstBytes),
          String(row.firstRequests),
          thousands(row.repeatBytes),
          String(row.repeatRequests),
          budgeted ? verdict(ok) : '',
        ];
      }),
    ),
  );

  const pq = r.postQuantum;
  const x = { submission: r.submissions.find((row) => row.concurrency === 1), check: r.codeChecks.find((row) => row.kind === 'hit' && row.concurrency === 1), queue: r.queue.latency[0] };
  const rate = (row: ThroughputRow | undefined): string => (row === undefined ? '—' : `${fixed(row.httpPerSecond)}/s (${row.overheadPercent >= 0 ? '+' : ''}${fixed(row.overheadPercent, 0)}%)`);
  out.push('', '8. Post-quantum channels: a server made with CHANNEL_KEY_TYPE=pq (channel and reporter keys hybrid ML-KEM-768 + X25519), concurrency 1, beside X25519 from parts 1–4');
  out.push(
    formatTable(
      ['measure', 'X25519', 'hybrid', 'errors'],
      [
        ['submissions (overhead over Argon2id)', rate(x.submission), rate(pq.submission), `${pq.submission.errors}/${pq.submission.requests}`],
        ['code checks, hits (overhead)', rate(x.check), rate(pq.codeCheck), `${pq.codeCheck.errors}/${pq.codeCheck.requests}`],
        [
          'claim p50 / p99 ms',
          x.queue === undefined ? '—' : `${fixed(x.queue.claim.p50Ms, 2)} / ${fixed(x.queue.claim.p99Ms, 2)} (${thousands(x.queue.reports)} reports)`,
          `${fixed(pq.claim.p50Ms, 2)} / ${fixed(pq.claim.p99Ms, 2)} (${thousands(pq.claimReports)} reports)`,
          String(pq.claimErrors),
        ],
        ['evidence file upload / download MB/s', `${fixed(a.uploadMBps)} / ${fixed(a.downloadMBps)}`, `${fixed(pq.attachments.uploadMBps)} / ${fixed(pq.attachments.downloadMBps)}`, String(pq.attachments.errors)],
      ],
    ),
  );

  out.push('', `Took ${fixed(r.meta.seconds, 0)} s; load average ${machine.loadAverageAfter.map((n) => n.toFixed(2)).join(' ')} after.`);
  return out.join('\n');
}
