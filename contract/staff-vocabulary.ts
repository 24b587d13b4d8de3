/**
 * The part of Tipline's one vocabulary (contract/vocabulary.ts, which
 * re-exports all of it) that only the server and the staff console use:
 * sources, roles, key types, case records, audit actions, notifications,
 * priorities, queue orders. Kept apart so that the JavaScript every public
 * page loads does not carry it. Pure data: safe to import from an island.
 */

/** Where a report came from: the web form, or a lead staff entered. */
export const REPORT_SOURCES = ['web', 'phone', 'letter', 'visit', 'other'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
/** The sources of a lead entered by staff (everything but the web form). */
export const LEAD_SOURCES = ['phone', 'letter', 'visit', 'other'] as const satisfies readonly ReportSource[];
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** What a staff member may do. */
export const STAFF_ROLES = ['admin', 'triager', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A channel's age key: X25519 (`age1…`, read by every age CLI) or the
 * post-quantum hybrid ML-KEM-768 + X25519 (`age1pq1…`, age 1.3 and later).
 */
export const CHANNEL_KEY_TYPES = ['x25519', 'pq'] as const;
export type ChannelKeyType = (typeof CHANNEL_KEY_TYPES)[number];

/** What a session must do before anything else, if anything. */
export const SESSION_RESTRICTIONS = ['change_password', 'enrol_totp'] as const;
export type SessionRestriction = (typeof SESSION_RESTRICTIONS)[number] | null;

/** The kinds of record kept on a case (`closing`: the signed record of closing with an outcome). */
export const CASE_RECORD_KINDS = ['note', 'contact_reveal', 'referral', 'interference', 'closing'] as const;
export type CaseRecordKind = (typeof CASE_RECORD_KINDS)[number];

/**
 * The decisions a staff member signs with their own key (簽字確認): a
 * referral, closing with an outcome, an interference entry, a contact
 * reveal, and a note its author marks as a formal record.
 */
export const SIGNED_RECORD_KINDS = ['referral', 'closing', 'interference', 'contact_reveal', 'formal_record'] as const;
export type SignedRecordKind = (typeof SIGNED_RECORD_KINDS)[number];

/**
 * Why a signed record does not verify, as the console and `tipline audit
 * verify` name it: no signed record for a record that was signed, the
 * signer's key is not registered (or not in the audit trail), the signed
 * payload names another record, the signature is wrong, or the content no
 * longer matches what was signed.
 */
export const SIGNATURE_PROBLEMS = ['missing', 'unknown_key', 'wrong_record', 'bad_signature', 'content_mismatch'] as const;
export type SignatureProblem = (typeof SIGNATURE_PROBLEMS)[number];

/** How someone tried to interfere with a case, as the interference register records it. */
export const INTERFERENCE_METHODS = ['call', 'visit', 'message', 'through_someone', 'other'] as const;
export type InterferenceMethod = (typeof INTERFERENCE_METHODS)[number];


/**
 * Every action the audit trail records (server/data/audit.ts). Entries hold
 * these codes and ids, never content; the console reads each as a sentence in
 * the viewer's language and shows the code beside it for auditors.
 */
export const AUDIT_ACTIONS = [
  'instance.initialised',
  'login.succeeded',
  'login.failed',
  'recovery.failed',
  'logout',
  'staff.created',
  'staff.disabled',
  'staff.enabled',
  'staff.password_changed',
  'staff.signing_key_registered',
  'staff.recovered',
  'staff.totp_enabled',
  'staff.totp_disabled',
  'staff.notifications_changed',
  'channel.created',
  'channel.renamed',
  'channel.granted',
  'tag.created',
  'reply_template.created',
  'reply_template.changed',
  'reply_template.deleted',
  'authority.registered',
  'authority.disabled',
  'lead.entered',
  'staff.searched',
  'report.viewed',
  'report.claimed',
  'report.lease_renewed',
  'report.lease_released',
  'report.lease_taken_over',
  'report.acknowledged',
  'report.status_changed',
  'report.priority_changed',
  'report.assignee_changed',
  'report.moved',
  'report.linked',
  'report.replied',
  'report.public_message_set',
  'report.note_added',
  'report.referred',
  'report.interference_recorded',
  'report.contact_revealed',
  'report.package_exported',
  'report.closed',
  'report.tagged',
  'report.untagged',
  'file.downloaded',
  'file.exported',
  'file.previewed',
  'file.damaged',
  'interference.viewed',
  'low_effort.discarded',
  'retention.purged',
  'audit.witness_mismatch',
  'upward.statistics_signed',
  'upward.audit_exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What a staff member may be e-mailed about (PUT /api/staff/me/notifications),
 * always as counts in their own channels, never a lead's content: a lead
 * arrived, a reporter wrote, an acknowledgement or feedback deadline is less
 * than a day away, or has passed.
 */
export const NOTIFICATION_EVENTS = ['new_lead', 'reporter_replied', 'deadline_soon', 'overdue'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/**
 * Why a notification mail was not sent, as admins see it: a class of error,
 * never the SMTP server's own words (they can quote the address).
 */
export const NOTIFY_FAILURES = ['connection', 'timeout', 'tls', 'auth', 'rejected', 'other'] as const;
export type NotifyFailure = (typeof NOTIFY_FAILURES)[number];

/** Priorities, from 0 (normal) to the most urgent. */
export const PRIORITIES = [0, 1, 2, 3] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_MAX: Priority = 3;

/** The orders the queue lists in: queue order (priority), arrival, or the next deadline. */
export const QUEUE_SORTS = ['priority', 'received', 'deadline'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
