/**
 * The slow-progress register's definition, in SQL over `reports r` with the
 * current time bound as `@now`: open reports past either deadline. A closed
 * report needs no more work, so it leaves the register. The literal
 * `r.status != 'closed'` lets SQLite use the partial index of open reports.
 * The queue's overdue filter and the statistics both use it, so the two
 * always agree.
 */
export const OVERDUE_AT_NOW_SQL = `r.status != 'closed' AND ((r.acknowledged_at IS NULL AND r.ack_due_at < @now) OR r.feedback_due_at < @now)`;
