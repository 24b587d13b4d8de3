/**
 * Reports upward from the CLI (issue 15 item 5): `report-upward statistics`
 * and `audit export` write files signed by the instance key, and
 * `verify-upward` checks them with no data directory at all; a changed
 * number, a changed audit line and a removed line each fail, named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../contract/reports-upward';
import { loadConfig } from '../../server/config';
import { verifyMessage } from '../../server/crypto/signing';
import { auditEntryHash } from '../../server/crypto/upward';
import { openDataDir } from '../../server/instance-setup';

const BIN = fileURLToPath(new URL('../../bin/tipline.mjs', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-upward-'));
const outDir = mkdtempSync(path.join(tmpdir(), 'tipline-upward-out-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

function tipline(args: string[], env: Record<string, string | undefined> = { DATA_DIR: dataDir }, stdin = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { input: stdin, env: { PATH: process.env['PATH'], ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
/** The receiver's side: no DATA_DIR, run from a directory holding no instance. */
const verify = (file: string, key?: string): ReturnType<typeof tipline> =>
  tipline(['verify-upward', file, ...(key === undefined ? [] : ['--key', key])], { DATA_DIR: path.join(outDir, 'no-instance-here') });
const out = (name: string): string => path.join(outDir, name);

let publicKey = '';
beforeAll(() => {
  expect(tipline(['init', '--username', 'root', '--password-stdin'], { DATA_DIR: dataDir }, 'first account password 1\n').status).toBe(0);
  const { db, signingKey } = openDataDir(loadConfig({ DATA_DIR: dataDir }));
  publicKey = signingKey.publicKeyBase64;
  db.close();
}, 60_000);

describe('tipline report-upward statistics', () => {
  it('writes a signed report that verifies offline, against the instance key too', () => {
    const written = tipline(['report-upward', 'statistics', '--from', '2020-01-01', '--to', '2099-12-31', '--out', out('stats.json')]);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    const signed = JSON.parse(readFileSync(out('stats.json'), 'utf8')) as { report: { generatedBy: string; range: unknown }; signature: string };
    expect(signed.report).toMatchObject({ generatedBy: 'cli', range: { from: '2020-01-01', to: '2099-12-31' } });
    expect(verifyMessage(publicKey, canonicalJson(signed.report), signed.signature)).toBe(true);
    const checked = verify(out('stats.json'), publicKey);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('statistics report for 2020-01-01 to 2099-12-31');
  });

  it('fails verification when a number was changed, naming the signature', () => {
    const signed = JSON.parse(readFileSync(out('stats.json'), 'utf8')) as { report: { statistics: { total: number } } };
    signed.report.statistics.total += 1;
    writeFileSync(out('stats-changed.json'), JSON.stringify(signed, null, 2));
    const checked = verify(out('stats-changed.json'));
    expect(checked.status).not.toBe(0);
    expect(checked.stderr).toContain('FAILS verification: the signature does not match the report');
  });

  it('fails verification under another key than the one the receiver was given', () => {
    const other = Buffer.alloc(32, 7).toString('base64');
    const checked = verify(out('stats.json'), other);
    expect(checked.status).not.toBe(0);
    expect(checked.stderr).toMatch(/not by the key you expected/);
  });

  it('refuses a bad day and never overwrites a file', () => {
    const bad = tipline(['report-upward', 'statistics', '--from', '2026-02-30', '--out', out('bad.json')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/^tipline: invalid --from/);
    const again = tipline(['report-upward', 'statistics', '--out', out('stats.json')]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('already exists');
  });
});

describe('tipline audit export', () => {
  let lines: string[] = [];
  beforeAll(() => {
    const written = tipline(['audit', 'export', '--out', out('audit.jsonl')]);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    lines = readFileSync(out('audit.jsonl'), 'utf8').trimEnd().split('\n');
  });
  const rewrite = (name: string, edit: (entries: string[]) => string[]): string => {
    writeFileSync(out(name), `${[lines[0] ?? '', ...edit(lines.slice(1, -1)), lines.at(-1) ?? ''].join('\n')}\n`);
    return out(name);
  };

  it('writes every entry as stored (hashes a receiver can recompute), and it verifies offline', () => {
    const entries = lines.slice(1, -1).map((line) => JSON.parse(line) as Parameters<typeof auditEntryHash>[0] & { id: number; hash: string; action: string });
    expect(entries.map((entry) => entry.id)).toEqual(entries.map((_, index) => index + 1));
    for (const entry of entries) expect(auditEntryHash(entry)).toBe(entry.hash);
    expect(entries.at(-1)?.action).toBe('upward.audit_exported');
    expect(entries.map((entry) => entry.action)).toContain('upward.statistics_signed');
    const checked = verify(out('audit.jsonl'), publicKey);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain(`audit export of entries 1-${entries.length}`);
    // A checkpoint is signed just before the export, so the export ends on a signed head the receiver checks.
    expect(checked.stdout).toMatch(new RegExp(`checkpoint \\d+ \\(signed [^)]+\\) matches the chain at entry ${entries.length}`));
  });

  it('fails when an audit line was changed, naming the entry', () => {
    const file = rewrite('audit-changed.jsonl', (entries) => entries.map((line, index) => (index === 1 ? line.replace(/"action":"[^"]+"/, '"action":"report.viewed"') : line)));
    const checked = verify(file);
    expect(checked.status).not.toBe(0);
    expect(checked.stderr).toContain('entry 2: its hash does not match its content');
    expect(checked.stderr).toContain('the lines before the trailer are not the ones signed');
  });

  it('fails when a line was removed, naming the missing entry', () => {
    const file = rewrite('audit-removed.jsonl', (entries) => entries.filter((_, index) => index !== 1));
    const checked = verify(file);
    expect(checked.status).not.toBe(0);
    expect(checked.stderr).toContain('entry 2 is missing (entry 3 follows entry 1)');
  });

  it('fails when the signed trailer was cut off', () => {
    writeFileSync(out('audit-cut.jsonl'), `${lines.slice(0, -1).join('\n')}\n`);
    const checked = verify(out('audit-cut.jsonl'));
    expect(checked.status).not.toBe(0);
    expect(checked.stderr).toContain('the last line is not a signed trailer');
  });
});
