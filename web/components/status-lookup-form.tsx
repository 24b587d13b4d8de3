import type { JSX } from 'preact';
import { messagesFor, type Lang } from '../i18n';
import { StatusLookupFormView } from './status-lookup-form-view';

/** The tracking-code form in `lang`, with the typed `value` and an `error` (server-rendered after a form post). */
export function StatusLookupForm(props: {
  lang: Lang;
  value?: string;
  error?: 'required' | 'tracking_code_format' | 'tracking_code_check_digit' | 'not_found';
}): JSX.Element {
  return (
    <StatusLookupFormView lang={props.lang} m={messagesFor(props.lang).status} value={props.value} error={props.error} />
  );
}
