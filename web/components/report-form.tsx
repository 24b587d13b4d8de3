import type { JSX } from 'preact';
import { messagesFor } from '../i18n';
import type { Lang } from '../../contract/languages';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits, type UploadProblem } from '../../contract/attachments';
import type { ReportFieldName } from '../../contract/field-names';
import type { FieldProblem } from '../../contract/report-fields';
import { ReportFormView } from './report-form-view';
import { UploadFields, uploadSummaryItem } from './upload-fields';
import { RegionField } from './region-field';
import { reportProblemText } from './report-problem-text';
import type { RegionChoice } from '../../contract/operator-profile';

export type { ReportFieldName } from '../../contract/field-names';

/**
 * The report form in `lang`, re-filled with `values` and showing `errors` or a
 * file problem (server-rendered after a form post). `limits` are the server's
 * configured file limits (the defaults when left out).
 */
export function ReportForm(props: {
  lang: Lang;
  values?: Partial<Record<ReportFieldName, string>> | undefined;
  errors?: Partial<Record<ReportFieldName, FieldProblem>> | undefined;
  uploadProblem?: UploadProblem | undefined;
  limits?: UploadLimits | undefined;
  keepMetadata?: boolean | undefined;
  /** The site was too busy: when to send again ("about 2 minutes"), shown above the form. */
  busyWait?: string | undefined;
  /** The operator's regions in this language (SITE_CONFIG); empty or absent: the region is free text. */
  regions?: readonly RegionChoice[] | undefined;
}): JSX.Element {
  const messages = messagesFor(props.lang);
  const limits = props.limits ?? DEFAULT_UPLOAD_LIMITS;
  const problem = props.uploadProblem;
  return (
    <ReportFormView
      lang={props.lang}
      m={messages.report}
      values={props.values}
      errors={props.errors}
      notice={props.busyWait === undefined ? undefined : messages.report.busyNotice.replace('{wait}', props.busyWait)}
      upload={<UploadFields m={messages.upload} limits={limits} problem={problem} keepMetadata={props.keepMetadata} />}
      uploadSummary={problem === undefined ? undefined : uploadSummaryItem(messages.upload, problem, limits)}
      region={
        props.regions !== undefined && props.regions.length > 0 ? (
          <RegionField
            text={messages.report.fields.region}
            m={messages.profile}
            regions={props.regions}
            value={props.values?.region}
            problem={props.errors?.region === undefined ? undefined : reportProblemText(messages.report, 'region', props.errors.region)}
          />
        ) : undefined
      }
    />
  );
}
