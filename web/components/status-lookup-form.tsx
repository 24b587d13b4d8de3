import type { JSX } from 'preact';
import { messagesFor, type LookupProblem } from '../i18n';
import type { Lang } from '../../contract/languages';
import { StatusLookupFormView } from './status-lookup-form-view';
import { waitAbout } from '../i18n/fill';

/**
 * The tracking-code form in `lang`, with the typed `value` and an `error`
 * (server-rendered after a form post); `waitSeconds` with the `busy` error.
 */
export function StatusLookupForm(props: { lang: Lang; value?: string; error?: LookupProblem; waitSeconds?: number }): JSX.Element {
  const m = messagesFor(props.lang).status;
  const wait = props.waitSeconds === undefined ? undefined : waitAbout(props.lang, m.waitAbout, props.waitSeconds);
  return <StatusLookupFormView lang={props.lang} m={m} value={props.value} error={props.error} wait={wait} />;
}
