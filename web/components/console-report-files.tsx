/**
 * A report's evidence files in the console: what each is, where it came
 * from, what happened to its metadata, and two plain links (the session
 * cookie goes with them): the decrypted file, or the age file as stored.
 * A cleaned JPEG or PNG is also shown inline (audited as a preview).
 */
import type { StaffReportMessages } from '../i18n/types';
import type { JSX } from 'preact';
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

export function FileList(props: { lang: Lang; m: StaffReportMessages; view: CaseView }): JSX.Element {
  const { lang, view } = props;
  const f = props.m.files;
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
                  <a href={staffFileUrl(view.id, file.id)} download>
                    {f.download}
                    <span class="visually-hidden"> {file.name}</span>
                  </a>
                  <a href={staffFileUrl(view.id, file.id, true)} download>
                    {f.exportEncrypted}
                    <span class="visually-hidden"> {file.name}</span>
                  </a>
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
