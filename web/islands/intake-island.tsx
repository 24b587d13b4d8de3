/**
 * "Enter a lead" for triage staff and admins: a tip taken by phone, letter
 * or visit, with the files handed over, then a printable slip with the
 * tracking code. The code lives only in this island's state: it is never
 * stored, and leaving or reloading the page loses it.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { DEFAULT_UPLOAD_LIMITS, FILES_FIELD, formatBytes, isUploadProblem, type UploadLimits } from '../../contract/attachments';
import { fill } from '../i18n/fill';
import { LANGS, type Lang } from '../i18n/lang';
import type { ReportMessages, UploadMessages } from '../i18n/types';
import type { ApiFailure } from '../staff/api';
import { errorText, languageNameIn, leaveIfSignedOut } from '../staff/format';
import { OutcomeLine, SelectField, type Outcome } from '../staff/form-parts';
import { LeadForm } from '../staff/lead-form';
import { sendLead } from '../staff/lead-send';
import { LeadSlip } from '../staff/lead-slip';
import { StaffGate } from '../staff/staff-gate';
import { consoleMessagesFor } from './console-messages';
import { pageMessages } from './page-messages';

const reportMessagesFor = await pageMessages(import.meta.glob<ReportMessages>('../i18n/*/report.json', { import: 'default' }), (c) => c.report);
const uploadMessagesFor = await pageMessages(import.meta.glob<UploadMessages>('../i18n/*/upload.json', { import: 'default' }), (c) => c.upload);

interface Entered {
  trackingCode: string;
  receivedAt: string;
  files: number;
}

/** An upload problem as the web form words it, with the limits the server sent (or the defaults). */
function filesProblemText(lang: Lang, upload: UploadMessages, failure: ApiFailure, limits: UploadLimits): string | undefined {
  const code = failure.fields?.[FILES_FIELD] ?? failure.code;
  if (!isUploadProblem(code)) return undefined;
  // Limits rounded down (never more than the server takes), in the units phones show sizes in.
  return fill(lang, upload.problems[code], { files: limits.maxFiles, fileSize: formatBytes(limits.maxFileBytes, true), total: formatBytes(limits.maxSubmissionBytes, true) });
}

export function IntakeIsland({ lang, publicOrigin }: { lang: Lang; publicOrigin: string | null }): JSX.Element {
  const { common, intake } = consoleMessagesFor(lang);
  const report = reportMessagesFor(lang);
  const upload = uploadMessagesFor(lang);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [entered, setEntered] = useState<Entered | null>(null);
  const [slipLang, setSlipLang] = useState<Lang>(lang);
  // A new form after each lead: nothing typed for the last person stays behind.
  const [formKey, setFormKey] = useState(0);

  const submit = async (form: HTMLFormElement): Promise<void> => {
    setFailure(null);
    setProgress(0);
    const files = (form.elements.namedItem(FILES_FIELD) as HTMLInputElement | null)?.files?.length ?? 0;
    const result = await sendLead(form, setProgress);
    setProgress(null);
    if (!result.ok) {
      if (!leaveIfSignedOut(lang, result)) setFailure(result);
      return;
    }
    setEntered({ trackingCode: result.data.trackingCode, receivedAt: new Date().toISOString(), files });
  };

  const filesProblem = failure === null ? undefined : filesProblemText(lang, upload, failure, DEFAULT_UPLOAD_LIMITS);
  const outcome: Outcome =
    failure === null ? null : { ok: false, text: filesProblem ?? (failure.code === 'invalid_input' ? intake.checkFields : errorText(common, failure.code)) };

  return (
    <StaffGate lang={lang} common={common} roles={['triager', 'admin']} notForRole={intake.notForRole}>
      {() =>
        entered === null ? (
          <>
            <OutcomeLine outcome={outcome} />
            <LeadForm
              key={formKey}
              lang={lang}
              m={intake}
              report={report}
              maxFiles={DEFAULT_UPLOAD_LIMITS.maxFiles}
              problems={failure?.fields ?? {}}
              filesProblem={filesProblem}
              progress={progress}
              onSubmit={(form) => void submit(form)}
            />
          </>
        ) : (
          <div class="lead-entered">
            <h2 class="screen-only">{intake.slip.heading}</h2>
            <p class="notice screen-only" role="status">
              {intake.slip.shownOnce}
            </p>
            <div class="screen-only slip-controls">
              <SelectField
                id="slip-lang"
                label={intake.slip.languageLabel}
                value={slipLang}
                onValue={(value) => setSlipLang(LANGS.find((other) => other === value) ?? lang)}
                options={LANGS.map((other) => ({ value: other, label: languageNameIn(lang, other) }))}
              />
              <p>
                <button type="button" onClick={() => window.print()}>
                  {intake.slip.print}
                </button>{' '}
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    setEntered(null);
                    setFailure(null);
                    setFormKey((key) => key + 1);
                  }}
                >
                  {intake.slip.another}
                </button>
              </p>
            </div>
            <LeadSlip lang={slipLang} trackingCode={entered.trackingCode} receivedAt={entered.receivedAt} files={entered.files} origin={publicOrigin ?? window.location.origin} />
          </div>
        )
      }
    </StaffGate>
  );
}
