import type { Category, CloseOutcome, InternalStatus, ReportSource } from '../../../../contract/vocabulary';
import { typed } from '../../keys';

/**
 * The one label set of each enum of the vocabulary (contract/vocabulary.ts):
 * the queue, the report page, the registers, the statistics and the CSV
 * exports all name a status, category, outcome, priority or source with these.
 */
export const reportLabels = {
  statuses: typed<Record<InternalStatus, string>>({
    new: 'New',
    triage: 'In triage',
    investigating: 'Investigating',
    awaiting_reporter: 'Awaiting reporter',
    referred: 'Referred',
    closed: 'Closed',
  }),
  categories: typed<Record<Category, string>>({
    organised_crime: 'Organised crime',
    official_protection: 'Officials protecting crime, or corruption',
    case_interference: 'Interference in a case',
    sector_disorder: 'Abuses in a trade or industry',
    other: 'Something else',
  }),
  outcomes: typed<Record<CloseOutcome, string>>({
    substantiated: 'Substantiated',
    unsubstantiated: 'Unsubstantiated',
    duplicate: 'Duplicate',
    out_of_scope: 'Out of scope',
    referred: 'Referred elsewhere',
    spam: 'Spam',
  }),
  /** Index = priority 0..3. */
  priorities: typed<readonly [string, string, string, string]>(['Normal', 'Raised', 'High', 'Urgent']),
  sources: typed<Record<ReportSource, string>>({ web: 'Web form', phone: 'Phone', letter: 'Letter', visit: 'Visit', other: 'Other' }),
};
