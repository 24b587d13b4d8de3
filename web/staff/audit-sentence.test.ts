import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../contract/vocabulary';
import { LANGS } from '../../contract/languages';
import { messagesFor } from '../i18n';
import { auditSentence } from './audit-sentence';

describe('audit entries as sentences', () => {
  it.each(LANGS)('has a sentence for every audit action in %s', (lang) => {
    const sentences: Readonly<Record<string, string>> = messagesFor(lang).console.audit.trail.actions;
    expect(AUDIT_ACTIONS.filter((action) => sentences[action] === undefined)).toEqual([]);
  });

  it('names statuses, priorities, outcomes and roles with the labels every screen uses', () => {
    const en = messagesFor('en').console;
    expect(auditSentence('en', en, { action: 'report.priority_changed', detail: { from: 0, to: 2 } })).toBe('Changed the priority from Normal to High');
    expect(auditSentence('en', en, { action: 'report.status_changed', detail: { from: 'new', to: 'triage' } })).toBe('Changed the status from New to In triage');
    expect(auditSentence('en', en, { action: 'report.closed', detail: { from: 'referred', outcome: 'substantiated' } })).toBe('Closed the report: Substantiated');
    expect(auditSentence('en', en, { action: 'staff.created', detail: { staffId: 12, role: 'auditor' } })).toBe('Added staff member #12 as Auditor');
    const hant = messagesFor('zh-hant').console;
    const raised = hant.labels.priorities[2] ?? '';
    expect(auditSentence('zh-hant', hant, { action: 'report.priority_changed', detail: { from: null, to: 2 } })).toBe(`將優先等級由「無」改為「${raised}」`);
  });

  it('writes an empty assignee as nobody, staff as #id, and ids without grouping', () => {
    const en = messagesFor('en').console;
    expect(auditSentence('en', en, { action: 'report.assignee_changed', detail: { from: null, to: 7 } })).toBe('Assigned the report to #7 (before: nobody)');
    expect(auditSentence('en', en, { action: 'file.downloaded', detail: { fileId: 12045 } })).toBe('Downloaded file 12045');
    expect(auditSentence('en', en, { action: 'report.lease_taken_over', detail: { previousHolderId: 7, leaseMinutes: 30 } })).toBe(
      'Took over the lead for 30 minutes (held before by: #7)',
    );
    expect(auditSentence('en', en, { action: 'retention.purged', detail: { count: 1500, reportIds: '1,2', closedBefore: '2026-01-01T00:00:00Z' } })).toBe(
      'Deleted reports past the retention period: 1,500',
    );
  });

  it('says what a console witness found in words, in every language', () => {
    const detail = { problem: 'cut', sequence: 4, entries: 120 };
    expect(auditSentence('en', messagesFor('en').console, { action: 'audit.witness_mismatch', detail })).toBe(
      "A console's check of the audit trail failed (the trail was cut short): it had seen checkpoint 4 with 120 entries",
    );
    expect(auditSentence('zh-hant', messagesFor('zh-hant').console, { action: 'audit.witness_mismatch', detail })).toContain('紀錄被截短');
    expect(auditSentence('zh-hans', messagesFor('zh-hans').console, { action: 'audit.witness_mismatch', detail })).toContain('记录被截短');
  });

  it('reads an action it has no sentence for as its code', () => {
    expect(auditSentence('en', messagesFor('en').console, { action: 'something.new', detail: {} })).toBe('something.new');
  });
});
