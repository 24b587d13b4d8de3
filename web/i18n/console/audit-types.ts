/** Strings of the audit page: the audit trail with its chain check, and statistics. */
export interface AuditMessages {
  title: string;
  intro: string;
  notForRole: string;
  chain: {
    verified: (entries: number) => string;
    broken: (entryId: number) => string;
    brokenAdvice: string;
  };
  trail: {
    heading: string;
    caption: string;
    columns: { id: string; at: string; actor: string; action: string; report: string; channel: string; detail: string };
    system: string;
    /** Actor of the aggregated failed sign-ins and recoveries for usernames that are not (or no longer) accounts. */
    unknownUsernames: string;
    empty: string;
    loadMore: string;
  };
  stats: {
    heading: string;
    intro: string;
    summaryHeading: string;
    total: string;
    median: string;
    hours: (hours: number) => string;
    noMedian: string;
    overdueAck: string;
    overdueFeedback: string;
    countColumn: string;
    noData: string;
    noRegion: string;
    charts: {
      byChannel: { heading: string; key: string };
      byCategory: { heading: string; key: string };
      byRegion: { heading: string; key: string };
      byStatus: { heading: string; key: string };
      byMonth: { heading: string; key: string };
      overdue: { heading: string; key: string };
    };
  };
}
