/**
 * Enhances the status page: check-digit feedback while typing, then fetch
 * lookups and follow-ups (with files: XHR with progress, as on the report
 * page). The code lives only in this component's state and the follow-up
 * form's hidden field — never in the URL or in storage.
 */
import type { JSX } from 'preact';
import { ERROR_SUMMARY_ID } from '../components/error-summary';
import { DETAILS_HEADING_ID, NOTICE_ID, StatusDetailsView } from '../components/status-details-view';
import { StatusLookupFormView } from '../components/status-lookup-form-view';
import { FILES_ID, UploadFields, uploadSummaryItem } from '../components/upload-fields';
import type { Lang } from '../i18n/lang';
import type { LookupProblem, SendFailure, StatusMessages, UploadMessages } from '../i18n/types';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../contract/attachments';
import { apiError, failureFor, postJson, type PostResult } from '../lib/post-json';
import { isFieldProblem, LIMITS, type FieldProblem, type StatusView } from '../../contract/report-fields';
import { asStatusView } from '../lib/status-view';
import { normalizeTrackingCode, TRACKING_CODE_DIGITS, trackingCodeProblem } from '../../contract/tracking-code';
import { FocusingComponent } from './focus-after-render';
import { apiUploadLimits, apiUploadProblem, checkFiles, NO_FILES, postFiles, removeClicked, takeChosenFiles, type UploadState } from './upload';
import { UploadStatus } from './upload-status';
import { pageMessages } from './page-messages';
import { pageTimeZone } from '../lib/display-zone';

const LOOKUP_PROBLEMS = { empty: 'required', format: 'tracking_code_format', check_digit: 'tracking_code_check_digit' } as const;

/** This page's language's status and evidence-file messages (page-messages.ts), loaded side by side. */
const [statusMessagesFor, uploadMessagesFor] = await Promise.all([
  pageMessages(import.meta.glob<StatusMessages>('../i18n/*/status.json', { import: 'default' }), (catalogue) => catalogue.status),
  pageMessages(import.meta.glob<UploadMessages>('../i18n/*/upload.json', { import: 'default' }), (catalogue) => catalogue.upload),
]);

interface Props {
  lang: Lang;
}

interface State extends UploadState {
  typed: string;
  error: LookupProblem | undefined;
  summary: boolean;
  failure: SendFailure | null;
  busy: boolean;
  /** The site was busy and the island is sending again by itself. */
  retrying: boolean;
  found: { code: string; view: StatusView } | null;
  notice: boolean;
  body: string;
  bodyError: FieldProblem | undefined;
}

/** How many digits someone has typed so far, whatever the separators or digit width. */
function digitCount(input: string): number {
  return input.normalize('NFKC').replace(/[^0-9]/g, '').length;
}

/** A follow-up needs a message, files, or both. */
function followUpProblem(body: string, fileCount: number): FieldProblem | undefined {
  const length = body.trim().length;
  if (length < LIMITS.followUp.min && fileCount === 0) return 'required';
  return length > LIMITS.followUp.max ? 'too_long' : undefined;
}

/**
 * A code typed into the server-rendered form before the JavaScript arrived:
 * no input event reached the island for it, so it is read from the page.
 */
function codeTypedBeforeHydration(): string {
  if (typeof document === 'undefined') return '';
  const field = document.querySelector('input[name="trackingCode"]');
  return field instanceof HTMLInputElement ? field.value : '';
}

/** The lookup form and, once a code matches, the report's status and messages. */
export class StatusIsland extends FocusingComponent<Props, State> {
  override state: State = {
    typed: codeTypedBeforeHydration(),
    error: undefined,
    summary: false,
    failure: null,
    busy: false,
    retrying: false,
    found: null,
    notice: false,
    body: '',
    bodyError: undefined,
    ...NO_FILES,
  };

  /** The limits the page states (a static page cannot know the server's configuration). */
  private limits: UploadLimits = DEFAULT_UPLOAD_LIMITS;

  onChange = (event: Event): void => {
    const chosen = takeChosenFiles(event.target instanceof Element ? event.target : null, this.state, this.limits);
    if (chosen === null) return;
    this.setState((s) => ({ ...chosen, bodyError: s.bodyError === undefined ? undefined : followUpProblem(s.body, chosen.files.length) }));
  };

  onClick = (event: Event): void => {
    const removed = removeClicked(event, this.state, this.limits);
    if (removed === null) return;
    this.setState(removed);
    // The button goes away: put focus on the file input rather than losing it.
    this.focusAfterRender(FILES_ID);
  };

  onInput = (event: Event): void => {
    const field = event.target;
    if (field instanceof HTMLTextAreaElement && field.name === 'body') {
      const body = field.value;
      this.setState((s) => ({ body, bodyError: s.bodyError === undefined ? undefined : followUpProblem(body, s.files.length) }));
      return;
    }
    if (!(field instanceof HTMLInputElement) || field.name !== 'trackingCode') return;
    const typed = field.value;
    const problem = trackingCodeProblem(typed);
    this.setState((s) => ({
      typed,
      // Judge the code once it is complete; before that, only keep a shown error current.
      error:
        (digitCount(typed) >= TRACKING_CODE_DIGITS || (s.summary && s.error !== undefined)) && problem !== null
          ? LOOKUP_PROBLEMS[problem]
          : undefined,
    }));
  };

