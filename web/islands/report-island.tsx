/**
 * Enhances the report form: inline validation, a character counter, a list
 * of chosen files, and a submission in place (fetch for text only, XHR with
 * progress when there are files) that shows the receipt. Without JavaScript
 * the same markup posts to /api/reports and the server answers with HTML.
 *
 * The upload fields arrive as static HTML (`children`, an Astro slot), and the
 * code and messages for chosen files load only once someone chooses a file:
 * the report page's JavaScript budget cannot carry them up front.
 */
import type { ComponentChildren, JSX } from 'preact';
import { ERROR_SUMMARY_ID } from '../components/error-summary';
import { RECEIPT_HEADING_ID, ReceiptView } from '../components/receipt-view';
import { ReportFormView } from '../components/report-form-view';
import type { Lang } from '../i18n/lang';
import type { ReportMessages, SendFailure, UploadMessages } from '../i18n/types';
import type { UploadLimits, UploadProblem } from '../../contract/attachments';
import { isReportFieldName } from '../../contract/field-names';
import { apiError, failureFor, postJson, type PostResult } from '../lib/post-json';
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
import { pageMessages } from './page-messages';

/** The file-handling code, this language's messages for it and the limits the page states, loaded on demand. */
interface UploadKit {
  upload: typeof import('./upload');
  u: UploadMessages;
  limits: UploadLimits;
}

/** This page's language's report messages (page-messages.ts). */
const reportMessagesFor = await pageMessages(
  import.meta.glob<ReportMessages>('../i18n/*/report.json', { import: 'default' }),
  (catalogue) => catalogue.report,
);

interface Props {
  lang: Lang;
  /** The upload fields, rendered by the page (static HTML). */
  children?: ComponentChildren;
  /** The region list with its free-text box, when the operator lists regions (a named slot: static HTML). */
  region?: ComponentChildren;
}

interface State {
  values: ReportValues;
  errors: ReportProblems;
  summary: boolean;
  failure: SendFailure | null;
  busy: boolean;
  /** The site was busy and the island is sending again by itself. */
  retrying: boolean;
  trackingCode: string | null;
  enhanced: boolean;
  kit: UploadKit | null;
  files: File[];
  /** Bytes of each file sent so far, while sending. */
  progress: number[] | null;
  uploadProblem: UploadProblem | undefined;
}

