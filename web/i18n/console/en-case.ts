import type { CaseWords } from './staff-types';

export const caseWords: CaseWords = {
  statuses: {
    new: 'New',
    triage: 'Triage',
    investigating: 'Investigating',
    awaiting_reporter: 'Awaiting the reporter',
    referred: 'Referred',
    closed: 'Closed',
  },
  categories: {
    organised_crime: 'Organised crime',
    official_protection: 'Officials protecting crime, or corruption',
    case_interference: 'Interference in a case',
    sector_disorder: 'Crime in a trade or industry',
    other: 'Other',
  },
  outcomes: {
    substantiated: 'Substantiated',
    unsubstantiated: 'Unsubstantiated',
    duplicate: 'Duplicate',
    out_of_scope: 'Out of scope',
    referred: 'Referred elsewhere',
    spam: 'Spam',
  },
  priorities: ['0 – normal', '1 – raised', '2 – high', '3 – urgent'],
  sources: { web: 'Web form', phone: 'Phone', letter: 'Letter', visit: 'Visit', other: 'Other' },
  reportName: 'Report {id}',
  unassigned: 'Unassigned',
  noRegion: 'Not given',
  ackOverdue: 'Acknowledgement overdue',
  feedbackOverdue: 'Feedback overdue',
  lowEffort: 'Low effort',
  lowEffortExplained:
    'This report came in with little or no proof of work while the site was under heavy load. It may be junk from a flood, or a genuine report from someone without JavaScript: read it before deciding.',
  heldBy: 'Being handled by {name} until {time}',
};
