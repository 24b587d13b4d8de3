/**
 * What an island shows after the upload fields: the problem with the chosen
 * files, the files themselves (each with a remove button, or a progress bar
 * while sending) and a spoken count. The file input above it may be static
 * HTML (the report page passes it in as an Astro slot), so its
 * aria-invalid, aria-describedby and disabled state are kept in step here.
 */
import { Component, type JSX } from 'preact';
import { FILES_ERROR_ID, FILES_ID, uploadProblemText } from '../components/upload-fields';
import type { UploadMessages } from '../i18n/types';
import { formatBytes, type UploadLimits, type UploadProblem } from '../../contract/attachments';
import { fill } from '../i18n/fill';
import type { Lang } from '../i18n/lang';

export interface UploadStatusProps {
  lang: Lang;
  u: UploadMessages;
  limits: UploadLimits;
  problem: UploadProblem | undefined;
  files: readonly { name: string; size: number }[];
  /** Bytes of each file sent so far, while sending; null otherwise. */
  progress: readonly number[] | null;
}

export class UploadStatus extends Component<UploadStatusProps> {
  override componentDidMount(): void {
    this.syncInput();
  }

  override componentDidUpdate(): void {
    this.syncInput();
  }

  private syncInput(): void {
    const input = document.getElementById(FILES_ID);
    if (!(input instanceof HTMLInputElement)) return;
    const { problem, progress } = this.props;
    input.disabled = progress !== null;
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '' && id !== FILES_ERROR_ID);
    if (problem !== undefined) ids.push(FILES_ERROR_ID);
    input.setAttribute('aria-describedby', ids.join(' '));
    if (problem !== undefined) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  override render(): JSX.Element {
    const { lang, u, limits, problem, files, progress } = this.props;
    const count = files.length;
    return (
      <div class={problem !== undefined ? 'chosen field-invalid' : 'chosen'}>
        {problem !== undefined && (
          <p class="field-error" id={FILES_ERROR_ID}>
            {uploadProblemText(u, problem, limits)}
          </p>
        )}
        {count > 0 && (
          <p class="chosen-heading" id="chosen-heading">
            {u.chosen}
          </p>
        )}
        {count > 0 && (
          <ul aria-labelledby="chosen-heading">
            {files.map((file, index) => (
              <li key={`${index}-${file.name}`}>
                <span class="file-name" id={`chosen-${index}`}>
                  {file.name}
                </span>{' '}
                <span class="file-size">{formatBytes(file.size)}</span>{' '}
                {progress !== null ? (
                  <progress max={Math.max(file.size, 1)} value={progress[index] ?? 0} aria-labelledby={`chosen-${index}`} />
                ) : (
                  <button type="button" class="link-button" data-remove={index}>
                    {u.remove}
                    <span class="visually-hidden"> {file.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <p class="visually-hidden" aria-live="polite">
          {count === 0 ? '' : fill(lang, u.count, { count })}
        </p>
      </div>
    );
  }
}