  onSubmit = (event: Event): void => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    const { busy, found, body, files } = this.state;
    // The field itself is the truth: it may hold text typed before hydration.
    const field = form.elements.namedItem('trackingCode');
    const typed = field instanceof HTMLInputElement ? field.value : this.state.typed;
    if (busy) return;
    if (found !== null) {
      const bodyError = followUpProblem(body, files.length);
      const uploadProblem = checkFiles(files, this.limits);
      const ok = bodyError === undefined && uploadProblem === undefined;
      this.setState({ notice: false, failure: null, bodyError, uploadProblem, busy: ok });
      if (!ok) this.focusAfterRender(ERROR_SUMMARY_ID);
      else void this.sendFollowUp(found.code, body, form);
      return;
    }
    const problem = trackingCodeProblem(typed);
    const code = normalizeTrackingCode(typed);
    if (problem !== null || code === null) {
      this.showLookupError(LOOKUP_PROBLEMS[problem ?? 'format']);
      return;
    }
    this.setState({ error: undefined, summary: false, failure: null, busy: true });
    void this.lookup(code);
  };

  private showLookupError(error: LookupProblem): void {
    this.setState({ found: null, error, summary: true, failure: null, busy: false });
    this.focusAfterRender(ERROR_SUMMARY_ID);
  }

  private async lookup(code: string): Promise<void> {
    const result = await postJson('/api/status', { trackingCode: code }, this.onRetry);
    this.setState({ retrying: false });
    const view = result.status === 200 ? asStatusView(result.data) : null;
    if (view !== null) {
      this.setState({ busy: false, found: { code, view } });
      this.focusAfterRender(DETAILS_HEADING_ID);
    } else if (result.status === 404) {
      this.showLookupError('not_found');
    } else if (result.status === 400) {
      const reported = apiError(result.data)?.fields['trackingCode'];
      this.showLookupError(reported === 'tracking_code_check_digit' ? reported : 'tracking_code_format');
    } else {
      this.setState({ busy: false, failure: failureFor(result.status, result.data) });
    }
  }

  private onRetry = (): void => this.setState({ retrying: true });

  private async sendFollowUp(code: string, body: string, form: HTMLFormElement): Promise<void> {
    const { files } = this.state;
    let result: PostResult;
    if (files.length === 0) {
      result = await postJson('/api/status/messages', { trackingCode: code, body }, this.onRetry);
    } else {
      this.setState({ progress: files.map(() => 0) });
      result = await postFiles('/api/status/messages', form, files, (progress) => this.setState({ progress }), this.onRetry);
    }
    this.setState({ retrying: false });
    const view = result.status === 201 ? asStatusView(result.data) : null;
    const problem = result.status === 400 ? apiError(result.data)?.fields['body'] : undefined;
    const uploadProblem = apiUploadProblem(result.data);
    // The server's own limits, when they differ from the defaults this page was built with.
    this.limits = apiUploadLimits(result.data) ?? this.limits;
    if (view !== null) {
      form.reset(); // e.g. the keep-metadata box, which the island does not control
      this.setState({ busy: false, found: { code, view }, body: '', notice: true, ...NO_FILES });
      this.focusAfterRender(NOTICE_ID);
    } else if (isFieldProblem(problem) || uploadProblem !== undefined) {
      this.setState({ busy: false, progress: null, bodyError: isFieldProblem(problem) ? problem : undefined, uploadProblem });
      this.focusAfterRender(ERROR_SUMMARY_ID);
    } else if (result.status === 404) {
      // The report is gone (e.g. purged after closing): back to the lookup form.
      this.showLookupError('not_found');
    } else {
      this.setState({ busy: false, progress: null, failure: failureFor(result.status, result.data) });
    }
  }

  override render(): JSX.Element {
    const { lang } = this.props;
    const m = statusMessagesFor(lang);
    const u = uploadMessagesFor(lang);
    const s = this.state;
    const limits = this.limits;
    const failure = s.failure === null ? undefined : m.failures[s.failure];
    return (
      <div onInput={this.onInput} onChange={this.onChange} onClick={this.onClick} onSubmit={this.onSubmit}>
        {s.found === null ? (
          <StatusLookupFormView
            lang={lang}
            m={m}
            value={s.typed}
            error={s.error}
            summary={s.summary}
            looksRight={s.typed !== '' && trackingCodeProblem(s.typed) === null}
            failure={failure}
            progress={s.retrying ? m.retrying : undefined}
            busy={s.busy}
          />
        ) : (
          <StatusDetailsView
            lang={lang}
            m={m}
            view={s.found.view}
            trackingCode={s.found.code}
            notice={s.notice ? 'message_sent' : undefined}
            timeZone={pageTimeZone()}
            followUpError={s.bodyError}
            followUpValue={s.body}
            failure={failure}
            progress={s.retrying ? m.details.retrying : undefined}
            busy={s.busy}
            upload={[
              <UploadFields key="fields" m={u} limits={limits} />,
              <UploadStatus key="status" lang={lang} u={u} limits={limits} problem={s.uploadProblem} files={s.files} progress={s.progress} />,
            ]}
            uploadSummary={s.uploadProblem === undefined ? undefined : uploadSummaryItem(u, s.uploadProblem, limits)}
          />
        )}
      </div>
    );
  }
}
