import type { ReportMessages } from '../i18n/types';
import { limitsFor, type ReportFieldName } from '../../contract/field-names';
import type { FieldProblem } from '../../contract/report-fields';

/** The message for a field's problem, with the field's limits filled in. */
export function reportProblemText(m: ReportMessages, name: ReportFieldName, problem: FieldProblem): string {
  const template = m.fieldProblems[name]?.[problem] ?? m.problems[problem];
  const { min, max } = limitsFor(name);
  return fillLimits(template, min, max);
}

/** Replaces `{min}` and `{max}` with numbers written the same way as the counter's. */
export function fillLimits(template: string, min?: number, max?: number): string {
  return template
    .replace('{min}', min === undefined ? '' : min.toLocaleString('en'))
    .replace('{max}', max === undefined ? '' : max.toLocaleString('en'));
}
