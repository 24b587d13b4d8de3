/**
 * Evidence files: the form field names, the default limits and the shapes
 * the reporter and staff see. Shared by the server (which enforces the
 * configured limits) and the pages and islands (which explain them).
 * Pure data: safe to import from an island.
 */
import { isOneOf } from './vocabulary';

/** The multipart field that carries files. It must come after every text field. */
export const FILES_FIELD = 'files';
/** Checkbox: keep the files' metadata (e.g. a photo's time and place, to prove the tip). */
export const KEEP_METADATA_FIELD = 'keepMetadata';

const MiB = 1024 * 1024;

export interface UploadLimits {
  /** Files per submission (a report, or one follow-up). */
  maxFiles: number;
  /** Bytes per file, as sent. */
  maxFileBytes: number;
  /** Bytes of all files of one submission together. */
  maxSubmissionBytes: number;
}

/** The defaults; the server reads MAX_FILES, MAX_FILE_MIB and MAX_SUBMISSION_MIB. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFiles: 10,
  maxFileBytes: 100 * MiB,
  maxSubmissionBytes: 300 * MiB,
};

/**
 * What happened to a file's metadata: removed (JPEG, PNG), kept because the
 * reporter asked, or not supported (any other type: sent as it came).
 */
export type MetadataHandling = 'removed' | 'kept' | 'not_supported';

/** File types whose identifying metadata Tipline removes. */
export const CLEANED_TYPES = ['JPEG', 'PNG'] as const;

/**
 * Problems with a submission's files. In the API they are the error code
 * (413 for the limits, 422 for an image that could not be cleaned, 400 for
 * files sent before the text fields) and `error.fields.files`.
 */
export const UPLOAD_PROBLEMS = [
  'too_many_files',
  'file_too_large',
  'submission_too_large',
  'file_not_cleanable',
  'files_before_fields',
] as const;
export type UploadProblem = (typeof UPLOAD_PROBLEMS)[number];

/** True when `x` is one of the upload problem codes. */
export function isUploadProblem(x: unknown): x is UploadProblem {
  return isOneOf(UPLOAD_PROBLEMS, x);
}

/** A file as the reporter sees it on the status page (names are decrypted with the code). */
export interface ReporterFileView {
  name: string;
  /** Bytes stored (after metadata removal). */
  size: number;
  /** Hour-truncated ISO 8601. */
  at: string;
}

/** A file as staff see it in the report view. */
export interface StaffFileView extends ReporterFileView {
  id: number;
  /** The safe content type detected from the file's first bytes, not the one the browser claimed. */
  type: string;
  /** Hex SHA-256 of the stored file (after cleaning), for chain of custody. */
  sha256: string;
  metadata: MetadataHandling;
  /** Sent with the report, or later with a follow-up. */
  origin: 'report' | 'follow_up';
  /** The follow-up message it came with, if it came with one (a follow-up may be files only). */
  messageId: number | null;
}

/** Where staff download a file decrypted, or export it still encrypted (an age file). */
export function staffFileUrl(reportId: number, fileId: number, encrypted = false): string {
  return `/api/staff/reports/${reportId}/files/${fileId}${encrypted ? '/encrypted' : ''}`;
}

/** Image types the case page shows inline. */
export const PREVIEW_TYPES = ['image/jpeg', 'image/png'] as const;

/**
 * Whether staff may see a file inline: a JPEG or PNG whose identifying
 * metadata was removed at intake (a file kept as sent is only downloaded).
 */
export function canPreview(file: Pick<StaffFileView, 'type' | 'metadata'>): boolean {
  return (PREVIEW_TYPES as readonly string[]).includes(file.type) && file.metadata === 'removed';
}

/** Where the case page loads a file's inline preview (decrypted in the staff session, never cached). */
export function staffFilePreviewUrl(reportId: number, fileId: number): string {
  return `/api/staff/reports/${reportId}/files/${fileId}/preview`;
}

const SIZE_UNITS = ['B', 'kB', 'MB', 'GB'];

/**
 * A size as phones and operating systems show it, so a reporter can compare
 * it with what their file manager says: decimal units (1 kB = 1000 B), one
 * decimal, none when it is .0 ("999 B", "1 kB", "1.5 MB", "20 MB"); the
 * same units in every language. `down` never rounds up, for limits: the
 * limit shown is never more than the one enforced.
 */
export function formatBytes(bytes: number, down = false): string {
  const round = down ? Math.floor : Math.round;
  let value = bytes;
  let unit = 0;
  // The next unit as soon as the shown number would reach 1000: 999,950 B is "1 MB", not "1000 kB".
  while (unit < SIZE_UNITS.length - 1 && round(value * 10) >= 10_000) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : round(value * 10) / 10} ${SIZE_UNITS[unit]}`;
}