/** The file input when it holds files not yet moved into the island's list. */
function fileInputWithFiles(form: Element | null): HTMLInputElement | null {
  const input = form?.querySelector('input[type="file"]');
  return input instanceof HTMLInputElement && input.files !== null && input.files.length > 0 ? input : null;
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
    retrying: false,
    trackingCode: null,
    enhanced: false,
    kit: null,
    files: [],
    progress: null,
    uploadProblem: undefined,
  };

  private kitLoading: Promise<UploadKit> | null = null;

  private get form(): HTMLFormElement | null {
    return this.base instanceof Element ? this.base.querySelector('form') : null;
  }

  override componentDidMount(): void {
    // Keep whatever the browser restored into the fields before hydration, and any files already chosen.
    const form = this.form;
    this.setState({ values: form ? readReportForm(form) : {}, enhanced: true });
    this.takeFiles();
  }

  /** The file code and messages, loaded once (a failed load is tried again next time). */
  private loadKit(): Promise<UploadKit> {
    const lang = this.props.lang;
    this.kitLoading ??= import('./upload')
      .then(async (upload) => ({ upload, u: await upload.loadUploadMessages(lang), limits: upload.DEFAULT_UPLOAD_LIMITS }))
      .then(
        (kit) => {
          this.setState({ kit });
          return kit;
        },
        (error: unknown) => {
          this.kitLoading = null;
          throw error;
        },
      );
    return this.kitLoading;
  }

  /** Move files chosen in the file input into the list, then call `then`. */
  private takeFiles(then?: () => void): void {
    const input = fileInputWithFiles(this.form);
    if (input === null) return;
    this.loadKit().then(
      ({ upload, limits }) => this.setState((s) => upload.takeChosenFiles(input, s, limits) ?? {}, then),
      () => this.setState({ failure: 'network' }),
    );
  }

  onChange = (event: Event): void => {
    this.onInput(event);
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') this.takeFiles();
  };

  onClick = (event: Event): void => {
    const kit = this.state.kit;
    const removed = kit === null ? null : kit.upload.removeClicked(event, this.state, kit.limits);
    if (removed === null) return;
    // The button goes away: put focus on the file input rather than losing it.
    this.setState(removed, () => this.form?.querySelector<HTMLElement>('input[type="file"]')?.focus());
  };

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
    // Files chosen a moment ago may still wait for the file code: take them, then submit again.
    if (fileInputWithFiles(form) !== null) {
      this.takeFiles(() => form.requestSubmit());
      return;
    }
    const values = readReportForm(form);
    const errors = validateReport(values);
    const kit = this.state.kit;
    const uploadProblem = kit === null ? undefined : kit.upload.checkFiles(this.state.files, kit.limits);
    if (Object.keys(errors).length > 0 || uploadProblem !== undefined) {
      this.showProblems(errors, values, uploadProblem);
      return;
    }
    this.setState({ values, errors: {}, uploadProblem, summary: false, failure: null, busy: true });
    void this.send(values, form);
  };

  private showProblems(errors: ReportProblems, values: ReportValues, uploadProblem = this.state.uploadProblem): void {
    this.setState({ values, errors, uploadProblem, summary: true, failure: null, busy: false, progress: null });
    this.focusAfterRender(ERROR_SUMMARY_ID);
  }

  private async send(values: ReportValues, form: HTMLFormElement): Promise<void> {
    const { files, kit } = this.state;
    // Text only: the JSON path. With files: multipart, files last, with progress.
    // While the site is busy both send again by themselves, with more work.
    const onRetry = (): void => this.setState({ retrying: true });
    let result: PostResult;
    if (files.length === 0 || kit === null) {
      result = await postJson('/api/reports', reportPayload(values, this.props.lang), onRetry);
    } else {
      this.setState({ progress: files.map(() => 0) });
      result = await kit.upload.postFiles('/api/reports', form, files, (progress) => this.setState({ progress }), onRetry);
    }
    this.setState({ retrying: false });
    const data = result.data;
    if (result.status === 201 && typeof data === 'object' && data !== null && 'trackingCode' in data) {
      // The server sends the code already grouped for reading.
      this.setState({ busy: false, progress: null, trackingCode: String(data.trackingCode) });
      this.focusAfterRender(RECEIPT_HEADING_ID);
      return;
    }
    const uploadProblem = kit?.upload.apiUploadProblem(data);
    // The server's own limits, when they differ from the defaults this page was built with.
    const serverLimits = kit?.upload.apiUploadLimits(data);
    if (kit !== null && serverLimits !== undefined) this.setState({ kit: { ...kit, limits: serverLimits } });
    const errors = result.status === 400 ? apiFieldProblems(apiError(data)?.fields ?? {}) : {};
    if (uploadProblem !== undefined || Object.keys(errors).length > 0) {
      this.showProblems(errors, values, uploadProblem);
      return;
    }
    this.setState({ busy: false, progress: null, failure: failureFor(result.status, data) });
  }

  override render(): JSX.Element {
    const { lang } = this.props;
    const m = reportMessagesFor(lang);
    const s = this.state;
    const kit = s.kit;
    if (s.trackingCode !== null) {
      return (
        <div>
          <ReceiptView lang={lang} m={m.receipt} trackingCode={s.trackingCode} />
        </div>
      );
    }
    return (
      <div
        onInput={this.onInput}
        onChange={this.onChange}
        onClick={this.onClick}
        onFocusOut={this.onFocusOut}
        onSubmit={this.onSubmit}
      >
        <ReportFormView
          lang={lang}
          m={m}
          values={s.values}
          errors={s.errors}
          summary={s.summary}
          counter={s.enhanced}
          failure={s.failure === null ? undefined : m.failures[s.failure]}
          busy={s.busy}
          progress={s.retrying ? m.retrying : undefined}
          region={this.props.region}
          upload={[
            this.props.children,
            kit !== null && (
              <kit.upload.UploadStatus key="status" lang={lang} u={kit.u} limits={kit.limits} problem={s.uploadProblem} files={s.files} progress={s.progress} />
            ),
          ]}
          uploadSummary={
            kit !== null && s.uploadProblem !== undefined ? kit.upload.uploadSummaryItem(kit.u, s.uploadProblem, kit.limits) : undefined
          }
        />
      </div>
    );
  }
}
