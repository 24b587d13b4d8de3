import type { JSX } from 'preact';
import { pagePath, type Lang } from '../i18n/lang';
import type { ReceiptMessages } from '../i18n/types';

export const RECEIPT_HEADING_ID = 'receipt-heading';

/** What a reporter sees once the report is stored: the tracking code and how to keep it. */
export function ReceiptView(props: { lang: Lang; m: ReceiptMessages; trackingCode: string }): JSX.Element {
  const { m } = props;
  return (
    <div class="receipt">
      <h1 id={RECEIPT_HEADING_ID} tabIndex={-1}>
        {m.heading}
      </h1>
      <p>{m.intro}</p>
      <div class="code-box">
        <p class="code-label" id="tracking-code-label">
          {m.codeLabel}
        </p>
        <p class="tracking-code" data-testid="tracking-code">
          {props.trackingCode}
        </p>
      </div>
      <p class="warning" id="screenshot-warning">
        {m.screenshotWarning}
      </p>
      <h2>{m.keepHeading}</h2>
      <ul class="advice">
        {m.keep.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{m.next}</p>
      <p>
        <a class="button" href={pagePath(props.lang, 'status')}>
          {m.statusLink}
        </a>
      </p>
      <p class="small">{m.notShownAgain}</p>
    </div>
  );
}
