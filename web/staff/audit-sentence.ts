/**
 * An audit entry as a sentence in the viewer's language: the action's
 * sentence from the catalogue, its placeholders filled from the entry's
 * detail, each value in words (a status, priority, outcome, source or role
 * by its label; a time in the viewer's time zone; nobody for an empty
 * assignee). An action the catalogue has no sentence for (a newer server)
 * reads as its code.
 */
import { fill, formatNumber, labelOf } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import type { ConsoleCatalogue } from '../i18n/types';
import type { AuditEntry } from '../../contract/schemas/staff-oversight-views';
import { formatTime } from './format';

const SECOND_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Which label set names the value of a detail key, for the actions whose from/to are statuses or priorities. */
function labelSetFor(c: ConsoleCatalogue, action: string, key: string): Readonly<Record<string, string>> | null {
  if (key === 'outcome') return c.labels.outcomes;
  if (key === 'source') return c.labels.sources;
  if (key === 'role') return c.admin.roles;
  if (key === 'problem' && action === 'audit.witness_mismatch') return c.audit.trail.witnessProblems;
  if (key !== 'from' && key !== 'to') return null;
  if (action === 'report.priority_changed') return Object.fromEntries(c.labels.priorities.map((label, priority) => [String(priority), label]));
  if (action === 'report.assignee_changed') return null;
  return c.labels.statuses;
}

/** One detail value in words. */
export function auditValue(lang: Lang, c: ConsoleCatalogue, action: string, key: string, value: unknown): string {
  const words = c.audit.trail.values;
  if (value === null || value === undefined) return words.nobody;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  // Ids stay as they are (no grouping); a staff member is #id, as in the rest of the trail.
  const staff = action === 'report.assignee_changed' || key === 'previousHolderId';
  if (typeof value === 'number' && (key.endsWith('Id') || staff)) return staff ? `#${value}` : String(value);
  const labels = labelSetFor(c, action, key);
  if (labels !== null) return labelOf(labels, String(value));
  if (typeof value === 'string') return SECOND_ISO.test(value) ? formatTime(lang, value) : value;
  return typeof value === 'number' ? formatNumber(lang, value) : JSON.stringify(value);
}

/** The entry as a sentence. */
export function auditSentence(lang: Lang, c: ConsoleCatalogue, entry: Pick<AuditEntry, 'action' | 'detail'>): string {
  const sentences: Readonly<Record<string, string>> = c.audit.trail.actions;
  const sentence = sentences[entry.action];
  if (sentence === undefined) return entry.action;
  const values = Object.fromEntries(Object.entries(entry.detail).map(([key, value]) => [key, auditValue(lang, c, entry.action, key, value)]));
  return fill(lang, sentence, values);
}
