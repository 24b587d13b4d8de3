import type { JSX } from 'preact';
import { messagesFor } from '../i18n';
import { pagePath, type Lang } from '../i18n/lang';

/**
 * The receipt page opened again (a reload, or back and forward): the code
 * was shown once and is kept nowhere, so it is not shown again, and nothing
 * was sent again either.
 */
export function ReceiptGone(props: { lang: Lang }): JSX.Element {
  const m = messagesFor(props.lang).report.receipt.gone;
  return (
    <div class="receipt">
      <h1>{m.heading}</h1>
      <p>{m.body}</p>
      <p>{m.lost}</p>
      <p>
        <a class="button" href={pagePath(props.lang, 'status')}>
          {m.statusLink}
        </a>{' '}
        <a class="button button-secondary" href={pagePath(props.lang, 'report')}>
          {m.reportLink}
        </a>
      </p>
    </div>
  );
}
