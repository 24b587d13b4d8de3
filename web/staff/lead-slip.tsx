/**
 * The slip handed to a person whose tip staff entered: the tracking code,
 * when it was received, where to check it and how to keep the code safe, in
 * the language the person reads (which may not be the console's). Only the
 * slip prints (web/styles/intake.css).
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { htmlLang, pagePath, type Lang } from '../i18n/lang';
import { fill } from '../i18n/fill';
import type { ConsoleCatalogue, ReportMessages } from '../i18n/types';
import { loadFor } from '../islands/page-messages';
import { formatTime } from './format';

const consoleLoaders = import.meta.glob<ConsoleCatalogue>('../i18n/*/console.json', { import: 'default' });
const reportLoaders = import.meta.glob<ReportMessages>('../i18n/*/report.json', { import: 'default' });

interface SlipMessages {
  slip: ConsoleCatalogue['intake']['slip'];
  receipt: ReportMessages['receipt'];
}

/** The slip's messages in `lang`, loaded when that language is chosen. */
function useSlipMessages(lang: Lang): SlipMessages | null {
  const [messages, setMessages] = useState<{ lang: Lang; m: SlipMessages } | null>(null);
  useEffect(() => {
    let current = true;
    void Promise.all([loadFor(consoleLoaders, lang), loadFor(reportLoaders, lang)]).then(([console, report]) => {
      if (current) setMessages({ lang, m: { slip: console.intake.slip, receipt: report.receipt } });
    });
    return () => {
      current = false;
    };
  }, [lang]);
  return messages?.lang === lang ? messages.m : null;
}

interface Props {
  lang: Lang;
  trackingCode: string;
  receivedAt: string;
  files: number;
  /** The public site's origin: PUBLIC_ORIGIN when set, else this page's. */
  origin: string;
}

export function LeadSlip(props: Props): JSX.Element {
  const m = useSlipMessages(props.lang);
  if (m === null) return <div class="lead-slip" />;
  const statusUrl = `${props.origin}${pagePath(props.lang, 'status')}`;
  return (
    <section class="lead-slip" lang={htmlLang(props.lang)} aria-labelledby="slip-title">
      <h2 id="slip-title">{m.slip.title}</h2>
      <p>{m.slip.intro}</p>
      <div class="code-box">
        <p class="code-label">{m.receipt.codeLabel}</p>
        <p class="tracking-code" data-testid="slip-tracking-code">
          {props.trackingCode}
        </p>
      </div>
      <p>
        {m.slip.receivedLabel}: {formatTime(props.lang, props.receivedAt, false)}
      </p>
      {props.files > 0 && <p>{fill(props.lang, m.slip.filesLine, { count: props.files })}</p>}
      <h3>{m.slip.checkHeading}</h3>
      <p>{fill(props.lang, m.slip.check, { url: statusUrl })}</p>
      <h3>{m.receipt.keepHeading}</h3>
      <ul class="advice">
        {m.receipt.keep.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
