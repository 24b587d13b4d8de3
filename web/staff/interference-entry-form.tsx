/**
 * Recording interference from the registers page, for a lead chosen by its
 * number: the same fields and the same call (POST /reports/{id}/interference)
 * as the case page, so the same checks apply — the lead must be in the
 * caller's channels (404 otherwise), and a colleague's live lease on it
 * refuses the entry (409 lease_held) exactly as it disables the case page's
 * forms: an entry adds to the lead's case records.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ConsoleMessages, RegistersMessages, ReportLabels, StaffReportMessages } from '../i18n/types';
import type { Lang } from '../i18n/lang';
import { fill } from '../i18n/fill';
import { ActionForm, Field, type ActionContext, type ActionResult } from '../components/console-action-form';
import { InterferenceFields } from '../components/console-interference-fields';
import { staffApi, type ApiFailure } from './api';
import { errorText, formatTime, leaveIfSignedOut } from './format';
import { interferenceEntry } from './interference-entry';
import { reportHref } from './session';
import { useFocusLater } from './focus-later';

interface Props {
  lang: Lang;
  common: ConsoleMessages;
  m: RegistersMessages['interference']['entry'];
  fields: StaffReportMessages['interference'];
  fixFields: string;
  busyLabel: string;
  methods: ReportLabels['interferenceMethods'];
  /** Told after an entry was recorded, to show the register again. */
  onRecorded: () => void;
}

const LEAD = /^[1-9]\d{0,15}$/;

export function InterferenceEntryForm(props: Props): JSX.Element {
  const { lang, m } = props;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | undefined>(undefined);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [lead, setLead] = useState<number | null>(null);
  const focusLater = useFocusLater();
  const ctx: ActionContext = { busy: busy ? 'interference' : null, busyLabel: props.busyLabel, results: result === undefined ? {} : { interference: result }, invalid: { interference: invalid } };

  const answer = (next: ActionResult, fields: string[]): void => {
    setBusy(false);
    setInvalid(fields);
    setResult(next);
    focusLater('result-interference');
  };

  const failureText = (failure: ApiFailure, id: number): string =>
    failure.lease === undefined
      ? errorText(props.common, failure.code)
      : fill(lang, m.heldBy, { name: failure.lease.holder.username, id: String(id), time: formatTime(lang, failure.lease.until) });

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || busy) return;
    const values: Record<string, string> = {};
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') values[name] = value;
    });
    const id = (values['lead'] ?? '').trim();
    const entry = interferenceEntry(values, props.fields);
    const problems = [...(LEAD.test(id) ? [] : [{ name: 'lead', label: m.lead }]), ...('invalid' in entry ? entry.invalid : [])];
    if (problems.length > 0 || 'invalid' in entry) {
      setLead(null);
      answer({ ok: false, text: fill(lang, props.fixFields, { fields: problems.map((p) => p.label).join(', ') }) }, problems.map((p) => p.name));
      return;
    }
    setBusy(true);
    setLead(Number(id));
    const sent = await staffApi('POST', `reports/${Number(id)}/interference`, entry.body);
    if (!sent.ok) {
      if (leaveIfSignedOut(lang, sent)) return;
      answer({ ok: false, text: failureText(sent, Number(id)) }, Object.keys(sent.fields ?? {}));
      return;
    }
    form.reset();
    answer({ ok: true, text: fill(lang, m.done, { id }) }, []);
    props.onRecorded();
  };

  return (
    <div class="register-entry" onSubmit={(event) => void onSubmit(event)}>
      <ActionForm action="interference" ctx={ctx} heading={m.heading} intro={m.intro} submit={props.fields.submit}>
        <Field action="interference" ctx={ctx} name="lead" kind="number" label={m.lead} hint={m.leadHint} required maxLength={16} />
        <InterferenceFields ctx={ctx} m={props.fields} methods={props.methods} />
      </ActionForm>
      {result !== undefined && lead !== null && (
        <p>
          <a href={reportHref(lang, lead)}>{fill(lang, m.openLead, { id: String(lead) })}</a>
        </p>
      )}
    </div>
  );
}
