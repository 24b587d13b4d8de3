/**
 * Names of the report form's fields, exactly as they are posted (urlencoded)
 * and as the API reports them in `error.fields`.
 */
import { LIMITS, OFFICIALS_INVOLVED } from './report-fields';
import { CATEGORIES } from './vocabulary';
import { isOneOf } from './vocabulary';

export const REPORT_FIELD_NAMES = [
  'category',
  'details',
  'region',
  'location',
  'subjects',
  'occurredAt',
  'officialsInvolved',
  'officialsDetails',
  'discouraged',
  'contact.name',
  'contact.phone',
  'contact.email',
] as const;
export type ReportFieldName = (typeof REPORT_FIELD_NAMES)[number];

/** The element id of a field (the first radio for a radio group). */
export function fieldId(name: ReportFieldName): string {
  return 'f-' + name.replace('.', '-');
}

/** The character limits that apply to a field, if any. */
export function limitsFor(name: ReportFieldName): { min?: number; max?: number } {
  switch (name) {
    case 'details':
      return LIMITS.details;
    case 'region':
    case 'location':
    case 'subjects':
    case 'occurredAt':
    case 'officialsDetails':
    case 'discouraged':
      return LIMITS[name];
    case 'contact.name':
      return LIMITS.contactName;
    case 'contact.phone':
      return LIMITS.contactPhone;
    case 'contact.email':
      return LIMITS.contactEmail;
    default:
      return {};
  }
}

/** Where an error-summary link should land: the field, or a radio group's first option. */
export function fieldAnchor(name: ReportFieldName): string {
  if (name === 'category') return `${fieldId(name)}-${CATEGORIES[0]}`;
  if (name === 'officialsInvolved') return `${fieldId(name)}-${OFFICIALS_INVOLVED[0]}`;
  return fieldId(name);
}

/** True when `x` names a report field. */
export function isReportFieldName(x: unknown): x is ReportFieldName {
  return isOneOf(REPORT_FIELD_NAMES, x);
}
