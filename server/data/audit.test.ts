import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from './audit';
import { applyMigrations, openDatabase, type Db } from './database';
import type { AuditAction } from '../../contract/vocabulary';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tipline-audit-'));
  db = openDatabase(path.join(dir, 'test.db'));
  applyMigrations(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const entry = (action: AuditAction): Parameters<typeof appendAudit>[1] => ({ at: '2026-11-28T06:10:00Z', actorStaffId: null, action, reportId: 1 });

describe('audit trail', () => {
  it('verifies an untouched chain', () => {
    for (const action of ['report.viewed', 'report.status_changed', 'report.viewed'] as const) appendAudit(db, entry(action));
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 3 });
  });

  it('refuses updates and deletes outright', () => {
    appendAudit(db, entry('report.viewed'));
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('refuses INSERT OR REPLACE over an existing entry', () => {
    appendAudit(db, entry('report.viewed'));
    expect(() =>
      db.prepare("INSERT OR REPLACE INTO audit_log (id, at, action, prev_hash, hash) VALUES (1, 'x', 'forged', 'p', 'h')").run(),
    ).toThrow(/append-only/);
  });

  it('detects an edited entry even when the triggers are bypassed', () => {
    for (const action of ['report.viewed', 'report.claimed', 'report.note_added'] as const) appendAudit(db, entry(action));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET action = 'innocent' WHERE action = 'report.claimed'").run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, entries: 2, brokenAtId: 2 });
  });

  it('detects reordered entries', () => {
    for (const action of ['report.viewed', 'report.claimed', 'report.note_added'] as const) appendAudit(db, entry(action));
    db.exec('DROP TRIGGER audit_log_no_update');
    // Swap the contents of entries 2 and 3, hashes included, as if rows were reordered.
    const rows = db.prepare<[], Record<string, unknown>>('SELECT * FROM audit_log WHERE id IN (2, 3) ORDER BY id').all();
    const update = db.prepare('UPDATE audit_log SET action = ?, prev_hash = ?, hash = ? WHERE id = ?');
    db.prepare("UPDATE audit_log SET hash = 'tmp2' WHERE id = 2").run();
    db.prepare("UPDATE audit_log SET hash = 'tmp3' WHERE id = 3").run();
    update.run(rows[1]?.['action'], rows[1]?.['prev_hash'], rows[1]?.['hash'], 2);
    update.run(rows[0]?.['action'], rows[0]?.['prev_hash'], rows[0]?.['hash'], 3);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: 2 });
  });

  it('detects a removed entry', () => {
    for (const action of ['report.viewed', 'report.claimed', 'report.note_added'] as const) appendAudit(db, entry(action));
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare("DELETE FROM audit_log WHERE action = 'report.claimed'").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: 3 });
  });
});

describe('migrations', () => {
  it('apply once: a second run applies nothing', () => {
    expect(applyMigrations(db)).toEqual([]);
  });
});
