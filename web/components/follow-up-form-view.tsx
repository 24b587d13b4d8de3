/**
 * The reporter's follow-up form: a message and evidence files for the
 * handling team. Part of the status page (server-rendered and in the status
 * island), and on its own when a follow-up was not sent (site busy, or a
 * problem with it), so that nothing typed is lost and no Argon2id work is
 * spent just to draw the page again.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import type { StatusMessages } from '../i18n/types';
import { LIMITS, type FieldProblem } from '../../contract/report-fields';
import { describedBy, ErrorSummary } from './error-summary';
import { FormSend } from './form-send';
import { fillLimits } from './report-problem-text';

const BODY_ID = 'f-body';

export interface FollowUpFormViewProps {
  lang: Lang;
  m: StatusMessages;
  trackingCode: string;
  followUpError?: FieldProblem | undefined;
  followUpValue?: string | undefined;
  failure?: string | undefined;
  /** While an island sends again because the site is busy. */
  progress?: string | undefined;
  busy?: boolean | undefined;
  /** The evidence-file part, placed last before the button. */
  upload: ComponentChildren;
  uploadSummary?: { href: string; text: string } | undefined;
}

/** The message for a follow-up problem, with the limit filled in. */
function followUpProblemText(m: StatusMessages, problem: FieldProblem): string {
  const template = m.details.followUpProblems[problem] ?? m.details.followUpProblems.required;
  return fillLimits(template, LIMITS.followUp.min, LIMITS.followUp.max);
}

/** The follow-up form, its error summary, and the code in a hidden field. */
export function FollowUpFormView(props: FollowUpFormViewProps): JSX.Element {
  const { m, followUpError } = props;
  const d = m.details;
  const errorId = followUpError !== undefined ? `${BODY_ID}-error` : undefined;
  const problems = [
    ...(followUpError === undefined ? [] : [{ href: `#${BODY_ID}`, text: followUpProblemText(m, followUpError) }]),
    ...(props.uploadSummary === undefined ? [] : [props.uploadSummary]),
  ];
  return (
    <>
      {problems.length > 0 && <ErrorSummary title={m.errorSummary} items={problems} />}
      <form method="post" action="/api/status/messages" enctype="multipart/form-data" id="follow-up-form" noValidate autoComplete="off">
        <input type="hidden" name="trackingCode" value={props.trackingCode} />
        <input type="hidden" name="lang" value={props.lang} />
        <div class={followUpError !== undefined ? 'field field-invalid' : 'field'}>
          <label for={BODY_ID}>{d.followUpLabel}</label>
          <p class="hint" id={`${BODY_ID}-hint`}>
            {d.followUpHint}
          </p>
          {followUpError !== undefined && (
            <p class="field-error" id={errorId}>
              {followUpProblemText(m, followUpError)}
            </p>
          )}
          <textarea
            id={BODY_ID}
            name="body"
            rows={6}
            value={props.followUpValue ?? ''}
            aria-invalid={followUpError !== undefined ? 'true' : undefined}
            aria-describedby={describedBy(`${BODY_ID}-hint`, errorId)}
          />
        </div>
        {props.upload}
        <FormSend label={d.followUpSubmit} busyLabel={d.sending} busy={props.busy} progress={props.progress} failure={props.failure} />
      </form>
    </>
  );
}
