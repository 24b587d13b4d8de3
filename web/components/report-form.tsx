import type { JSX } from 'preact';
import { messagesFor, type Lang } from '../i18n';
import type { ReportFieldName } from '../lib/field-names';
import type { FieldProblem } from '../lib/report-fields';
import { ReportFormView } from './report-form-view';

export type { ReportFieldName } from '../lib/field-names';

/** The report form in `lang`, re-filled with `values` and showing `errors` (server-rendered after a form post). */
export function ReportForm(props: {
  lang: Lang;
  values?: Partial<Record<ReportFieldName, string>>;
  errors?: Partial<Record<ReportFieldName, FieldProblem>>;
}): JSX.Element {
  return (
    <ReportFormView lang={props.lang} m={messagesFor(props.lang).report} values={props.values} errors={props.errors} />
  );
}
