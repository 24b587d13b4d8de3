/** Strings shared by every console page (layout, navigation, common words). */
export interface ConsoleMessages {
  consoleName: string;
  nav: { queue: string; registers: string; admin: string; audit: string; signOut: string; label: string };
  loading: string;
  /** Generic failure line; pages add their own specifics. */
  failed: string;
  noScript: string;
  /** Messages for the API's stable error codes. */
  errors: Record<string, string>;
}
