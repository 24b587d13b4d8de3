/**
 * The intake form: the web form's fields, where the lead came from, and the
 * files handed over. Uncontrolled named controls, so the form element is the
 * multipart body as it stands (web/staff/lead-send.ts); the file input is
 * its last named control, since files must follow every text field.
 */
import type { JSX } from 'preact';
import { REGION_OPTIONS_ID } from './region-options';
import { FILES_FIELD, KEEP_METADATA_FIELD } from '../../contract/attachments';
import { OFFICIALS_INVOLVED } from '../../contract/report-fields';
import { CATEGORIES, LEAD_SOURCES } from '../../contract/vocabulary';
import { isReportFieldName, limitsFor } from '../../contract/field-names';
import type { ReportFieldName } from '../../contract/field-names';
import { fill } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import type { ConsoleCatalogue, ReportMessages } from '../i18n/types';
import { describedBy } from './form-parts';

interface Props {
  lang: Lang;
  m: ConsoleCatalogue['intake'];
  report: ReportMessages;
  maxFiles: number;
  /** Field name → the server's problem code, after a refused send. */
  problems: Readonly<Record<string, string>>;
  /** What was wrong with the files, as a sentence. */
  filesProblem: string | undefined;
  /** Share of the body sent (0..1) while sending; null otherwise. */
  progress: number | null;
  onSubmit: (form: HTMLFormElement) => void;
}

/** The text the report form shows for a field's problem, with its limits filled in. */
function problemText(lang: Lang, report: ReportMessages, name: string, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const field = isReportFieldName(name) ? name : undefined;
  const specific = field === undefined ? undefined : (report.fieldProblems[field] as Readonly<Record<string, string>> | undefined)?.[code];
  const generic = (report.problems as Readonly<Record<string, string>>)[code] ?? report.problems.invalid;
  const limits = field === undefined ? {} : limitsFor(field);
  return fill(lang, specific ?? generic, { min: limits.min ?? 0, max: limits.max ?? 0 });
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => JSX.Element;
}

/** A labelled control with its hint and problem, wired for screen readers. */
function Field(props: FieldProps): JSX.Element {
  const hintId = props.hint === undefined ? undefined : `${props.id}-hint`;
  const errorId = props.error === undefined ? undefined : `${props.id}-error`;
  const described = describedBy(hintId, errorId);
  return (
    <div class={props.error === undefined ? 'field' : 'field field-invalid'}>
      <label for={props.id}>{props.label}</label>
      {hintId !== undefined && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {errorId !== undefined && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
      {props.children({ ...(described ? { 'aria-describedby': described } : {}), ...(props.error ? { 'aria-invalid': 'true' as const } : {}) })}
    </div>
  );
}

export function LeadForm(props: Props): JSX.Element {
  const { lang, m, report, problems } = props;
  const f = report.fields;
  const error = (name: string): string | undefined => problemText(lang, report, name, problems[name]);
  const text = (name: ReportFieldName, long = false, hint?: string): JSX.Element => {
    const id = `lead-${name.replace('.', '-')}`;
    return (
      <Field id={id} label={f[name].label} hint={hint} error={error(name)}>
        {(aria) =>
          long ? (
            <textarea id={id} name={name} rows={3} {...aria} />
          ) : (
            <input id={id} name={name} type="text" autoComplete="off" list={name === 'region' ? REGION_OPTIONS_ID : undefined} {...aria} />
          )
        }
      </Field>
    );
  };
  const sending = props.progress !== null;
  return (
    <form
      class="lead-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!sending) props.onSubmit(event.currentTarget);
      }}
    >
      <Field id="lead-source" label={m.sourceLabel} error={error('source')}>
        {(aria) => (
          <select id="lead-source" name="source" required {...aria}>
            {LEAD_SOURCES.map((source) => (
              <option key={source} value={source}>
                {m.sources[source]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="lead-category" label={f.category.label} hint={m.categoryHint} error={error('category')}>
        {(aria) => (
          <select id="lead-category" name="category" required {...aria}>
            <option value="" />
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {report.categories[category].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="lead-details" label={f.details.label} hint={m.detailsHint} error={error('details')}>
        {(aria) => <textarea id="lead-details" name="details" rows={8} required {...aria} />}
      </Field>
      <fieldset>
        <legend>{m.moreLegend}</legend>
        {text('region', false, f.region.hint)}
        {text('location')}
        {text('subjects', true)}
        {text('occurredAt')}
        <Field id="lead-officialsInvolved" label={f.officialsInvolved.label} error={error('officialsInvolved')}>
          {(aria) => (
            <select id="lead-officialsInvolved" name="officialsInvolved" {...aria}>
              <option value="" />
              {OFFICIALS_INVOLVED.map((answer) => (
                <option key={answer} value={answer}>
                  {report.officials[answer]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('officialsDetails', true)}
        {text('discouraged', true)}
      </fieldset>
      <fieldset>
        <legend>{m.contactLegend}</legend>
        <p class="hint">{m.contactHint}</p>
        {text('contact.name')}
        {text('contact.phone')}
        {text('contact.email')}
      </fieldset>
      <fieldset>
        <legend>{m.filesLegend}</legend>
        <div class="field checkbox">
          <input type="checkbox" id="lead-keep" name={KEEP_METADATA_FIELD} aria-describedby="lead-keep-hint" />
          <label for="lead-keep">{m.keepLabel}</label>
          <p class="hint" id="lead-keep-hint">
            {m.keepHint}
          </p>
        </div>
        <Field id="lead-files" label={m.filesLabel} hint={fill(lang, m.filesHint, { files: props.maxFiles })} error={props.filesProblem}>
          {(aria) => <input type="file" id="lead-files" name={FILES_FIELD} multiple {...aria} />}
        </Field>
      </fieldset>
      <p>
        <button type="submit" aria-disabled={sending ? 'true' : undefined}>
          {sending ? fill(lang, m.sending, { percent: Math.round((props.progress ?? 0) * 100) }) : m.submit}
        </button>
      </p>
      {sending && <progress max={1} value={props.progress ?? 0} aria-label={m.submit} />}
    </form>
  );
}
