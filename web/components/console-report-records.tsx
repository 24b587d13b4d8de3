/**
 * A report's case records (notes, referrals, interference, contact reveals,
 * closings), oldest first. A signed decision says who signed it and when,
 * and whether the server's check of the signature held (簽字確認).
 */
import type { ReportLabels, StaffReportMessages } from '../i18n/types';
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { formatTime } from '../staff/format';
import { fill, labelOf } from '../i18n/fill';
import type { CaseRecordView, SignatureView } from '../staff/types';

type Labels = Pick<ReportLabels, 'interferenceMethods' | 'outcomes'>;

function details(record: CaseRecordView, r: StaffReportMessages['records'], labels: Labels): [string, string | undefined][] {
  const methods = labels.interferenceMethods;
  switch (record.kind) {
    case 'note':
      return [['', record.body]];
    case 'closing':
      return [[r.closingOutcome, labelOf(labels.outcomes, record.outcome)]];
    case 'contact_reveal':
      return [[r.reason, record.reason]];
    case 'referral':
      return [
        [r.agency, record.agency],
        [r.reference, record.reference],
        [r.date, record.date],
      ];
    case 'interference':
      // Version 1 entries were free text: shown as they were written.
      if (record.version === 1) {
        return [
          [r.who, record.who],
          [r.when, record.when],
          [r.how, record.how],
          [r.outcome, record.outcome],
        ];
      }
      return [
        [r.name, record.who.name],
        [r.position, record.who.position],
        [r.unit, record.who.unit],
        [r.when, whenText(record.when)],
        [r.how, methods[record.how]],
        [r.asked, record.asked],
        [r.reportedToSuperior, record.reportedToSuperior ? r.yes : r.no],
        [r.followUp, record.followUp],
      ];
  }
}

/** A structured entry's day, with the free-text note about the time beside it. */
export function whenText(when: { date: string; note?: string | undefined }): string {
  return when.note === undefined ? when.date : `${when.date} (${when.note})`;
}

/** The signature line of a signed decision: "signed by … at …, verified", or the failure, said as an alert. */
function SignatureLine({ lang, r, signature }: { lang: Lang; r: StaffReportMessages['records']; signature: SignatureView }): JSX.Element {
  const s = r.signature;
  if (signature.verified && signature.signer !== null && signature.at !== null) {
    return (
      <p class="record-signature record-signature-verified">
        <span aria-hidden="true">✓ </span>
        {fill(lang, s.verified, { name: signature.signer.username, time: formatTime(lang, signature.at) })}
      </p>
    );
  }
  return (
    <p class="record-signature record-signature-failed form-failure">
      <strong>{fill(lang, s.failed, { problem: s.problems[signature.problem ?? 'bad_signature'] })}</strong> {s.advice}
    </p>
  );
}

export function RecordList(props: { lang: Lang; m: StaffReportMessages; labels: Labels; records: CaseRecordView[] }): JSX.Element {
  const r = props.m.records;
  if (props.records.length === 0) return <p>{r.none}</p>;
  return (
    <ol class="records">
      {props.records.map((record, index) => (
        <li key={`${record.id}-${index}`} class={`record record-${record.kind}`}>
          <p class="message-meta">
            <strong>{r.kinds[record.kind]}</strong>
            {record.kind === 'note' && record.formal === true && <> · {r.formal}</>} ·{' '}
            {fill(props.lang, r.byline, { name: record.by?.username ?? '—', time: formatTime(props.lang, record.at) })}
          </p>
          {record.signature != null && <SignatureLine lang={props.lang} r={r} signature={record.signature} />}
          {details(record, r, props.labels)
            .filter((item): item is [string, string] => item[1] !== undefined && item[1] !== '')
            .map(([label, value]) =>
              label === '' ? (
                <p class="text-block">{value}</p>
              ) : (
                <p class="text-block">
                  <span class="record-label">{label}: </span>
                  {value}
                </p>
              ),
            )}
        </li>
      ))}
    </ol>
  );
}
