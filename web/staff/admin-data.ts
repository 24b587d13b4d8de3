/** What the admin pages read from /api/staff/admin/..., and how their forms turn API errors into words. */
import { useEffect, useRef, useState } from 'preact/hooks';
// Types only: nothing of the server ends up in a browser bundle.
import type { DiscardSummary as DiscardAnswer, LowEffortBatch } from '../../contract/schemas/staff-views';
import type { ChannelRow, GrantRow, StaffAccount } from '../../contract/schemas/staff-oversight-views';

export type { ChannelRow, GrantRow, StaffAccount };

export interface AdminData {
  staff: StaffAccount[];
  channels: ChannelRow[];
  grants: GrantRow[];
}

/** Field name → error text, for the fields the API named. */
export type FieldErrors = Partial<Record<string, string>>;

/** The API's field problems in the form's own words (one text per field). */
export function fieldErrors(fields: Record<string, string> | undefined, words: Readonly<Record<string, string>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of Object.keys(fields ?? {})) errors[name] = words[name] ?? words['*'];
  return errors;
}

/**
 * Form state shared by the admin forms; after an answer with field errors,
 * focus moves to the first invalid control.
 */
export function useFormErrors(): {
  errors: FieldErrors;
  setErrors: (errors: FieldErrors) => void;
  formRef: { current: HTMLFormElement | null };
} {
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return { errors, setErrors, formRef };
}

export type { LowEffortBatch, DiscardAnswer };
/** GET /api/staff/admin/low-effort. */
export type { LowEffortBatchPage as BatchPage } from '../../contract/schemas/staff-views';
