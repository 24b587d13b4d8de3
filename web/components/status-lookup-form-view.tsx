import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import type { LookupProblem, StatusMessages } from '../i18n/types';
import { describedBy, ErrorSummary } from './error-summary';
import { FormSend } from './form-send';

export const STATUS_HEADING_ID = 'status-heading';
const CODE_ID = 'f-trackingCode';

export interface StatusLookupFormViewProps {
  lang: Lang;
  m: StatusMessages;
  value?: string | undefined;
  error?: LookupProblem | undefined;
  /** Show the error summary (defaults to whenever there is an error). */
  summary?: boolean | undefined;
  /** The typed code is complete and its check digit is right. */
  looksRight?: boolean | undefined;
  failure?: string | undefined;
  /** While an island checks again because the site is busy. */
  progress?: string | undefined;
  busy?: boolean | undefined;
  /** For the `busy` problem: when to try again ("about 2 minutes"). */
  wait?: string | undefined;
}

/** The tracking-code form with its heading and explanation. */
export function StatusLookupFormView(props: StatusLookupFormViewProps): JSX.Element {
  const { m, error } = props;
  const errorId = error !== undefined ? `${CODE_ID}-error` : undefined;
  const okId = props.looksRight === true && error === undefined ? `${CODE_ID}-ok` : undefined;
  const problemText = error === undefined ? '' : m.problems[error].replace('{wait}', props.wait ?? '');
  return (
    <div class="status-lookup">
      <h1 id={STATUS_HEADING_ID} tabIndex={-1}>
        {m.heading}
      </h1>
      <p class="lead">{m.intro}</p>
      {error !== undefined && (props.summary ?? true) && (
        <ErrorSummary title={m.errorSummary} items={[{ href: `#${CODE_ID}`, text: problemText }]} />
      )}
      <form method="post" action="/api/status" id="status-form" noValidate autoComplete="off">
        <input type="hidden" name="lang" value={props.lang} />
        <div class={error !== undefined ? 'field field-invalid' : 'field'}>
          <label for={CODE_ID}>{m.codeLabel}</label>
          <p class="hint" id={`${CODE_ID}-hint`}>
            {m.codeHint}
          </p>
          <div aria-live="polite">
            {error !== undefined && (
              <p class="field-error" id={errorId}>
                {problemText}
              </p>
            )}
          </div>
          <input
            class="code-input"
            type="text"
            id={CODE_ID}
            name="trackingCode"
            value={props.value ?? ''}
            inputMode="numeric"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellcheck={false}
            required
            aria-invalid={error !== undefined ? 'true' : undefined}
            aria-describedby={describedBy(`${CODE_ID}-hint`, errorId, okId)}
          />
          <div aria-live="polite">
            {okId !== undefined && (
              <p class="field-ok" id={okId}>
                {m.codeLooksRight}
              </p>
            )}
          </div>
        </div>
        <p class="hint">{m.notInUrl}</p>
        <FormSend label={m.submit} busyLabel={m.checking} busy={props.busy} progress={props.progress} failure={props.failure} />
      </form>
    </div>
  );
}
