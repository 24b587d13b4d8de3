/**
 * Tipline's one vocabulary: every enumerated value a report, a case or a staff
 * member can take, as the database stores it and the API sends it. Screens,
 * exports and statistics label these codes through the catalogues; nothing
 * else defines them. Pure data: safe to import from an island.
 */

/** True when `x` is one of `values`: the check behind every "is this a known code" guard. */
export function isOneOf<T extends string>(values: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (values as readonly string[]).includes(x);
}

/** What a report is about; each category is routed to its channel. */
export const CATEGORIES = ['organised_crime', 'official_protection', 'case_interference', 'sector_disorder', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Where a report stands, as staff work it. */
export const INTERNAL_STATUSES = ['new', 'triage', 'investigating', 'awaiting_reporter', 'referred', 'closed'] as const;
export type InternalStatus = (typeof INTERNAL_STATUSES)[number];

/** Where a report stands, as the reporter sees it on the status page. */
export const PUBLIC_STATUSES = ['received', 'acknowledged', 'in_progress', 'awaiting_reporter', 'referred', 'closed'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** How a closed report ended. */
export const CLOSE_OUTCOMES = ['substantiated', 'unsubstantiated', 'duplicate', 'out_of_scope', 'referred', 'spam'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

/** Who wrote a message between staff and the reporter. */
export const MESSAGE_AUTHORS = ['staff', 'reporter'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

// The values only staff screens and the server use live in staff-vocabulary.ts, so that the
// chunk every public page loads (astro.config.mjs, RUNTIME) does not carry them.
export * from './staff-vocabulary';
