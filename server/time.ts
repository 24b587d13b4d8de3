/**
 * Time as Tipline stores it. Anything tied to a reporter is kept to the hour,
 * so that stored timestamps cannot be matched against network logs.
 */

/** ISO 8601 truncated to the hour: "2026-11-28T06:00:00Z". */
export function toHour(date: Date): string {
  return `${date.toISOString().slice(0, 13)}:00:00Z`;
}

/** The same instant `days` later (calendar days in UTC). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** ISO 8601 to the second, for staff audit entries. */
export function toSecond(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
