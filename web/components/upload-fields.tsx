/**
 * The evidence-file part of the report form and the follow-up form: what
 * happens to each kind of file, the keep-metadata choice and the file input,
 * which comes last so that the browser sends the files after every text field.
 * The same markup with or without JavaScript; islands add `UploadStatus`
 * after it (the chosen files, progress, problems).
 */
import type { JSX } from 'preact';
import type { UploadMessages } from '../i18n/types';
import { FILES_FIELD, formatBytes, KEEP_METADATA_FIELD, type UploadLimits, type UploadProblem } from '../../contract/attachments';
import { describedBy } from './error-summary';

export const FILES_ID = 'f-files';
export const FILES_ERROR_ID = 'f-files-error';
const KEEP_ID = 'f-keepMetadata';
const NOTICE_ID = 'upload-notice';

export interface UploadFieldsProps {
  m: UploadMessages;
  limits: UploadLimits;
  /** A problem with the files of a form post (without JavaScript; islands show it in UploadStatus). */
  problem?: UploadProblem | undefined;
  /** Tick the keep-metadata box (a form post coming back with a problem). */
  keepMetadata?: boolean | undefined;
}

/** A template with {files}, {fileSize} and {total} replaced by the limits (sizes rounded down: never more than allowed). */
export function fillUploadLimits(template: string, limits: UploadLimits): string {
  return template
    .replace('{files}', String(limits.maxFiles))
    .replace('{fileSize}', formatBytes(limits.maxFileBytes, true))
    .replace('{total}', formatBytes(limits.maxSubmissionBytes, true));
}

/** The sentence for a file problem, naming the limit. */
export function uploadProblemText(m: UploadMessages, problem: UploadProblem, limits: UploadLimits): string {
  return fillUploadLimits(m.problems[problem], limits);
}

/** The error-summary entry for a file problem. */
export function uploadSummaryItem(m: UploadMessages, problem: UploadProblem, limits: UploadLimits): { href: string; text: string } {
  return { href: `#${FILES_ID}`, text: uploadProblemText(m, problem, limits) };
}

/** The notice, the keep-metadata box and the file input. */
export function UploadFields(props: UploadFieldsProps): JSX.Element {
  const { m, limits, problem } = props;
  const errorId = problem !== undefined ? FILES_ERROR_ID : undefined;
  return (
    <fieldset class="upload">
      <legend>{m.legend}</legend>
      <ul class="upload-notice" id={NOTICE_ID}>
        <li>{m.noticeCleaned}</li>
        <li>{m.noticeNotCleaned}</li>
      </ul>
      <div class="checkbox">
        <input
          type="checkbox"
          id={KEEP_ID}
          name={KEEP_METADATA_FIELD}
          value="on"
          checked={props.keepMetadata === true ? true : undefined}
          aria-describedby={`${KEEP_ID}-hint`}
        />
        <label for={KEEP_ID}>{m.keepLabel}</label>
        <p class="hint" id={`${KEEP_ID}-hint`}>
          {m.keepHint}
        </p>
      </div>
      {/* The file input is the last control: files must follow every text field. */}
      <div class={problem !== undefined ? 'field field-invalid' : 'field'}>
        <label for={FILES_ID}>{m.label}</label>
        <p class="hint" id={`${FILES_ID}-hint`}>
          {fillUploadLimits(m.limitsHint, limits)}
        </p>
        {problem !== undefined && (
          <p class="field-error" id={errorId}>
            {uploadProblemText(m, problem, limits)} {m.chooseAgain}
          </p>
        )}
        <input
          type="file"
          id={FILES_ID}
          name={FILES_FIELD}
          multiple
          aria-invalid={problem !== undefined ? 'true' : undefined}
          aria-describedby={describedBy(NOTICE_ID, `${FILES_ID}-hint`, errorId)}
        />
      </div>
    </fieldset>
  );
}
