/**
 * Inline validation for the report island, mirroring the server's rules from
 * the same constants (no zod here: it would not fit the island's budget).
 */
import type { Lang } from '../i18n/lang';
import { isReportFieldName, limitsFor, REPORT_FIELD_NAMES, type ReportFieldName } from '../../contract/field-names';
import { isFieldProblem, OFFICIALS_INVOLVED, REGION_OTHER_FIELD, type FieldProblem } from '../../contract/report-fields';
import { CATEGORIES, isOneOf } from '../../contract/vocabulary';

export { isFieldProblem };

export type ReportValues = Partial<Record<ReportFieldName, string>>;
export type ReportProblems = Partial<Record<ReportFieldName, FieldProblem>>;

// Deliberately loose: the server has the final word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The problem with one field's value, or null. Limits count characters after trimming. */
export function fieldProblem(name: ReportFieldName, raw: string | undefined): FieldProblem | null {
  const value = (raw ?? '').trim();
  if (name === 'category') {
    if (value === '') return 'required';
    return isOneOf(CATEGORIES, value) ? null : 'invalid_choice';
  }
  if (name === 'officialsInvolved') {
    return value === '' || isOneOf(OFFICIALS_INVOLVED, value) ? null : 'invalid_choice';
  }
  const { min, max } = limitsFor(name);
  if (value === '') return min === undefined ? null : 'required';
  if (min !== undefined && value.length < min) return 'too_short';
  if (max !== undefined && value.length > max) return 'too_long';
  if (name === 'contact.email' && !EMAIL.test(value)) return 'invalid_email';
  return null;
}

/** Every field's problem, in form order. */
export function validateReport(values: ReportValues): ReportProblems {
  const problems: ReportProblems = {};
  for (const name of REPORT_FIELD_NAMES) {
    const problem = fieldProblem(name, values[name]);
    if (problem !== null) problems[name] = problem;
  }
  return problems;
}

/** `problems` with `name` set to `problem`, or removed when it is null. */
export function withProblem(
  problems: ReportProblems,
  name: ReportFieldName,
  problem: FieldProblem | null,
): ReportProblems {
  const { [name]: _old, ...rest } = problems;
  return problem === null ? rest : { ...rest, [name]: problem };
}

/** The current values of the report form's fields. */
export function readReportForm(form: HTMLFormElement): ReportValues {
  const values: ReportValues = {};
  const data = new FormData(form);
  for (const name of REPORT_FIELD_NAMES) {
    const value = data.get(name);
    if (typeof value === 'string') values[name] = value;
  }
  // A place the region list lacks is typed in its own box (region-field.tsx).
  const box = data.get(REGION_OTHER_FIELD);
  if (!values.region?.trim() && typeof box === 'string') values.region = box;
  return values;
}

/** The JSON body for `POST /api/reports`: same names, contact nested, empty fields left out. */
export function reportPayload(values: ReportValues, lang: Lang): Record<string, unknown> {
  const body: Record<string, unknown> = { lang };
  const contact: Record<string, string> = {};
  for (const name of REPORT_FIELD_NAMES) {
    const value = values[name];
    if (value === undefined || value.trim() === '') continue;
    if (name.startsWith('contact.')) contact[name.slice('contact.'.length)] = value;
    else body[name] = value;
  }
  if (Object.keys(contact).length > 0) body['contact'] = contact;
  return body;
}

/** The field errors of an API 400 response, keeping only known fields and problems. */
export function apiFieldProblems(fields: Record<string, string>): ReportProblems {
  const problems: ReportProblems = {};
  for (const [name, problem] of Object.entries(fields)) {
    if (isReportFieldName(name) && isFieldProblem(problem)) problems[name] = problem;
  }
  return problems;
}
