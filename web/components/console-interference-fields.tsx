/**
 * The interference entry's fields, as officers keep the register: who (name,
 * position, unit), when, how, what was asked, whether it was reported to a
 * superior, what followed. Shown on the case page and on the registers page;
 * web/staff/interference-entry.ts reads them.
 */
import type { JSX } from 'preact';
import type { ReportLabels, StaffReportMessages } from '../i18n/types';
import { INTERFERENCE_METHODS } from '../../contract/vocabulary';
import { Field, type ActionContext } from './console-action-form';

/** Today in the browser's time zone, as YYYY-MM-DD (a date input's value). */
export function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface Props {
  ctx: ActionContext;
  m: StaffReportMessages['interference'];
  methods: ReportLabels['interferenceMethods'];
}

export function InterferenceFields({ ctx, m, methods }: Props): JSX.Element {
  const field = { action: 'interference', ctx } as const;
  return (
    <>
      <fieldset>
        <legend>{m.who}</legend>
        <Field {...field} name="who.name" label={m.name} hint={m.nameHint} required maxLength={200} />
        <Field {...field} name="who.position" label={m.position} maxLength={200} />
        <Field {...field} name="who.unit" label={m.unit} maxLength={200} />
      </fieldset>
      <Field {...field} name="when.date" kind="date" label={m.date} hint={m.dateHint} required defaultValue={today()} />
      <Field {...field} name="when.note" label={m.dateNote} hint={m.dateNoteHint} maxLength={200} />
      <Field {...field} name="how" kind="select" label={m.how} required options={INTERFERENCE_METHODS.map((method) => ({ value: method, label: methods[method] }))} />
      <Field {...field} name="asked" kind="textarea" label={m.asked} required maxLength={5000} />
      <Field {...field} name="reportedToSuperior" kind="checkbox" label={m.reportedToSuperior} />
      <Field {...field} name="followUp" kind="textarea" label={m.followUp} maxLength={5000} />
    </>
  );
}
