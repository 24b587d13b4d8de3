import type { Category, CloseOutcome, InternalStatus, ReportSource } from '../../../contract/vocabulary';

/**
 * The one label set of each enum of the vocabulary (contract/vocabulary.ts)
 * in a language: the queue, the report page, the registers, the statistics
 * and the CSV exports all name a status, category, outcome, priority or
 * source with these words, so no two screens disagree.
 */
export interface ReportLabels {
  statuses: Readonly<Record<InternalStatus, string>>;
  categories: Readonly<Record<Category, string>>;
  outcomes: Readonly<Record<CloseOutcome, string>>;
  /** Index = priority 0..3. */
  priorities: readonly [string, string, string, string];
  sources: Readonly<Record<ReportSource, string>>;
}

/** The label of a code that may come from outside the vocabulary (statistics keys, old rows): the code itself when unknown. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}
