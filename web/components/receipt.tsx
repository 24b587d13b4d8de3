import type { JSX } from 'preact';
import { messagesFor } from '../i18n';
import type { Lang } from '../../contract/languages';
import { ReceiptView } from './receipt-view';

/** The receipt after a successful submission; `trackingCode` is already formatted ("dddd dddd dddd dddd dddd"). */
export function Receipt(props: { lang: Lang; trackingCode: string }): JSX.Element {
  return <ReceiptView lang={props.lang} m={messagesFor(props.lang).report.receipt} trackingCode={props.trackingCode} />;
}
