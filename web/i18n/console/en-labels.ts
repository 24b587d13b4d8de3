import type { ReportLabels } from './labels-types';

export const reportLabels: ReportLabels = {
  statuses: {
    new: 'New',
    triage: 'In triage',
    investigating: 'Investigating',
    awaiting_reporter: 'Awaiting reporter',
    referred: 'Referred',
    closed: 'Closed',
  },
  categories: {
    organised_crime: 'Organised crime',
    official_protection: 'Officials protecting crime, or corruption',
    case_interference: 'Interference in a case',
    sector_disorder: 'Abuses in a trade or industry',
    other: 'Something else',
  },
  outcomes: {
    substantiated: 'Substantiated',
    unsubstantiated: 'Unsubstantiated',
    duplicate: 'Duplicate',
    out_of_scope: 'Out of scope',
    referred: 'Referred elsewhere',
    spam: 'Spam',
  },
  priorities: ['Normal', 'Raised', 'High', 'Urgent'],
  sources: { web: 'Web form', phone: 'Phone', letter: 'Letter', visit: 'Visit', other: 'Other' },
};
