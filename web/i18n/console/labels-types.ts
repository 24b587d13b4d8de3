/** Names of report statuses and categories as the console shows them (registers and statistics). */
export interface ReportLabels {
  statuses: Readonly<Record<string, string>>;
  categories: Readonly<Record<string, string>>;
}
