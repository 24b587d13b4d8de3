/**
 * The report form, given its messages. Rendered by the server (through
 * `ReportForm`), by /report/ and by the report island, so the markup is the
 * same with or without JavaScript.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import type { ReportMessages } from '../i18n/types';
import { fieldAnchor, fieldId, REPORT_FIELD_NAMES, type ReportFieldName } from '../../contract/field-names';
import { LIMITS, OFFICIALS_INVOLVED, type FieldProblem } from '../../contract/report-fields';
import { CATEGORIES } from '../../contract/vocabulary';
import { describedBy, ErrorSummary } from './error-summary';
import { FormSend } from './form-send';
import { reportProblemText } from './report-problem-text';
import { fill } from '../i18n/fill';

export interface ReportFormViewProps {
  lang: Lang;
  m: ReportMessages;
  values?: Partial<Record<ReportFieldName, string>> | undefined;
  errors?: Partial<Record<ReportFieldName, FieldProblem>> | undefined;
  /** Show the error summary (defaults to whenever there are errors). */
  summary?: boolean | undefined;
  /** Show the details character counter (only once JavaScript keeps it current). */
  counter?: boolean | undefined;
  /** A message about a failed submission, shown above the button. */
  failure?: string | undefined;
  /** Shown above the form: the site was too busy to take the report (no JavaScript). */
  notice?: string | undefined;
  /** Shown above the button while an island sends again because the site is busy. */
  progress?: string | undefined;
  busy?: boolean | undefined;
  /**
   * The evidence-file part, placed last before the button (`UploadFields`,
   * and with JavaScript the chosen files). The caller brings it, so that the
   * report island need not bundle its messages.
   */
  upload: ComponentChildren;
  /** The error-summary entry for a problem with the files. */
  uploadSummary?: { href: string; text: string } | undefined;
  /**
   * The region as a list of the operator's places (`RegionField`, static
   * HTML brought by the caller like `upload`); absent: a free-text field.
   */
  region?: ComponentChildren;
}

interface FieldContext {
  m: ReportMessages;
  values: Partial<Record<ReportFieldName, string>>;
  errors: Partial<Record<ReportFieldName, FieldProblem>>;
}

