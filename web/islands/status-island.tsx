/**
 * Enhances the status page: check-digit feedback while typing, then fetch
 * lookups and follow-ups. The code lives only in this component's state and
 * the follow-up form's hidden field — never in the URL or in storage.
 */
import type { JSX } from 'preact';
import { ERROR_SUMMARY_ID } from '../components/error-summary';
import { DETAILS_HEADING_ID, NOTICE_ID, StatusDetailsView } from '../components/status-details-view';
import { StatusLookupFormView } from '../components/status-lookup-form-view';
import type { Lang } from '../i18n/lang';
import type { LookupProblem, SendFailure, StatusMessages } from '../i18n/types';
import { apiError, failureFor, postJson } from '../lib/post-json';
import { LIMITS, type FieldProblem, type StatusView } from '../lib/report-fields';
import { asStatusView } from '../lib/status-view';
import { normalizeTrackingCode, TRACKING_CODE_DIGITS, trackingCodeProblem } from '../lib/tracking-code';
import { isFieldProblem } from '../lib/validate-report';
import { FocusingComponent } from './focus-after-render';

const LOOKUP_PROBLEMS = { empty: 'required', format: 'tracking_code_format', check_digit: 'tracking_code_check_digit' } as const;

interface Props {
  lang: Lang;
  m: StatusMessages;
}

interface State {
  typed: string;
  error: LookupProblem | undefined;
  summary: boolean;
  failure: SendFailure | null;
  busy: boolean;
  found: { code: string; view: StatusView } | null;
  notice: boolean;
  body: string;
  bodyError: FieldProblem | undefined;
}

/** How many digits someone has typed so far, whatever the separators or digit width. */
function digitCount(input: string): number {
  return input.normalize('NFKC').replace(/[^0-9]/g, '').length;
}

function followUpProblem(body: string): FieldProblem | undefined {
  const length = body.trim().length;
  if (length < LIMITS.followUp.min) return 'required';
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
    found: null,
    notice: false,
    body: '',
    bodyError: undefined,
  };

  onInput = (event: Event): void => {
    const field = event.target;
    if (field instanceof HTMLTextAreaElement && field.name === 'body') {
      const body = field.value;
      this.setState((s) => ({ body, bodyError: s.bodyError === undefined ? undefined : followUpProblem(body) }));
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
    const { busy, found, body } = this.state;
    // The field itself is the truth: it may hold text typed before hydration.
    const field = form.elements.namedItem('trackingCode');
    const typed = field instanceof HTMLInputElement ? field.value : this.state.typed;
    if (busy) return;
    if (found !== null) {
      const bodyError = followUpProblem(body);
      this.setState({ notice: false, failure: null, bodyError, busy: bodyError === undefined });
      if (bodyError !== undefined) this.focusAfterRender(ERROR_SUMMARY_ID);
      else void this.sendFollowUp(found.code, body);
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
    const result = await postJson('/api/status', { trackingCode: code });
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
      this.setState({ busy: false, failure: failureFor(result.status) });
    }
  }

  private async sendFollowUp(code: string, body: string): Promise<void> {
    const result = await postJson('/api/status/messages', { trackingCode: code, body });
    const view = result.status === 201 ? asStatusView(result.data) : null;
    const problem = result.status === 400 ? apiError(result.data)?.fields['body'] : undefined;
    if (view !== null) {
      this.setState({ busy: false, found: { code, view }, body: '', notice: true });
      this.focusAfterRender(NOTICE_ID);
    } else if (isFieldProblem(problem)) {
      this.setState({ busy: false, bodyError: problem });
      this.focusAfterRender(ERROR_SUMMARY_ID);
    } else if (result.status === 404) {
      // The report is gone (e.g. purged after closing): back to the lookup form.
      this.showLookupError('not_found');
    } else {
      this.setState({ busy: false, failure: failureFor(result.status) });
    }
  }

  override render(): JSX.Element {
    const { lang, m } = this.props;
    const s = this.state;
    const failure = s.failure === null ? undefined : m.failures[s.failure];
    return (
      <div onInput={this.onInput} onSubmit={this.onSubmit}>
        {s.found === null ? (
          <StatusLookupFormView
            lang={lang}
            m={m}
            value={s.typed}
            error={s.error}
            summary={s.summary}
            looksRight={s.typed !== '' && trackingCodeProblem(s.typed) === null}
            failure={failure}
            busy={s.busy}
          />
        ) : (
          <StatusDetailsView
            lang={lang}
            m={m}
            view={s.found.view}
            trackingCode={s.found.code}
            notice={s.notice ? 'message_sent' : undefined}
            followUpError={s.bodyError}
            followUpValue={s.body}
            failure={failure}
            busy={s.busy}
          />
        )}
      </div>
    );
  }
}
