import type { JSX } from 'preact';
import { messagesFor } from '../i18n';
import { pagePath, type Lang } from '../i18n/lang';

/**
 * The status page after a follow-up sent without JavaScript, opened again (a
 * reload, or back and forward): the code is not held any more, so the page
 * says the message went and how to see the report again. Nothing was sent again.
 */
export function FollowUpShownOnce(props: { lang: Lang }): JSX.Element {
  const messages = messagesFor(props.lang).status;
  return (
    <div>
      <h1>{messages.sentOnce.heading}</h1>
      <p>{messages.sentOnce.body}</p>
      <p>
        <a class="button" href={pagePath(props.lang, 'status')}>
          {messages.heading}
        </a>
      </p>
    </div>
  );
}
