/**
 * A report's evidence files in the console: what each is, where it came
 * from, what happened to its metadata, and two plain links (the session
 * cookie goes with them): the decrypted file, or the age file as stored.
 * A cleaned JPEG or PNG is also shown inline (audited as a preview).
 * "Download" first asks the server whether the file opens whole
 * (`.../check`): a file damaged on the server is named on the page, in the
 * page's language, instead of being saved as a broken file.
 */
import type { ConsoleMessages, StaffReportMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { staffApi } from '../staff/api';
import { errorText, leaveIfSignedOut } from '../staff/format';
import type { Lang } from '../i18n/lang';
import { canPreview, formatBytes, staffFilePreviewUrl, staffFileUrl, type StaffFileView } from '../../contract/attachments';
import { formatTime } from '../staff/format';
import { fill } from '../i18n/fill';
import type { CaseView } from '../staff/types';

/** Which part of the report a file came with, in words. */
function cameWith(lang: Lang, m: StaffReportMessages['files'], view: CaseView, file: StaffFileView): string {
  if (file.origin === 'report') return m.withReport;
  // A follow-up may be files only, without a message.
  if (file.messageId === null) return fill(lang, m.withFollowUp, { time: formatTime(lang, file.at) });
  const message = view.messages.find((candidate) => candidate.id === file.messageId);
  return message === undefined ? m.withMessageUnknown : fill(lang, m.withMessage, { time: formatTime(lang, message.at) });
}

/** Hands a checked file to the browser's downloads, as a click on its link would have. */
function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

export function FileList(props: { lang: Lang; m: StaffReportMessages; c: ConsoleMessages; view: CaseView }): JSX.Element {
  const { lang, view, c } = props;
  const f = props.m.files;
  // The file being checked, and per file why it was not downloaded.
  const [checking, setChecking] = useState<number | null>(null);
  const [problems, setProblems] = useState<Readonly<Record<number, string>>>({});

  const download = async (event: MouseEvent, file: StaffFileView): Promise<void> => {
    event.preventDefault();
    if (checking !== null) return;
    setChecking(file.id);
    setProblems((before) => ({ ...before, [file.id]: '' }));
    const result = await staffApi('GET', `reports/${view.id}/files/${file.id}/check`);
    setChecking(null);
    if (result.ok) return startDownload(staffFileUrl(view.id, file.id));
    if (leaveIfSignedOut(lang, result)) return;
    setProblems((before) => ({ ...before, [file.id]: errorText(c, result.code) }));
  };

  return (
    <section>
      <h2 id="h-files">{f.heading}</h2>
      {view.files.length === 0 ? (
        <p>{f.none}</p>
      ) : (
        <>
          <ul class="evidence-files">
            {view.files.map((file) => (
              <li key={file.id}>
                <h3 class="file-name">{file.name}</h3>
                {canPreview(file) ? (
                  // Decrypted for this session only; the route answers no-store, so the browser keeps no copy.
                  <img class="file-preview" src={staffFilePreviewUrl(view.id, file.id)} alt={fill(lang, f.previewAlt, { name: file.name })} loading="lazy" />
                ) : (
                  <p class="hint">{f.noPreview}</p>
                )}
                <dl class="file-facts">
                  <div>
                    <dt>{f.size}</dt>
                    <dd>{formatBytes(file.size)}</dd>
                  </div>
                  <div>
                    <dt>{f.type}</dt>
                    <dd>{file.type}</dd>
                  </div>
                  <div>
                    <dt>{f.sha256}</dt>
                    <dd>
                      <code class="detail">{file.sha256}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>{f.metadata}</dt>
                    <dd>{f.metadataHandling[file.metadata]}</dd>
                  </div>
                  <div>
                    <dt>{f.cameWith}</dt>
                    <dd>{cameWith(lang, f, view, file)}</dd>
                  </div>
                  <div>
                    <dt>{f.received}</dt>
                    <dd>{formatTime(lang, file.at)}</dd>
                  </div>
                </dl>
                <p class="file-links">
                  <a href={staffFileUrl(view.id, file.id)} download onClick={(event) => void download(event, file)} aria-describedby={`file-problem-${file.id}`}>
                    {f.download}
                    <span class="visually-hidden"> {file.name}</span>
                  </a>
                  <a href={staffFileUrl(view.id, file.id, true)} download>
                    {f.exportEncrypted}
                    <span class="visually-hidden"> {file.name}</span>
                  </a>
                </p>
                <p id={`file-problem-${file.id}`} class={problems[file.id] ? 'form-failure' : 'hint'} role="status">
                  {checking === file.id ? f.checking : (problems[file.id] ?? '')}
                </p>
              </li>
            ))}
          </ul>
          {/* What downloading means (decrypted copies), said only where there is something to download. */}
          <p class="hint">{f.hint}</p>
        </>
      )}
    </section>
  );
}
