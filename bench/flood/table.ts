/** The `--flood` results as plain-text tables, with issue 10's goals beside the figures. */
import type { FloodPhaseRow, FloodResults, HonestSummary } from '../results';
import { formatTable } from '../table';
import { GOAL, PHASE_TITLE } from './options';

const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const thousands = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const mib = (bytes: number): string => `${fixed(bytes / 1024 / 1024)} MiB`;
const secs = (ms: number): string => fixed(ms / 1000);

/** "5/6 83%": attempts within the goal's time, of all attempts. */
function rate(summary: HonestSummary): string {
  return `${summary.withinGoal}/${summary.attempts} ${fixed(summary.ratePercent, 0)}%`;
}

/** The goals a phase is held to, and whether it met them. */
export function phaseGoals(row: FloodPhaseRow): { name: string; met: boolean }[] {
  if (row.phase === 'calm') return [];
  const goals = [{ name: `JS ≥${GOAL.jsPercent}%`, met: row.js.ratePercent >= GOAL.jsPercent }];
  if (row.phase === 'a' || row.phase === 'c') goals.push({ name: `no-JS ≥${GOAL.noJsPercent}%`, met: row.nojs.ratePercent >= GOAL.noJsPercent });
  if (row.phase === 'c') goals.push({ name: 'no 503', met: row.reporter503s === 0 });
  return goals;
}

function verdict(row: FloodPhaseRow): string {
  const goals = phaseGoals(row);
  if (goals.length === 0) return '(baseline)';
  const missed = goals.filter((goal) => !goal.met).map((goal) => goal.name);
  return missed.length === 0 ? 'ok' : `MISSED ${missed.join(', ')}`;
}

/** The largest few answer counts, e.g. "report 503 busy ×1,234". */
function topAnswers(answers: Record<string, number>, count = 4): string {
  return Object.entries(answers)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, n]) => `${key} ×${thousands(n)}`)
    .join(', ');
}

function puzzleSection(r: FloodResults): string[] {
  const p = r.puzzle;
  const out = [
    `1. The puzzle: Argon2id m=${p.puzzle.memoryKib} KiB t=${p.puzzle.passes} p=1 per evaluation, then a ${p.puzzle.stampBits}-bit SHA-256 stamp.`,
    '   The island\'s solver (built pow-solver chunk, hash-wasm) in Chromium vs the native solver (hashRawSync + midstate SHA-256), same challenges',
    formatTable(
      ['', 'Chromium', 'native', 'ratio'],
      [
        ['one Argon2id evaluation', `${fixed(p.evaluation.chromiumMs, 3)} ms`, `${fixed(p.evaluation.nativeMs, 3)} ms`, fixed(p.evaluation.ratio)],
        ['one stamp', `${fixed(p.stamp.chromiumMs)} ms`, `${fixed(p.stamp.nativeMs)} ms`, fixed(p.stamp.ratio)],
      ],
    ),
    `   (the stamp with plain node:crypto, one createHash per try: ${fixed(p.stamp.nodeCryptoMs)} ms)`,
    formatTable(
      ['effort', 'solves', 'evaluations/solve', 'Chromium ms mean', 'median', 'native ms mean', 'ratio'],
      p.rows.map((row) => [
        thousands(row.effort),
        String(row.solves),
        fixed(row.meanEvaluations),
        fixed(row.chromiumMs),
        fixed(row.chromiumMedianMs),
        fixed(row.nativeMs),
        fixed(row.ratio),
      ]),
    ),
  ];
  const old = p.oldPuzzle;
  out.push(
    `   The old puzzle (SHA-256, ${old.difficulty} zero bits, ${thousands(old.hashes)} hashes): Web Crypto in Chromium ${fixed(old.chromiumWebCryptoUs, 2)} µs a hash,`,
    `   node:crypto ${fixed(old.nodeCryptoUs, 2)} µs, native midstate ${fixed(old.nativeUs, 2)} µs: ratio ${fixed(old.ratio, 0)} (${fixed(old.ratioToNodeCrypto, 0)} to node:crypto);`,
    `   C (openssl speed, one EVP call a hash) ${fixed(old.opensslUs, 3)} µs: ratio ${fixed(old.ratioToOpenssl, 0)}`,
  );
  return out;
}

