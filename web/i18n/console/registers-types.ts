/** Strings of the registers page: the interference register and the slow-progress register. */
export interface RegistersMessages {
  title: string;
  intro: string;
  notForRole: string;
  reportLink: (id: number) => string;
  interference: {
    heading: string;
    intro: string;
    channel: string;
    allChannels: string;
    empty: string;
    /** How many records are loaded, and whether more exist. */
    shown: (count: number, more: boolean) => string;
    loadMore: string;
    exportCsv: string;
    exportHint: string;
    /** The downloaded file's name without extension. */
    fileName: string;
    caption: string;
    columns: { id: string; report: string; channel: string; who: string; when: string; how: string; outcome: string; by: string; at: string };
  };
  slow: {
    heading: string;
    intro: string;
    acknowledgement: { heading: string; caption: string; empty: string; due: string };
    feedback: { heading: string; caption: string; empty: string; due: string };
    columns: { report: string; channel: string; status: string; received: string; overdueBy: string; assignee: string };
    unassigned: string;
    /** Whole days past the deadline; 0 means under a day. */
    days: (days: number) => string;
    loadMore: string;
  };
}
