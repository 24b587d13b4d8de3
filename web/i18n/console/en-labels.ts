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
};