function TextField(props: {
  ctx: FieldContext;
  name: ReportFieldName;
  multiline?: number;
  type?: 'text' | 'tel' | 'email';
  required?: boolean;
  extraDescription?: string | undefined;
  children?: ComponentChildren;
}): JSX.Element {
  const { ctx, name } = props;
  const id = fieldId(name);
  const text = ctx.m.fields[name];
  const problem = ctx.errors[name];
  const hintId = text.hint !== undefined ? `${id}-hint` : undefined;
  const errorId = problem !== undefined ? `${id}-error` : undefined;
  const shared = {
    id,
    name,
    value: ctx.values[name] ?? '',
    required: props.required === true,
    'aria-invalid': problem !== undefined ? ('true' as const) : undefined,
    'aria-describedby': describedBy(hintId, props.extraDescription, errorId),
  };
  return (
    <div class={problem !== undefined ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {text.label}
        {props.required === true && <span class="required"> {ctx.m.requiredMark}</span>}
      </label>
      {hintId !== undefined && (
        <p class="hint" id={hintId}>
          {text.hint}
        </p>
      )}
      {problem !== undefined && (
        <p class="field-error" id={errorId}>
          {reportProblemText(ctx.m, name, problem)}
        </p>
      )}
      {props.multiline !== undefined ? (
        <textarea {...shared} rows={props.multiline} />
      ) : (
        <input {...shared} type={props.type ?? 'text'} />
      )}
      {props.children}
    </div>
  );
}

function RadioGroup(props: {
  ctx: FieldContext;
  name: 'category' | 'officialsInvolved';
  options: readonly { value: string; label: string; hint?: string | undefined }[];
  required?: boolean;
  inline?: boolean;
}): JSX.Element {
  const { ctx, name } = props;
  const id = fieldId(name);
  const problem = ctx.errors[name];
  const errorId = problem !== undefined ? `${id}-error` : undefined;
  return (
    <fieldset class={problem !== undefined ? 'field field-invalid' : 'field'} aria-describedby={errorId}>
      <legend>
        {ctx.m.fields[name].label}
        {props.required === true && <span class="required"> {ctx.m.requiredMark}</span>}
      </legend>
      {problem !== undefined && (
        <p class="field-error" id={errorId}>
          {reportProblemText(ctx.m, name, problem)}
        </p>
      )}
      <div class={props.inline === true ? 'radios radios-inline' : 'radios'}>
        {props.options.map((option) => {
          const optionId = `${id}-${option.value}`;
          const hintId = option.hint !== undefined ? `${optionId}-hint` : undefined;
          return (
            <div class="radio" key={option.value}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                checked={ctx.values[name] === option.value}
                required={props.required === true}
                aria-invalid={problem !== undefined ? 'true' : undefined}
                aria-describedby={hintId}
              />
              <label for={optionId}>{option.label}</label>
              {hintId !== undefined && (
                <p class="hint" id={hintId}>
                  {option.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The whole report form with its heading, error summary and per-field errors. */
/** The character counter under the details box: how many more are needed, how many too many, or how many of the most. */
function counterText(lang: Lang, m: ReportMessages['counter'], count: number): string {
  const { min, max } = LIMITS.details;
  if (count < min) return fill(lang, m.under, { count, needed: min - count });
  if (count > max) return fill(lang, m.over, { excess: count - max });
  return fill(lang, m.within, { count, max });
}

export function ReportFormView(props: ReportFormViewProps): JSX.Element {
  const { m, lang } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const ctx: FieldContext = { m, values, errors };
  const problems = REPORT_FIELD_NAMES.flatMap((name) => {
    const problem = errors[name];
    return problem === undefined ? [] : [{ href: `#${fieldAnchor(name)}`, text: reportProblemText(m, name, problem) }];
  });
  if (props.uploadSummary !== undefined) problems.push(props.uploadSummary);
  const showSummary = (props.summary ?? true) && problems.length > 0;
  const detailsLength = (values.details ?? '').trim().length;
  return (
    <div class="report">
      <h1>{m.heading}</h1>
      <p class="lead">{m.intro}</p>
      {props.notice !== undefined && (
        <p class="notice notice-busy" role="alert">
          {props.notice}
        </p>
      )}
      {showSummary && <ErrorSummary title={m.errorSummary} items={problems} />}
      <form method="post" action="/api/reports" enctype="multipart/form-data" id="report-form" noValidate autoComplete="off">
        <input type="hidden" name="lang" value={lang} />
        <RadioGroup
          ctx={ctx}
          name="category"
          required
          options={CATEGORIES.map((value) => ({ value, ...m.categories[value] }))}
        />
        <TextField
          ctx={ctx}
          name="details"
          multiline={8}
          required
          extraDescription={props.counter === true ? 'details-counter' : undefined}
        >
          {props.counter === true && (
            <p
              id="details-counter"
              class={detailsLength > LIMITS.details.max ? 'counter counter-over' : 'counter'}
            >
              {counterText(lang, m.counter, detailsLength)}
            </p>
          )}
        </TextField>
        <TextField ctx={ctx} name="subjects" multiline={3} />
        <TextField ctx={ctx} name="occurredAt" />
        <TextField ctx={ctx} name="location" />
        {props.region ?? <TextField ctx={ctx} name="region" />}
        <RadioGroup
          ctx={ctx}
          name="officialsInvolved"
          inline
          options={OFFICIALS_INVOLVED.map((value) => ({ value, label: m.officials[value] }))}
        />
        <TextField ctx={ctx} name="officialsDetails" multiline={3} />
        <TextField ctx={ctx} name="discouraged" multiline={3} />
        <fieldset class="contact" aria-describedby="contact-hint">
          <legend>{m.contactLegend}</legend>
          <p class="hint" id="contact-hint">
            {m.contactHint}
          </p>
          <TextField ctx={ctx} name="contact.name" />
          <TextField ctx={ctx} name="contact.phone" type="tel" />
          <TextField ctx={ctx} name="contact.email" type="email" />
        </fieldset>
        {props.upload}
        <p>{m.beforeSubmit}</p>
        <FormSend label={m.submit} busyLabel={m.sending} busy={props.busy} progress={props.progress} failure={props.failure} />
      </form>
    </div>
  );
}
