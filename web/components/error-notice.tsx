import type { JSX } from 'preact';
import { ERROR_CODES, messagesFor, pagePath, type ErrorCode } from '../i18n';
import type { Lang } from '../../contract/languages';
import { isOneOf } from '../../contract/vocabulary';

function isErrorCode(code: string): code is ErrorCode {
  return isOneOf(ERROR_CODES, code);
}

/** The body of an error page for a stable error `code`; unknown codes get the generic text. */
export function ErrorNotice(props: { lang: Lang; code: string }): JSX.Element {
  const m = messagesFor(props.lang).errors;
  const text = m.codes[isErrorCode(props.code) ? props.code : 'generic'];
  return (
    <div class="error-notice">
      <h1>{text.heading}</h1>
      <p>{text.text}</p>
      <p>
        <a href={pagePath(props.lang, 'home')}>{m.homeLink}</a>
      </p>
    </div>
  );
}