function honestSection(r: FloodResults): string[] {
  const h = r.meta.honest;
  return [
    `2. Honest reporters under attack. JS: the island in Chromium, a new one every ${secs(h.jsEveryMs)} s, watched up to ${secs(h.jsCapMs)} s;`,
    `   no-JS: a form post that waits each busy page's Retry-After, a new one every ${secs(h.noJsEveryMs)} s, for up to ${secs(h.noJsDeadlineMs)} s.`,
    '   JS page s: median time from opening the page to the form being ready (included in the time to the receipt).',
    `   Goals: JS ≥ ${GOAL.jsPercent}% within ${secs(GOAL.jsMs)} s in every phase; no-JS ≥ ${GOAL.noJsPercent}% within ${secs(GOAL.noJsMs)} s in a and c; no reporter 503 in c.`,
    ...r.phases.map((row) => `   ${PHASE_TITLE[row.phase]}`),
    formatTable(
      ['phase', 'JS ≤60 s', 'JS got one', 'JS median/max s', 'JS page s', 'JS max effort', 'no-JS ≤5 min', 'no-JS got one', 'no-JS median/max s', 'reporter 503s', 'goals'],
      r.phases.map((row) => [
        row.phase,
        rate(row.js),
        `${row.js.succeeded}/${row.js.attempts}`,
        `${secs(row.js.medianMs)} / ${secs(row.js.maxMs)}`,
        secs(row.js.medianLoadMs),
        thousands(row.js.maxEffort),
        rate(row.nojs),
        `${row.nojs.succeeded}/${row.nojs.attempts}`,
        `${secs(row.nojs.medianMs)} / ${secs(row.nojs.maxMs)}`,
        String(row.reporter503s),
        verdict(row),
      ]),
    ),
    ...r.phases.flatMap((row) => [
      `   ${row.phase} answers: JS ${topAnswers(row.js.answers) || 'none'}; no-JS ${topAnswers(row.nojs.answers) || 'none'}`,
    ]),
  ];
}

function attackSection(r: FloodResults): string[] {
  return [
    '3. The attacker and the server (attacker CPU: its whole process, percent of one core; server: fresh, default configuration, each phase)',
    formatTable(
      ['phase', 'attack s', 'attacker CPU', 'requests', 'junk stored', 'effort bid max/mean', 'suggested max', 'server CPU', 'server peak RSS', 'audit rows', 'machine busy', 'load after'],
      r.phases.map((row) => {
        const a = row.attacker;
        const requests = a === null ? NaN : Object.values(a.requests).reduce((total, n) => total + n, 0);
        return [
          row.phase,
          secs(row.attackMs),
          a === null ? '—' : `${fixed(a.cpuPercent, 0)}%`,
          thousands(requests),
          thousands(row.junk),
          a === null || a.work.proofs === 0 ? '—' : `${thousands(a.work.maxEffort)} / ${thousands(a.work.meanEffort)}`,
          a === null || a.work.proofs === 0 ? '—' : thousands(a.work.maxSuggested),
          `${fixed(row.server.cpuPercent, 0)}%`,
          mib(row.server.peakRssBytes),
          thousands(row.stored.auditRows),
          `${fixed(row.machineBusyPercent, 0)}%`,
          row.loadAverage.map((n) => n.toFixed(1)).join(' '),
        ];
      }),
    ),
    ...r.phases.flatMap((row) => (row.attacker === null ? [] : [`   ${row.phase} attacker answers: ${topAnswers(row.attacker.answers, 6)}`])),
    ...r.phases.flatMap((row) => (row.server.errorLines === 0 ? [] : [`   ${row.phase}: the server logged ${row.server.errorLines} error line(s)`])),
    ...r.phases.flatMap((row) =>
      row.server.exit === null
        ? []
        : [`   ${row.phase}: THE SERVER EXITED during the attack (code ${row.server.exit.code}, signal ${row.server.exit.signal}); its last output:`, row.server.exit.lastOutput],
    ),
  ];
}

/** The whole `--flood` report. */
export function formatFloodResults(r: FloodResults): string {
  const m = r.meta.machine;
  return [
    `Tipline under attack (${r.meta.mode}) — ${m.cpu}, ${m.cores} cores, Node ${m.node}; load average ${m.loadAverageBefore.map((n) => n.toFixed(2)).join(' ')} before`,
    `Servers: default configuration (only ${r.meta.serverEnv.join(', ')} set), a fresh one per phase.`,
    '',
    ...puzzleSection(r),
    '',
    ...honestSection(r),
    '',
    ...attackSection(r),
    '',
    `Took ${fixed(r.meta.seconds, 0)} s; load average ${m.loadAverageAfter.map((n) => n.toFixed(2)).join(' ')} after.`,
  ].join('\n');
}
