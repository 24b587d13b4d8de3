import type { AuditMessages } from './audit-types';

export const auditMessages: AuditMessages = {
  title: 'Audit',
  intro: 'Who did what in the console, and what the reports add up to. Nothing here shows report content.',
  notForRole: 'The audit pages are for auditors and administrators. Your role does not include them.',
  chain: {
    verified: (entries) => `Audit chain verified: ${entries} ${entries === 1 ? 'entry' : 'entries'}, each linked to the one before it (an altered, removed or reordered entry would break the chain).`,
    broken: (entryId) => `Audit chain BROKEN at entry ${entryId}.`,
    brokenAdvice: 'That entry or one before it was altered, removed or reordered. Keep a copy of the database and report this.',
  },
  trail: {
    heading: 'Audit trail',
    caption: 'Audit entries, newest first',
    columns: { id: 'Entry', at: 'Time', actor: 'Staff member', action: 'Action', report: 'Report', channel: 'Channel', detail: 'Detail' },
    system: 'System',
    unknownUsernames: 'Unknown or disabled usernames',
    empty: 'The audit trail is empty.',
    loadMore: 'Load older entries',
  },
  stats: {
    heading: 'Statistics',
    intro: 'Counted from the reports’ clear metadata only.',
    summaryHeading: 'Summary',
    total: 'Reports in total',
    median: 'Median time to acknowledgement',
    hours: (hours) => `${hours} ${hours === 1 ? 'hour' : 'hours'}`,
    noMedian: 'No report acknowledged yet',
    overdueAck: 'Overdue acknowledgements',
    overdueFeedback: 'Overdue feedback',
    countColumn: 'Reports',
    noData: 'No reports yet.',
    noRegion: 'Not given',
    charts: {
      byChannel: { heading: 'Reports by channel', key: 'Channel' },
      byCategory: { heading: 'Reports by category', key: 'Category' },
      byRegion: { heading: 'Reports by region', key: 'Region' },
      byStatus: { heading: 'Reports by status', key: 'Status' },
      byMonth: { heading: 'Reports by month received', key: 'Month' },
      overdue: { heading: 'Overdue reports', key: 'Deadline' },
    },
  },
};
