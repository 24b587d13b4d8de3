/** The days a statistics request counts, as bounds on the hour-truncated ISO timestamps. */
import type { StatisticsQuery } from '../../contract/schemas/staff-oversight-views';

export interface RangeBounds {
  /** Timestamps at or after this count ('' when the range has no start). */
  from: string;
  /** Timestamps before this count (the day after `to`; '~' sorts after every timestamp when open). */
  until: string;
}

/** Bounds for an inclusive range of UTC days; the stored timestamps are ISO strings, so they compare as text. */
export function rangeBounds(range: StatisticsQuery): RangeBounds {
  return {
    from: range.from === undefined ? '' : `${range.from}T00:00:00Z`,
    until: range.to === undefined ? '~' : dayAfter(range.to),
  };
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** SQL that keeps rows whose `column` lies in `@from`..`@until`. */
export const inRange = (column: string): string => `${column} >= @from AND ${column} < @until`;
