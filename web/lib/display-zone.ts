/**
 * The time zone every time on a page is shown in: the operator profile's
 * (SITE_CONFIG "timeZone"), which the layouts write into <html
 * data-time-zone> at build time. Not the browser's own zone: staff and
 * reporters must read the same hour, and a reporter's phone may be set to
 * anything. Pages the server renders are given the zone directly.
 */
export function pageTimeZone(): string {
  if (typeof document === 'undefined') return 'UTC';
  return document.documentElement.dataset['timeZone'] ?? 'UTC';
}
