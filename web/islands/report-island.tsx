/**
 * Enhances the report form: inline validation, a character counter, and a
 * fetch submission that shows the receipt in place. Without JavaScript the
 * same markup posts to /api/reports and the server answers with HTML.
 */
import type { JSX } from 'preact';
import { ERROR_SUMMARY_ID } from '../components/error-summary';
import { RECEIPT_HEADING_ID, ReceiptView } from '../components/receipt-view';
import { ReportFormView } from '../components/report-form-view';
import type { Lang } from '../i18n/lang';
import type { ReportMessages, SendFailure } from '../i18n/types';
import { isReportFieldName } from '../lib/field-names';
import { apiError, failureFor, postJson } from '../lib/post-json';
import { formatTrackingCode, normalizeTrackingCode } from '../lib/tracking-code';
import {
  apiFieldProblems,
  fieldProblem,
  readReportForm,
  reportPayload,
  validateReport,
  withProblem,
  type ReportProblems,
  type ReportValues,
} from '../lib/validate-report';
import { FocusingComponent } from './focus-after-render';

interface Props {
  lang: Lang;
  m: ReportMessages;
}

interface State {
  values: ReportValues;
  errors: ReportProblems;
  summary: boolean;
  failure: SendFailure | null;
  busy: boolean;
  trackingCode: string | null;
  enhanced: boolean;
}

/**
 * What is already in the server-rendered form when the island hydrates.
 * Someone on a slow connection may type before the JavaScript arrives, and
 * hydration would otherwise reset a textarea to its empty server value.
 */
function valuesTypedBeforeHydration(): ReportValues {
  if (typeof document === 'undefined') return {};
  const form = document.getElementById('report-form');
  return form instanceof HTMLFormElement ? readReportForm(form) : {};
}

function fieldOf(event: Event): HTMLInputElement | HTMLTextAreaElement | null {
  const target = event.target;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
}

/** The report form and, once sent, the receipt. */
export class ReportIsland extends FocusingComponent<Props, State> {
  override state: State = {
    values: valuesTypedBeforeHydration(),
    errors: {},
    summary: false,
    failure: null,
    busy: false,
    trackingCode: null,
    enhanced: false,
  };

  override componentDidMount(): void {
    // Keep whatever the browser restored into the fields before hydration.
    const form = this.base instanceof Element ? this.base.querySelector('form') : null;
    this.setState({ values: form ? readReportForm(form) : {}, enhanced: true });
  }

  onInput = (event: Event): void => {
    const field = fieldOf(event);
    if (field === null || !isReportFieldName(field.name)) return;
    if (field instanceof HTMLInputElement && field.type === 'radio' && !field.checked) return;
    const { name, value } = field;
    this.setState((state) => ({
      values: { ...state.values, [name]: value },
      // Clear (or update) a problem as soon as the person fixes it.
      errors: state.errors[name] === undefined ? state.errors : withProblem(state.errors, name, fieldProblem(name, value)),
    }));
  };

  onFocusOut = (event: Event): void => {
    const field = fieldOf(event);
    if (field === null || field.type === 'radio' || !isReportFieldName(field.name)) return;
    const { name, value } = field;
    // Don't nag about empty fields while someone is still tabbing through.
    if (value.trim() !== '') this.setState((state) => ({ errors: withProblem(state.errors, name, fieldProblem(name, value)) }));
  };

  onSubmit = (event: Event): void => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    if (this.state.busy) return;
    const values = readReportForm(form);
    const errors = validateReport(values);
    if (Object.keys(errors).length > 0) {
      this.showProblems(errors, values);
      return;
    }
    this.setState({ values, errors: {}, summary: false, failure: null, busy: true });
    void this.send(values);
  };

  private showProblems(errors: ReportProblems, values: ReportValues): void {
    this.setState({ values, errors, summary: true, failure: null, busy: false });
    this.focusAfterRender(ERROR_SUMMARY_ID);
  }

  private async send(values: ReportValues): Promise<void> {
    const result = await postJson('/api/reports', reportPayload(values, this.props.lang));
    const data = result.data;
    if (result.status === 201 && typeof data === 'object' && data !== null && 'trackingCode' in data) {
      const code = String(data.trackingCode);
      this.setState({ busy: false, trackingCode: formatTrackingCode(normalizeTrackingCode(code) ?? code) });
      this.focusAfterRender(RECEIPT_HEADING_ID);
      return;
    }
    if (result.status === 400) {
      const errors = apiFieldProblems(apiError(data)?.fields ?? {});
      if (Object.keys(errors).length > 0) {
        this.showProblems(errors, values);
        return;
      }
    }
    this.setState({ busy: false, failure: failureFor(result.status) });
  }

  override render(): JSX.Element {
    const { lang, m } = this.props;
    const s = this.state;
    if (s.trackingCode !== null) {
      return (
        <div>
          <ReceiptView lang={lang} m={m.receipt} trackingCode={s.trackingCode} />
        </div>
      );
    }
    return (
      <div onInput={this.onInput} onChange={this.onInput} onFocusOut={this.onFocusOut} onSubmit={this.onSubmit}>
        <ReportFormView
          lang={lang}
          m={m}
          values={s.values}
          errors={s.errors}
          summary={s.summary}
          counter={s.enhanced}
          failure={s.failure === null ? undefined : m.failures[s.failure]}
          busy={s.busy}
        />
      </div>
    );
  }
}
