/**
 * The headers by which the staff console and the server keep the idle
 * timeout honest; both import them from here.
 */

/**
 * Sent (value `1`) on requests the console makes by itself: lease renewal,
 * polling, the session bar's own checks. They never restart the idle timeout.
 */
export const BACKGROUND_HEADER = 'X-Tipline-Background';

/** On every answer to a live session: when the idle timeout ends it unless a person does something first (ISO time). */
export const IDLE_ENDS_HEADER = 'X-Tipline-Idle-Ends';
