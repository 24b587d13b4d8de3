/**
 * Limits of the admin's low-effort discard, shared by the server (which
 * enforces them) and the console (which explains them). Pure data: safe to
 * import from an island.
 */

/** The longest range of received hours one discard may cover: a month, so one transaction stays short. */
export const MAX_DISCARD_HOURS = 31 * 24;

/**
 * At most this many reports go in one discard. Deleting holds the database's
 * write lock (about 0.1 ms a report at a million reports on a busy two-core
 * machine, so about half a second), and reporters' submissions wait for it;
 * a bigger batch takes a few discards, each its own audited action.
 */
export const MAX_DISCARD_PER_ACTION = 5_000;
