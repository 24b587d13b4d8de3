/**
 * An interference entry's form values → the request body of
 * POST /api/staff/reports/{id}/interference: the one place both the case page
 * and the registers page build it. Field names are the API's paths
 * (`who.name`, `when.date`), so its `error.fields` point at the same inputs.
 */
import type { StaffReportMessages } from '../i18n/types';
import type { InterferenceInput } from '../../contract/schemas/staff-reports';
import { INTERFERENCE_METHODS, isOneOf } from '../../contract/vocabulary';

/** The form's field names, in the order they are shown. */
export const INTERFERENCE_FIELDS = ['who.name', 'who.position', 'who.unit', 'when.date', 'when.note', 'how', 'asked', 'reportedToSuperior', 'followUp'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The request body, or the fields (name and label) to fix first. */
export function interferenceEntry(
  values: Readonly<Record<string, string>>,
  m: StaffReportMessages['interference'],
): { body: InterferenceInput } | { invalid: { name: string; label: string }[] } {
  const v = (name: string): string => (values[name] ?? '').trim();
  const optional = (name: string): string | undefined => (v(name) === '' ? undefined : v(name));
  const invalid: { name: string; label: string }[] = [];
  const need = (name: string, label: string, ok = (value: string): boolean => value !== ''): string => {
    if (!ok(v(name))) invalid.push({ name, label });
    return v(name);
  };
  const name = need('who.name', m.name);
  const date = need('when.date', m.date, (value) => DATE.test(value));
  const how = need('how', m.how, (value) => isOneOf(INTERFERENCE_METHODS, value));
  const asked = need('asked', m.asked);
  if (invalid.length > 0 || !isOneOf(INTERFERENCE_METHODS, how)) return { invalid };
  return {
    body: {
      who: { name, position: optional('who.position'), unit: optional('who.unit') },
      when: { date, note: optional('when.note') },
      how,
      asked,
      // An unticked checkbox is simply absent from the form's values.
      reportedToSuperior: values['reportedToSuperior'] === 'on',
      followUp: optional('followUp'),
    },
  };
}
