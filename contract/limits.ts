/**
 * Limits of the staff API that the console explains and the server enforces
 * (the report form's are in report-fields.ts, the files' in attachments.ts).
 * Pure data: safe to import from an island.
 */

/** The shortest staff password accepted (NIST SP 800-63B asks for at least 8; staff hold keys). */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest: Argon2id takes any length, but a body has to stop somewhere. */
export const MAX_PASSWORD_LENGTH = 1024;
