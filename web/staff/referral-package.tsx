/**
 * The case page's referral package: choose a registered authority and the
 * case file's language, optionally include the contact details with a
 * reason; the server answers with the encrypted package itself, which the
 * browser saves as a download (the route answers a file, not JSON, so this
 * form calls it directly instead of through staffApi). The server records
 * the referral; the page folds it in without fetching the case again.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Authority } from '../../contract/schemas/authorities';
import { LANGS, type Lang } from '../i18n/lang';
import { fill } from '../i18n/fill';
import type { ConsoleMessages, StaffReportMessages } from '../i18n/types';
import { staffApi } from './api';
import { errorText, languageNameIn, leaveIfSignedOut } from './format';
import { REVEAL_REASON_MIN } from './report-actions';

interface Props {
  lang: Lang;
  m: StaffReportMessages;
  c: ConsoleMessages;
  reportId: number;
  hasContact: boolean;
  /** The package was made: the referral (and a contact release) are recorded. */
  onMade: (made: { agency: string; date: string; contactReason: string | null }) => void;
}

/** The file name the server gave (Content-Disposition's ASCII filename), or a neutral one. */
function fileNameOf(response: Response, reportId: number): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `referral-${reportId}.tar.age`;
}

/** Hand the package to the browser as a download. */
function saveAs(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ReferralPackageForm(props: Props): JSX.Element {
  const { lang, c, reportId } = props;
  const m = props.m.package;
  const [open, setOpen] = useState(false);
  const [authorities, setAuthorities] = useState<Authority[] | null>(null);
  const [authorityId, setAuthorityId] = useState('');
  const [language, setLanguage] = useState<Lang>(lang);
  const [tellReporter, setTellReporter] = useState(true);
  const [includeContact, setIncludeContact] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const toggle = async (): Promise<void> => {
    setOpen(!open);
    if (authorities !== null) return;
    const result = await staffApi('GET', 'authorities');
    if (result.ok) setAuthorities(result.data.authorities.filter((authority) => !authority.disabled));
    else if (!leaveIfSignedOut(lang, result)) setOutcome({ ok: false, text: errorText(c, result.code) });
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const authority = authorities?.find((candidate) => String(candidate.id) === authorityId);
    const missing = [authority === undefined && m.authority, includeContact && reason.trim().length < REVEAL_REASON_MIN && m.reason].filter(
      (label): label is string => typeof label === 'string',
    );
    if (authority === undefined || missing.length > 0) {
      setOutcome({ ok: false, text: fill(lang, props.m.fixFields, { fields: missing.join(', ') }) });
      return;
    }
    setBusy(true);
    setOutcome(null);
    const body = { authorityId: authority.id, language, tellReporter, ...(includeContact ? { includeContact: { reason: reason.trim() } } : {}) };
    let response: Response;
    try {
      response = await fetch(`/api/staff/reports/${reportId}/referral-package`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/octet-stream, application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      setBusy(false);
      setOutcome({ ok: false, text: errorText(c, 'network') });
      return;
    }
    if (!response.ok) {
      setBusy(false);
      const error = ((await response.json().catch(() => null)) as { error?: { code?: string } } | null)?.error;
      const failure = { ok: false as const, status: response.status, code: error?.code ?? 'internal_error' };
      if (!leaveIfSignedOut(lang, failure)) setOutcome({ ok: false, text: errorText(c, failure.code) });
      return;
    }
    const name = fileNameOf(response, reportId);
    const sha256 = response.headers.get('x-tipline-package-sha256') ?? '';
    saveAs(await response.blob(), name);
    setBusy(false);
    setOutcome({ ok: true, text: fill(lang, m.done, { file: name, sha256 }) });
    props.onMade({ agency: authority.name, date: new Date().toISOString().slice(0, 10), contactReason: includeContact ? reason.trim() : null });
    setIncludeContact(false);
    setReason('');
  };

  return (
    <section class="action">
      <h3 id="h-package">
        <button type="button" class="disclosure" aria-expanded={open ? 'true' : 'false'} aria-controls="form-package" onClick={() => void toggle()}>
          {m.heading}
        </button>
      </h3>
      <div id="form-package" hidden={!open}>
        <p class="hint">{m.intro}</p>
        {authorities !== null && authorities.length === 0 ? (
          <p>{m.noAuthorities}</p>
        ) : (
          <form method="post" noValidate onSubmit={(event) => void submit(event)}>
            <div class="field">
              <label for="f-package-authority">{m.authority}</label>
              <select id="f-package-authority" value={authorityId} onChange={(event) => setAuthorityId(event.currentTarget.value)}>
                <option value="">{m.chooseAuthority}</option>
                {(authorities ?? []).map((authority) => (
                  <option key={authority.id} value={String(authority.id)}>
                    {authority.name} — {authority.jurisdiction}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-package-language">{m.language}</label>
              <select id="f-package-language" value={language} onChange={(event) => setLanguage(LANGS.find((code) => code === event.currentTarget.value) ?? lang)}>
                {LANGS.map((code) => (
                  <option key={code} value={code}>
                    {languageNameIn(lang, code)}
                  </option>
                ))}
              </select>
            </div>
            <div class="checkbox">
              <input id="f-package-tell" type="checkbox" checked={tellReporter} onChange={(event) => setTellReporter(event.currentTarget.checked)} />
              <label for="f-package-tell">{m.tellReporter}</label>
            </div>
            {props.hasContact && (
              <div class="checkbox">
                <input
                  id="f-package-contact"
                  type="checkbox"
                  checked={includeContact}
                  aria-describedby="f-package-contact-hint"
                  onChange={(event) => setIncludeContact(event.currentTarget.checked)}
                />
                <label for="f-package-contact">{m.includeContact}</label>
                <p class="hint" id="f-package-contact-hint">
                  {m.includeContactHint}
                </p>
              </div>
            )}
            {includeContact && (
              <div class="field">
                <label for="f-package-reason">{m.reason}</label>
                <textarea id="f-package-reason" value={reason} maxLength={2_000} onInput={(event) => setReason(event.currentTarget.value)} />
              </div>
            )}
            <p class="actions">
              <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
                {busy ? props.m.busy : m.submit}
              </button>
            </p>
          </form>
        )}
      </div>
      <div aria-live="polite">
        {outcome !== null && (
          <p id="result-package" role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'notice package-done' : 'form-failure'}>
            {outcome.text}
          </p>
        )}
      </div>
    </section>
  );
}
